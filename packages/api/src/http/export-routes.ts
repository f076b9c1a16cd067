// Shortlists and exports: computed shortlists (CSV, JSON), saved shortlists, and the whole map as
// GEXF, GraphML or graphology JSON. Every export is written to the map's export log first. Every
// shortlist honours the do-not-contact list of the map's watch list (its accounts, and their actors'
// other accounts): computed ones leave them out, saved ones refuse them.

import { once } from 'node:events';
import {
  buildShortlist,
  type ShortlistOptions,
  type ShortlistRow,
  shortlistRowOf,
  shortlistToCsv,
  shortlistToJson,
  toGexf,
  toGraphml,
  toGraphologyJson,
} from '@kolmap/core';
import type { Response } from 'express';
import type { AbstractGraph } from 'graphology-types';
import { z } from 'zod';
import { SHORTLIST_MAX_ACCOUNTS } from '../store/map-store.js';
import { ApiError } from './api-error.js';
import type { Caller } from './auth.js';
import type { ApiContext } from './context.js';
import { defineRoute, type RouteDefinition } from './route.js';
import {
  errorResponses,
  mapParamsSchema,
  shortlistQuerySchema,
  shortlistSchema,
  storeIdSchema,
} from './schemas.js';

const saveShortlistBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  accountKeys: z.array(z.string().min(1).max(500)).max(SHORTLIST_MAX_ACCOUNTS),
  filters: z.record(z.string(), z.json()).optional(),
});

const shortlistParamsSchema = z.strictObject({ id: storeIdSchema, sid: storeIdSchema });

const GRAPH_EXPORTS = [
  { format: 'gexf', contentType: 'application/gexf+xml', write: toGexf },
  { format: 'graphml', contentType: 'application/graphml+xml', write: toGraphml },
  { format: 'json', contentType: 'application/json', write: toGraphologyJson },
] as const;

export function exportRoutes(context: ApiContext): RouteDefinition[] {
  const { store, graphs, listenings } = context;

  /** The map nodes the do-not-contact list of the map's watch list names (none without listening). */
  async function doNotContact(mapId: string): Promise<string[]> {
    return (await listenings.info(mapId))?.doNotContact ?? [];
  }

  async function audit(mapId: string, caller: Caller, what: string, filters: object) {
    await store.audit.append({
      mapId,
      actor: caller.name,
      what,
      filters: JSON.parse(JSON.stringify(filters)),
    });
  }

  return [
    ...(['csv', 'json'] as const).map((format) =>
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
          const { graph } = await graphs.get(params.id);
          const shortlist = buildShortlist(graph, {
            ...toShortlistOptions(query),
            doNotContact: await doNotContact(params.id),
          });
          await audit(params.id, caller, `shortlist.${format}`, query);
          if (format === 'csv') {
            sendFile(response, 'text/csv; charset=utf-8', 'shortlist.csv');
            response.send(shortlistToCsv(shortlist.rows, { excel: query.excel }));
          } else {
            response.type('application/json').send(shortlistToJson(shortlist.rows));
          }
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
        201: { description: 'the saved shortlist', json: shortlistSchema },
        ...errorResponses(400, 401, 403, 404, 503),
      },
      async handle({ params, body, caller }, response) {
        refuseDoNotContact(body.accountKeys, new Set(await doNotContact(params.id)));
        const saved = await store.shortlists.save(params.id, { ...body, createdBy: caller.name });
        response.status(201).json(saved);
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
          json: z.object({ shortlists: z.array(shortlistSchema.omit({ accountKeys: true })) }),
        },
        ...errorResponses(400, 401, 404, 503),
      },
      async handle({ params }, response) {
        response.json({ shortlists: await store.shortlists.list(params.id) });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/maps/:id/shortlists/:sid.csv',
      tag: 'shortlists and exports',
      summary: 'A saved shortlist as CSV, one row per account in the saved order',
      description: 'Audited.',
      role: 'analyst',
      params: shortlistParamsSchema,
      responses: {
        200: { description: 'the shortlist', contentType: 'text/csv' },
        ...errorResponses(400, 401, 403, 404, 503),
      },
      async handle({ params, caller }, response) {
        const shortlist = await store.shortlists.get(params.id, params.sid);
        const { graph } = await graphs.get(params.id);
        await audit(params.id, caller, `shortlists/${shortlist.id}.csv`, {
          shortlist: shortlist.name,
          ...shortlist.filters,
        });
        sendFile(response, 'text/csv; charset=utf-8', `${fileName(shortlist.name)}.csv`);
        response.send(shortlistToCsv(rowsOf(graph, shortlist.accountKeys)));
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
        200: { description: 'the shortlist', json: shortlistSchema },
        ...errorResponses(400, 401, 404, 503),
      },
      async handle({ params }, response) {
        response.json(await store.shortlists.get(params.id, params.sid));
      },
    }),
    ...GRAPH_EXPORTS.map(({ format, contentType, write }) =>
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
          const { graph, whole } = await graphs.get(params.id);
          await audit(params.id, caller, `export.${format}`, {});
          sendFile(
            response,
            `${contentType}; charset=utf-8`,
            `${fileName(whole.map.name)}.${format}`,
          );
          const written = write(graph as Parameters<typeof write>[0]);
          if (typeof written === 'string') response.send(written);
          else await sendChunks(response, written);
        },
      }),
    ),
  ];
}

function toShortlistOptions(query: z.output<typeof shortlistQuerySchema>): ShortlistOptions {
  const score =
    query.minScore !== undefined || query.maxScore !== undefined
      ? {
          ...(query.minScore !== undefined && { min: query.minScore }),
          ...(query.maxScore !== undefined && { max: query.maxScore }),
        }
      : undefined;
  return {
    limit: query.limit,
    mode: query.mode,
    ...(query.community && { communities: query.community }),
    ...(query.actorType && { actorTypes: query.actorType }),
    ...(query.platform && { platforms: query.platform }),
    ...(query.role && { roles: query.role }),
    ...(query.language && { languages: query.language }),
    ...(query.country && { countries: query.country }),
    ...(score && { score }),
  };
}

/** 400 naming each account of `keys` on the do-not-contact list. */
function refuseDoNotContact(keys: readonly string[], blocked: ReadonlySet<string>): void {
  const details = keys.flatMap((key, index) =>
    blocked.has(key)
      ? [{ path: `body.accountKeys[${index}]`, message: `${key} is on the do-not-contact list` }]
      : [],
  );
  const first = details[0];
  if (first) {
    throw new ApiError(400, 'INVALID_INPUT', `${first.path}: ${first.message}`, details);
  }
}

/** Shortlist rows for accounts picked by hand, in the given order (unknown keys skipped). */
function rowsOf(graph: AbstractGraph, keys: readonly string[]): ShortlistRow[] {
  return keys
    .filter((key) => graph.hasNode(key))
    .map((key, i) => shortlistRowOf(key, graph.getNodeAttributes(key), i + 1));
}

/** Writes a large file chunk by chunk, waiting when the client reads slower than we write. */
async function sendChunks(response: Response, chunks: Iterable<string>): Promise<void> {
  for (const chunk of chunks) {
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
