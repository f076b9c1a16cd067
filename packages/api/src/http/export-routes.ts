// Shortlists and exports: computed shortlists (CSV, JSON), saved shortlists, and the whole map as
// GEXF, GraphML or graphology JSON, as downloads. Every export is written to the map's export log
// first. Every shortlist honours the do-not-contact list of the map's watch list (its accounts, and
// their actors' other accounts): computed ones leave them out, saved ones refuse them.
import { once } from 'node:events';
import { savedShortlistSchema } from '@kolmap/model';
import type { Response } from 'express';
import { z } from 'zod';
import { type MapFileFormat, SHORTLIST_FORMATS } from '../services/exports.service.js';
import { SHORTLIST_MAX_ACCOUNTS } from '../store/map-store.js';
import type { ApiContext } from './context.js';
import { defineRoute, type RouteDefinition } from './route.js';
import {
  errorResponses,
  mapParamsSchema,
  savedShortlistCsvQuerySchema,
  shortlistQuerySchema,
  storeIdSchema,
} from './schemas.js';

const saveShortlistBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  accountKeys: z.array(z.string().min(1).max(500)).max(SHORTLIST_MAX_ACCOUNTS),
  filters: z.record(z.string(), z.json()).optional(),
});

const shortlistParamsSchema = z.strictObject({ id: storeIdSchema, sid: storeIdSchema });

const MAP_FILES: ReadonlyArray<{ format: MapFileFormat; contentType: string }> = [
  { format: 'gexf', contentType: 'application/gexf+xml' },
  { format: 'graphml', contentType: 'application/graphml+xml' },
  { format: 'json', contentType: 'application/json' },
];

export function exportRoutes(context: ApiContext): RouteDefinition[] {
  const { exports, shortlists } = context.services;
  return [
    ...SHORTLIST_FORMATS.map((format) =>
      defineRoute({
        method: 'get',
        path: `/maps/:id/shortlist.${format}`,
        tag: 'shortlists and exports',
        summary: `An influencer shortlist as ${format.toUpperCase()}`,
        description:
          'Filters as for /kols, `limit` accounts, `mode` top (by KOL score) or diverse (covering communities and platforms with little audience overlap; each row says why). `excel=true` writes a CSV Excel opens in any locale. Accounts on the do-not-contact list of the map’s watch list (and their actors’ other accounts) are never listed. Audited.',
        role: 'analyst',
        params: mapParamsSchema,
        query: shortlistQuerySchema,
        responses: {
          200: {
            description: 'the shortlist',
            contentType: format === 'csv' ? 'text/csv' : 'application/json',
          },
          ...errorResponses(400, 401, 403, 404, 503),
        },
        async handle({ params, query, caller }, response) {
          const content = await exports.shortlist(params.id, format, query, caller.name);
          if (format === 'csv') sendFile(response, 'text/csv; charset=utf-8', 'shortlist.csv');
          else response.type('application/json');
          await sendContent(response, content);
        },
      }),
    ),
    defineRoute({
      method: 'post',
      path: '/maps/:id/shortlists',
      tag: 'shortlists and exports',
      summary: 'Save a shortlist (accounts picked by hand or from filters)',
      description:
        'Accounts on the do-not-contact list of the map’s watch list (and their actors’ other accounts) are refused (400, naming each).',
      role: 'analyst',
      params: mapParamsSchema,
      body: saveShortlistBodySchema,
      responses: {
        201: { description: 'the saved shortlist', json: savedShortlistSchema },
        ...errorResponses(400, 401, 403, 404, 503),
      },
      async handle({ params, body, caller }, response) {
        response.status(201).json(await shortlists.save(params.id, body, caller.name));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/maps/:id/shortlists',
      tag: 'shortlists and exports',
      summary: 'The saved shortlists of a map, newest first',
      role: 'viewer',
      params: mapParamsSchema,
      responses: {
        200: {
          description: 'the shortlists (without their accounts)',
          json: z.object({ shortlists: z.array(savedShortlistSchema.omit({ accountKeys: true })) }),
        },
        ...errorResponses(400, 401, 404, 503),
      },
      async handle({ params }, response) {
        response.json({ shortlists: await shortlists.list(params.id) });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/maps/:id/shortlists/:sid.csv',
      tag: 'shortlists and exports',
      summary: 'A saved shortlist as CSV, one row per account in the saved order',
      description:
        '`excel=true` writes a CSV Excel opens in any locale, as for shortlist.csv. Audited.',
      role: 'analyst',
      params: shortlistParamsSchema,
      query: savedShortlistCsvQuerySchema,
      responses: {
        200: { description: 'the shortlist', contentType: 'text/csv' },
        ...errorResponses(400, 401, 403, 404, 503),
      },
      async handle({ params, query, caller }, response) {
        const file = await exports.savedShortlistCsv(params.id, params.sid, caller.name, {
          excel: query.excel,
        });
        sendFile(response, 'text/csv; charset=utf-8', `${fileName(file.name)}.csv`);
        await sendContent(response, file.content);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/maps/:id/shortlists/:sid',
      tag: 'shortlists and exports',
      summary: 'A saved shortlist',
      role: 'viewer',
      params: shortlistParamsSchema,
      responses: {
        200: { description: 'the shortlist', json: savedShortlistSchema },
        ...errorResponses(400, 401, 404, 503),
      },
      async handle({ params }, response) {
        response.json(await shortlists.get(params.id, params.sid));
      },
    }),
    ...MAP_FILES.map(({ format, contentType }) =>
      defineRoute({
        method: 'get',
        path: `/maps/:id/export.${format}`,
        tag: 'shortlists and exports',
        summary: `The whole map as ${format === 'json' ? 'graphology JSON' : format.toUpperCase()}`,
        description: 'Every account with its metrics, every interaction. Audited.',
        role: 'analyst',
        params: mapParamsSchema,
        responses: {
          200: { description: 'the map file', contentType },
          ...errorResponses(400, 401, 403, 404, 503),
        },
        async handle({ params, caller }, response) {
          const file = await exports.mapFile(params.id, format, caller.name);
          sendFile(response, `${contentType}; charset=utf-8`, `${fileName(file.name)}.${format}`);
          await sendContent(response, file.content);
        },
      }),
    ),
  ];
}

/** Sends a file: at once, or chunk by chunk waiting when the client reads slower than we write. */
async function sendContent(response: Response, content: string | Iterable<string>): Promise<void> {
  if (typeof content === 'string') {
    response.send(content);
    return;
  }
  for (const chunk of content) {
    if (!response.write(chunk)) await once(response, 'drain');
  }
  response.end();
}

function sendFile(response: Response, contentType: string, name: string): void {
  response.setHeader('Content-Type', contentType);
  response.setHeader('Content-Disposition', `attachment; filename="${name}"`);
}

/** A map or shortlist name as a download file name. */
function fileName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'kolmap';
}
