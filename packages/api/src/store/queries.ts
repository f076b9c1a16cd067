// The query options of the map stores (zod schemas, defaults, limits) and the semantics both stores
// share: the KOL order, the opaque pagination cursor, the text search. `findKols` filters accounts by
// model's account filter (`findKolsQuerySchema`, `compileAccountFilter`).
import {
  type AccountFilter,
  type AccountRecord,
  type FindKolsQuery,
  findKolsQuerySchema,
  foldHandle,
  keysNamedBy,
  kolQueryFilter,
} from '@kolmap/model';
import { z } from 'zod';
import { InvalidQueryError } from './errors.js';
import { pathName } from './map-model.js';

/**
 * Resolved `findKols` filters: the account filter, and its lists or null (languages and countries
 * lower cased, for Cypher), folded text or null, the cursor decoded.
 */
export interface ResolvedFindKols {
  filter: AccountFilter;
  communities: number[] | null;
  actorTypes: string[] | null;
  platforms: string[] | null;
  roles: string[] | null;
  /** Lower case. */
  languages: string[] | null;
  /** Lower case. */
  countries: string[] | null;
  minScore: number | null;
  maxScore: number | null;
  text: string | null;
  limit: number;
  /** Position after which the page starts, null for the first page. */
  after: SortPosition | null;
}

/** A place in the KOL order: the sort score (kolScore, or -1 without one) and the key. */
export interface SortPosition {
  score: number;
  key: string;
}

/** The sort score of an account: its kolScore, or -1 when it has none (so it sorts last). */
export function sortScore(kolScore: number | undefined): number {
  return kolScore ?? -1;
}

/**
 * A string whose order (by code units, as a range index sorts it) is the KOL order of the
 * position: 16 hex digits that sort by score descending (the IEEE-754 bits of the score in an
 * order-preserving form, inverted), then the key.
 */
export function orderString(position: SortPosition): string {
  return scorePrefix(position.score) + position.key;
}

/** The 16 hex digits of `orderString` for a score: every order string with this score starts so. */
export function scorePrefix(score: number): string {
  const [hi, lo] = descendingBits(score);
  return hex32(hi) + hex32(lo);
}

/** The smallest prefix after every order string of `score` (so `< scorePrefixAfter(s)` means "score ≥ s"). */
export function scorePrefixAfter(score: number): string {
  let [hi, lo] = descendingBits(score);
  lo = (lo + 1) >>> 0;
  if (lo === 0) hi = (hi + 1) >>> 0;
  return hex32(hi) + hex32(lo);
}

/** The bits of a double mapped so that unsigned order is descending numeric order. */
function descendingBits(score: number): [number, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, score === 0 ? 0 : score);
  let hi = view.getUint32(0);
  let lo = view.getUint32(4);
  if (hi & 0x80000000) {
    hi = ~hi >>> 0;
    lo = ~lo >>> 0;
  } else {
    hi = (hi | 0x80000000) >>> 0;
  }
  return [~hi >>> 0, ~lo >>> 0];
}

function hex32(value: number): string {
  return value.toString(16).padStart(8, '0');
}

/** Whether position `a` comes before `b` in the KOL order (score descending, key ascending). */
export function comesBefore(a: SortPosition, b: SortPosition): boolean {
  return a.score > b.score || (a.score === b.score && a.key < b.key);
}

