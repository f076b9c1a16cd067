// Shortest-path betweenness (brokers), normalised as networkx's betweenness_centrality: exact by Brandes
// (2001) on small graphs; on large ones pivot sources drawn in batches until the largest values are
// precise enough for the KOL score (progressive sampling as in ABRA, with Brandes & Pich's 2007 pivots).
import { availableParallelism } from 'node:os';
import type { AbstractGraph } from 'graphology-types';
import { check, checkEdgeWeightGetter, mergeOptions } from '../../options.js';
import type { EdgeWeightGetter } from '../communities/weighted-network.js';
import { createRng } from '../random.js';
import { type InfluenceNetwork, toInfluenceNetwork, toNodeRecord } from './influence-network.js';
import {
  createPivotBatches,
  PIVOT_BATCH,
  type PivotBatches,
  type PivotSums,
} from './pivot-batches.js';
import { ShortestPaths } from './shortest-paths.js';

/** Batches before the first check; each later check after about 1.25 times as many. */
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
  /**
   * Above the threshold: the top whose values must be precise is the k = min(⌈topShare · N⌉, maxTop)
   * largest estimates. Default 0.01.
   */
  topShare: number;
  /** Above the threshold: the most nodes in that top. Default 100. */
  maxTop: number;
  /**
   * Above the threshold: sampling stops once every one of the top k estimates has an estimated
   * standard error of at most this on the KOL score's log scale of betweenness (0 nothing, 1 the
   * largest value; see `computeBetweenness`). Default 0.05: half a point of the score at the
   * default weight 0.1.
   */
  scaleError: number;
  /** Probability that the reported `errorBound` fails. Default 0.1. */
  delta: number;
  /** Above the threshold: the most pivot sources drawn, however precise the top. Default 2000. */
  maxSources: number;
  /**
   * Above the threshold: the most work, counted as pivots × (nodes + arcs), one shortest-path pass
   * costing about its nodes and arcs; the pivots then stop at ⌊maxWork / (nodes + arcs)⌋ (at least
   * 128, the first check) when that is below `maxSources`. Default 2.5e9: no limit up to 1.25M
   * nodes and arcs (2,000 pivots), 227 pivots at 1M nodes and 10M arcs — the cost stays bounded at
   * any size, and still depends only on the graph, not on the machine.
   */
  maxWork: number;
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
  maxTop: 100,
  scaleError: 0.05,
  delta: 0.1,
  maxSources: 2000,
  maxWork: 2.5e9,
  maxSeconds: null,
  samples: null,
  seed: 42,
  threads: null,
  getEdgeWeight: 'weight',
});

/** Why the computation ended. */
export type BetweennessStop =
  | 'exact'
  | 'samples'
  | 'scaleError'
  | 'maxSources'
  | 'maxWork'
  | 'maxSeconds';

