// The compact directed network every influence metric reads: CSR arrays of out- and in-arcs with their
// weights, derived once from an account network, and the undirected view that coreness and roles need.
import type { AbstractGraph } from 'graphology-types';
import { type AccountNetwork, isUndirectedEdge, networkOfGraph } from '../account-network.js';
import type { EdgeWeightGetter } from '../communities/weighted-network.js';
import { mergeRepeatedNeighbors } from '../compressed-rows.js';

/**
 * Node `i` is `keys[i]` (the account network's order, `graph.nodes()` for a graph). Arc `k` of node `i`'s out-row
 * (`outOffsets[i] ≤ k < outOffsets[i + 1]`) goes to `outTargets[k]` with weight `outWeights[k]`; the
 * in-rows hold the same arcs seen from their target, sources in increasing order.
 *
 * A directed edge is one arc, an undirected edge two opposite arcs of its full weight (as networkx's
 * `to_directed`), an undirected self-loop one arc. Parallel edges (multi graphs, or a directed and an
 * undirected edge over the same pair) merge into one arc whose weight is their sum. Edges of weight 0
 * carry no attention and are left out, as in community detection; self-loops are kept.
 */
export interface InfluenceNetwork {
  keys: string[];
  /** Index of each key. */
  index: Map<string, number>;
  outOffsets: Int32Array;
  outTargets: Int32Array;
  outWeights: Float64Array;
  inOffsets: Int32Array;
  inSources: Int32Array;
  inWeights: Float64Array;
  /** Edges left out because their weight is 0. */
  zeroWeightEdges: number;
}

/**
 * Builds the influence network of a graph (see `networkOfGraph` and `influenceNetworkOf`). Weights are
 * read as `getEdgeWeight` says (an attribute name, a function of the edge, or `null` for 1
 * everywhere); a missing or non-numeric weight counts as 1.
 *
 * @throws InvalidInputError (field `weight`) on a negative, NaN or infinite weight.
 */
export function toInfluenceNetwork(
  graph: AbstractGraph,
  getEdgeWeight: EdgeWeightGetter,
): InfluenceNetwork {
  return influenceNetworkOf(networkOfGraph(graph, getEdgeWeight));
}

/** The out- and in-rows of an account network, its edges taken in order (see `InfluenceNetwork`). */
export function influenceNetworkOf(network: AccountNetwork): InfluenceNetwork {
  const { keys, index } = network;
  const n = keys.length;
  const m = network.source.length;
  let capacity = 0;
  for (let e = 0; e < m; e++) capacity += isUndirectedEdge(network, e) ? 2 : 1;
  const sources = new Int32Array(capacity);
  const targets = new Int32Array(capacity);
  const weights = new Float64Array(capacity);
  const outCounts = new Int32Array(n);
  let arcs = 0;
  let zeroWeightEdges = 0;
  const addArc = (s: number, t: number, weight: number) => {
    sources[arcs] = s;
    targets[arcs] = t;
    weights[arcs] = weight;
    outCounts[s]!++;
    arcs++;
  };
  for (let e = 0; e < m; e++) {
    const weight = network.weight[e] as number;
    if (weight === 0) {
      zeroWeightEdges++;
      continue;
    }
    const s = network.source[e] as number;
    const t = network.target[e] as number;
    addArc(s, t, weight);
    if (s !== t && isUndirectedEdge(network, e)) addArc(t, s, weight);
  }

  // Out-rows by counting sort on the source, then parallel arcs merged within each row.
  const outOffsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++)
    outOffsets[i + 1] = (outOffsets[i] as number) + (outCounts[i] as number);
  const cursor = outOffsets.slice(0, n);
  let outTargets = new Int32Array(arcs);
  let outWeights = new Float64Array(arcs);
  for (let a = 0; a < arcs; a++) {
    const k = cursor[sources[a] as number]!++;
    outTargets[k] = targets[a] as number;
    outWeights[k] = weights[a] as number;
  }
  const merged = mergeRepeatedNeighbors(outOffsets, outTargets, outWeights);
  outTargets = merged.neighbors;
  outWeights = merged.weights;
  const write = outTargets.length;

  // In-rows: the transpose, filled source by source so that each row lists its sources in order.
  const inOffsets = new Int32Array(n + 1);
  for (let k = 0; k < write; k++) inOffsets[(outTargets[k] as number) + 1]!++;
  for (let i = 0; i < n; i++) inOffsets[i + 1]! += inOffsets[i] as number;
  const inCursor = inOffsets.slice(0, n);
  const inSources = new Int32Array(write);
  const inWeights = new Float64Array(write);
  for (let i = 0; i < n; i++) {
    const end = outOffsets[i + 1] as number;
    for (let k = outOffsets[i] as number; k < end; k++) {
      const at = inCursor[outTargets[k] as number]!++;
      inSources[at] = i;
      inWeights[at] = outWeights[k] as number;
    }
  }

  return {
    keys,
    index,
    outOffsets,
    outTargets,
    outWeights,
    inOffsets,
    inSources,
    inWeights,
    zeroWeightEdges,
  };
}

