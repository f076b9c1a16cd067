// Reading a map: what the viewer draws, KOLs, communities, accounts, paths and search.

import {
  type AccountRecord,
  accountDetailSchema,
  accountRecordSchema,
  communitySchema,
  kolPageSchema,
  mapGraphResponseSchema,
  pathSchema,
} from '@kolmap/model';
import { z } from 'zod';
import type { ApiContext } from './context.js';
import { defineRoute, type RouteDefinition } from './route.js';
import {
  accountParamsSchema,
  communityParamsSchema,
  communityQuerySchema,
  egoQuerySchema,
  errorResponses,
  graphQuerySchema,
  kolsQuerySchema,
  mapParamsSchema,
  pathQuerySchema,
  searchQuerySchema,
} from './schemas.js';
import { sendLargeJson } from './send-large-json.js';

export function readRoutes(context: ApiContext): RouteDefinition[] {
  const { accounts } = context.services;
  return [
    defineRoute({
      method: 'get',
      path: '/maps/:id/graph',
      tag: 'reading a map',
      summary: 'The map as the viewer draws it',
      description:
        'Accounts with position, colour keys (community, actor type, platform, role; with listening: tonality, main topic, thematic community) and size keys (KOL score, PageRank, followers, in-strength), and the interactions among them, in columns: `accounts.keys` gives the accounts in order of KOL score, and each other field of `accounts` one attribute per account in that order (null where the account has none; attributes with few distinct values as `values` plus one index per account in `codes`, −1 for none; a column only when some account has the attribute). Link i goes from account `links.source[i]` to `links.target[i]` (indices in `accounts.keys`) with weight `links.weight[i]`. Gzipped when the request accepts it. `top` keeps the N accounts of highest KOL score, `community` one community.',
      role: 'viewer',
      params: mapParamsSchema,
      query: graphQuerySchema,
      responses: {
        200: { description: 'the graph', json: mapGraphResponseSchema },
        ...errorResponses(400, 404, 503),
      },
      async handle({ params, query, request }, response) {
        await sendLargeJson(request, response, await accounts.drawnGraph(params.id, query));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/maps/:id/kols',
      tag: 'reading a map',
      summary: 'KOLs by score, filtered, one page at a time',
      description:
        'Sorted by KOL score (highest first), then key. Lists (`community`, `actorType`, `platform`, `role`, `language`, `country`) repeat or take commas; `language` and `country` match any case, and a language code also finds its regional variants (`fr` finds `fr-CA`, `fr-CA` only `fr-CA`). Give `cursor` = the previous page’s `nextCursor` with the same filters.',
      role: 'viewer',
      params: mapParamsSchema,
      query: kolsQuerySchema,
      responses: {
        200: {
          description: 'a page of accounts',
          json: kolPageSchema,
        },
        ...errorResponses(400, 404, 503),
      },
      async handle({ params, query }, response) {
        response.json(await accounts.findKols(params.id, query));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/maps/:id/communities',
      tag: 'reading a map',
      summary: 'Community profiles, largest first',
      role: 'viewer',
      params: mapParamsSchema,
      responses: {
        200: {
          description: 'the communities',
          json: z.object({ communities: z.array(communitySchema) }),
        },
        ...errorResponses(404, 503),
      },
      async handle({ params }, response) {
        response.json({ communities: await accounts.listCommunities(params.id) });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/maps/:id/communities/:cid',
      tag: 'reading a map',
      summary: 'One community: its profile and first members by KOL score',
      role: 'viewer',
      params: communityParamsSchema,
      query: communityQuerySchema,
      responses: {
        200: {
          description: 'the community',
          json: z.object({ profile: communitySchema, members: z.array(accountRecordSchema) }),
        },
        ...errorResponses(400, 404, 503),
      },
      async handle({ params, query }, response) {
        response.json(await accounts.getCommunity(params.id, params.cid, query.limit));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/maps/:id/accounts/:key',
      tag: 'reading a map',
      summary: 'One account: metrics, score breakdown and ego network',
      description:
        'The key is URL-encoded (`twitter%3A123`). The ego network follows `direction` (out: attention given; in: received) for `hops` 1 or 2, heaviest interactions first, at most `maxEdges`.',
      role: 'viewer',
      params: accountParamsSchema,
      query: egoQuerySchema,
      responses: {
        200: {
          description: 'the account',
          json: accountDetailSchema,
        },
        ...errorResponses(400, 404, 503),
      },
      async handle({ params, query }, response) {
        response.json(await accounts.getAccount(params.id, params.key, query));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/maps/:id/path',
      tag: 'reading a map',
      summary: 'A shortest path between two accounts',
      description:
        '`path` is null when no path of at most 8 interactions joins them. Along edge direction on directed maps (attention flowing from `from` to `to`) unless `undirected=true`.',
      role: 'viewer',
      params: mapParamsSchema,
      query: pathQuerySchema,
      responses: {
        200: { description: 'the path, or null', json: z.object({ path: pathSchema.nullable() }) },
        ...errorResponses(400, 404, 503),
      },
      async handle({ params, query }, response) {
        const path = await accounts.findPath(params.id, query.from, query.to, query.undirected);
        response.json({ path });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/maps/:id/search',
      tag: 'reading a map',
      summary: 'Accounts by name or handle',
      description: 'Case- and accent-insensitive; names or handles starting with `q` first.',
      role: 'viewer',
      params: mapParamsSchema,
      query: searchQuerySchema,
      responses: {
        200: {
          description: 'matching accounts',
          json: z.object({ items: z.array(accountRecordSchema) }),
        },
        ...errorResponses(400, 404, 503),
      },
      async handle({ params, query }, response) {
        response.json({ items: await accounts.search(params.id, query.q, query.limit) });
      },
    }),
  ];
}
