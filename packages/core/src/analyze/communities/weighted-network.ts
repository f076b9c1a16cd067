// The compact network the community algorithms and quality measures work on: CSR arrays derived from an
// account network, symmetrised per node pair, with each node's out/in strength; and edge weight reading.
import type { AbstractGraph, Attributes, EdgeMapper } from 'graphology-types';
import { type AccountNetwork, isUndirectedEdge, networkOfGraph } from '../account-network.js';
import { mergeRepeatedNeighbors } from '../compressed-rows.js';

/**
 * How to read an edge's weight, as graphology's `getEdgeWeight`: the name of an edge attribute, a
 * function of the edge, or `null` for an unweighted graph. A missing or non-numeric value counts as 1.
 */
export type EdgeWeightGetter = string | EdgeMapper<number, Attributes, Attributes> | null;

/**
 * Node `i` is `keys[i]`. The adjacency holds one entry per neighbour (no self-loop) whose weight is the
 * weight the two nodes share in both directions, w(i→j) + w(j→i). Strengths carry the direction: in
 * directed mode they are the out- and in-strengths (Leicht & Newman 2008); in undirected mode both are
 * half the weighted degree, which makes directed modularity equal undirected modularity. An undirected
 * edge counts as two opposite arcs of half its weight. Self-loops add their weight to both strengths.
 */
export interface WeightedNetwork {
  keys: string[];
  offsets: Int32Array;
  neighbors: Int32Array;
  weights: Float64Array;
  outStrengths: Float64Array;
  inStrengths: Float64Array;
  selfLoops: Float64Array;
  /** Sum of all edge weights, m. */
  totalWeight: number;
  /** Edges left out because their weight is 0. */
  zeroWeightEdges: number;
}

/**
 * Builds the weighted network of a graph (see `networkOfGraph` and `weightedNetworkOf`). Throws
 * `InvalidInputError` (field `weight`) on a negative, NaN or infinite weight; leaves out edges of
 * weight 0.
 *
 * @param directed keep edge directions in the strengths (directed modularity) or not.
 */
export function toWeightedNetwork(
  graph: AbstractGraph,
  getEdgeWeight: EdgeWeightGetter,
  directed: boolean,
): WeightedNetwork {
  return weightedNetworkOf(networkOfGraph(graph, getEdgeWeight), directed);
}

/**
 * The weighted network of an account network, its edges taken in order. Leaves out edges of weight 0
 * (counted in `zeroWeightEdges`).
 *
 * @param directed keep edge directions in the strengths (directed modularity) or not.
 */
export function weightedNetworkOf(network: AccountNetwork, directed: boolean): WeightedNetwork {
  const { keys } = network;
  const n = keys.length;
  const m = network.source.length;
  const sources = new Int32Array(m);
  const targets = new Int32Array(m);
  const pairWeights = new Float64Array(m);
  const degrees = new Int32Array(n);
  const outStrengths = new Float64Array(n);
  const inStrengths = new Float64Array(n);
  const selfLoops = new Float64Array(n);
  let pairs = 0;
  let totalWeight = 0;
  let zeroWeightEdges = 0;

  for (let e = 0; e < m; e++) {
    const weight = network.weight[e] as number;
    if (weight === 0) {
      zeroWeightEdges++;
      continue;
    }
    const s = network.source[e] as number;
    const t = network.target[e] as number;
    totalWeight += weight;
    if (directed && !isUndirectedEdge(network, e)) {
      outStrengths[s]! += weight;
      inStrengths[t]! += weight;
    } else {
      const half = weight / 2;
      outStrengths[s]! += half;
      inStrengths[s]! += half;
      outStrengths[t]! += half;
      inStrengths[t]! += half;
    }
    if (s === t) {
      selfLoops[s]! += weight;
      continue;
    }
    sources[pairs] = s;
    targets[pairs] = t;
    pairWeights[pairs] = weight;
    degrees[s]!++;
    degrees[t]!++;
    pairs++;
  }

  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = (offsets[i] as number) + (degrees[i] as number);
  const cursor = offsets.slice(0, n);
  let neighbors = new Int32Array(2 * pairs);
  let weights = new Float64Array(2 * pairs);
  for (let e = 0; e < pairs; e++) {
    const s = sources[e] as number;
    const t = targets[e] as number;
    const w = pairWeights[e] as number;
    let k = cursor[s]!++;
    neighbors[k] = t;
    weights[k] = w;
    k = cursor[t]!++;
    neighbors[k] = s;
    weights[k] = w;
  }

  // Merge parallel edges and reciprocal arcs into one entry per neighbour.
  const merged = mergeRepeatedNeighbors(offsets, neighbors, weights);
  neighbors = merged.neighbors;
  weights = merged.weights;

  return {
    keys,
    offsets,
    neighbors,
    weights,
    outStrengths,
    inStrengths,
    selfLoops,
    totalWeight,
    zeroWeightEdges,
  };
}

/**
 * Modularity of a membership (community ids 0..count-1 per node) at resolution γ:
 * Q = Σ_c [ w_c / m − γ · out_c · in_c / m² ], w_c being the weight inside community c (self-loops
 * included) and out_c, in_c its strengths. In undirected mode this is Newman's modularity. 0 when m = 0.
 */
export function networkModularity(
  network: WeightedNetwork,
  membership: Int32Array,
  count: number,
  resolution: number,
): number {
  const m = network.totalWeight;
  if (m === 0) return 0;
  const { offsets, neighbors, weights, outStrengths, inStrengths, selfLoops } = network;
  const outs = new Float64Array(count);
  const ins = new Float64Array(count);
  let inside = 0;
  for (let i = 0; i < membership.length; i++) {
    const c = membership[i] as number;
    outs[c]! += outStrengths[i] as number;
    ins[c]! += inStrengths[i] as number;
    inside += selfLoops[i] as number;
    const end = offsets[i + 1] as number;
    for (let k = offsets[i] as number; k < end; k++) {
      if (membership[neighbors[k] as number] === c) inside += (weights[k] as number) / 2;
    }
  }
  let expected = 0;
  for (let c = 0; c < count; c++) expected += (outs[c] as number) * (ins[c] as number);
  return inside / m - (resolution * expected) / (m * m);
}
