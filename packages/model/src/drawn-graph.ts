// The map as the viewer draws it (`GET /maps/:id/graph`), in columns: one array per account
// attribute (categorical ones as their distinct values plus one index per account) and the links as
// arrays of account indices and weights. Written by the API (`toDrawnGraph`), read by the viewer
// (`drawnAccountAttributes`).
import { z } from 'zod';
import {
  type AccountAttributes,
  type AccountRecord,
  type CommunityProfile,
  communitySchema,
  GRAPH_TYPES,
  mapSummarySchema,
} from './map-schemas.js';

/** Number attributes the viewer draws with: one number per account, null where it has none. */
export const DRAWN_NUMBERS = [
  'x',
  'y',
  'community',
  'kolScore',
  'rank',
  'communityRank',
  'pagerank',
  'followers',
  'inStrength',
  'inDegree',
  'outDegree',
  /** Maps analysed with a watch list. */
  'tonality',
  'topicCommunity',
] as const;

/** Text attributes the viewer draws with that nearly every account has its own of. */
export const DRAWN_TEXTS = ['name', 'handle'] as const;

/**
 * Attributes with few distinct values: the values once, and per account the index of its value
 * (−1 where it has none). `platforms` (per-actor maps: the platforms of the actor's accounts) has
 * lists as values.
 */
export const DRAWN_CATEGORIES = [
  'platform',
  'platforms',
  'actorType',
  'language',
  'country',
  'role',
  'communityLabel',
  'topic',
] as const;

/** Every account attribute `/graph` gives (the rest is read per account). */
export const DRAWN_ATTRIBUTES = [...DRAWN_NUMBERS, ...DRAWN_TEXTS, ...DRAWN_CATEGORIES] as const;

const accountIndex = z.number().int().nonnegative();
const numberColumn = z.array(z.number().nullable());
const textColumn = z.array(z.string().nullable());
const categoryValue = z.union([z.string(), z.array(z.string())]);
const categoryColumn = z.object({
  /** The distinct values, in order of first appearance. */
  values: z.array(categoryValue),
  /** Per account, the index of its value in `values`, −1 where it has none. */
  codes: z.array(z.number().int().min(-1)),
});
export type DrawnCategory = z.infer<typeof categoryColumn>;

const columns = <T extends z.ZodType>(names: readonly string[], column: T) =>
  Object.fromEntries(names.map((name) => [name, column.optional()])) as Record<
    string,
    z.ZodOptional<T>
  >;

/**
 * The accounts: `keys` gives their order, each other field is a column in that order, present only
 * when at least one account has the attribute.
 */
export const drawnAccountsSchema = z.object({
  keys: z.array(z.string()),
  ...columns(DRAWN_NUMBERS, numberColumn),
  ...columns(DRAWN_TEXTS, textColumn),
  ...columns(DRAWN_CATEGORIES, categoryColumn),
});
export type DrawnAccounts = { keys: string[] } & {
  [name in (typeof DRAWN_NUMBERS)[number]]?: Array<number | null>;
} & { [name in (typeof DRAWN_TEXTS)[number]]?: Array<string | null> } & {
  [name in (typeof DRAWN_CATEGORIES)[number]]?: DrawnCategory;
};

/** The links among the accounts: link i goes from account `source[i]` to `target[i]`. */
export const drawnLinksSchema = z.object({
  source: z.array(accountIndex),
  target: z.array(accountIndex),
  /** The interactions' weight (1 where the map has none). */
  weight: z.array(z.number()),
});
export type DrawnLinks = z.infer<typeof drawnLinksSchema>;

/** The graph of `GET /maps/:id/graph`, in columns. */
export const drawnGraphSchema = z
  .object({
    type: z.enum(GRAPH_TYPES),
    communities: z.array(communitySchema),
    accounts: drawnAccountsSchema,
    links: drawnLinksSchema,
  })
  .meta({ id: 'DrawnGraph' });
export interface DrawnGraph {
  type: (typeof GRAPH_TYPES)[number];
  communities: CommunityProfile[];
  accounts: DrawnAccounts;
  links: DrawnLinks;
}