/**
 * The undirected view of a network: one entry per neighbour `j ≠ i` linked to `i` in either direction,
 * weighing w(i→j) + w(j→i). Self-loops are left out.
 */
export interface UndirectedView {
  offsets: Int32Array;
  neighbors: Int32Array;
  weights: Float64Array;
}

/** Builds the undirected view of a network (see `UndirectedView`). */
export function toUndirectedView(network: InfluenceNetwork): UndirectedView {
  const { outOffsets, outTargets, outWeights, inOffsets, inSources, inWeights } = network;
  const n = network.keys.length;
  let neighbors = new Int32Array(outTargets.length + inSources.length);
  let weights = new Float64Array(neighbors.length);
  const offsets = new Int32Array(n + 1);
  const position = new Int32Array(n).fill(-1);
  let write = 0;
  const add = (i: number, j: number, weight: number, rowStart: number) => {
    if (j === i) return;
    const at = position[j] as number;
    if (at >= rowStart) {
      weights[at]! += weight;
    } else {
      position[j] = write;
      neighbors[write] = j;
      weights[write] = weight;
      write++;
    }
  };
  for (let i = 0; i < n; i++) {
    const rowStart = write;
    offsets[i] = rowStart;
    for (let k = outOffsets[i] as number; k < (outOffsets[i + 1] as number); k++) {
      add(i, outTargets[k] as number, outWeights[k] as number, rowStart);
    }
    for (let k = inOffsets[i] as number; k < (inOffsets[i + 1] as number); k++) {
      add(i, inSources[k] as number, inWeights[k] as number, rowStart);
    }
  }
  offsets[n] = write;
  if (write < neighbors.length) {
    neighbors = neighbors.slice(0, write);
    weights = weights.slice(0, write);
  }
  return { offsets, neighbors, weights };
}

/**
 * The attention each node receives: for node `i`, one entry per other node `j` that gives it
 * attention (`j → i`), weighing w(j→i); self-loops left out. The same rows as `UndirectedView`, so
 * the community roles read either. On an undirected network every link is received both ways.
 */
export function toReceivedView(network: InfluenceNetwork): UndirectedView {
  const { inOffsets, inSources, inWeights } = network;
  const n = network.keys.length;
  const offsets = new Int32Array(n + 1);
  const neighbors = new Int32Array(inSources.length);
  const weights = new Float64Array(inSources.length);
  let write = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = write;
    for (let k = inOffsets[i] as number; k < (inOffsets[i + 1] as number); k++) {
      const j = inSources[k] as number;
      if (j === i) continue;
      neighbors[write] = j;
      weights[write] = inWeights[k] as number;
      write++;
    }
  }
  offsets[n] = write;
  return { offsets, neighbors: neighbors.slice(0, write), weights: weights.slice(0, write) };
}

/** A per-node array as a record keyed by node. */
export function toNodeRecord(keys: string[], values: ArrayLike<number>): Record<string, number> {
  const record: Record<string, number> = {};
  for (let i = 0; i < keys.length; i++) record[keys[i] as string] = values[i] as number;
  return record;
}
