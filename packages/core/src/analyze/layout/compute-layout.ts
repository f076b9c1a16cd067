// Positions for the viewer: an account network's links (or a graph's) and communities turned into the
// typed arrays of the multilevel, community-aware ForceAtlas2 layout of computeCommunityLayout.

import type { AbstractGraph } from 'graphology-types';
import { InvalidInputError } from '../../errors.js';
import { type AccountNetwork, networkOfGraph } from '../account-network.js';
import { mergeRepeatedNeighbors } from '../compressed-rows.js';
import { computeCommunityLayout } from './community-layout.js';
import type { LayoutNetwork } from './force-atlas-2.js';

export interface LayoutOptions {
  /** Seed of the starting positions. Default 42. */
  seed: number;
  /**
   * ForceAtlas2 iterations of each run (the community graph, then each community); `'auto'`
   * (default) scales them to the run's size: 200 up to 5,000 nodes and links, then fewer, 50 at
   * least (see autoIterations).
   */
  iterations: number | 'auto';
  /**
   * Seconds the layout may take, default 60: when reached, the runs left stop early (the positions
   * are then no longer reproducible, which the default leaves for maps of millions of links).
   */
  timeLimit: number;
  /**
   * Node attribute naming each node's community, default `'community'` (written by the analysis);
   * nodes without one are laid out as communities of their own; when no node has one, the whole
   * graph is one community.
   */
  getCommunity: string;
  /**
   * Edge attribute giving attraction weights; null for unweighted. Default `'weight'`. Weights are
   * taken relative to their mean, so the picture does not depend on their unit (counts, shares, or
   * 1e20) and forces stay finite.
   */
  getEdgeWeight: string | null;
}

export const DEFAULT_LAYOUT_OPTIONS: Readonly<LayoutOptions> = Object.freeze({
  seed: 42,
  iterations: 'auto',
  timeLimit: 60,
  getCommunity: 'community',
  getEdgeWeight: 'weight',
});

export type Positions = Record<string, { x: number; y: number }>;

/**
 * Positions of a layout of the graph (see assignLayout), the graph unchanged.
 * Same graph, same options → same positions (unless `timeLimit` cuts the layout short).
 *
 * @param onProgress called with the fraction done, 0 to 1.
 */
export function computeLayout(
  graph: AbstractGraph,
  options: Partial<LayoutOptions> = {},
  onProgress: (fraction: number) => void = () => undefined,
): Positions {
  const { keys, x, y } = layOut(graph, resolveLayoutOptions(options), onProgress);
  const positions: Positions = {};
  keys.forEach((key, i) => {
    positions[key] = { x: x[i] as number, y: y[i] as number };
  });
  return positions;
}

/**
 * Lays the graph out in place, writing `x` and `y` on every node: communities first (ForceAtlas2 on
 * the community graph, each community a disc of radius ∝ √members, unlinked groups of communities
 * packed in rows below the largest), then each community's members by ForceAtlas2 (Barnes–Hut above
 * 300 members) inside its disc. Links are undirected for the layout, weighted relative to their
 * mean. See computeCommunityLayout.
 *
 * Options (defaults in DEFAULT_LAYOUT_OPTIONS): `seed` (42), `iterations` (`'auto'`), `timeLimit`
 * (60 s), `getCommunity` (`'community'`), `getEdgeWeight` (`'weight'`).
 *
 * @param onProgress called with the fraction done, 0 to 1.
 */
export function assignLayout(
  graph: AbstractGraph,
  options: Partial<LayoutOptions> = {},
  onProgress: (fraction: number) => void = () => undefined,
): void {
  const { keys, x, y } = layOut(graph, resolveLayoutOptions(options), onProgress);
  keys.forEach((key, i) => {
    graph.mergeNodeAttributes(key, { x: x[i] as number, y: y[i] as number });
  });
}

/**
 * Positions of a layout of an account network, indexed like its nodes (see assignLayout for the
 * method): its links weighted by the network's weights, `communities[i]` the community of node `i`
 * (any values: numbers group nodes, nodes without a number are communities of their own, none at
 * all is one community). Options as assignLayout's but `getCommunity` and `getEdgeWeight`.
 *
 * @param onProgress called with the fraction done, 0 to 1.
 */