/** How betweenness was computed. */
export interface BetweennessRun {
  /** True when every node was a source. */
  exact: boolean;
  /**
   * `'exact'` (every node a source), `'samples'` (the fixed `samples` pivots), or the option that
   * ended the adaptive sampling: `'scaleError'` (the top k were precise enough), `'maxSources'`,
   * `'maxWork'`, `'maxSeconds'`.
   */
  stoppedBy: BetweennessStop;
  /** Number of sources whose shortest paths were counted: N, or the k pivots. */
  sources: number;
  /** Threads that computed the pivots (1 when exact, or when no worker could start). */
  threads: number;
  /** Size k of the top whose precision is watched (min(⌈topShare · N⌉, maxTop)); 0 when exact. */
  topK: number;
  /**
   * The largest estimated standard error on the score's log scale among the top k positive
   * estimates at the end (0 when exact or when no estimate is positive).
   */
  scaleError: number;
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
  for (const field of ['topShare', 'scaleError', 'delta'] as const) {
    const value = resolved[field];
    check(
      Number.isFinite(value) && value > 0 && value < 1,
      `${prefix}${field}`,
      `${field} must be a number in (0, 1), got ${value}`,
    );
  }
  check(
    Number.isSafeInteger(resolved.maxTop) && resolved.maxTop >= 1,
    `${prefix}maxTop`,
    `maxTop must be an integer >= 1, got ${resolved.maxTop}`,
  );
  check(
    Number.isSafeInteger(resolved.maxSources) && resolved.maxSources >= 2,
    `${prefix}maxSources`,
    `maxSources must be an integer >= 2, got ${resolved.maxSources}`,
  );
  check(
    Number.isFinite(resolved.maxWork) && resolved.maxWork > 0,
    `${prefix}maxWork`,
    `maxWork must be a number > 0, got ${resolved.maxWork}`,
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
 * the reported bound can hold for every check at once: 128, 160, 208, 256… pivots, the last the cap.
 */
export function betweennessChecks(maxSources: number): number[] {
  const lastBatch = Math.ceil(maxSources / PIVOT_BATCH);
  const checks: number[] = [];
  let batches = Math.min(FIRST_CHECK_BATCHES, lastBatch);
  while (batches < lastBatch) {
    checks.push(batches * PIVOT_BATCH);
    batches = Math.max(batches + 1, Math.round(batches * 1.25));
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
      scaleError: 0,
    } as const;
    return { scores, ...run, errorBound: 0 };
  }
  const fixed = options.samples !== null;
  const workCap = Math.max(
    FIRST_CHECK_BATCHES * PIVOT_BATCH,
    Math.floor(options.maxWork / (n + network.outTargets.length)),
  );
  const cappedByWork = workCap < options.maxSources;
  const sourceCount = Math.min(n, options.samples ?? Math.min(options.maxSources, workCap));
  const sources = samplePivots(n, sourceCount, options.seed);
  const threads = options.threads ?? Math.min(8, availableParallelism());
  const batches = createPivotBatches(network, sources, options.weighted, threads);
  try {
    const topK = Math.min(n, Math.ceil(options.topShare * n), options.maxTop);
    const sample = new PivotSample(n, sources, topK);
    const run = fixed
      ? fixedSample(batches, sample, sourceCount, options)
      : adaptiveSample(
          batches,
          sample,
          sourceCount,
          cappedByWork ? 'maxWork' : 'maxSources',
          options,
        );
    return { scores: sample.normalised(), ...run, threads: batches.threads };
  } finally {
    batches.close();
  }
}

type SampleRun = Omit<BetweennessRun, 'exact' | 'threads'> & { exact: false };

/**
 * The sums over a growing prefix of the pivots: each node's estimate (its dependencies averaged over
 * the pivots other than itself) and the standard error of the top k estimates on the score's scale.
 */
class PivotSample {
  readonly into: PivotSums;
  readonly topK: number;
  /** Pivots summed so far: `sources[0…used)`. */
  private used = 0;
  private readonly sources: Int32Array;
  private readonly isPivot: Uint8Array;

  constructor(n: number, sources: Int32Array, topK: number) {
    this.sources = sources;
    this.topK = topK;
    this.into = { sums: new Float64Array(n), squares: new Float64Array(n) };
    this.isPivot = new Uint8Array(n);
  }

  /** Runs the batches that bring the sums to the first `pivots` sources. */
  extend(batches: PivotBatches, pivots: number): void {
    batches.run(Math.ceil(this.used / PIVOT_BATCH), Math.ceil(pivots / PIVOT_BATCH), this.into);
    for (let p = this.used; p < pivots; p++) this.isPivot[this.sources[p] as number] = 1;
    this.used = pivots;
  }

  /** Pivots whose dependencies node i's estimate averages: all of them but itself. */
  private count(i: number): number {
    return this.used - (this.isPivot[i] as number);
  }

