// Weighted HITS (Kleinberg 1999, "Authoritative sources in a hyperlinked environment", J. ACM 46(5)):
// authorities are the sources much attended to by good hubs, hubs the curators attending to good sources.
import type { AbstractGraph } from 'graphology-types';
import { checkEdgeWeightGetter, checkIterations, mergeOptions } from '../../options.js';
import type { EdgeWeightGetter } from '../communities/weighted-network.js';
import { type InfluenceNetwork, toInfluenceNetwork, toNodeRecord } from './influence-network.js';
import type { IterativeRun } from './pagerank.js';

export interface HitsOptions {
  /**
   * Stopping rule, per node as PageRank's: iteration stops once the L1 changes of the hub and the
   * authority vectors (each summing to 1) add up to less than N × `tolerance`. Default 1e-12.
   */
  tolerance: number;
  /** Iterations at most. Default 1000. */
  maxIterations: number;
  /** Edge weight attribute name, function or `null` (every edge weighs 1). Default `'weight'`. */
  getEdgeWeight: EdgeWeightGetter;
}

export const DEFAULT_HITS_OPTIONS: Readonly<HitsOptions> = Object.freeze({
  tolerance: 1e-12,
  maxIterations: 1000,
  getEdgeWeight: 'weight',
});

/** Fills in defaults and checks every option (`InvalidInputError` naming `prefix` + option). */
export function resolveHitsOptions(options: Partial<HitsOptions> = {}, prefix = ''): HitsOptions {
  const resolved = mergeOptions(DEFAULT_HITS_OPTIONS, options);
  checkIterations(resolved.tolerance, resolved.maxIterations, prefix);
  checkEdgeWeightGetter(resolved.getEdgeWeight, `${prefix}getEdgeWeight`);
  return resolved;
}

/**
 * Hub and authority scores of a network, indexed like its keys. `options` must come from
 * `resolveHitsOptions`. See `computeHits`.
 */
export function networkHits(
  network: InfluenceNetwork,
  options: HitsOptions,
): IterativeRun & { hubs: Float64Array; authorities: Float64Array } {
  const n = network.keys.length;
  if (n === 0) {
    const none = new Float64Array(0);
    return { hubs: none, authorities: none, iterations: 0, converged: true, change: 0 };
  }
  const { outOffsets, outTargets, outWeights, inOffsets, inSources, inWeights } = network;
  let hubs = new Float64Array(n).fill(1 / n);
  let authorities = new Float64Array(n).fill(1 / n);
  let nextHubs = new Float64Array(n);
  let nextAuthorities = new Float64Array(n);
  const threshold = n * options.tolerance;
  let change = Number.POSITIVE_INFINITY;
  let iterations = 0;
  while (iterations < options.maxIterations && !(change < threshold)) {
    iterations++;
    // a = Aᵀh, then h = Aa, each normalised to sum 1.
    let total = 0;
    for (let v = 0; v < n; v++) {
      let sum = 0;
      const end = inOffsets[v + 1] as number;
      for (let k = inOffsets[v] as number; k < end; k++) {
        sum += (inWeights[k] as number) * (hubs[inSources[k] as number] as number);
      }
      nextAuthorities[v] = sum;
      total += sum;
    }
    if (total === 0) {
      // No edge: every score is 0.
      hubs.fill(0);
      authorities.fill(0);
      change = 0;
      break;
    }
    change = 0;
    for (let v = 0; v < n; v++) {
      const value = (nextAuthorities[v] as number) / total;
      change += Math.abs(value - (authorities[v] as number));
      nextAuthorities[v] = value;
    }
    total = 0;
    for (let u = 0; u < n; u++) {
      let sum = 0;
      const end = outOffsets[u + 1] as number;
      for (let k = outOffsets[u] as number; k < end; k++) {
        sum += (outWeights[k] as number) * (nextAuthorities[outTargets[k] as number] as number);
      }
      nextHubs[u] = sum;
      total += sum;
    }
    for (let u = 0; u < n; u++) {
      const value = (nextHubs[u] as number) / total;
      change += Math.abs(value - (hubs[u] as number));
      nextHubs[u] = value;
    }
    [hubs, nextHubs] = [nextHubs, hubs];
    [authorities, nextAuthorities] = [nextAuthorities, authorities];
  }
  return { hubs, authorities, iterations, converged: change < threshold, change };
}

/**
 * Weighted HITS: authorities a = principal eigenvector of AᵀA and hubs h = A·a, A[u][v] being the
 * weight of u→v, each normalised to sum 1, as networkx's `hits` (which reads the `weight` attribute
 * too). With attention edges, authorities are the sources whose words good curators pass on, and hubs
 * the curators of good sources. Computed by power iteration from uniform hubs; when the top
 * eigenvalue of AᵀA is not simple (e.g. two components with the same spectral radius) the result is
 * the limit from that start, where networkx's ARPACK may pick another vector of the eigenspace. A graph
 * without edges gives 0 everywhere. The convergence rate is (σ₂/σ₁)², σ being the singular values of A:
 * the default tolerance ended within 4e-9 of the limit per node on the Higgs layers, wiki-Vote and
 * Congress (11 to 43 iterations). When `maxIterations` runs out first, the last iterate is returned
 * with `converged: false` (networkx throws instead).
 *
 * @param options.tolerance per-node stopping tolerance, default 1e-12.
 * @param options.maxIterations default 1000.
 * @param options.getEdgeWeight attribute name, function or null; default `'weight'`.
 * @throws InvalidInputError on a bad option or a negative, NaN or infinite weight.
 */
export function computeHits(
  graph: AbstractGraph,
  options: Partial<HitsOptions> = {},
): IterativeRun & { hubs: Record<string, number>; authorities: Record<string, number> } {
  const resolved = resolveHitsOptions(options);
  const network = toInfluenceNetwork(graph, resolved.getEdgeWeight);
  const { hubs, authorities, ...run } = networkHits(network, resolved);
  return {
    hubs: toNodeRecord(network.keys, hubs),
    authorities: toNodeRecord(network.keys, authorities),
    ...run,
  };
}
