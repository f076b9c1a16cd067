// zod schemas of the API's requests and responses that several routes share. Response schemas
// document (OpenAPI) what the store gives; they are not used to check the answers.
import { SHORTLIST_MODES } from '@kolmap/core';
import {
  actorTypeSchema,
  FIND_KOLS_MAX_LIMIT,
  KOL_ROLES,
  mapNameSchema,
  platformSchema,
} from '@kolmap/model';
import { z } from 'zod';
import { ID_LENGTH } from '../store/map-store.js';
import { EGO_DIRECTIONS, EGO_MAX_EDGES, SEARCH_MAX_LIMIT } from '../store/queries.js';

// ── requests ──────────────────────────────────────────────────────────────────────────────────

/** A store id in a path (20 characters of [0-9a-z]). */
export const storeIdSchema = z
  .string()
  .regex(
    new RegExp(`^[0-9a-z]{${ID_LENGTH}}$`),
    `expected an id of ${ID_LENGTH} characters [0-9a-z]`,
  );

export const mapParamsSchema = z.strictObject({ id: storeIdSchema });

/** A number from a query string: digits only (no hex, no exponent, no blanks). */
const queryNumber = (schema: z.ZodNumber) =>
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/, 'expected a number')
    .transform(Number)
    .pipe(schema);

export const queryInteger = (min: number, max: number) =>
  queryNumber(z.number().int().min(min).max(max));

/** A query list: repeated (`?a=x&a=y`) or comma-separated (`?a=x,y`). */
export const queryList = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((value) => (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(',')))
    .pipe(z.array(item).min(1).max(100));

const queryBoolean = z.enum(['true', 'false']).transform((value) => value === 'true');

/** The filters of `/kols` and the shortlist exports. */
export const kolFiltersShape = {
  community: queryList(queryInteger(0, 1e9)).optional(),
  actorType: queryList(actorTypeSchema).optional(),
  platform: queryList(platformSchema).optional(),
  role: queryList(z.enum(KOL_ROLES)).optional(),
  /** Language codes, any case; a code also finds its regional variants (`fr` finds `fr-CA`). */
  language: queryList(z.string().min(1).max(20)).optional(),
  /** Countries as the data gives them (e.g. ISO codes `FR`, `GB`), any case. */
  country: queryList(z.string().min(1).max(60)).optional(),
  minScore: queryNumber(z.number().min(0).max(100)).optional(),
  maxScore: queryNumber(z.number().min(0).max(100)).optional(),
  text: z.string().max(200).optional(),
};

export const kolsQuerySchema = z.strictObject({
  ...kolFiltersShape,
  limit: queryInteger(1, FIND_KOLS_MAX_LIMIT).optional(),
  cursor: z.string().max(2000).optional(),
});

export const shortlistQuerySchema = z.strictObject({
  ...kolFiltersShape,
  limit: queryInteger(1, 10_000).default(50),
  mode: z.enum(SHORTLIST_MODES).default('top'),
  excel: queryBoolean.default(false),
});

/** `GET /maps/:id/shortlists/:sid.csv`: the CSV for Excel (BOM, `;`, decimal commas) or not. */
export const savedShortlistCsvQuerySchema = z.strictObject({
  excel: queryBoolean.default(false),
});

export const graphQuerySchema = z.strictObject({
  /** Only the N accounts of highest KOL score (and the interactions among them). */
  top: queryInteger(1, 1_000_000).optional(),
  community: queryInteger(0, 1e9).optional(),
});

export const accountParamsSchema = z.strictObject({
  id: storeIdSchema,
  key: z.string().min(1).max(500),
});

export const egoQuerySchema = z.strictObject({
  hops: z
    .enum(['1', '2'])
    .transform((hops) => (hops === '1' ? 1 : 2))
    .optional(),
  direction: z.enum(EGO_DIRECTIONS).optional(),
  maxEdges: queryInteger(0, EGO_MAX_EDGES).optional(),
});

export const pathQuerySchema = z.strictObject({
  from: z.string().min(1).max(500),
  to: z.string().min(1).max(500),
  /** Ignore edge direction (directed maps); default false. */
  undirected: queryBoolean.optional(),
});

export const searchQuerySchema = z.strictObject({
  q: z.string().min(1).max(200),
  limit: queryInteger(1, SEARCH_MAX_LIMIT).optional(),
});

export const communityParamsSchema = z.strictObject({
  id: storeIdSchema,
  cid: queryInteger(0, 1e9),
});

export const communityQuerySchema = z.strictObject({
  limit: queryInteger(0, 1000).optional(),
});

export const renameMapSchema = z.strictObject({ name: mapNameSchema });

// ── responses ─────────────────────────────────────────────────────────────────────────────────

export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(z.unknown()),
    }),
  })
  .meta({ id: 'Error' });

export const auditEntrySchema = z.object({
  id: z.string(),
  mapId: z.string(),
  actor: z.string(),
  what: z.string(),
  filters: z.record(z.string(), z.unknown()),
  at: z.string(),
});

/** The standard error responses, to spread into a route's `responses`. */
export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: ERROR_DESCRIPTIONS[status] ?? 'error', json: errorResponseSchema },
    ]),
  );

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'invalid input (details name the failing paths)',
  401: 'missing or unknown API key',
  403: 'the key’s role does not allow this',
  404: 'not found',
  409: 'conflict with the map’s state',
  413: 'too large',
  415: 'unsupported format or content type',
  429: 'too many requests',
  503: 'the map store is unavailable; retry later',
};