  /**
   * The largest standard error on the score's log scale among the top k positive estimates. For a
   * node with sum S and sum of squares Q over c pivots, the standard error of its mean b = S / c
   * relative to b is ρ = √((c·Q / S² − 1) / (c − 1)); on the scale v = ln(1 + b/m) / ln(1 + B/m)
   * (m the median positive estimate, B the largest) it is ρ · (b / (m + b)) / ln(1 + B/m) (delta
   * method). 0 when no estimate is positive, infinite below 2 pivots.
   */
  topScaleError(): number {
    const { sums, squares } = this.into;
    const means = new Float64Array(sums.length);
    for (let i = 0; i < sums.length; i++) means[i] = (sums[i] as number) / this.count(i);
    const positive = means.filter((mean) => mean > 0).sort();
    if (positive.length === 0) return 0;
    const median = positive[(positive.length - 1) >> 1] as number;
    const range = Math.log1p((positive[positive.length - 1] as number) / median);
    let worst = 0;
    for (const i of topIndices(means, this.topK)) {
      const sum = sums[i] as number;
      if (sum <= 0) continue;
      const c = this.count(i);
      if (c < 2) return Number.POSITIVE_INFINITY;
      const relative = Math.sqrt(
        Math.max(0, (c * (squares[i] as number)) / (sum * sum) - 1) / (c - 1),
      );
      const mean = means[i] as number;
      worst = Math.max(worst, (relative * (mean / (median + mean))) / range);
    }
    return worst;
  }

