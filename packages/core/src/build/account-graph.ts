// Shared parts of the account graph builders: common options and their parsing, row selection,
// and the assembly of a graphology graph from aggregated pairs (one node per account).

import {
  INTERACTION_TYPES,
  type InteractionType,
  type Platform,
  platformSchema,
} from '@kolmap/model';
import { DirectedGraph, UndirectedGraph } from 'graphology';
import type { AbstractGraph, Attributes } from 'graphology-types';
import { z } from 'zod';
import { useDictionaryIndexes } from '../analyze/account-network.js';
import type { AccountEntry, Dataset } from '../load/dataset.js';
import { type EdgeTable, typeCode } from '../load/edge-table.js';
import { dateSchema, toEpochMs } from '../schema/dates.js';
import {
  aggregateRows,
  type EdgeAggregate,
  mergeDirections,
  type RowAggregation,
  TYPE_CODES,
} from './aggregate-edges.js';

export const SELF_LOOP_POLICIES = ['drop', 'keep'] as const;
export type SelfLoopPolicy = (typeof SELF_LOOP_POLICIES)[number];

/** Node attributes of an account graph: the account's fields and its extra `attributes`. */
export interface AccountNodeAttributes extends Omit<AccountEntry, 'key' | 'kind' | 'attributes'> {
  [name: string]: unknown;
}

/** Options every account graph builder takes (see each builder for the defaults). */
export const accountGraphOptionsShape = {
  platforms: z.array(platformSchema).readonly().optional(),
  selfLoops: z.enum(SELF_LOOP_POLICIES).optional(),
  undirected: z.boolean().optional(),
  includeIsolated: z.boolean().optional(),
};

const instant = z.union([dateSchema, z.date()]);

/** The time window options: ISO dates or Date objects; `until` may not come before `since`. */
export const windowOptionsShape = { since: instant.optional(), until: instant.optional() };

export function checkWindow(
  options: { since?: string | Date | undefined; until?: string | Date | undefined },
  context: z.RefinementCtx,
): void {
  const { since, until } = options;
  if (since !== undefined && until !== undefined && toTime(until) < toTime(since)) {
    context.addIssue({
      code: 'custom',
      path: ['until'],
      message: 'must not be before since',
    });
  }
}

export function toTime(instant: string | Date): number {
  return instant instanceof Date ? instant.getTime() : toEpochMs(instant);
}

export function toIso(time: number): string {
  return new Date(time).toISOString();
}

/** 1 for each account (by index) of the given platforms; null when every platform is kept. */
export function platformMask(
  accounts: AccountEntry[],
  platforms: readonly Platform[] | undefined,
): Uint8Array | null {
  if (platforms === undefined) return null;
  const wanted = new Set<Platform>(platforms);
  return Uint8Array.from(accounts, (account) => (wanted.has(account.platform) ? 1 : 0));
}

/** 1 for each type code of the given types; `untyped` sets code 0 (records without a type). */
export function typeMask(types: readonly InteractionType[], untyped: boolean): Uint8Array {
  const mask = new Uint8Array(TYPE_CODES);
  mask[0] = untyped ? 1 : 0;
  for (const type of types) mask[typeCode(type)] = 1;
  return mask;
}

export interface RowFilter {
  /** 1 for each type code to keep. */
  types: Uint8Array;
  /** Accounts whose records are kept (as source), null for all. */
  sources: Uint8Array | null;
  keepSelfLoops: boolean;
  /**
   * Time window [since, until] in ms (either end may be infinite) for the records whose type code
   * is set in `windowTypes`; records without a date fall outside it.
   */
  window: { since: number; until: number; windowTypes: Uint8Array } | null;
}

/** Aggregates the dataset's records that pass the filter, per ordered or unordered account pair. */
export function aggregateDataset(
  dataset: Dataset,
  filter: RowFilter,
  aggregation: RowAggregation,
  undirected: boolean,
): EdgeAggregate {
  const nodeCount = dataset.accounts.length;
  const rows = selectRows(dataset.edges, filter);
  const directed = aggregateRows(dataset.edges, rows, nodeCount, aggregation);
  return undirected ? mergeDirections(directed, nodeCount) : directed;
}

