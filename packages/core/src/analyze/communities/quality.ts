// Quality of any partition: modularity (Newman 2006; Leicht & Newman 2008 when directed), agreement of two
// partitions (NMI, Danon et al. 2005; ARI, Hubert & Arabie 1985) and each community's conductance and density.
import type { AbstractGraph } from 'graphology-types';
import { InvalidInputError } from '../../errors.js';
import { defaultCommunityDirection } from './detect-communities.js';
import {
  type EdgeWeightGetter,
  networkModularity,
  toWeightedNetwork,
  type WeightedNetwork,
} from './weighted-network.js';

/** A partition: the community of each node key. */
export type Partition = Record<string, number>;

export interface ModularityOptions {
  /** γ, default 1. */
  resolution: number;
  /** Edge weight attribute name, function or null; default `'weight'`. */
  getEdgeWeight: EdgeWeightGetter;
  /**
   * Directed (Leicht & Newman) or undirected (symmetrised) modularity. Default `undefined`: the same
   * choice as `detectCommunities`, so `modularity(graph, result.partition)` equals `result.modularity`.
   */
  directed: boolean | undefined;
}

export const DEFAULT_MODULARITY_OPTIONS: Readonly<ModularityOptions> = Object.freeze({
  resolution: 1,
  getEdgeWeight: 'weight',
  directed: undefined,
});

/**
 * Modularity of a partition: Q = Σ_c [ w_c / m − γ · out_c · in_c / m² ], where w_c is the weight
 * inside c (self-loops included once), m the total weight and out_c, in_c the strengths of c; in the
 * undirected case out_c = in_c = half of c's weighted degree (a self-loop adds twice its weight to the
 * degree), which is Newman's Q = Σ_c [ w_c / m − γ (K_c / 2m)² ]. 0 for a graph without weight.
 * Throws `InvalidInputError` if a node has no community, or on a negative weight.
 *
 * @param options.resolution γ, default 1.
 * @param options.getEdgeWeight default `'weight'`; edges of weight 0 count for nothing.
 * @param options.directed default: as `detectCommunities`, true unless the graph is undirected.
 */
export function modularity(
  graph: AbstractGraph,
  partition: Partition,
  options: Partial<ModularityOptions> = {},
): number {
  const resolution = options.resolution ?? DEFAULT_MODULARITY_OPTIONS.resolution;
  if (!(Number.isFinite(resolution) && resolution >= 0)) {
    throw new InvalidInputError({
      field: 'resolution',
      message: `resolution must be a finite number >= 0, got ${resolution}`,
    });
  }
  const directed = options.directed ?? defaultCommunityDirection(graph) === 'directed';
  const network = toWeightedNetwork(
    graph,
    options.getEdgeWeight === undefined
      ? DEFAULT_MODULARITY_OPTIONS.getEdgeWeight
      : options.getEdgeWeight,
    directed,
  );
  const { labels, count } = denseLabels(network.keys, partition);
  return networkModularity(network, labels, count, resolution);
}

/**
 * Normalized mutual information of two partitions of the same nodes, with the arithmetic mean of the
 * entropies as normaliser: NMI = I(A; B) / ((H(A) + H(B)) / 2), scikit-learn's default
 * (`average_method='arithmetic'`), in [0, 1]. As scikit-learn: 1 when both put every node in one
 * community (or there are no nodes), 0 when the mutual information is 0.
 */
export function normalizedMutualInformation(a: Partition, b: Partition): number {
  const keys = sameKeys(a, b);
  const first = denseLabels(keys, a);
  const second = denseLabels(keys, b);
  return labelNmi(first.labels, first.count, second.labels, second.count);
}

/**
 * Adjusted Rand index of two partitions of the same nodes (Hubert & Arabie 1985): the Rand index
 * corrected for chance, 1 for identical partitions, about 0 for independent ones, possibly negative.
 */
export function adjustedRandIndex(a: Partition, b: Partition): number {
  const keys = sameKeys(a, b);
  const first = denseLabels(keys, a);
  const second = denseLabels(keys, b);
  const n = keys.length;
  const pairs = (x: number) => (x * (x - 1)) / 2;
  let index = 0;
  for (const cell of contingency(first.labels, second.labels, second.count).values()) {
    index += pairs(cell);
  }
  const sumA = sizesOf(first.labels, first.count).reduce((sum, size) => sum + pairs(size), 0);
  const sumB = sizesOf(second.labels, second.count).reduce((sum, size) => sum + pairs(size), 0);
  const total = pairs(n);
  if (total === 0) return 1;
  const expected = (sumA * sumB) / total;
  const maximum = (sumA + sumB) / 2;
  // Equal only when both partitions are all-singletons or both are one community: identical.
  if (maximum === expected) return 1;
  return (index - expected) / (maximum - expected);
}

export interface CommunityMeasureOptions {
  /** Edge weight attribute name, function or null; default `'weight'`. */
  getEdgeWeight: EdgeWeightGetter;
}

export const DEFAULT_COMMUNITY_MEASURE_OPTIONS: Readonly<CommunityMeasureOptions> = Object.freeze({
  getEdgeWeight: 'weight',
});

/**
 * Conductance of each community S, edge directions ignored: cut(S) / min(vol(S), vol(V∖S)), where
 * cut(S) is the weight of the edges leaving S and vol the sum of weighted degrees (a self-loop counts
 * twice). Low is well separated. 0 when the denominator is 0 (S has no edges, or holds them all).
 *
 * @param options.getEdgeWeight default `'weight'`.
 * @returns conductance by community id.
 */