export function computeNetworkLayout(
  network: AccountNetwork,
  communities: ArrayLike<unknown>,
  options: Partial<Omit<LayoutOptions, 'getCommunity' | 'getEdgeWeight'>> = {},
  onProgress: (fraction: number) => void = () => undefined,
): { x: Float64Array; y: Float64Array } {
  const resolved = resolveLayoutOptions(options);
  return computeCommunityLayout(toLayoutNetwork(network), layoutCommunities(communities), {
    seed: resolved.seed,
    iterations: resolved.iterations,
    timeLimit: resolved.timeLimit,
    onProgress,
  });
}

function layOut(
  graph: AbstractGraph,
  options: LayoutOptions,
  onProgress: (fraction: number) => void,
): { keys: string[]; x: Float64Array; y: Float64Array } {
  const attribute = options.getEdgeWeight;
  const network = networkOfGraph(
    graph,
    attribute === null ? null : (_edge, attributes) => linkWeight(attributes[attribute]),
  );
  const communities = network.nodes.map((attributes) => attributes[options.getCommunity]);
  return { keys: network.keys, ...computeNetworkLayout(network, communities, options, onProgress) };
}

/** A link's weight for the layout: its value when a positive finite number, else 1. */
function linkWeight(value: unknown): number {
  return typeof value === 'number' && value > 0 && Number.isFinite(value) ? value : 1;
}

/**
 * The network's links as undirected compressed rows, self-links left out, links between the same
 * two nodes merged. The weight of a link is its weight (1 when not positive) divided by the mean of
 * those weights over the network's links.
 */
function toLayoutNetwork(network: AccountNetwork): LayoutNetwork {
  const n = network.keys.length;
  const m = network.source.length;
  const degrees = new Int32Array(n + 1);
  let mean = 0;
  let links = 0;
  for (let e = 0; e < m; e++) {
    const source = network.source[e] as number;
    const target = network.target[e] as number;
    if (source === target) continue;
    links++;
    mean += (linkWeight(network.weight[e]) - mean) / links;
    degrees[source + 1]!++;
    degrees[target + 1]!++;
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = (offsets[i] as number) + (degrees[i + 1] as number);
  const cursor = offsets.slice(0, n);
  const targets = new Int32Array(offsets[n] as number);
  const weights = new Float64Array(offsets[n] as number);
  for (let e = 0; e < m; e++) {
    const s = network.source[e] as number;
    const t = network.target[e] as number;
    if (s === t) continue;
    const weight = linkWeight(network.weight[e]) / (mean > 0 ? mean : 1);
    targets[cursor[s] as number] = t;
    weights[cursor[s]!++] = weight;
    targets[cursor[t] as number] = s;
    weights[cursor[t]!++] = weight;
  }
  const merged = mergeRepeatedNeighbors(offsets, targets, weights);
  return { offsets, targets: merged.neighbors, weights: merged.weights };
}

/**
 * Community indices 0 … C − 1 from the values, numbered in order of first appearance; nodes without
 * a number get communities of their own, and when no node has one all are in community 0.
 */
function layoutCommunities(values: ArrayLike<unknown>): Int32Array {
  const community = new Int32Array(values.length);
  const numbering = new Map<number, number>();
  const all = Array.from(values);
  if (!all.some((value) => typeof value === 'number')) return community;
  all.forEach((value, i) => {
    if (typeof value !== 'number') return;
    let id = numbering.get(value);
    if (id === undefined) {
      id = numbering.size;
      numbering.set(value, id);
    }
    community[i] = id;
  });
  let next = numbering.size;
  all.forEach((value, i) => {
    if (typeof value !== 'number') community[i] = next++;
  });
  return community;
}

function resolveLayoutOptions(options: Partial<LayoutOptions>): LayoutOptions {
  const resolved = { ...DEFAULT_LAYOUT_OPTIONS, ...options };
  const { iterations, seed, timeLimit } = resolved;
  if (iterations !== 'auto' && !(Number.isInteger(iterations) && iterations >= 0)) {
    throw new InvalidInputError({
      field: 'iterations',
      message: `expected 'auto' or a whole number ≥ 0, got ${iterations}`,
    });
  }
  if (!(timeLimit > 0)) {
    throw new InvalidInputError({
      field: 'timeLimit',
      message: `expected a number of seconds > 0, got ${timeLimit}`,
    });
  }
  if (!Number.isFinite(seed)) {
    throw new InvalidInputError({ field: 'seed', message: `expected a number, got ${seed}` });
  }
  return resolved;
}
