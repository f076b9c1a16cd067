// Shortest-path betweenness (brokers), normalised as networkx's betweenness_centrality: exact by Brandes
// (2001) on small graphs; on large ones pivot sources drawn in batches until the top of the ranking is
// stable (progressive sampling as in ABRA, Riondato & Upfal 2016, with Brandes & Pich's 2007 pivots).
import type { AbstractGraph } from 'graphology-types';
import { check, checkEdgeWeightGetter, mergeOptions } from '../../options.js';
import type { EdgeWeightGetter } from '../communities/weighted-network.js';
import { createRng } from '../random.js';
import { type InfluenceNetwork, toInfluenceNetwork, toNodeRecord } from './influence-network.js';
import { MinHeap } from './min-heap.js';

/** Pivot sources per batch; batches alternate between the two halves the stopping rule compares. */
export const PIVOT_BATCH = 16;
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
    const run = { exact: true, stoppedBy: 'exact', sources: n, topK: 0, agreement: 1 } as const;
    return { scores, ...run, errorBound: 0 };
  }
  const searcher = new ShortestPaths(network, options.weighted);
  if (options.samples !== null) {
    const k = options.samples;
    const scores = new Float64Array(n);
    const sources = samplePivots(n, k, options.seed);
    for (const s of sources) searcher.accumulate(s, scores);
    return {
      scores: rescale(scores, sources, k),
      exact: false,
      stoppedBy: 'samples',
      sources: k,
      topK: 0,
      agreement: 1,
      errorBound: hoeffding(n, k, options.delta),
    };
  }
  return adaptiveBetweenness(network, options, searcher);
}

/**
 * Pivots in batches of PIVOT_BATCH, even batches summed into one half and odd ones into the other;
 * at each check the top k of each half are compared.
 */
