// Shortest-path betweenness (brokers), normalised as networkx's betweenness_centrality: exact by Brandes
// (2001) on small graphs; on large ones pivot sources drawn in batches until the top of the ranking is
// stable (progressive sampling as in ABRA, Riondato & Upfal 2016, with Brandes & Pich's 2007 pivots).
import { availableParallelism } from 'node:os';
import type { AbstractGraph } from 'graphology-types';
import { check, checkEdgeWeightGetter, mergeOptions } from '../../options.js';
import type { EdgeWeightGetter } from '../communities/weighted-network.js';
import { createRng } from '../random.js';
import { type InfluenceNetwork, toInfluenceNetwork, toNodeRecord } from './influence-network.js';
import { createPivotBatches, PIVOT_BATCH } from './pivot-batches.js';
import { ShortestPaths } from './shortest-paths.js';

/** Batches before the first check; each later check after about 1.5 times as many. */
const FIRST_CHECK_BATCHES = 8;

export interface BetweennessOptions {
  /**
   * `false` (default): a path's length is its number of edges (breadth-first search), as networkx's
   * `weight=None`. `true`: an edge's length is 1 / its weight (Dijkstra), so that strong ties are
   * short and attention flows through them; networkx's `weight=` with that length as attribute.
   */
  weighted: boolean;
  /** Graphs of at most this many nodes get the exact values. Default 5000. */
  exactThreshold: number;
  /** Above the threshold: the share of nodes whose top ranking must be stable. Default 0.01. */
  topShare: number;
  /**
   * Above the threshold: sampling stops once the two independent halves of the pivots agree on at
   * least 1 − ε of the top ⌈topShare · N⌉ nodes. Default 0.15.
   */
  epsilon: number;
  /** Probability that the reported `errorBound` fails. Default 0.1. */
  delta: number;
  /** Above the threshold: the most pivot sources drawn, whatever the agreement. Default 2000. */
  maxSources: number;
  /**
   * Above the threshold: stop at the first check after this many seconds (the result then depends on
   * the machine's speed). Default `null`: no time limit.
   */
  maxSeconds: number | null;
  /**
   * Above the threshold: exactly this many pivot sources, without the adaptive stop (Brandes & Pich's
   * fixed sample; `betweennessPivots` gives the k for an additive ε). Default `null`.
   */
  samples: number | null;
  /** Seed of the pivot draw. Default 42. */
  seed: number;
  /**
   * Above the threshold: threads the pivot batches are spread over (worker threads besides this
   * one; 1 = this thread only). The values do not depend on it. Default `null`: the machine's
   * available parallelism, at most 8.
   */
  threads: number | null;
  /** Edge weight attribute name, function or `null` (every edge weighs 1). Default `'weight'`. */
  getEdgeWeight: EdgeWeightGetter;
}

export const DEFAULT_BETWEENNESS_OPTIONS: Readonly<BetweennessOptions> = Object.freeze({
  weighted: false,
  exactThreshold: 5000,
  topShare: 0.01,
  epsilon: 0.15,
  delta: 0.1,
  maxSources: 2000,
  maxSeconds: null,
  samples: null,
  seed: 42,
  threads: null,
  getEdgeWeight: 'weight',
});

/** Why the computation ended. */
export type BetweennessStop = 'exact' | 'samples' | 'stable' | 'maxSources' | 'maxSeconds';

/** How betweenness was computed. */
export interface BetweennessRun {
  /** True when every node was a source. */
  exact: boolean;
  /**
   * `'exact'` (every node a source), `'samples'` (the fixed `samples` pivots), or why the adaptive
   * sampling ended: `'stable'` (the halves agreed on 1 − ε of the top), `'maxSources'`, `'maxSeconds'`.
   */
  stoppedBy: BetweennessStop;
  /** Number of sources whose shortest paths were counted: N, or the k pivots. */
  sources: number;
  /** Threads that computed the pivots (1 when exact, or when no worker could start). */
  threads: number;
  /** Size k of the top the stopping rule watches (⌈topShare · N⌉); 0 when exact or fixed. */
  topK: number;
  /** Share of the top k the two halves of the pivots agreed on at the end; 1 when exact or fixed. */
  agreement: number;
  /**
   * Additive error that every node's value is within, with probability ≥ 1 − δ, whenever the
   * sampling stopped: √(ln(2N·C/δ) / (2(k − 1))) for k pivots and C checks (C = 1 for a fixed
   * sample); 0 when exact.
   */
  errorBound: number;
}

