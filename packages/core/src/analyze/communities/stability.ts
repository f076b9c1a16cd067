// How much to trust a community partition: an ensemble of seeded runs with a consensus and per-node
// confidence, and a sweep of the resolution (Reichardt & Bornholdt 2006; Lancichinetti & Fortunato 2012).
import type { AbstractGraph } from 'graphology-types';
import { InvalidInputError } from '../../errors.js';
import { networkOfGraph } from '../account-network.js';
import {
  type CommunityMembership,
  type CommunityOptions,
  type CommunityResult,
  DEFAULT_COMMUNITY_OPTIONS,
  detectOnNetwork,
  resolveCommunityOptions,
  toCommunityResult,
} from './detect-communities.js';
import { labelNmi } from './quality.js';
import { networkModularity, weightedNetworkOf } from './weighted-network.js';

export interface StabilityOptions extends CommunityOptions {
  /** Runs in the ensemble, with seeds `seed`, `seed + 1`, …. Default 20. */
  runs: number;
}

export const DEFAULT_STABILITY_OPTIONS: Readonly<StabilityOptions> = Object.freeze({
  ...DEFAULT_COMMUNITY_OPTIONS,
  runs: 20,
});

export interface StabilityResult extends CommunityResult {
  /**
   * Per node, in [0, 1]: the share of the runs in which the node lands in the community that holds
   * the most members of its consensus community (the consensus run counts, so it is ≥ 1 / runs).
   */
  confidence: Record<string, number>;
  /** Mean NMI over all pairs of runs (1 for a single run): how reproducible the partition is. */
  meanNmi: number;
  /** Seeds of the runs, in order; `seed` is the consensus run's. */
  seeds: number[];
}

/**
 * Runs the detection `runs` times with seeds `seed`, `seed + 1`, … and returns the consensus run: the
 * one whose partition has the highest mean NMI to the others (ties: the earliest). Being a real run,
 * it keeps its optimised modularity and `detectCommunities(graph, { ...options, seed })` reproduces it.
 *
 * @param options every `detectCommunities` option (algorithm `leiden`, resolution 1, seed 42, …).
 * @param options.runs runs in the ensemble, default 20.
 */
export function communityStability(
  graph: AbstractGraph,
  options: Partial<StabilityOptions> = {},
): StabilityResult {
  const runs = options.runs ?? DEFAULT_STABILITY_OPTIONS.runs;
  if (!(Number.isSafeInteger(runs) && runs >= 1)) {
    throw new InvalidInputError({
      field: 'runs',
      message: `runs must be an integer >= 1, got ${runs}`,
    });
  }
  const resolved = resolveCommunityOptions(graph, options);
  const accounts = networkOfGraph(graph, resolved.getEdgeWeight);
  const network = weightedNetworkOf(accounts, resolved.direction === 'directed');
  const seeds = Array.from({ length: runs }, (_, r) => resolved.seed + r);
  const ensemble = seeds.map((seed) => detectOnNetwork(accounts, network, { ...resolved, seed }));

  const agreement = new Float64Array(runs);
  let total = 0;
  for (let r = 0; r < runs; r++) {
    for (let s = r + 1; s < runs; s++) {
      const a = ensemble[r] as CommunityMembership;
      const b = ensemble[s] as CommunityMembership;
      const nmi = labelNmi(a.membership, a.count, b.membership, b.count);
      agreement[r]! += nmi;
      agreement[s]! += nmi;
      total += nmi;
    }
  }
  let best = 0;
  for (let r = 1; r < runs; r++)
    if ((agreement[r] as number) > (agreement[best] as number)) best = r;
  const consensus = ensemble[best] as CommunityMembership;

  const n = network.keys.length;
  const agreeing = new Int32Array(n);
  for (const run of ensemble) {
    const majority = majorityLabels(consensus, run);
    for (let i = 0; i < n; i++) {
      if (run.membership[i] === majority[consensus.membership[i] as number]) agreeing[i]!++;
    }
  }
  const confidence: Record<string, number> = {};
  for (let i = 0; i < n; i++)
    confidence[network.keys[i] as string] = (agreeing[i] as number) / runs;

  return {
    ...toCommunityResult(network.keys, consensus, { ...resolved, seed: seeds[best] as number }),
    confidence,
    meanNmi: runs > 1 ? total / ((runs * (runs - 1)) / 2) : 1,
    seeds,
  };
}

