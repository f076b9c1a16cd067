// The express application: security headers, CORS, request logs with ids, API keys and roles, rate
// limits, the routes under /api/v1 with their OpenAPI document, health checks, and the viewer.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Caller } from '@kolmap/model';
import cors from 'cors';
import express, { type Express } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { ApiConfig } from '../config.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { createServices } from '../services/services.js';
import type { MapStore } from '../store/map-store.js';
import { ApiError, errorHandler } from './api-error.js';
import { identifyCaller, refuseUnknownKey } from './auth.js';
import type { ApiContext } from './context.js';
import { exportRoutes } from './export-routes.js';
import { checkJsonDepth } from './json-depth.js';
import { listeningRoutes } from './listening-routes.js';
import { localOnly } from './local-guard.js';
import { mapRoutes } from './map-routes.js';
import { API_PREFIX, openApiDocument, openApiPage } from './openapi.js';
import { readRoutes } from './read-routes.js';
import { mountRoutes, type RouteDefinition } from './route.js';

export interface AppDependencies {
  config: ApiConfig;
  store: MapStore;
  jobs: JobQueue;
  logger: Logger;
}

/** The built viewer in this repository (packages/viewer/dist). */
export const DEFAULT_VIEWER_DIR = fileURLToPath(new URL('../../../viewer/dist', import.meta.url));

/** Every route of the API (under /api/v1), in the order they are matched. */
export function apiRoutes(context: ApiContext): RouteDefinition[] {
  return [
    ...mapRoutes(context),
    ...readRoutes(context),
    ...exportRoutes(context),
    ...listeningRoutes(context),
  ];
}

/** The application, not listening: `createApp(deps).listen(port)` or supertest. */
export function createApp(deps: AppDependencies): Express {
  const { config, store, jobs, logger } = deps;
  const context: ApiContext = {
    config,
    services: createServices({ store, jobs, config }),
    uploadsDir: join(config.dataDir, 'uploads'),
  };
  const routes = apiRoutes(context);
  const document = openApiDocument(routes);

  const app = express();
  app.disable('x-powered-by');
  // No ETag: hashing every answer costs more than it saves on these small, varied JSON answers.
  app.set('etag', false);
  app.use(
    pinoHttp({
      logger,
      genReqId: (request, response) => {
        const given = request.headers['x-request-id'];
        const id =
          typeof given === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(given) ? given : randomUUID();
        response.setHeader('X-Request-Id', id);
        return id;
      },
      // Paths and statuses only: queries and bodies may hold names, keys may be in headers.
      serializers: {
        req: (request: { id: string; method: string; url: string }) => ({
          id: request.id,
          method: request.method,
          path: request.url.split('?')[0],
        }),
        res: (response: { statusCode: number }) => ({ status: response.statusCode }),
      },
      customProps: (_request, response) => {
        const caller = (response as unknown as { locals?: { caller?: Caller | null } }).locals
          ?.caller;
        return caller ? { caller: caller.name } : {};
      },
    }),
  );
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'worker-src': ["'self'", 'blob:'], 'img-src': ["'self'", 'data:', 'blob:'] },
      },
    }),
  );
  if (config.apiKeys.length === 0) app.use(localOnly(config.corsOrigins));
  if (config.corsOrigins.length > 0) {
    app.use(cors({ origin: config.corsOrigins, exposedHeaders: ['X-Request-Id', 'Location'] }));
  }

  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/readyz', async (_request, response) => {
    try {
      const { latencyMs } = await store.ping();
      response.json({ status: 'ready', store: store.kind, latencyMs });
    } catch {
      response.status(503).json({
        error: {
          code: 'STORE_UNAVAILABLE',
          message: `the ${store.kind} store does not answer`,
          details: [],
        },
      });
    }
  });
  app.get(`${API_PREFIX}/openapi.json`, (_request, response) => {
    response.json(document);
  });
  const docsPage = openApiPage(document);
  app.get(`${API_PREFIX}/docs`, (_request, response) => {
    response.type('html').send(docsPage);
  });

  const api = express.Router();
  api.use(identifyCaller(config.apiKeys));
  if (config.rateLimitPerMinute > 0) {
    api.use(
      rateLimit({
        windowMs: 60_000,
        limit: config.rateLimitPerMinute,
        standardHeaders: 'draft-8',
        legacyHeaders: false,
        // A known key is limited on its own; requests without a key or with a wrong one, per address.
        keyGenerator: (request, response) =>
          (response.locals.caller as Caller | null)?.name ?? ipKeyGenerator(request.ip ?? ''),
        handler: (_request, _response, next) =>
          next(
            new ApiError(
              429,
              'TOO_MANY_REQUESTS',
              `more than ${config.rateLimitPerMinute} requests in a minute; wait and retry`,
            ),
          ),
      }),
    );
  }
  api.use(refuseUnknownKey);
  api.use(
    express.json({
      limit: config.jsonMaxBytes,
      verify: (_request, _response, body) => checkJsonDepth(body, config.jsonMaxDepth, 'body'),
    }),
  );
  mountRoutes(api, routes);
  api.use((request, _response, next) => {
    next(new ApiError(404, 'NOT_FOUND', `no route ${request.method} ${API_PREFIX}${request.path}`));
  });
  app.use(API_PREFIX, api);

  serveViewer(app, config.viewerDir ?? DEFAULT_VIEWER_DIR);
  app.use(errorHandler);
  return app;
}

/** The viewer's files at `/`, and its index.html for every other page (deep links). */
function serveViewer(app: Express, dir: string): void {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    app.get('/', (_request, response) => {
      response
        .type('text')
        .send(
          `kolmap API is running; the viewer is not built (${dir}). Run pnpm build, or read ${API_PREFIX}/docs.`,
        );
    });
    return;
  }
  app.use(express.static(dir, { index: 'index.html', maxAge: '1h' }));
  app.get(/^\/(?!api\/|healthz|readyz).*/, (_request, response) => {
    response.sendFile(index);
  });
}
