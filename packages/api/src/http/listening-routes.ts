// Listening of a map analysed with a watch list: volume, tonality and share of voice series with
// filters, topics and thematic communities, and the pharmacovigilance review queue. PV cases hold
// health data about identifiable people (the reporter must stay reachable): analysts and admins only.
import {
  listeningSchema,
  PERIODS,
  PV_REVIEW_STATUSES,
  platformSchema,
  pvCaseChangeSchema,
  pvCasePageSchema,
  pvCaseSchema,
  SERIES_DIMENSIONS,
  topicsSchema,
} from '@kolmap/model';
import { z } from 'zod';
import { PV_CASES_MAX_LIMIT } from '../store/listening-model.js';
import type { ApiContext } from './context.js';
import { defineRoute, type RouteDefinition } from './route.js';
import {
  errorResponses,
  mapParamsSchema,
  queryInteger,
  queryList,
  storeIdSchema,
} from './schemas.js';

const DAY_MS = 86_400_000;

/** A date (`2024-03-01`, the whole day) or a date-time, as milliseconds since the epoch. */
const queryTime = (end: 'start' | 'end') =>
  z.union([z.iso.date(), z.iso.datetime({ offset: true })]).transform((text) => {
    if (text.length > 10) return Date.parse(text);
    return Date.parse(`${text}T00:00:00Z`) + (end === 'end' ? DAY_MS - 1 : 0);
  });

const listeningQuerySchema = z
  .strictObject({
    /** What each series is of. */
    by: z.enum(SERIES_DIMENSIONS).default('brand'),
    period: z.enum(PERIODS).default('month'),
    /** Posts naming one of these brands (names of the watch list, any case). */
    brand: queryList(z.string().min(1).max(200)).optional(),
    /** Posts of this therapeutic area (a name of the watch list, any case). */
    area: z.string().min(1).max(200).optional(),
    platform: queryList(platformSchema).optional(),
    /** From this date (`2024-03-01`) or date-time, included. */
    from: queryTime('start').optional(),
    /** To this date (the whole day) or date-time, included. */
    to: queryTime('end').optional(),
    /** `by=topic`: how many of the most used topics. */
    top: queryInteger(1, 100).default(20),
  })
  .refine((query) => query.from === undefined || query.to === undefined || query.from <= query.to, {
    message: 'from must not be after to',
    path: ['to'],
  });

const topicsQuerySchema = z.strictObject({
  /** Topics listed, most used first. */
  limit: queryInteger(1, 1000).default(50),
});

const pvCasesQuerySchema = z.strictObject({
  status: queryList(z.enum(PV_REVIEW_STATUSES)).optional(),
  limit: queryInteger(1, PV_CASES_MAX_LIMIT).optional(),
  cursor: z.string().max(2000).optional(),
});

const pvCaseParamsSchema = z.strictObject({
  id: storeIdSchema,
  caseId: z.string().min(1).max(500),
});

