// Maps and analysis jobs: upload a dataset to analyse, follow the job, list, read, rename and
// delete maps, read a map's export log.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type AnalysisOptions, analysisOptionsSchema, parseWatchList } from '@kolmap/core';
import {
  API_ROLES,
  callerSchema,
  jobSchema,
  mapInfoSchema,
  mapNameSchema,
  mapSummarySchema,
} from '@kolmap/model';
import { z } from 'zod';
import { isFinished } from '../jobs/job.js';
import { newId } from '../store/map-store.js';
import { ApiError, invalidRequest } from './api-error.js';
import type { ApiContext } from './context.js';
import { checkJsonDepth } from './json-depth.js';
import { API_PREFIX } from './openapi.js';
import { defineRoute, type RouteDefinition } from './route.js';
import {
  auditEntrySchema,
  errorResponses,
  mapParamsSchema,
  renameMapSchema,
  storeIdSchema,
} from './schemas.js';
import { type ReceivedUpload, receiveMultipart, writeJsonRecords } from './upload.js';

/** A JSON upload: the map's name, analysis options and kolmap records (each with its `kind`). */
export const jsonUploadSchema = z.strictObject({
  name: mapNameSchema,
  options: analysisOptionsSchema.default(analysisOptionsSchema.parse({})),
  records: z.array(z.record(z.string(), z.unknown())).min(1),
});

const multipartUploadSchema = z.object({
  name: z.string().describe('the map’s name'),
  options: z.string().optional().describe('analysis options as JSON (see AnalysisOptions)'),
  watch: z
    .string()
    .optional()
    .describe(
      'a watch list in YAML or JSON, as a text field or a file (docs/listening.md); the same as options.watch',
    ),
  file: z.array(z.string().meta({ format: 'binary' })).describe('one or more dataset files'),
});

const uploadQuerySchema = z.strictObject({
  /** true: answer once the map is saved (201); false: answer at once with the job (202). */
  wait: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});

const listMapsQuerySchema = z.strictObject({
  /** Also list maps still being saved. */
  building: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});

const jobParamsSchema = z.strictObject({ jobId: storeIdSchema });