/** The map as the viewer draws it (`GET /maps/:id/graph`): its summary and its drawn graph. */
export const mapGraphResponseSchema = z.object({ map: mapSummarySchema, graph: drawnGraphSchema });
export interface MapGraphResponse {
  map: z.infer<typeof mapSummarySchema>;
  graph: DrawnGraph;
}

/** What a drawn graph is made from. */
export interface DrawnGraphInput {
  directed: boolean;
  communities: CommunityProfile[];
  /** The accounts to draw, in the order they are drawn in. */
  accounts: readonly AccountRecord[];
  /** Interactions; those with an end outside `accounts` are left out. */
  interactions: Iterable<{ source: string; target: string; attributes: { weight?: number } }>;
}

/** The drawn graph (columns of DRAWN_ATTRIBUTES) of accounts and the interactions among them. */
export function toDrawnGraph({
  directed,
  communities,
  accounts,
  interactions,
}: DrawnGraphInput): DrawnGraph {
  const drawn = toDrawnAccounts(accounts);
  const indexOf = new Map(drawn.keys.map((key, index) => [key, index]));
  const links: DrawnLinks = { source: [], target: [], weight: [] };
  for (const { source, target, attributes } of interactions) {
    const from = indexOf.get(source);
    const to = indexOf.get(target);
    if (from === undefined || to === undefined) continue;
    links.source.push(from);
    links.target.push(to);
    links.weight.push(attributes.weight ?? 1);
  }
  return { type: directed ? 'directed' : 'undirected', communities, accounts: drawn, links };
}

/**
 * The accounts' columns of DRAWN_ATTRIBUTES, in their order (what `toDrawnGraph` gives as
 * `accounts`, for callers that make the links themselves).
 */
export function toDrawnAccounts(accounts: readonly AccountRecord[]): DrawnAccounts {
  const drawn: DrawnAccounts = { keys: accounts.map(({ key }) => key) };
  const has = (name: string) => accounts.some(({ attributes }) => attributes[name] != null);
  for (const name of DRAWN_NUMBERS) {
    if (has(name)) drawn[name] = accounts.map(({ attributes }) => numberOrNull(attributes[name]));
  }
  for (const name of DRAWN_TEXTS) {
    if (has(name)) drawn[name] = accounts.map(({ attributes }) => textOrNull(attributes[name]));
  }
  for (const name of DRAWN_CATEGORIES) {
    if (has(name)) drawn[name] = toCategory(accounts, name);
  }
  return drawn;
}

/**
 * Each account's attributes (those it has among DRAWN_ATTRIBUTES), in the order of `keys`: the
 * objects the viewer's graph holds.
 */
export function drawnAccountAttributes(accounts: DrawnAccounts): AccountAttributes[] {
  const count = accounts.keys.length;
  const attributes: Array<Record<string, unknown>> = new Array(count);
  for (let index = 0; index < count; index++) attributes[index] = {};
  const fill = (name: string, column: ArrayLike<unknown>) => {
    for (let index = 0; index < count; index++) {
      const value = column[index];
      if (value != null) (attributes[index] as Record<string, unknown>)[name] = value;
    }
  };
  for (const name of [...DRAWN_NUMBERS, ...DRAWN_TEXTS]) {
    const column = accounts[name];
    if (column) fill(name, column);
  }
  for (const name of DRAWN_CATEGORIES) {
    const column = accounts[name];
    if (column)
      fill(
        name,
        column.codes.map((code) => column.values[code]),
      );
  }
  return attributes as AccountAttributes[];
}

function toCategory(accounts: readonly AccountRecord[], name: string): DrawnCategory {
  const values: Array<string | string[]> = [];
  const seen = new Map<string, number>();
  const codes = accounts.map(({ attributes }) => {
    const value = attributes[name];
    const valid =
      typeof value === 'string' ||
      (Array.isArray(value) && value.every((item) => typeof item === 'string'));
    if (!valid) return -1;
    const id = typeof value === 'string' ? value : `\u0000${JSON.stringify(value)}`;
    let code = seen.get(id);
    if (code === undefined) {
      code = values.length;
      seen.set(id, code);
      values.push(value as string | string[]);
    }
    return code;
  });
  return { values, codes };
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
