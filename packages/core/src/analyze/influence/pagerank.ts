// Weighted PageRank (Brin & Page 1998; Page, Brin, Motwani & Winograd 1999) and personalised,
// topic-sensitive PageRank (Haveliwala 2002) by power iteration, with networkx's conventions.
import type { AbstractGraph } from 'graphology-types';
import { check, checkEdgeWeightGetter, checkIterations, mergeOptions } from '../../options.js';
import type { EdgeWeightGetter } from '../communities/weighted-network.js';
import { type InfluenceNetwork, toInfluenceNetwork, toNodeRecord } from './influence-network.js';

export interface PageRankOptions {
  /** Damping factor α: the probability of following an edge rather than jumping. Default 0.85. */
  alpha: number;
  /**
   * Stopping rule, per node as networkx's `tol`: iteration stops once the L1 change of the whole
   * vector is below N × `tolerance`. Default 1e-12 (networkx: 1e-6, which stops too early on large
   * graphs; `tolerance: 1e-6` reproduces networkx's result).
   */
  tolerance: number;
  /** Iterations at most. Default 1000. */
  maxIterations: number;
  /**
   * Seed weights (node key → weight ≥ 0) for personalised PageRank: the jumps, and the rank of nodes
   * without out-edges, go to the seeds in proportion to their weights (networkx's `personalization`
   * with `dangling=None`). Keys that are not nodes are ignored; the weights of the nodes must not sum
   * to 0. Default `null`: jumps are uniform.
   */
  personalization: Record<string, number> | null;
  /**
   * Whether a node's edges to itself count, as in networkx (default true). False leaves them out —
   * the rank of the graph without its self-loops —, as the influence analysis does: an account
   * mentioning itself gives itself no attention.
   */
  selfLoops: boolean;
  /** Edge weight attribute name, function or `null` (every edge weighs 1). Default `'weight'`. */
  getEdgeWeight: EdgeWeightGetter;
}

export const DEFAULT_PAGERANK_OPTIONS: Readonly<PageRankOptions> = Object.freeze({
  alpha: 0.85,
  tolerance: 1e-12,
  maxIterations: 1000,
  personalization: null,
  selfLoops: true,
  getEdgeWeight: 'weight',
});

/** How an iterative metric ended. */
export interface IterativeRun {
  iterations: number;
  /** False when `maxIterations` ran out before the stopping rule was met (the last iterate is returned). */
  converged: boolean;
  /** L1 change of the last iteration. */
  change: number;
}

/** Fills in defaults and checks every option (`InvalidInputError` naming `prefix` + option). */
export function resolvePageRankOptions(
  options: Partial<PageRankOptions> = {},
  prefix = '',
): PageRankOptions {
  const resolved = mergeOptions(DEFAULT_PAGERANK_OPTIONS, options);
  check(
    Number.isFinite(resolved.alpha) && resolved.alpha >= 0 && resolved.alpha < 1,
    `${prefix}alpha`,
    `alpha must be a number in [0, 1), got ${resolved.alpha}`,
  );
  checkIterations(resolved.tolerance, resolved.maxIterations, prefix);
  const seeds = resolved.personalization;
  if (seeds !== null) {
    check(
      typeof seeds === 'object',
      `${prefix}personalization`,
      'personalization must map node keys to weights',
    );
    for (const [key, weight] of Object.entries(seeds)) {
      check(
        typeof weight === 'number' && Number.isFinite(weight) && weight >= 0,
        `${prefix}personalization.${key}`,
        `a seed weight must be a finite number >= 0, got ${weight}`,
      );
    }
  }
  check(
    typeof resolved.selfLoops === 'boolean',
    `${prefix}selfLoops`,
    `selfLoops must be true or false, got ${String(resolved.selfLoops)}`,
  );
  checkEdgeWeightGetter(resolved.getEdgeWeight, `${prefix}getEdgeWeight`);
  return resolved;
}

/**
 * PageRank of every node of a network (its weights already read; `options.getEdgeWeight` is not
 * used), indexed like its keys. `options` must come from `resolvePageRankOptions`. See
 * `computePageRank`.
 */
