// What the stores keep of a map's listening (docs/listening.md; its shape is core's MapListening):
// validated with zod before anything is written, post rows as tuples, the pharmacovigilance review
// queue's pages and changes. The review rules are core's (`changePvCase`), applied by the stores
// inside the write that saves the change.
import {
  changePvCase,
  type ListeningPostRow,
  type MapListening,
  PV_AUDIT_ACTIONS,
  PV_REVIEW_STATUSES,
  PV_REVIEW_TRANSITIONS,
  type PvCase,
  type PvCaseChange,
  PvReviewError,
  type PvReviewer,
  type PvReviewStatus,
  platformSchema,
  TONES,
  type Tone,
  watchListSchema,
} from '@kolmap/core';
import { z } from 'zod';
import { InvalidMapError, InvalidQueryError, PvReviewConflictError } from './errors.js';
import { pathName } from './map-model.js';

/** What a map is saved with when it was listened to (`SaveMapInput.listening`): core's pipeline gives it. */
export type SaveListeningInput = MapListening;

const count = z.number().int().nonnegative();
const isoDate = z
  .string()
  .refine((text) => !Number.isNaN(Date.parse(text)), 'expected an ISO 8601 date');
const indexList = z.array(count);

const postRowSchema = z.strictObject({
  time: z.number().finite(),
  platform: platformSchema,
  author: z.string().min(1),
  brands: indexList,
  areas: indexList,
  topics: indexList,
  tonality: z.number().min(-1).max(1).nullable(),
  tone: z.enum(TONES).nullable(),
  community: count.nullable(),
  kolScore: z.number().min(0).max(100).nullable(),
});

const auditEntrySchema = z.strictObject({
  at: isoDate,
  by: z.string().min(1),
  action: z.enum(PV_AUDIT_ACTIONS),
  from: z.string().nullable(),
  to: z.string().nullable(),
  note: z.string().nullable(),
});

const pvCaseSchema = z.strictObject({
  id: z.string().min(1),
  flag: z.object({ post: z.string().min(1), createdAt: z.string() }).catchall(z.json()),
  status: z.enum(PV_REVIEW_STATUSES),
  assignee: z.string().nullable(),
  history: z.array(auditEntrySchema).min(1),
});

const communitySchema = z
  .object({ id: count, label: z.string(), leaders: z.array(z.record(z.string(), z.json())) })
  .catchall(z.json());

export const saveListeningInputSchema = z.strictObject({
  watch: watchListSchema,
  now: isoDate,
  listenedAt: isoDate,
  seed: count,
  counts: z.strictObject({
    read: count,
    purged: count,
    otherLanguages: count,
    listened: count,
    naming: count,
    rows: count,
    pvCases: count,
    excludedFromMarketing: count,
  }),
  topics: z.array(z.strictObject({ key: z.string().min(1), label: z.string(), posts: count })),
  communities: z.array(communitySchema),
  skippedTopics: z.array(z.string()),
  privacy: z
    .strictObject({
      followerThreshold: count,
      publicActorTypes: z.array(z.string()),
      pseudonymised: count,
    })
    .nullable(),
  doNotContact: z.array(z.string().min(1)),
  posts: z.array(postRowSchema),
  pvCases: z.array(pvCaseSchema),
});

/**
 * Validates a map's listening before it is saved: the schema, one case per id, and indices that
 * point into the watch list's brands and areas and into `topics`.
 *
 * @throws InvalidMapError with one problem per bad value (at most 20), paths under `listening`.
 */
export function prepareListening(input: SaveListeningInput): SaveListeningInput {
  const parsed = saveListeningInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new InvalidMapError(
      parsed.error.issues.slice(0, 20).map((issue) => ({
        path: pathName(['listening', ...issue.path]),
        message: issue.message,
      })),
    );
  }
  const listening = input;
  const problems: Array<{ path: string; message: string }> = [];
  const problem = (path: string, message: string) => {
    if (problems.length < 20) problems.push({ path: `listening.${path}`, message });
  };
  const brands = listening.watch.products.length + (listening.watch.competitors?.length ?? 0);
  const areas = listening.watch.therapeuticAreas?.length ?? 0;
  const limits = { brands, areas, topics: listening.topics.length } as const;
  listening.posts.forEach((row, i) => {
    for (const field of ['brands', 'areas', 'topics'] as const) {
      if (row[field].some((index) => index >= limits[field])) {
        problem(`posts[${i}].${field}`, `an index is not below ${limits[field]}`);
      }
    }
  });
  const ids = new Set<string>();
  listening.pvCases.forEach((item, i) => {
    if (ids.has(item.id)) problem(`pvCases[${i}].id`, `duplicate case "${item.id}"`);
    ids.add(item.id);
  });
  if (problems.length > 0) throw new InvalidMapError(problems);
  return listening;
}

/** A post row as the stores write it: a JSON array, about half the size of the object. */
export type ListeningPostTuple = [
  number,
  string,
  string,
  number[],
  number[],
  number[],
  number | null,
  Tone | null,
  number | null,
  number | null,
];