/** Compares two positions in the KOL order (for Array.prototype.sort). */
export function compareKolOrder(a: SortPosition, b: SortPosition): number {
  if (a.score !== b.score) return b.score - a.score;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Parses and resolves `findKols` options; the cursor must come from the same map and filters. */
export function resolveFindKols(mapId: string, query: FindKolsQuery | undefined): ResolvedFindKols {
  const parsed = parseQuery(findKolsQuerySchema, query ?? {});
  const text = parsed.text === undefined ? null : foldHandle(parsed.text.trim());
  const resolved: ResolvedFindKols = {
    filter: kolQueryFilter(parsed),
    communities: parsed.community ?? null,
    actorTypes: parsed.actorType ?? null,
    platforms: parsed.platform ?? null,
    roles: parsed.role ?? null,
    languages: lowerCase(parsed.language),
    countries: lowerCase(parsed.country),
    minScore: parsed.minScore ?? null,
    maxScore: parsed.maxScore ?? null,
    text: text === '' ? null : text,
    limit: parsed.limit,
    after: null,
  };
  if (parsed.cursor !== undefined) {
    resolved.after = decodeCursor(parsed.cursor, cursorScope(mapId, resolved));
  }
  return resolved;
}

function lowerCase(values: string[] | undefined): string[] | null {
  return values ? [...new Set(values.map((value) => value.toLowerCase()))].sort() : null;
}

/** The cursor of the page after `last`, for the query `resolved` on `mapId`. */
export function nextCursor(mapId: string, resolved: ResolvedFindKols, last: SortPosition): string {
  return encodeCursor(last, cursorScope(mapId, resolved));
}

/**
 * A cursor is base64url(JSON [version, scope, score, key]): opaque to clients, it binds the position
 * to the map and the filters (`scope`, a short hash), so a cursor replayed with other filters is
 * refused instead of silently skipping accounts. Maps are immutable snapshots, so keyset pages
 * never miss or repeat an account.
 */
function encodeCursor(position: SortPosition, scope: string): string {
  return Buffer.from(JSON.stringify([1, scope, position.score, position.key])).toString(
    'base64url',
  );
}

function decodeCursor(cursor: string, scope: string): SortPosition {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (
    !Array.isArray(value) ||
    value[0] !== 1 ||
    typeof value[2] !== 'number' ||
    typeof value[3] !== 'string'
  ) {
    throw new InvalidQueryError([{ path: 'cursor', message: 'not a cursor of this store' }]);
  }
  if (value[1] !== scope) {
    throw new InvalidQueryError([
      { path: 'cursor', message: 'the cursor belongs to another map or other filters' },
    ]);
  }
  return { score: value[2], key: value[3] };
}

function cursorScope(mapId: string, r: ResolvedFindKols): string {
  const text = JSON.stringify([
    mapId,
    r.communities,
    r.actorTypes,
    r.platforms,
    r.roles,
    r.languages,
    r.countries,
    r.minScore,
    r.maxScore,
    r.text,
  ]);
  // FNV-1a, 32 bits: a guard against mistakes, not a security measure.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/** Whether the folded name or handle of an account contains the resolved `text` (null: any). */
export function matchesText(
  folded: { name: string; handle: string },
  text: string | null,
): boolean {
  return text === null || folded.name.includes(text) || folded.handle.includes(text);
}

export const SEARCH_DEFAULT_LIMIT = 20;
export const SEARCH_MAX_LIMIT = 100;

/**
 * `accounts.search`: first the account whose key the query is, or whose id it is on some platform
 * (`x:88` or `88` finds `x:88`, see `keysNamedBy`); then accounts whose folded name or handle
 * contains the folded query (a leading `@` is ignored), those whose name or handle starts with it
 * first, then by KOL order.
 */
export const searchQuerySchema = z.strictObject({
  q: z.string().min(1).max(200),
  limit: z.number().int().min(1).max(SEARCH_MAX_LIMIT).default(SEARCH_DEFAULT_LIMIT),
});

export function resolveSearch(
  q: string,
  limit: number | undefined,
): { q: string; keys: string[]; limit: number } {
  const parsed = parseQuery(searchQuerySchema, { q, limit });
  const folded = foldHandle(parsed.q.trim());
  if (folded === '') {
    throw new InvalidQueryError([{ path: 'q', message: 'must contain a letter or a digit' }]);
  }
  return { q: folded, keys: keysNamedBy(parsed.q.trim().replace(/^@+/, '')), limit: parsed.limit };
}

/** Accounts in the KOL order (score descending, then key). */
export function inKolOrder(accounts: readonly AccountRecord[]): AccountRecord[] {
  const position = (account: AccountRecord) => ({
    score: sortScore(account.attributes.kolScore),
    key: account.key,
  });
  return [...accounts].sort((a, b) => compareKolOrder(position(a), position(b)));
}

/** 0 when the folded name or handle starts with `q`, 1 otherwise (search ranking). */
export function searchRank(folded: { name: string; handle: string }, q: string): 0 | 1 {
  return folded.name.startsWith(q) || folded.handle.startsWith(q) ? 0 : 1;
}

export const EGO_DIRECTIONS = ['in', 'out', 'both'] as const;
export type EgoDirection = (typeof EGO_DIRECTIONS)[number];
export const EGO_DEFAULT_MAX_EDGES = 200;
export const EGO_MAX_EDGES = 5000;

/**
 * `getAccount` options: the ego network's depth (`hops` 1 or 2, default 1), the `direction` of the
 * edges followed from the account (`out`: attention it gives, `in`: attention it receives, `both`;
 * default `both`; undirected maps always use `both`) and `maxEdges` (0..5000, default 200).
 *
 * The ego network: E1 = the account's edges in `direction`, heaviest first (ties: source key, then
 * target key), at most `maxEdges`. With `hops: 2`, E2 = the edges in `direction` of the accounts
 * E1 reached, not touching the account itself, heaviest first, at most `maxEdges - |E1|`. Nodes are
 * the account and every endpoint of E1 ∪ E2.
 */
export const egoQuerySchema = z.strictObject({
  hops: z.union([z.literal(1), z.literal(2)]).default(1),
  direction: z.enum(EGO_DIRECTIONS).default('both'),
  maxEdges: z.number().int().min(0).max(EGO_MAX_EDGES).default(EGO_DEFAULT_MAX_EDGES),
});
export type EgoQuery = z.input<typeof egoQuerySchema>;
export type ResolvedEgoQuery = z.output<typeof egoQuerySchema>;

/** Orders edges heaviest first, then by source key, then target key. */
export function compareEdgesByWeight(
  a: { source: string; target: string; weight: number },
  b: { source: string; target: string; weight: number },
): number {
  if (a.weight !== b.weight) return b.weight - a.weight;
  if (a.source !== b.source) return a.source < b.source ? -1 : 1;
  return a.target < b.target ? -1 : a.target > b.target ? 1 : 0;
}

/** The longest path `findPath` looks for, in edges. */
export const PATH_MAX_HOPS = 8;

/**
 * `findPath` options. By default a path follows edge direction: an attention path from `from` to
 * `to` (from gives attention to someone who gives attention … to `to`). `undirected: true` ignores
 * direction (any chain of interactions). Undirected maps are always searched undirected. Paths are
 * shortest in number of edges, at most PATH_MAX_HOPS long; when several exist, any one of them.
 */
export const pathQuerySchema = z.strictObject({
  undirected: z.boolean().default(false),
});
export type PathQuery = z.input<typeof pathQuerySchema>;

/** A community id: an integer ≥ 0. */
export const communityIdSchema = z.number().int().nonnegative();

export const COMMUNITY_DEFAULT_MEMBER_LIMIT = 50;
export const COMMUNITY_MAX_MEMBER_LIMIT = 1000;

/** `getCommunity` options: how many members to give (by KOL order), 0..1000, default 50. */
export const communityQuerySchema = z.strictObject({
  memberLimit: z
    .number()
    .int()
    .min(0)
    .max(COMMUNITY_MAX_MEMBER_LIMIT)
    .default(COMMUNITY_DEFAULT_MEMBER_LIMIT),
});
export type CommunityQuery = z.input<typeof communityQuerySchema>;

/** Parses query options; problems become an InvalidQueryError naming each option. */
export function parseQuery<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new InvalidQueryError(
    result.error.issues.map((issue) => ({ path: pathName(issue.path), message: issue.message })),
  );
}