function adaptiveBetweenness(
  network: InfluenceNetwork,
  options: BetweennessOptions,
  searcher: ShortestPaths,
): BetweennessRun & { scores: Float64Array } {
  const n = network.keys.length;
  const topK = Math.min(n - 1, Math.ceil(options.topShare * n));
  const maxSources = Math.min(n, options.maxSources);
  const checks = betweennessChecks(maxSources);
  const sources = samplePivots(n, maxSources, options.seed);
  const halves = [new Float64Array(n), new Float64Array(n)] as const;
  const start = performance.now();
  let used = 0;
  let stoppedBy: BetweennessStop = 'maxSources';
  let agreement = 0;
  for (let c = 0; c < checks.length; c++) {
    for (; used < (checks[c] as number); used++) {
      const half = halves[Math.floor(used / PIVOT_BATCH) % 2] as Float64Array;
      searcher.accumulate(sources[used] as number, half);
    }
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
  const scores = halves[0];
  for (let i = 0; i < n; i++) scores[i]! += halves[1][i] as number;
  return {
    scores: rescale(scores, sources.subarray(0, used), used),
    exact: false,
    stoppedBy,
    sources: used,
    topK,
    agreement,
    errorBound: hoeffding(n * checks.length, used, options.delta),
  };
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
 * Brandes' accumulation from one source s at a time: adds δ_s(v) = Σ_{t ≠ s, v} σ_st(v) / σ_st to
 * each v ≠ s, over the out-arcs. The dependencies are propagated through successors (arcs v→w with
 * dist(w) = dist(v) + length), which are exactly the predecessor lists of Brandes' algorithm read
 * the other way, so no list is stored. Its arrays are reused from source to source.
 */
class ShortestPaths {
  private readonly network: InfluenceNetwork;
  private readonly sigma: Float64Array;
  private readonly delta: Float64Array;
  private readonly order: Int32Array;
  private readonly lengths: Float64Array | null;
  private readonly hops: Int32Array;
  private readonly distances: Float64Array;
  private readonly heap: MinHeap;

  constructor(network: InfluenceNetwork, weighted: boolean) {
    const n = network.keys.length;
    this.network = network;
    this.sigma = new Float64Array(n);
    this.delta = new Float64Array(n);
    this.order = new Int32Array(n);
    this.lengths = weighted ? network.outWeights.map((weight) => 1 / weight) : null;
    this.hops = new Int32Array(n).fill(-1);
    this.distances = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
    this.heap = new MinHeap(n, this.distances);
  }

  /** Adds the dependencies of every node on source `s` to `scores`. */
  accumulate(s: number, scores: Float64Array): void {
    const { outOffsets, outTargets } = this.network;
    const { sigma, delta, order, lengths, hops, distances, heap } = this;
    let reached: number;
    if (lengths === null) {
      // Breadth-first search; `order` is the queue and ends as the order of discovery.
      hops[s] = 0;
      sigma[s] = 1;
      order[0] = s;
      let head = 0;
      reached = 1;
      while (head < reached) {
        const v = order[head++] as number;
        const next = (hops[v] as number) + 1;
        const paths = sigma[v] as number;
        const end = outOffsets[v + 1] as number;
        for (let k = outOffsets[v] as number; k < end; k++) {
          const w = outTargets[k] as number;
          const at = hops[w] as number;
          if (at < 0) {
            hops[w] = next;
            sigma[w] = paths;
            order[reached++] = w;
          } else if (at === next) {
            sigma[w]! += paths;
          }
        }
      }
      for (let i = reached - 1; i >= 0; i--) {
        const v = order[i] as number;
        const next = (hops[v] as number) + 1;
        const paths = sigma[v] as number;
        let dependency = 0;
        const end = outOffsets[v + 1] as number;
        for (let k = outOffsets[v] as number; k < end; k++) {
          const w = outTargets[k] as number;
          if (hops[w] === next) {
            dependency += paths * ((1 + (delta[w] as number)) / (sigma[w] as number));
          }
        }
        delta[v] = dependency;
        if (v !== s) scores[v]! += dependency;
      }
      for (let i = 0; i < reached; i++) hops[order[i] as number] = -1;
    } else {
      // Dijkstra; `order` ends as the order in which nodes are settled.
      distances[s] = 0;
      sigma[s] = 1;
      heap.push(s);
      reached = 0;
      while (heap.size > 0) {
        const v = heap.pop();
        order[reached++] = v;
        const distance = distances[v] as number;
        const paths = sigma[v] as number;
        const end = outOffsets[v + 1] as number;
        for (let k = outOffsets[v] as number; k < end; k++) {
          const w = outTargets[k] as number;
          if (heap.isSettled(w)) continue;
          const candidate = distance + (lengths[k] as number);
          if (candidate === Number.POSITIVE_INFINITY) continue;
          const current = distances[w] as number;
          if (candidate < current) {
            distances[w] = candidate;
            sigma[w] = paths;
            heap.pushOrDecrease(w);
          } else if (candidate === current) {
            sigma[w]! += paths;
          }
        }
      }
      for (let i = reached - 1; i >= 0; i--) {
        const v = order[i] as number;
        const distance = distances[v] as number;
        const paths = sigma[v] as number;
        let dependency = 0;
        const end = outOffsets[v + 1] as number;
        for (let k = outOffsets[v] as number; k < end; k++) {
          const w = outTargets[k] as number;
          if (distances[w] === distance + (lengths[k] as number)) {
            dependency += paths * ((1 + (delta[w] as number)) / (sigma[w] as number));
          }
        }
        delta[v] = dependency;
        if (v !== s) scores[v]! += dependency;
      }
      for (let i = 0; i < reached; i++) {
        const v = order[i] as number;
        distances[v] = Number.POSITIVE_INFINITY;
        heap.reset(v);
      }
    }
  }
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
 * Same graph and options → same values: the pivots come from one seeded shuffle and the halves are
 * summed in draw order, so the result does not depend on timing unless `maxSeconds` is set.
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