export function mapRoutes(context: ApiContext): RouteDefinition[] {
  const { services, config } = context;

  /** Reads the upload (multipart or JSON) into a fresh folder, with its name and options. */
  async function receive(
    request: Parameters<RouteDefinition['handle']>[0]['request'],
    dir: string,
  ): Promise<{ upload: ReceivedUpload; name: string; options: AnalysisOptions }> {
    if (request.is('multipart/form-data')) {
      const upload = await receiveMultipart(request, dir, config.uploadMaxBytes);
      if (upload.files.length === 0) {
        throw new ApiError(400, 'INVALID_INPUT', 'body.file: at least one file is required', [
          { path: 'body.file', message: 'at least one file is required' },
        ]);
      }
      const name = mapNameSchema.safeParse(upload.fields.name ?? '');
      if (!name.success) throw invalidRequest('body', prefixed(name.error.issues, 'name'));
      let options: unknown = {};
      if (upload.fields.options !== undefined) {
        checkJsonDepth(upload.fields.options, config.jsonMaxDepth, 'body.options');
        try {
          options = JSON.parse(upload.fields.options);
        } catch {
          throw new ApiError(400, 'INVALID_INPUT', 'body.options: not valid JSON', [
            { path: 'body.options', message: 'not valid JSON' },
          ]);
        }
      }
      if (upload.fields.watch !== undefined) {
        checkJsonDepth(upload.fields.watch, config.jsonMaxDepth, 'body.watch');
        options = withWatchList(options, upload.fields.watch);
      }
      const parsed = analysisOptionsSchema.safeParse(options);
      if (!parsed.success) throw invalidRequest('body', prefixed(parsed.error.issues, 'options'));
      checkPrivacy(parsed.data);
      return { upload, name: name.data, options: parsed.data };
    }
    if (request.is('application/json')) {
      const parsed = jsonUploadSchema.safeParse(request.body);
      if (!parsed.success) throw invalidRequest('body', parsed.error.issues);
      checkPrivacy(parsed.data.options);
      const upload = await writeJsonRecords(parsed.data.records, dir);
      return { upload, name: parsed.data.name, options: parsed.data.options };
    }
    throw new ApiError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'send the dataset as multipart/form-data (files) or application/json (records)',
    );
  }

  /** A watch list in privacy mode needs the server's pseudonym key: refused before any analysis. */
  function checkPrivacy(options: AnalysisOptions): void {
    if (!options.watch?.compliance?.privacy || config.pseudonymKey !== null) return;
    const path = 'body.options.watch.compliance.privacy';
    const message =
      'privacy mode needs the server’s pseudonym key (KOLMAP_PSEUDONYM_KEY): ask an admin to set one, or leave compliance.privacy out';
    throw new ApiError(400, 'INVALID_INPUT', `${path}: ${message}`, [{ path, message }]);
  }

  return [
    defineRoute({
      method: 'post',
      path: '/maps',
      tag: 'maps',
      summary: 'Upload a dataset and analyse it into a map',
      description:
        'multipart/form-data with one or more files in any format kolmap reads (accounts.csv, posts.csv, follows.csv, interactions.csv, .jsonl, edge lists, SNAP, GML, GEXF, GraphML, gzipped or not), a `name`, optional `options` (JSON) and an optional `watch` list (YAML or JSON, text or file); or application/json `{name, options, records}`. With a watch list (`watch`, or `options.watch`) the posts are listened to as well: series, topics and pharmacovigilance cases are saved with the map (see /maps/{id}/listening). Small uploads (KOLMAP_SYNC_MAX_BYTES) are analysed within the request (201); larger ones answer 202 with a job to follow (`wait` forces either). A bad record fails the job with the file, line and field, and saves nothing.',
      role: 'analyst',
      query: uploadQuerySchema,
      requestContent: {
        'multipart/form-data': { schema: multipartUploadSchema },
        'application/json': { schema: jsonUploadSchema },
      },
      responses: {
        201: {
          description: 'the map, analysed and saved',
          json: z.object({ map: mapSummarySchema, job: jobSchema }),
        },
        202: { description: 'the job analysing the upload', json: z.object({ job: jobSchema }) },
        ...errorResponses(400, 401, 403, 413, 415, 503),
      },
      async handle({ query, caller, request }, response) {
        const jobId = newId();
        const dir = join(context.uploadsDir, jobId);
        const { upload, name, options } = await receive(request, dir).catch(async (error) => {
          await rm(dir, { recursive: true, force: true });
          throw error;
        });
        request.log?.info(
          { jobId, bytes: upload.bytes, files: upload.files.length },
          'upload received',
        );
        const { job, map } = await services.jobs.analyse(
          {
            id: jobId,
            name,
            options,
            files: upload.files,
            uploadDir: dir,
            bytes: upload.bytes,
            createdBy: caller.name,
            wait: query.wait,
          },
          (submitted) => response.setHeader('Location', `${API_PREFIX}/jobs/${submitted.id}`),
        );
        if (map === null) {
          response.status(202).json({ job });
          return;
        }
        response.setHeader('Location', `${API_PREFIX}/maps/${map.id}`);
        response.status(201).json({ map, job });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/jobs/:jobId',
      tag: 'maps',
      summary: 'An analysis job: status, stage and progress',
      description:
        'Jobs are kept on disk (KOLMAP_DATA_DIR/jobs) and survive a restart of the server: a job that was queued or running is queued again in its place and its analysis starts over (`restarts` counts the restarts); one whose upload is gone fails with UPLOAD_LOST, one the server stopped during at each of its 3 runs with INTERRUPTED. The latest finished jobs stay readable.',
      role: 'analyst',
      params: jobParamsSchema,
      responses: {
        200: { description: 'the job', json: jobSchema },
        ...errorResponses(400, 401, 403, 404),
      },
      async handle({ params }, response) {
        response.json(services.jobs.get(params.jobId));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/jobs/:jobId/events',
      tag: 'maps',
      summary: 'The progress of a job as server-sent events',
      description:
        'One `progress` event with the job at once and at each change (stage, progress), then a `done` event with the finished job, and the stream ends.',
      role: 'analyst',
      params: jobParamsSchema,
      responses: {
        200: { description: 'an event stream', contentType: 'text/event-stream' },
        ...errorResponses(400, 401, 403, 404),
      },
      async handle({ params, request }, response) {
        const following = services.jobs.follow(params.jobId, (job) => {
          if (!response.headersSent) {
            response.writeHead(200, {
              'Content-Type': 'text/event-stream',
              'Cache-Control': 'no-cache',
              Connection: 'keep-alive',
              'X-Accel-Buffering': 'no',
            });
          }
          response.write(
            `event: ${isFinished(job) ? 'done' : 'progress'}\ndata: ${JSON.stringify(job)}\n\n`,
          );
          if (isFinished(job)) response.end();
        });
        request.on('close', following.stop);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/me',
      tag: 'maps',
      summary: 'Who the API key belongs to, and its role',
      description: 'Lets a client show only what the role allows (`local`/admin without keys).',
      role: 'viewer',
      responses: {
        200: {
          description: 'the caller',
          json: callerSchema,
        },
        ...errorResponses(401),
      },
      async handle({ caller }, response) {
        response.json(caller);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/maps',
      tag: 'maps',
      summary: 'The maps, newest first',
      role: 'viewer',
      query: listMapsQuerySchema,
      responses: {
        200: { description: 'the maps', json: z.object({ maps: z.array(mapSummarySchema) }) },
        ...errorResponses(400, 401, 503),
      },
      async handle({ query }, response) {
        response.json({ maps: await services.maps.list(query.building ?? false) });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/maps/:id',
      tag: 'maps',
      summary: 'A map with its analysis parameters and provenance',
      role: 'viewer',
      params: mapParamsSchema,
      responses: {
        200: { description: 'the map', json: mapInfoSchema },
        ...errorResponses(400, 401, 404, 503),
      },
      async handle({ params }, response) {
        response.json(await services.maps.get(params.id));
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/maps/:id',
      tag: 'maps',
      summary: 'Rename a map',
      role: 'analyst',
      params: mapParamsSchema,
      body: renameMapSchema,
      responses: {
        200: { description: 'the renamed map', json: mapSummarySchema },
        ...errorResponses(400, 401, 403, 404, 503),
      },
      async handle({ params, body }, response) {
        response.json(await services.maps.rename(params.id, body.name));
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/maps/:id',
      tag: 'maps',
      summary: 'Delete a map with its accounts, interactions, communities and shortlists',
      description: 'The export log of the map is kept.',
      role: 'admin',
      params: mapParamsSchema,
      responses: {
        204: { description: 'deleted' },
        ...errorResponses(400, 401, 403, 404, 503),
      },
      async handle({ params }, response) {
        await services.maps.delete(params.id);
        response.status(204).end();
      },
    }),
    defineRoute({
      method: 'get',
      path: '/maps/:id/audit',
      tag: 'maps',
      summary: 'Who exported what from the map, when, with which filters',
      role: 'admin',
      params: mapParamsSchema,
      responses: {
        200: {
          description: 'the export log, oldest first',
          json: z.object({ entries: z.array(auditEntrySchema) }),
        },
        ...errorResponses(400, 401, 403, 503),
      },
      async handle({ params }, response) {
        response.json({ entries: await services.exports.auditLog(params.id) });
      },
    }),
  ];
}

/**
 * The options with the watch list of the multipart field `watch` (YAML or JSON, its errors naming
 * the line and field), which must not be given in `options.watch` too.
 */
function withWatchList(options: unknown, source: string): unknown {
  if (typeof options === 'object' && options !== null && 'watch' in options) {
    const message = 'give the watch list once: in options.watch or as the watch field';
    throw new ApiError(400, 'INVALID_INPUT', `body.watch: ${message}`, [
      { path: 'body.watch', message },
    ]);
  }
  return { ...(options as object), watch: parseWatchList(source, 'watch') };
}

function prefixed<T extends { path: PropertyKey[] }>(issues: readonly T[], field: string): T[] {
  return issues.map((issue) => ({ ...issue, path: [field, ...issue.path] }));
}