export function communityConductance(
  graph: AbstractGraph,
  partition: Partition,
  options: Partial<CommunityMeasureOptions> = {},
): Record<number, number> {
  const { network, labels, ids } = measured(graph, partition, options);
  const count = ids.length;
  const cut = new Float64Array(count);
  const volume = new Float64Array(count);
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i] as number;
    volume[c]! += (network.outStrengths[i] as number) + (network.inStrengths[i] as number);
    const end = network.offsets[i + 1] as number;
    for (let k = network.offsets[i] as number; k < end; k++) {
      if (labels[network.neighbors[k] as number] !== c) cut[c]! += network.weights[k] as number;
    }
  }
  const totalVolume = 2 * network.totalWeight;
  const result: Record<number, number> = {};
  ids.forEach((id, c) => {
    const denominator = Math.min(volume[c] as number, totalVolume - (volume[c] as number));
    result[id] = denominator > 0 ? (cut[c] as number) / denominator : 0;
  });
  return result;
}

/**
 * Density of each community: the share of its pairs of members linked by an edge (either direction,
 * weight > 0, self-loops aside). 0 for a community of one node.
 *
 * @param options.getEdgeWeight default `'weight'` (only to leave out edges of weight 0).
 * @returns density by community id.
 */
export function communityDensity(
  graph: AbstractGraph,
  partition: Partition,
  options: Partial<CommunityMeasureOptions> = {},
): Record<number, number> {
  const { network, labels, ids } = measured(graph, partition, options);
  const count = ids.length;
  const links = new Float64Array(count);
  const sizes = sizesOf(labels, count);
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i] as number;
    const end = network.offsets[i + 1] as number;
    for (let k = network.offsets[i] as number; k < end; k++) {
      if (labels[network.neighbors[k] as number] === c) links[c]! += 0.5;
    }
  }
  const result: Record<number, number> = {};
  ids.forEach((id, c) => {
    const size = sizes[c] as number;
    result[id] = size > 1 ? (links[c] as number) / ((size * (size - 1)) / 2) : 0;
  });
  return result;
}

function measured(
  graph: AbstractGraph,
  partition: Partition,
  options: Partial<CommunityMeasureOptions>,
): { network: WeightedNetwork; labels: Int32Array; ids: number[] } {
  const getEdgeWeight =
    options.getEdgeWeight === undefined
      ? DEFAULT_COMMUNITY_MEASURE_OPTIONS.getEdgeWeight
      : options.getEdgeWeight;
  const network = toWeightedNetwork(graph, getEdgeWeight, false);
  const { labels, ids } = denseLabels(network.keys, partition);
  return { network, labels, ids };
}

/** NMI of two dense labellings (0..countA-1, 0..countB-1) of the same nodes; see `normalizedMutualInformation`. */
export function labelNmi(a: Int32Array, countA: number, b: Int32Array, countB: number): number {
  const n = a.length;
  if ((countA === 1 && countB === 1) || n === 0) return 1;
  const entropy = (sizes: number[]) =>
    sizes.reduce((sum, size) => (size > 0 ? sum - (size / n) * Math.log(size / n) : sum), 0);
  const sizesA = sizesOf(a, countA);
  const sizesB = sizesOf(b, countB);
  let information = 0;
  for (const [cell, size] of contingency(a, b, countB)) {
    const i = Math.floor(cell / countB);
    const j = cell - i * countB;
    information +=
      (size / n) * Math.log((n * size) / ((sizesA[i] as number) * (sizesB[j] as number)));
  }
  if (information <= 0) return 0;
  const normaliser = (entropy(sizesA) + entropy(sizesB)) / 2;
  return Math.min(1, information / normaliser);
}

/** Non-empty cells of the contingency table, keyed by `a * countB + b`. */
function contingency(a: Int32Array, b: Int32Array, countB: number): Map<number, number> {
  const cells = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    const cell = (a[i] as number) * countB + (b[i] as number);
    cells.set(cell, (cells.get(cell) ?? 0) + 1);
  }
  return cells;
}

function sizesOf(labels: Int32Array, count: number): number[] {
  const sizes = new Array<number>(count).fill(0);
  for (let i = 0; i < labels.length; i++) sizes[labels[i] as number]! += 1;
  return sizes;
}

/** The communities of `keys` as dense labels 0..count-1; `ids[label]` is the community id. */
function denseLabels(
  keys: readonly string[],
  partition: Partition,
): { labels: Int32Array; count: number; ids: number[] } {
  const labels = new Int32Array(keys.length);
  const dense = new Map<number, number>();
  const ids: number[] = [];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const community = Object.hasOwn(partition, key) ? partition[key] : undefined;
    if (community === undefined) {
      throw new InvalidInputError({
        field: 'partition',
        message: `node "${key}" has no community`,
      });
    }
    let label = dense.get(community);
    if (label === undefined) {
      label = ids.length;
      dense.set(community, label);
      ids.push(community);
    }
    labels[i] = label;
  }
  return { labels, count: ids.length, ids };
}

function sameKeys(a: Partition, b: Partition): string[] {
  const keys = Object.keys(a);
  const extra = Object.keys(b).length !== keys.length;
  const missing = keys.find((key) => !Object.hasOwn(b, key));
  if (extra || missing !== undefined) {
    throw new InvalidInputError({
      field: 'partition',
      message:
        missing !== undefined
          ? `node "${missing}" is in the first partition only`
          : 'the two partitions do not cover the same nodes',
    });
  }
  return keys;
}