/** Fills in defaults and checks every option (`InvalidInputError` naming `prefix` + option). */
export function resolveBetweennessOptions(
  options: Partial<BetweennessOptions> = {},
  prefix = '',
): BetweennessOptions {
  const resolved = mergeOptions(DEFAULT_BETWEENNESS_OPTIONS, options);
  check(
    typeof resolved.weighted === 'boolean',
    `${prefix}weighted`,
    'weighted must be true or false',
  );
  check(
    Number.isSafeInteger(resolved.exactThreshold) && resolved.exactThreshold >= 0,
    `${prefix}exactThreshold`,
    `exactThreshold must be an integer >= 0, got ${resolved.exactThreshold}`,
  );
  for (const field of ['topShare', 'epsilon', 'delta'] as const) {
    const value = resolved[field];
    check(
      Number.isFinite(value) && value > 0 && value < 1,
      `${prefix}${field}`,
      `${field} must be a number in (0, 1), got ${value}`,
    );
  }
  check(
    Number.isSafeInteger(resolved.maxSources) && resolved.maxSources >= 2,
    `${prefix}maxSources`,
    `maxSources must be an integer >= 2, got ${resolved.maxSources}`,
  );
  check(
    resolved.maxSeconds === null ||
      (Number.isFinite(resolved.maxSeconds) && resolved.maxSeconds > 0),
    `${prefix}maxSeconds`,
    `maxSeconds must be null or a number > 0, got ${resolved.maxSeconds}`,
  );
  check(
    resolved.samples === null || (Number.isSafeInteger(resolved.samples) && resolved.samples >= 2),
    `${prefix}samples`,
    `samples must be null or an integer >= 2, got ${resolved.samples}`,
  );
  check(
    resolved.threads === null || (Number.isSafeInteger(resolved.threads) && resolved.threads >= 1),
    `${prefix}threads`,
    `threads must be null or an integer >= 1, got ${resolved.threads}`,
  );
  check(
    Number.isSafeInteger(resolved.seed),
    `${prefix}seed`,
    `seed must be an integer, got ${resolved.seed}`,
  );
  checkEdgeWeightGetter(resolved.getEdgeWeight, `${prefix}getEdgeWeight`);
  return resolved;
}

/**
 * Pivots needed for every node's normalised betweenness to be within ε of the exact value with
 * probability 1 − δ in a graph of N nodes: k = ⌈1 + ln(2N/δ) / (2ε²)⌉ (for the `samples` option).
 */
export function betweennessPivots(nodes: number, epsilon: number, delta: number): number {
  return Math.ceil(1 + Math.log((2 * nodes) / delta) / (2 * epsilon * epsilon));
}

/**
 * The pivot counts after which the adaptive stop is checked, fixed in advance from the cap so that
 * the reported bound can hold for every check at once: 128, 192, 288… pivots, the last the cap.
 */
export function betweennessChecks(maxSources: number): number[] {
  const lastBatch = Math.max(2, Math.ceil(maxSources / PIVOT_BATCH));
  const checks: number[] = [];
  let batches = Math.min(FIRST_CHECK_BATCHES, lastBatch);
  while (batches < lastBatch) {
    checks.push(batches * PIVOT_BATCH);
    batches = Math.max(batches + 2, 2 * Math.round((batches * 1.5) / 2));
  }
  checks.push(maxSources);
  return checks;
}

/**
 * Betweenness of every node of a network, indexed like its keys. `options` must come from
 * `resolveBetweennessOptions`. See `computeBetweenness`.
 */
export function networkBetweenness(
  network: InfluenceNetwork,
  options: BetweennessOptions,
): BetweennessRun & { scores: Float64Array } {
  const n = network.keys.length;
  if (n <= Math.max(options.exactThreshold, 2) || (options.samples ?? 0) >= n) {
    const scores = brandes(network, identity(n), options.weighted);
    if (n > 2) {
      const scale = 1 / ((n - 1) * (n - 2));
      for (let i = 0; i < n; i++) scores[i]! *= scale;
    }
    const run = {
      exact: true,
      stoppedBy: 'exact',
      sources: n,
      threads: 1,
      topK: 0,
      agreement: 1,
    } as const;
    return { scores, ...run, errorBound: 0 };
  }
  const fixed = options.samples !== null;
  const sourceCount = Math.min(n, options.samples ?? options.maxSources);
  const sources = samplePivots(n, sourceCount, options.seed);
  const threads = options.threads ?? Math.min(8, availableParallelism());
  const batches = createPivotBatches(network, sources, options.weighted, threads);
  try {
    const halves = [new Float64Array(n), new Float64Array(n)] as const;
    const run = fixed
      ? fixedSample(batches, halves, sourceCount, options)
      : adaptiveSample(batches, halves, sourceCount, options);
    const scores = halves[0];
    for (let i = 0; i < n; i++) scores[i]! += halves[1][i] as number;
    const rescaled = rescale(scores, sources.subarray(0, run.sources), run.sources);
    return { scores: rescaled, ...run, threads: batches.threads };
  } finally {
    batches.close();
  }
}

