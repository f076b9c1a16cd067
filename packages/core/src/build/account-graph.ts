// Shared parts of the account network builders: common options and their parsing, row selection,
// and the assembly of an account network from aggregated pairs (one node per account).

import {
  INTERACTION_TYPES,
  type InteractionType,
  type Platform,
  platformSchema,
} from '@kolmap/model';
import type { Attributes } from 'graphology-types';
import { z } from 'zod';
import type { AccountNetwork } from '../analyze/account-network.js';
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
 * The network of an aggregate: account nodes in dataset order, then one edge per pair whose weight
 * is at least `minWeight`, in pair order, with the attributes `edgeAttributes` makes from the pair
 * and its weight (made when asked, from the aggregate's columns). In the graph of the network
 * (graphOfNetwork) edge keys are the edges' ranks ("0", "1"…), so a build is reproducible.
 */
export function assembleNetwork(
  dataset: Dataset,
  aggregate: EdgeAggregate,
  { undirected, includeIsolated, accounts }: GraphAssembly,
  { weights, minWeight }: { weights: Float64Array; minWeight: number },
  edgeAttributes: (pair: number, weight: number) => Attributes,
): AccountNetwork {
  const nodeOf = new Int32Array(dataset.accounts.length).fill(-1);
  const pairs = new Int32Array(aggregate.length);
  let kept = 0;
  for (let pair = 0; pair < aggregate.length; pair++) {
    if ((weights[pair] as number) < minWeight) continue;
    pairs[kept++] = pair;
    nodeOf[aggregate.source[pair] as number] = 0;
    nodeOf[aggregate.target[pair] as number] = 0;
  }
  const keys: string[] = [];
  const nodes: Attributes[] = [];
  const index = new Map<string, number>();
  dataset.accounts.forEach((account, i) => {
    if (nodeOf[i] === 0 || (includeIsolated && (accounts === null || accounts[i] === 1))) {
      nodeOf[i] = keys.length;
      index.set(account.key, keys.length);
      keys.push(account.key);
      nodes.push(accountAttributes(account));
    }
  });
  const pairOf = kept === aggregate.length ? null : pairs.slice(0, kept);
  const source = new Int32Array(kept);
  const target = new Int32Array(kept);
  const weight = new Float64Array(kept);
  const count = new Int32Array(kept);
  const typeCounts = pairOf === null ? aggregate.typeCounts : new Int32Array(kept * TYPE_CODES);
  for (let e = 0; e < kept; e++) {
    const pair = pairOf === null ? e : (pairOf[e] as number);
    source[e] = nodeOf[aggregate.source[pair] as number] as number;
    target[e] = nodeOf[aggregate.target[pair] as number] as number;
    weight[e] = weights[pair] as number;
    count[e] = aggregate.count[pair] as number;
    if (pairOf !== null) {
      typeCounts.set(
        aggregate.typeCounts.subarray(pair * TYPE_CODES, (pair + 1) * TYPE_CODES),
        e * TYPE_CODES,
      );
    }
  }
  return {
    keys,
    index,
    nodes,
    type: undirected ? 'undirected' : 'directed',
    multi: false,
    source,
    target,
    weight,
    undirected: null,
    count,
    typeCounts,
    edgeAttributes: (e) =>
      edgeAttributes(pairOf === null ? e : (pairOf[e] as number), weight[e] as number),
  };
}