export function networkPageRank(
  network: InfluenceNetwork,
  options: PageRankOptions,
  prefix = '',
): IterativeRun & { scores: Float64Array } {
  const n = network.keys.length;
  if (n === 0) return { scores: new Float64Array(0), iterations: 0, converged: true, change: 0 };
  const { outOffsets, outTargets, outWeights, inOffsets, inSources, inWeights } = network;
  const { alpha, tolerance, maxIterations, selfLoops } = options;

  const jump = jumpVector(network, options.personalization, prefix);
  // Each arc's share of its source's rank: w(u→v) / Σ w(u→·). Nodes without out-weight are dangling.
  const outTotals = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let total = 0;
    for (let k = outOffsets[i] as number; k < (outOffsets[i + 1] as number); k++) {
      if (selfLoops || outTargets[k] !== i) total += outWeights[k] as number;
    }
    outTotals[i] = total;
  }
  const shares = new Float64Array(inWeights.length);
  for (let v = 0; v < n; v++) {
    for (let k = inOffsets[v] as number; k < (inOffsets[v + 1] as number); k++) {
      const u = inSources[k] as number;
      shares[k] = selfLoops || u !== v ? (inWeights[k] as number) / (outTotals[u] as number) : 0;
    }
  }
  let danglingCount = 0;
  for (let i = 0; i < n; i++) if (outTotals[i] === 0) danglingCount++;
  const dangling = new Int32Array(danglingCount);
  for (let i = 0, d = 0; i < n; i++) if (outTotals[i] === 0) dangling[d++] = i;

  let rank = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  const threshold = n * tolerance;
  let change = Number.POSITIVE_INFINITY;
  let iterations = 0;
  while (iterations < maxIterations && !(change < threshold)) {
    iterations++;
    let danglingRank = 0;
    for (let d = 0; d < dangling.length; d++) danglingRank += rank[dangling[d] as number] as number;
    change = 0;
    for (let v = 0; v < n; v++) {
      let received = 0;
      const end = inOffsets[v + 1] as number;
      for (let k = inOffsets[v] as number; k < end; k++) {
        received += (shares[k] as number) * (rank[inSources[k] as number] as number);
      }
      const p = jump[v] as number;
      const value = alpha * (received + danglingRank * p) + (1 - alpha) * p;
      change += Math.abs(value - (rank[v] as number));
      next[v] = value;
    }
    [rank, next] = [next, rank];
  }
  return { scores: rank, iterations, converged: change < threshold, change };
}

/** The jump (and dangling) distribution: uniform, or the personalisation normalised to sum 1. */
function jumpVector(
  network: InfluenceNetwork,
  personalization: Record<string, number> | null,
  prefix: string,
): Float64Array {
  const n = network.keys.length;
  if (personalization === null) return new Float64Array(n).fill(1 / n);
  const jump = new Float64Array(n);
  let total = 0;
  for (const [key, weight] of Object.entries(personalization)) {
    const i = network.index.get(key);
    if (i === undefined) continue;
    jump[i] = weight;
    total += weight;
  }
  check(
    total > 0,
    `${prefix}personalization`,
    'the seed weights of the graph nodes sum to 0; give at least one node a positive weight',
  );
  for (let i = 0; i < n; i++) jump[i]! /= total;
  return jump;
}

/**
 * Weighted PageRank: the stationary distribution of a walk that follows an out-edge with probability
 * α, chosen in proportion to its weight, and otherwise jumps (uniformly, or to the personalisation
 * seeds). Edges point from the account giving attention to the one receiving it, so PageRank ranks
 * receivers. Scores sum to 1.
 *
 * The conventions are networkx's `pagerank`: an undirected edge counts both ways; self-loops are kept
 * (unless `selfLoops` is false);
 * the rank of nodes without out-weight (dangling) is spread like the jumps; the start is uniform; the
 * iteration stops when the L1 change is below N × `tolerance`. Only the default tolerance differs:
 * networkx's 1e-6 stops 2.4e-3 away from the limit on the Higgs reply layer (38,918 nodes, 8
 * iterations) and reorders its top 10. Measured against the limit, the largest per-node error is
 * 3e-7 with 1e-10 there and 2.5e-6 on the Higgs mention layer (116,408 nodes), but 2.8e-9 and 6.4e-9
 * with the default 1e-12 (88 and 74 iterations; 4e-10 on wiki-Vote, 2e-11 on Congress). As each
 * iteration shrinks the L1 distance to the limit by α at least, the result is within
 * N × tolerance × α / (1 − α) of it in L1. When `maxIterations` runs out first, the last iterate is
 * returned with `converged: false` (networkx throws instead): a power iteration with α < 1 always
 * converges, so this only happens with a tolerance below rounding noise or very few iterations.
 *
 * @param options.alpha damping factor, default 0.85.
 * @param options.tolerance per-node stopping tolerance, default 1e-12.
 * @param options.maxIterations default 1000.
 * @param options.personalization seed weights by node key, default `null` (uniform jumps).
 * @param options.selfLoops whether edges from a node to itself count, default true (networkx).
 * @param options.getEdgeWeight attribute name, function or null; default `'weight'`. Edges of
 *   weight 0 count for nothing.
 * @throws InvalidInputError on a bad option or a negative, NaN or infinite weight.
 */
export function computePageRank(
  graph: AbstractGraph,
  options: Partial<PageRankOptions> = {},
): IterativeRun & { scores: Record<string, number> } {
  const resolved = resolvePageRankOptions(options);
  const network = toInfluenceNetwork(graph, resolved.getEdgeWeight);
  const { scores, ...run } = networkPageRank(network, resolved);
  return { scores: toNodeRecord(network.keys, scores), ...run };
}