type SampleRun = Omit<BetweennessRun, 'exact' | 'threads'> & { exact: false };

function fixedSample(
  batches: ReturnType<typeof createPivotBatches>,
  halves: readonly [Float64Array, Float64Array],
  k: number,
  options: BetweennessOptions,
): SampleRun {
  batches.run(0, Math.ceil(k / PIVOT_BATCH), halves);
  const n = halves[0].length;
  const errorBound = hoeffding(n, k, options.delta);
  return { exact: false, stoppedBy: 'samples', sources: k, topK: 0, agreement: 1, errorBound };
}

/**
 * Pivots in batches of PIVOT_BATCH, even batches summed into one half and odd ones into the other;
 * at each check the top k of each half are compared.
 */
function adaptiveSample(
  batches: ReturnType<typeof createPivotBatches>,
  halves: readonly [Float64Array, Float64Array],
  maxSources: number,
  options: BetweennessOptions,
): SampleRun {
  const n = halves[0].length;
  const topK = Math.min(n - 1, Math.ceil(options.topShare * n));
  const checks = betweennessChecks(maxSources);
  const start = performance.now();
  let used = 0;
  let stoppedBy: BetweennessStop = 'maxSources';
  let agreement = 0;
  for (let c = 0; c < checks.length; c++) {
    const next = checks[c] as number;
    batches.run(Math.ceil(used / PIVOT_BATCH), Math.ceil(next / PIVOT_BATCH), halves);
    used = next;
    agreement = overlap(topIndices(halves[0], topK), topIndices(halves[1], topK)) / topK;
    if (agreement >= 1 - options.epsilon) {
      stoppedBy = 'stable';
      break;
    }
    if (c === checks.length - 1) break;
    if (options.maxSeconds !== null && (performance.now() - start) / 1000 >= options.maxSeconds) {
      stoppedBy = 'maxSeconds';
      break;
    }
  }
  const errorBound = hoeffding(n * checks.length, used, options.delta);
  return { exact: false, stoppedBy, sources: used, topK, agreement, errorBound };
}

/** √(ln(2·events/δ) / (2(k − 1))): Hoeffding's bound for k pivots, union over `events`. */
function hoeffding(events: number, k: number, delta: number): number {
  return Math.sqrt(Math.log((2 * events) / delta) / (2 * (k - 1)));
}

/**
 * Sums of dependencies from k pivots to normalised values, as networkx's `k=`: a pivot gets nothing
 * from its own paths, so its value is an average over the k − 1 others, every other node's over k.
 */
function rescale(scores: Float64Array, sources: Int32Array, k: number): Float64Array {
  const n = scores.length;
  const isPivot = new Uint8Array(n);
  for (const s of sources) isPivot[s] = 1;
  const pivotScale = 1 / ((k - 1) * (n - 2));
  const otherScale = 1 / (k * (n - 2));
  for (let i = 0; i < n; i++) scores[i]! *= isPivot[i] ? pivotScale : otherScale;
  return scores;
}

/** The k nodes of highest value, ties broken by the lower index, as a membership mask. */
function topIndices(values: Float64Array, k: number): Uint8Array {
  const threshold = Float64Array.from(values).sort()[values.length - k] as number;
  const mask = new Uint8Array(values.length);
  let taken = 0;
  for (let i = 0; i < values.length; i++) {
    if ((values[i] as number) > threshold) {
      mask[i] = 1;
      taken++;
    }
  }
  for (let i = 0; i < values.length && taken < k; i++) {
    if (values[i] === threshold) {
      mask[i] = 1;
      taken++;
    }
  }
  return mask;
}

function overlap(a: Uint8Array, b: Uint8Array): number {
  let both = 0;
  for (let i = 0; i < a.length; i++) both += (a[i] as number) & (b[i] as number);
  return both;
}

function identity(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i);
}

/** k distinct nodes drawn uniformly with the seed (partial Fisher–Yates shuffle), in draw order. */
function samplePivots(n: number, k: number, seed: number): Int32Array {
  const rng = createRng(seed);
  const nodes = identity(n);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (n - i));
    const swap = nodes[i] as number;
    nodes[i] = nodes[j] as number;
    nodes[j] = swap;
  }
  return nodes.slice(0, k);
}

/** Exact Brandes from every source in `sources`, summed. */
function brandes(network: InfluenceNetwork, sources: Int32Array, weighted: boolean): Float64Array {
  const scores = new Float64Array(network.keys.length);
  const searcher = new ShortestPaths(network, weighted);
  for (const s of sources) searcher.accumulate(s, scores);
  return scores;
}