export function listeningRoutes(context: ApiContext): RouteDefinition[] {
  const { listening, pvCases } = context.services;
  return [
    defineRoute({
      method: 'get',
      path: '/maps/:id/listening',
      tag: 'listening',
      summary: 'Volume, tonality and share of voice over time, with filters',
      description:
        'Series per `by` (brand, area, topic, community) and `period` (day, week from Monday, month, all) of the posts that pass the filters: `brand` (repeat or commas), `area`, `platform`, `from`, `to`. A post naming two brands counts for both; reposts count. `by=brand` keeps the brands asked (or those of `area`). Share of voice: each brand’s posts over all brands’ posts in the period (only the brands of `area` when given), and the same weighted by the authors’ KOL scores; `from`, `to` and `platform` apply, `brand` only picks rows. 404 when the map was analysed without a watch list.',
      role: 'viewer',
      params: mapParamsSchema,
      query: listeningQuerySchema,
      responses: {
        200: { description: 'the series and share of voice', json: listeningSchema },
        ...errorResponses(400, 401, 404, 503),
      },
      async handle({ params, query }, response) {
        response.json(await listening.series(params.id, query));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/maps/:id/topics',
      tag: 'listening',
      summary: 'Topics and thematic communities: top terms, top posts, leaders',
      description:
        'The most used topics (hashtags, watch-list keywords and brands), and the thematic communities (accounts linked by the topics they share) with their volume, tonality, top terms, the posts that spread most and who leads them. Top posts leave pharmacovigilance posts out; leaders honour the do-not-contact list; in privacy mode, private accounts appear by pseudonym. 404 when the map was analysed without a watch list.',
      role: 'viewer',
      params: mapParamsSchema,
      query: topicsQuerySchema,
      responses: {
        200: { description: 'topics and thematic communities', json: topicsSchema },
        ...errorResponses(400, 401, 404, 503),
      },
      async handle({ params, query }, response) {
        response.json(await listening.topics(params.id, query.limit));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/maps/:id/pv-cases',
      tag: 'pharmacovigilance',
      summary: 'The pharmacovigilance review queue, oldest post first',
      description:
        'One case per post that may report an adverse event or a quality complaint, with a copy of the post, the criteria met and the audit trail. `status` (repeat or commas) filters; give `cursor` = the previous page’s `nextCursor` with the same statuses. Analysts and admins only: cases hold health data about people who can be identified.',
      role: 'analyst',
      params: mapParamsSchema,
      query: pvCasesQuerySchema,
      responses: {
        200: {
          description: 'a page of cases',
          json: pvCasePageSchema,
        },
        ...errorResponses(400, 401, 403, 404, 503),
      },
      async handle({ params, query }, response) {
        response.json(await pvCases.list(params.id, query));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/maps/:id/pv-cases/:caseId',
      tag: 'pharmacovigilance',
      summary: 'One pharmacovigilance case with its audit trail',
      description: 'The case id is the flagged post’s key (`platform:id`), URL-encoded.',
      role: 'analyst',
      params: pvCaseParamsSchema,
      responses: {
        200: { description: 'the case', json: pvCaseSchema },
        ...errorResponses(400, 401, 403, 404, 503),
      },
      async handle({ params }, response) {
        response.json(await pvCases.get(params.id, params.caseId));
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/maps/:id/pv-cases/:caseId',
      tag: 'pharmacovigilance',
      summary: 'Review a case: change its status, assignee, or add a note',
      description:
        'Statuses go new → in_review → reported or dismissed; new may go straight to either; reported is final; a dismissed case may come back to in_review. Dismissing and reopening need a `note`. Each change adds an entry to the audit trail (who: the key’s name, when, from, to, note); nothing is ever removed from it. A change the rules forbid answers 409 INVALID_REVIEW_CHANGE with the case’s status and the statuses allowed (`details[0].allowed`).',
      role: 'analyst',
      params: pvCaseParamsSchema,
      body: pvCaseChangeSchema,
      responses: {
        200: { description: 'the case after the change', json: pvCaseSchema },
        ...errorResponses(400, 401, 403, 404, 409, 503),
      },
      async handle({ params, body, caller }, response) {
        response.json(await pvCases.review(params.id, params.caseId, body, caller.name));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/maps/:id/pseudonyms/:pseudonym',
      tag: 'pharmacovigilance',
      summary: 'Which account a privacy-mode pseudonym stands for (admins only, audited)',
      description:
        'Pseudonyms are keyed hashes of account keys (KOLMAP_PSEUDONYM_KEY): only the server, for an admin, can reverse them. Each reversal is written to the map’s export log.',
      role: 'admin',
      params: z.strictObject({
        id: storeIdSchema,
        pseudonym: z
          .string()
          .regex(/^anon-[0-9a-f]{16}$/, 'expected a pseudonym such as anon-5f1c0a9e2b7d4c36'),
      }),
      responses: {
        200: {
          description: 'the account',
          json: z.object({ pseudonym: z.string(), accountKey: z.string(), mapKey: z.string() }),
        },
        ...errorResponses(400, 401, 403, 404, 409, 503),
      },
      async handle({ params, caller }, response) {
        response.json(await listening.revealPseudonym(params.id, params.pseudonym, caller.name));
      },
    }),
  ];
}
