// A route of the API, declared once: its path, the role it needs, the zod schemas of its params,
// query and body (checked before the handler runs), and its responses. The same declarations mount
// the routes on express and write the OpenAPI document (openapi.ts).

import type { ApiRole, Caller } from '@kolmap/model';
import type { Request, Response, Router } from 'express';
import type { z } from 'zod';
import { ApiError, invalidRequest } from './api-error.js';
import { requireRole } from './auth.js';

export interface ResponseDefinition {
  description: string;
  /** A JSON body of this shape. */
  json?: z.ZodType;
  /** Another content type (CSV, GEXF, event stream…), with a plain string body. */
  contentType?: string;
}

export interface RouteDefinition<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  method: 'get' | 'post' | 'patch' | 'delete';
  /** Express path under /api/v1, e.g. `/maps/:id`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** The least role that may call it; `public` needs no key. */
  role: ApiRole | 'public';
  params?: P;
  query?: Q;
  /** A JSON body. */
  body?: B;
  /** Other request bodies, for the documentation only (the handler reads them itself). */
  requestContent?: Record<string, { schema: z.ZodType }>;
  responses: Record<number, ResponseDefinition>;
  handle(input: RouteInput<P, Q, B>, response: Response): Promise<void>;
}

export interface RouteInput<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
  caller: Caller;
  request: Request;
}

/** Declares a route (the identity, with the types of its input inferred from the schemas). */
export function defineRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
  route: RouteDefinition<P, Q, B>,
): RouteDefinition {
  return route as unknown as RouteDefinition;
}

/** Mounts routes on `router`: role check, then params, query and body validated, then the handler. */
export function mountRoutes(router: Router, routes: readonly RouteDefinition[]): void {
  for (const route of routes) {
    router[route.method](route.path, requireRole(route.role), async (request, response) => {
      if (route.body && !request.is('application/json')) {
        throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the body as application/json');
      }
      const input = {
        params: parsePart(route.params, request.params, 'params'),
        query: parsePart(route.query, request.query, 'query'),
        body: parsePart(route.body, request.body, 'body'),
        caller: response.locals.caller as Caller,
        request,
      };
      await route.handle(input, response);
    });
  }
}

function parsePart(schema: z.ZodType | undefined, value: unknown, part: string): unknown {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) throw invalidRequest(part, parsed.error.issues);
  return parsed.data;
}