/** Indexes of the edge table rows that pass the filter. */
function selectRows(edges: EdgeTable, filter: RowFilter): Int32Array {
  const { types, sources, keepSelfLoops, window } = filter;
  const rows = new Int32Array(edges.length);
  let kept = 0;
  for (let row = 0; row < edges.length; row++) {
    const code = edges.type[row] as number;
    const source = edges.source[row] as number;
    if (types[code] !== 1) continue;
    if (sources && sources[source] !== 1) continue;
    if (!keepSelfLoops && source === edges.target[row]) continue;
    if (window && window.windowTypes[code] === 1) {
      const time = edges.time[row] as number;
      if (!(time >= window.since && time <= window.until)) continue;
    }
    rows[kept++] = row;
  }
  return rows.slice(0, kept);
}

/** Node attributes of an account: its fields without undefined values, over its `attributes`. */
export function accountAttributes(account: AccountEntry): AccountNodeAttributes {
  const { key: _key, attributes, ...fields } = account;
  const node: Attributes = { ...attributes };
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined) node[name] = value;
  }
  return node as AccountNodeAttributes;
}

/** Writes `count`, the non-zero per-type counts, and `firstAt`/`lastAt` when the pair is dated. */
export function writeRecordAttributes(
  aggregate: EdgeAggregate,
  pair: number,
  attributes: Attributes,
): void {
  attributes.count = aggregate.count[pair];
  INTERACTION_TYPES.forEach((type, index) => {
    const count = aggregate.typeCounts[pair * TYPE_CODES + index + 1] as number;
    if (count > 0) attributes[type] = count;
  });
  const first = aggregate.first[pair] as number;
  const last = aggregate.last[pair] as number;
  if (first <= last) {
    attributes.firstAt = toIso(first);
    attributes.lastAt = first === last ? attributes.firstAt : toIso(last);
  }
}

export interface GraphAssembly {
  undirected: boolean;
  includeIsolated: boolean;
  /** Accounts eligible as nodes (isolated ones included only then), null for all. */
  accounts: Uint8Array | null;
}

/**
 * Builds the graph of an aggregate: account nodes in dataset order, then one edge per pair whose
 * weight is at least `minWeight`, with the attributes `edgeAttributes` makes from the pair and its
 * weight. Edge keys are the edges' ranks ("0", "1"…), so a build is reproducible.
 */
export function assembleGraph<E extends Attributes>(
  dataset: Dataset,
  aggregate: EdgeAggregate,
  { undirected, includeIsolated, accounts }: GraphAssembly,
  { weights, minWeight }: { weights: Float64Array; minWeight: number },
  edgeAttributes: (pair: number, weight: number) => E,
): AbstractGraph<AccountNodeAttributes, E> {
  const graph = undirected
    ? new UndirectedGraph<AccountNodeAttributes, E>()
    : new DirectedGraph<AccountNodeAttributes, E>();
  const used = new Uint8Array(dataset.accounts.length);
  for (let pair = 0; pair < aggregate.length; pair++) {
    if ((weights[pair] as number) < minWeight) continue;
    used[aggregate.source[pair] as number] = 1;
    used[aggregate.target[pair] as number] = 1;
  }
  dataset.accounts.forEach((account, index) => {
    if (used[index] === 1 || (includeIsolated && (accounts === null || accounts[index] === 1))) {
      graph.addNode(account.key, accountAttributes(account));
    }
  });
  useDictionaryIndexes(graph);
  let rank = 0;
  for (let pair = 0; pair < aggregate.length; pair++) {
    const weight = weights[pair] as number;
    if (weight < minWeight) continue;
    const source = dataset.accounts[aggregate.source[pair] as number] as AccountEntry;
    const target = dataset.accounts[aggregate.target[pair] as number] as AccountEntry;
    graph.addEdgeWithKey(String(rank++), source.key, target.key, edgeAttributes(pair, weight));
  }
  return graph;
}
