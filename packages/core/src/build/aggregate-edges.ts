// Aggregation of edge records into one entry per account pair, on typed arrays (no object per
// record). Shared by the graph builders: table rows → directed pairs → merged undirected pairs.

import { INTERACTION_TYPES } from '@kolmap/model';
import { type EdgeTable, typeCode } from '../load/edge-table.js';

/** Number of type codes of the edge table: UNTYPED (0) and one per interaction type. */
export const TYPE_CODES = INTERACTION_TYPES.length + 1;

const FOLLOW_CODE = typeCode('follow');

/** Pair index of every part, and the two ends of every pair (first end lower when undirected). */
export interface PairGroups {
  length: number;
  pairOf: Int32Array;
  source: Int32Array;
  target: Int32Array;
}

/**
 * Groups parts (records or edges) by their (source, target) pair in O(parts + nodes): a counting
 * sort by source, then a last-seen mark per target. Pairs come out by source, then by the first
 * appearance of their target, so the order depends on the input only. Undirected grouping merges
 * a→b and b→a into the pair (min, max).
 */
export function groupPairs(
  source: Int32Array,
  target: Int32Array,
  nodeCount: number,
  undirected: boolean,
): PairGroups {
  const parts = source.length;
  const low = undirected ? new Int32Array(parts) : source;
  const high = undirected ? new Int32Array(parts) : target;
  if (undirected) {
    for (let i = 0; i < parts; i++) {
      const a = source[i] as number;
      const b = target[i] as number;
      low[i] = a < b ? a : b;
      high[i] = a < b ? b : a;
    }
  }
  const start = new Int32Array(nodeCount + 1);
  for (let i = 0; i < parts; i++) {
    const node = (low[i] as number) + 1;
    start[node] = (start[node] as number) + 1;
  }
  for (let node = 0; node < nodeCount; node++) {
    start[node + 1] = (start[node + 1] as number) + (start[node] as number);
  }
  const next = start.slice(0, nodeCount);
  const order = new Int32Array(parts);
  for (let i = 0; i < parts; i++) {
    const node = low[i] as number;
    const slot = next[node] as number;
    next[node] = slot + 1;
    order[slot] = i;
  }

  const pairOf = new Int32Array(parts);
  const pairSource = new Int32Array(parts);
  const pairTarget = new Int32Array(parts);
  const seenFrom = new Int32Array(nodeCount).fill(-1);
  const pairAt = new Int32Array(nodeCount);
  let length = 0;
  for (let node = 0; node < nodeCount; node++) {
    const end = start[node + 1] as number;
    for (let j = start[node] as number; j < end; j++) {
      const part = order[j] as number;
      const other = high[part] as number;
      if (seenFrom[other] !== node) {
        seenFrom[other] = node;
        pairAt[other] = length;
        pairSource[length] = node;
        pairTarget[length] = other;
        length++;
      }
      pairOf[part] = pairAt[other] as number;
    }
  }
  return {
    length,
    pairOf,
    source: pairSource.slice(0, length),
    target: pairTarget.slice(0, length),
  };
}

/**
 * Aggregated edges, one entry per pair. Two layers: interaction records add to `weight`, `count`
 * and `typeCounts`; follow records (when aggregated as a layer of their own) set `follows`.
 */
export interface EdgeAggregate {
  length: number;
  source: Int32Array;
  target: Int32Array;
  /** Interaction layer: Σ record weight × type weight. */
  weight: Float64Array;
  /** Interaction records. */
  count: Int32Array;
  /** Records per type code, `TYPE_CODES` entries per pair. */
  typeCounts: Int32Array;
  /** Follow layer: distinct directed follows of the pair (1; 2 for a mutual follow once merged). */
  follows: Int32Array;
  /** Earliest and latest record time in ms; +Infinity / -Infinity when no record has a date. */
  first: Float64Array;
  last: Float64Array;
}

function emptyAggregate(groups: PairGroups): EdgeAggregate {
  const { length } = groups;
  return {
    length,
    source: groups.source,
    target: groups.target,
    weight: new Float64Array(length),
    count: new Int32Array(length),
    typeCounts: new Int32Array(length * TYPE_CODES),
    follows: new Int32Array(length),
    first: new Float64Array(length).fill(Number.POSITIVE_INFINITY),
    last: new Float64Array(length).fill(Number.NEGATIVE_INFINITY),
  };
}

export interface RowAggregation {
  /** Weight of each type code (index 0: untyped records). */
  typeWeights: Float64Array;
  /** Aggregate follow records as the follow layer (`follows`) rather than as interactions. */
  followLayer: boolean;
}

/** Aggregates the given rows of the edge table per ordered (source, target) pair. */
export function aggregateRows(
  edges: EdgeTable,
  rows: Int32Array,
  nodeCount: number,
  { typeWeights, followLayer }: RowAggregation,
): EdgeAggregate {
  const source = new Int32Array(rows.length);
  const target = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as number;
    source[i] = edges.source[row] as number;
    target[i] = edges.target[row] as number;
  }
  const groups = groupPairs(source, target, nodeCount, false);
  const aggregate = emptyAggregate(groups);
  const { weight, count, typeCounts, follows, first, last } = aggregate;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as number;
    const pair = groups.pairOf[i] as number;
    const code = edges.type[row] as number;
    const time = edges.time[row] as number;
    if (followLayer && code === FOLLOW_CODE) {
      follows[pair] = 1;
    } else {
      const at = pair * TYPE_CODES + code;
      weight[pair] =
        (weight[pair] as number) + (edges.weight[row] as number) * (typeWeights[code] as number);
      count[pair] = (count[pair] as number) + 1;
      typeCounts[at] = (typeCounts[at] as number) + 1;
    }
    if (time < (first[pair] as number)) first[pair] = time;
    if (time > (last[pair] as number)) last[pair] = time;
  }
  return aggregate;
}

/** Merges a→b and b→a of a directed aggregate into one undirected pair (weights, counts add up). */
export function mergeDirections(aggregate: EdgeAggregate, nodeCount: number): EdgeAggregate {
  const groups = groupPairs(aggregate.source, aggregate.target, nodeCount, true);
  const merged = emptyAggregate(groups);
  for (let from = 0; from < aggregate.length; from++) {
    const to = groups.pairOf[from] as number;
    merged.weight[to] = (merged.weight[to] as number) + (aggregate.weight[from] as number);
    merged.count[to] = (merged.count[to] as number) + (aggregate.count[from] as number);
    merged.follows[to] = (merged.follows[to] as number) + (aggregate.follows[from] as number);
    for (let code = 0; code < TYPE_CODES; code++) {
      const at = to * TYPE_CODES + code;
      merged.typeCounts[at] =
        (merged.typeCounts[at] as number) +
        (aggregate.typeCounts[from * TYPE_CODES + code] as number);
    }
    merged.first[to] = Math.min(merged.first[to] as number, aggregate.first[from] as number);
    merged.last[to] = Math.max(merged.last[to] as number, aggregate.last[from] as number);
  }
  return merged;
}