/** For each consensus community, the run's community holding most of its members (ties: the lowest id). */
function majorityLabels(consensus: CommunityMembership, run: CommunityMembership): Int32Array {
  const cells = new Map<number, number>();
  for (let i = 0; i < consensus.membership.length; i++) {
    const cell = (consensus.membership[i] as number) * run.count + (run.membership[i] as number);
    cells.set(cell, (cells.get(cell) ?? 0) + 1);
  }
  const majority = new Int32Array(consensus.count).fill(-1);
  const held = new Int32Array(consensus.count);
  for (const [cell, size] of cells) {
    const c = Math.floor(cell / run.count);
    const label = cell - c * run.count;
    const current = majority[c] as number;
    if (size > (held[c] as number) || (size === held[c] && label < current)) {
      majority[c] = label;
      held[c] = size;
    }
  }
  return majority;
}

export interface ResolutionSweepOptions extends CommunityOptions {
  /** First resolution. Default 0.5. */
  from: number;
  /** Last resolution. Default 2. */
  to: number;
  /** Resolutions tried, evenly spaced from `from` to `to` (both included). Default 7. */
  steps: number;
}

export const DEFAULT_RESOLUTION_SWEEP_OPTIONS: Readonly<ResolutionSweepOptions> = Object.freeze({
  ...DEFAULT_COMMUNITY_OPTIONS,
  from: 0.5,
  to: 2,
  steps: 7,
});

export interface ResolutionSweepRow {
  resolution: number;
  count: number;
  /** Modularity at γ = 1 of the partition found at `resolution`, so that rows compare on one scale. */
  modularity: number;
}

/**
 * Detects communities at evenly spaced resolutions, to see how the number of communities and their
 * modularity change with γ (the same seed for every row).
 *
 * @param options every `detectCommunities` option except `resolution`.
 * @param options.from first resolution, default 0.5.
 * @param options.to last resolution, default 2.
 * @param options.steps number of resolutions, default 7 (0.5, 0.75, …, 2).
 */
export function resolutionSweep(
  graph: AbstractGraph,
  options: Partial<ResolutionSweepOptions> = {},
): ResolutionSweepRow[] {
  const from = options.from ?? DEFAULT_RESOLUTION_SWEEP_OPTIONS.from;
  const to = options.to ?? DEFAULT_RESOLUTION_SWEEP_OPTIONS.to;
  const steps = options.steps ?? DEFAULT_RESOLUTION_SWEEP_OPTIONS.steps;
  if (!(Number.isFinite(from) && Number.isFinite(to) && from >= 0 && from <= to)) {
    throw new InvalidInputError({
      field: 'from',
      message: `need 0 <= from <= to, got from ${from}, to ${to}`,
    });
  }
  if (!(Number.isSafeInteger(steps) && steps >= 1)) {
    throw new InvalidInputError({
      field: 'steps',
      message: `steps must be an integer >= 1, got ${steps}`,
    });
  }
  const resolved = resolveCommunityOptions(graph, options);
  const accounts = networkOfGraph(graph, resolved.getEdgeWeight);
  const network = weightedNetworkOf(accounts, resolved.direction === 'directed');
  return Array.from({ length: steps }, (_, step) => {
    const resolution = steps === 1 ? from : from + ((to - from) * step) / (steps - 1);
    const found = detectOnNetwork(accounts, network, { ...resolved, resolution });
    return {
      resolution,
      count: found.count,
      modularity: networkModularity(network, found.membership, found.count, 1),
    };
  });
}