export function toPostTuple(row: ListeningPostRow): ListeningPostTuple {
  return [
    row.time,
    row.platform,
    row.author,
    row.brands,
    row.areas,
    row.topics,
    row.tonality,
    row.tone,
    row.community,
    row.kolScore,
  ];
}

export function fromPostTuple(tuple: ListeningPostTuple): ListeningPostRow {
  const [time, platform, author, brands, areas, topics, tonality, tone, community, kolScore] =
    tuple;
  return {
    time,
    platform: platform as ListeningPostRow['platform'],
    author,
    brands,
    areas,
    topics,
    tonality,
    tone,
    community,
    kolScore,
  };
}

/** How many of a map's pharmacovigilance cases are in each review status (every status named). */
export type PvCaseCounts = Record<PvReviewStatus, number>;

/** Counts with every status at 0, to add to. */
export function noPvCases(): PvCaseCounts {
  return Object.fromEntries(PV_REVIEW_STATUSES.map((status) => [status, 0])) as PvCaseCounts;
}

export const PV_CASES_DEFAULT_LIMIT = 50;
export const PV_CASES_MAX_LIMIT = 500;

/**
 * `listPvCases` options: `status`, one or a list (any matches; default every status); `limit`
 * 1..500, default 50; `cursor`, the `nextCursor` of the previous page with the same statuses.
 * Cases come oldest post first (ties: case id), so that none waits behind newer ones.
 */
export const pvCaseQuerySchema = z.strictObject({
  status: z
    .union([z.enum(PV_REVIEW_STATUSES), z.array(z.enum(PV_REVIEW_STATUSES)).min(1)])
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .optional(),
  limit: z.number().int().min(1).max(PV_CASES_MAX_LIMIT).default(PV_CASES_DEFAULT_LIMIT),
  cursor: z.string().max(2000).optional(),
});
export type PvCaseQuery = z.input<typeof pvCaseQuerySchema>;

export interface ResolvedPvCaseQuery {
  /** Sorted, without duplicates; null: every status. */
  statuses: PvReviewStatus[] | null;
  limit: number;
  /** Order string after which the page starts (see `pvCaseOrder`); '' for the first page. */
  after: string;
}

/**
 * A case's place in the queue as one string: the flagged post's date (ISO 8601, UTC; as written when
 * it does not parse) then the case id. Strings sort as the queue does.
 */
export function pvCaseOrder(item: Pick<PvCase, 'id' | 'flag'>): string {
  const time = Date.parse(item.flag.createdAt);
  const date = Number.isNaN(time) ? item.flag.createdAt : new Date(time).toISOString();
  return `${date}|${item.id}`;
}

/** Parses `listPvCases` options; a cursor must come from the same map and statuses. */
export function resolvePvCaseQuery(
  mapId: string,
  query: PvCaseQuery | undefined,
): ResolvedPvCaseQuery {
  const result = pvCaseQuerySchema.safeParse(query ?? {});
  if (!result.success) {
    throw new InvalidQueryError(
      result.error.issues.map((issue) => ({ path: pathName(issue.path), message: issue.message })),
    );
  }
  const { status, limit, cursor } = result.data;
  const statuses = status ? [...new Set(status)].sort() : null;
  return {
    statuses,
    limit,
    after: cursor === undefined ? '' : decodePvCursor(cursor, mapId, statuses),
  };
}

/**
 * The cursor of the page after the case whose order string is `order`: base64url(JSON [1, mapId,
 * statuses, order]), opaque to clients. A case whose status changes between two pages may be missed
 * or seen twice by a status filter; the order itself never changes.
 */
export function pvCaseCursor(mapId: string, resolved: ResolvedPvCaseQuery, order: string): string {
  return Buffer.from(JSON.stringify([1, mapId, resolved.statuses, order])).toString('base64url');
}

function decodePvCursor(cursor: string, mapId: string, statuses: PvReviewStatus[] | null): string {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (!Array.isArray(value) || value[0] !== 1 || typeof value[3] !== 'string') {
    throw new InvalidQueryError([{ path: 'cursor', message: 'not a cursor of this store' }]);
  }
  if (value[1] !== mapId || JSON.stringify(value[2]) !== JSON.stringify(statuses)) {
    throw new InvalidQueryError([
      { path: 'cursor', message: 'the cursor belongs to another map or other statuses' },
    ]);
  }
  return value[3];
}

/**
 * A reviewer's change applied to the case as stored (core's changePvCase: one audit entry per
 * change, the trail never shortened).
 *
 * @throws InvalidInputError on a malformed change or reviewer; PvReviewConflictError when the review
 *   rules forbid it, with the case's status and the statuses it may go to.
 */
export function applyPvCaseChange(
  current: PvCase,
  change: PvCaseChange,
  reviewer: PvReviewer,
): PvCase {
  try {
    return changePvCase(current, change, reviewer);
  } catch (error) {
    if (!(error instanceof PvReviewError)) throw error;
    throw new PvReviewConflictError(
      current.id,
      error.message,
      current.status,
      PV_REVIEW_TRANSITIONS[current.status],
    );
  }
}