/**
 * Normalised shortest-path betweenness: the share of shortest paths between other nodes that run
 * through each node, Σ_{s ≠ v ≠ t} σ_st(v) / σ_st / ((N − 1)(N − 2)), as networkx's
 * `betweenness_centrality(G, normalized=True, endpoints=False)` for directed and undirected graphs
 * alike (an undirected edge is a path both ways). Brandes (2001), "A faster algorithm for betweenness
 * centrality", J. Math. Sociol. 25(2); weighted variant by Dijkstra as in Brandes (2008), "On variants
 * of shortest-path betweenness centrality and their generic computation", Social Networks 30(2).
 * Parallel edges merge into one whose weight is their sum (networkx keeps the lightest length).
 *
 * Up to `exactThreshold` nodes every node is a source (O(N·M), O(N·M + N² log N) weighted). Above it,
 * pivot sources are drawn uniformly without replacement with `seed` (Brandes & Pich 2007, "Centrality
 * estimation in large networks", Int. J. Bifurcation and Chaos 17(7)) and rescaled as networkx's `k=`
 * (a pivot's value averaged over the k − 1 other pivots, every other node's over the k). They are
 * drawn progressively, as in ABRA (Riondato & Upfal 2016, "ABRA: Approximating Betweenness
 * Centrality in Static and Dynamic Graphs with Rademacher Averages", KDD 2016), because the KOL
 * score only needs the ranking of the top (betweenness weighs 0.1 as a percentile; the bridge role
 * takes the top 1 %): batches of 16 pivots go alternately to two independent halves, and at checks
 * fixed in advance (128, 192, 288… pivots) sampling stops once the top ⌈topShare · N⌉ of the two
 * halves agree on at least 1 − ε of their members (`stoppedBy: 'stable'`), or at `maxSources`
 * pivots, or at the first check after `maxSeconds`. The estimate is then made of both halves, so it
 * is closer to the exact ranking than either half is to the other; the agreement is reported.
 *
 * What is guaranteed: whenever it stops, every node's value is within `errorBound` =
 * √(ln(2N·C/δ) / (2(k − 1))) of its exact value with probability ≥ 1 − δ, for the k pivots used and
 * the C checks (each pivot contributes δ_s(v) / (N − 2) ∈ [0, 1], an unbiased sample of v's value;
 * Hoeffding's inequality holds for sampling without replacement; union bound over the nodes and the
 * checks). The stopping rule itself is empirical: the split-half agreement of the top is a measured
 * stability, not a probability bound on the ranking. Measured against exact Brandes (tests and
 * docs/validation.md), the top-1 % overlap is ≥ 0.9 at the defaults. `samples` instead draws exactly
 * that many pivots (`betweennessPivots(N, ε, δ)` gives the k for an additive ε).
 *
 * The pivot batches are spread over `threads` threads (worker threads that share the network's
 * arrays; the calling thread waits for them, so the function stays synchronous). Same graph and
 * options → same values, whatever the number of threads: the pivots come from one seeded shuffle,
 * each batch of 16 is summed on its own and the batches are added to their half in draw order, and
 * the checks fall at fixed pivot counts; only `maxSeconds` makes the result depend on timing. When
 * the workers cannot start (from the TypeScript sources they need tsx), the batches run in the
 * calling thread with the same values.
 *
 * @param options.weighted hop counts (false, default) or lengths 1 / weight (true).
 * @param options.exactThreshold exact up to this many nodes, default 5000.
 * @param options.topShare share of nodes whose top ranking must be stable, default 0.01.
 * @param options.epsilon the halves must agree on 1 − ε of the top, default 0.15.
 * @param options.delta probability that `errorBound` fails, default 0.1.
 * @param options.maxSources most pivots drawn, default 2000.
 * @param options.maxSeconds time limit checked at each check, default null (none).
 * @param options.samples fixed number of pivots instead of the adaptive stop, default `null`.
 * @param options.seed pivot draw seed, default 42.
 * @param options.threads threads for the pivots, default null (available parallelism, at most 8).
 * @param options.getEdgeWeight attribute name, function or null; default `'weight'`. Edges of
 *   weight 0 are left out even when `weighted` is false.
 * @throws InvalidInputError on a bad option or a negative, NaN or infinite weight.
 */
export function computeBetweenness(
  graph: AbstractGraph,
  options: Partial<BetweennessOptions> = {},
): BetweennessRun & { scores: Record<string, number> } {
  const resolved = resolveBetweennessOptions(options);
  const network = toInfluenceNetwork(graph, resolved.getEdgeWeight);
  const { scores, ...run } = networkBetweenness(network, resolved);
  return { scores: toNodeRecord(network.keys, scores), ...run };
}