  /**
   * The estimates normalised as networkx's `k=`: a pivot gets nothing from its own paths, so its
   * value is an average over the k − 1 others, every other node's over k; each divided by N − 2.
   */
  normalised(): Float64Array {
    const { sums } = this.into;
    const scale = 1 / (sums.length - 2);
    for (let i = 0; i < sums.length; i++) sums[i]! *= scale / this.count(i);
    return sums;
  }
}

function fixedSample(
  batches: PivotBatches,
  sample: PivotSample,
  k: number,
  options: BetweennessOptions,
): SampleRun {
  sample.extend(batches, k);
  const n = sample.into.sums.length;
  return {
    exact: false,
    stoppedBy: 'samples',
    sources: k,
    topK: sample.topK,
    scaleError: sample.topScaleError(),
    errorBound: hoeffding(n, k, options.delta),
  };
}

/**
 * Pivots in batches up to each check, until the top k are precise enough or a limit is reached
 * (`cap` names the one that set `maxSources`).
 */
function adaptiveSample(
  batches: PivotBatches,
  sample: PivotSample,
  maxSources: number,
  cap: 'maxSources' | 'maxWork',
  options: BetweennessOptions,
): SampleRun {
  const n = sample.into.sums.length;
  const checks = betweennessChecks(maxSources);
  const start = performance.now();
  let used = 0;
  let stoppedBy: BetweennessStop = cap;
  let scaleError = Number.POSITIVE_INFINITY;
  for (let c = 0; c < checks.length; c++) {
    used = checks[c] as number;
    sample.extend(batches, used);
    scaleError = sample.topScaleError();
    if (scaleError <= options.scaleError) {
      stoppedBy = 'scaleError';
      break;
    }
    if (c === checks.length - 1) break;
    if (options.maxSeconds !== null && (performance.now() - start) / 1000 >= options.maxSeconds) {
      stoppedBy = 'maxSeconds';
      break;
    }
  }
  const errorBound = hoeffding(n * checks.length, used, options.delta);
  return { exact: false, stoppedBy, sources: used, topK: sample.topK, scaleError, errorBound };
}

/** √(ln(2·events/δ) / (2(k − 1))): Hoeffding's bound for k pivots, union over `events`. */
function hoeffding(events: number, k: number, delta: number): number {
  return Math.sqrt(Math.log((2 * events) / delta) / (2 * (k - 1)));
}

/** The k nodes of highest value, ties broken by the lower index. */
function topIndices(values: Float64Array, k: number): number[] {
  const threshold = Float64Array.from(values).sort()[values.length - k] as number;
  const top: number[] = [];
  for (let i = 0; i < values.length; i++) {
    if ((values[i] as number) > threshold) top.push(i);
  }
  for (let i = 0; i < values.length && top.length < k; i++) {
    if (values[i] === threshold) top.push(i);
  }
  return top;
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
 * Centrality in Static and Dynamic Graphs with Rademacher Averages", KDD 2016), until the values the
 * KOL score reads are precise enough. The score puts betweenness on a log scale (`logScaledValues`:
 * v = ln(1 + b/m) / ln(1 + B/m), m the map's median positive value, B its largest; W·v points, W =
 * 100 × its weight, 10 by default), so what it needs is the large values to a bounded relative
 * error, not the order among near-ties. At checks fixed in advance (128, 160, 208, 256… pivots,
 * about 1.25× apart, the last at the cap: `maxSources`, or fewer when `maxWork` allows fewer), each node's standard error is estimated from the
 * spread of its per-pivot dependencies (sample standard deviation / √c over its c pivots) and carried
 * onto that scale with the current m and B (delta method: relative error × b / (m + b) / ln(1 + B/m));
 * sampling stops once the largest one among the k = min(⌈topShare · N⌉, maxTop) largest positive
 * estimates is at most `scaleError` (`stoppedBy: 'scaleError'`), or at the cap (`maxSources` or
 * `maxWork`), or at the first check after `maxSeconds`. On large graphs the work cap comes first
 * (227 pivots at 1M nodes and 10M arcs); the run's `scaleError` then says how far the top is from
 * the precision asked.
 *
 * What is guaranteed:
 * - When it stops by `scaleError` σ, each of the top k accounts' betweenness has a standard error of
 *   at most σ on the score's scale, i.e. at most W·σ points of its KOL score: half a point at the
 *   defaults (σ 0.05, weight 0.1). By the central limit theorem over the pivots, each of those
 *   points is then within ±2W·σ (1 point) of the value exact betweenness would give, with
 *   probability about 95 % each. This is approximate: the spread is estimated from the same pivots,
 *   the first check under σ stops, and the score's m and B are taken over the ranked accounts only.
 *   It covers the top accounts' own values, not the scale's median m, which the sample estimates
 *   from the positive values it happened to see: where few accounts have a positive betweenness,
 *   most of it tiny (the Higgs mention layer: 8 %), m comes out too high and every account's points
 *   move (2–3 points there, docs/validation.md). In relative terms σ 0.05 allows a standard error
 *   of 0.05 × ln(1 + B/m) of the value: 34 % on the 100,000-node generated graph of
 *   docs/validation.md (ln(1 + B/m) 6.8), 19 % on the flatter 6,000-node test graph (3.9).
 * - Whenever it stops, every node's value is within `errorBound` = √(ln(2N·C/δ) / (2(k − 1))) of its
 *   exact value with probability ≥ 1 − δ, for the k pivots used and the C checks (each pivot
 *   contributes δ_s(v) / (N − 2) ∈ [0, 1], an unbiased sample of v's value; Hoeffding's inequality
 *   holds for sampling without replacement; union bound over the nodes and the checks). Rigorous,
 *   but loose next to the top values (about 0.06 at 2,000 pivots, against a 100th value near 0.001).
 * - Not guaranteed: the order among accounts whose values differ by less than their errors, so
 *   neither the order inside the top nor which near-tied accounts sit at the top-1 % boundary the
 *   bridge role reads. Measured against exact Brandes (tests and docs/validation.md): at the default
 *   the top-1 % overlap is 0.83–0.92 on a flat 6,000-node graph whose top 1 % is near-ties, and
 *   ≥ 0.9 with `scaleError` 0.025 (about 3× the pivots).
 *
 * `samples` instead draws exactly that many pivots (`betweennessPivots(N, ε, δ)` gives the k for an
 * additive ε) and reports the same `scaleError` of its top k.
 *
 * The pivot batches are spread over `threads` threads (worker threads that share the network's
 * arrays; the calling thread waits for them, so the function stays synchronous). Same graph and
 * options → same values, whatever the number of threads: the pivots come from one seeded shuffle,
 * each batch of 16 is summed on its own and the batches are added in draw order, and the checks
 * fall at fixed pivot counts; only `maxSeconds` makes the result depend on timing. When the workers
 * cannot start (from the TypeScript sources they need tsx), the batches run in the calling thread
 * with the same values.
 *
 * @param options.weighted hop counts (false, default) or lengths 1 / weight (true).
 * @param options.exactThreshold exact up to this many nodes, default 5000.
 * @param options.topShare share of nodes in the top whose values must be precise, default 0.01.
 * @param options.maxTop most nodes in that top, default 100.
 * @param options.scaleError largest standard error on the score's scale allowed in the top, default
 *   0.05.
 * @param options.delta probability that `errorBound` fails, default 0.1.
 * @param options.maxSources most pivots drawn, default 2000.
 * @param options.maxWork most pivots × (nodes + arcs), default 2.5e9.
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
