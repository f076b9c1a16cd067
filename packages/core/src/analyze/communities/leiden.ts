// The Leiden algorithm on a WeightedNetwork: fast local moving, refinement, aggregation, optimising modularity.
// V. A. Traag, L. Waltman & N. J. van Eck (2019), "From Louvain to Leiden: guaranteeing well-connected communities", Sci. Rep. 9, 5233.
import type { Rng } from '../random.js';
import type { WeightedNetwork } from './weighted-network.js';

/**
 * The algorithm follows the paper's pseudo-code and its authors' reference implementation
 * (CWTSLeiden/networkanalysis): modularity is optimised as CPM with node weights, in units of edge
 * weight, so that moving a lone node v into community C changes the quality by
 *   ΔH = w(v, C) − (γ / m) · (out_v · in_C + in_v · out_C)
 * (undirected: w(v, C) − γ · k_v · K_C / 2m, since both strengths are halves of the degree).
 * The same unit is used for θ: in the refinement a node joins C with probability ∝ exp(ΔH / θ).
 */
export interface LeidenParameters {
  /** γ, the resolution of modularity. */
  resolution: number;
  /** θ > 0, the randomness of the refinement merges; the paper and the reference code use 0.01. */
  randomness: number;
  rng: Rng;
  /** Leiden iterations to run at most; each starts from the previous partition. Stops earlier when one changes nothing. */
  maxIterations: number;
  /**
   * Iterations × adjacency entries (two per linked pair) at most; the iterations then stop at
   * ⌊maxWork / entries⌋ when that is below `maxIterations`, 2 at least.
   */
  maxWork: number;
}

export interface LeidenOutcome {
  /** Community of each node, 0..count-1. */
  membership: Int32Array;
  count: number;
  /** Nested partitions of the last iteration, finest first (the refined partitions); the last one is `membership`. */
  levels: Int32Array[];
  iterations: number;
}

/** A network of one level: the base network or an aggregate one (no self-loops: they change no ΔH). */
interface Level {
  n: number;
  offsets: Int32Array;
  neighbors: Int32Array;
  weights: Float64Array;
  outs: Float64Array;
  ins: Float64Array;
}

/** Runs Leiden from the singleton partition. Every community it returns induces a connected subgraph. */
export function leiden(network: WeightedNetwork, parameters: LeidenParameters): LeidenOutcome {
  const n = network.keys.length;
  const base: Level = {
    n,
    offsets: network.offsets,
    neighbors: network.neighbors,
    weights: network.weights,
    outs: network.outStrengths,
    ins: network.inStrengths,
  };
  const scale = network.totalWeight > 0 ? parameters.resolution / network.totalWeight : 0;
  const work = new Workspace(n, scale, parameters);
  let membership: Int32Array = identity(n);
  let count = n;
  let levels: Int32Array[] = [];
  let iterations = 0;
  const maxIterations = Math.min(
    parameters.maxIterations,
    Math.max(2, Math.floor(parameters.maxWork / Math.max(1, network.neighbors.length))),
  );
  while (iterations < maxIterations) {
    iterations++;
    const outcome = work.iterate(base, membership);
    membership = outcome.membership;
    count = outcome.count;
    levels = outcome.levels;
    if (!outcome.changed) break;
  }
  if (levels.length === 0) levels = [membership];
  return { membership, count, levels, iterations };
}

/**
 * The three phases, with every scratch array allocated once for the base network and reused on the
 * smaller aggregate levels (allocating per level made garbage collection dominate on large graphs).
 */
class Workspace {
  private readonly clusterOuts: Float64Array;
  private readonly clusterIns: Float64Array;
  private readonly subsetOuts: Float64Array;
  private readonly subsetIns: Float64Array;
  private readonly external: Float64Array;
  private readonly weightTo: Float64Array;
  private readonly cumulative: Float64Array;
  private readonly sizes: Int32Array;
  private readonly unused: Int32Array;
  private readonly order: Int32Array;
  private readonly candidates: Int32Array;
  private readonly ids: Int32Array;
  private readonly refined: Int32Array;
  private readonly members: Int32Array;
  private readonly starts: Int32Array;
  private readonly flags: Uint8Array;

  constructor(
    n: number,
    private readonly scale: number,
    private readonly parameters: LeidenParameters,
  ) {
    this.clusterOuts = new Float64Array(n);
    this.clusterIns = new Float64Array(n);
    this.subsetOuts = new Float64Array(n);
    this.subsetIns = new Float64Array(n);
    this.external = new Float64Array(n);
    this.weightTo = new Float64Array(n);
    this.cumulative = new Float64Array(n + 1);
    this.sizes = new Int32Array(n);
    this.unused = new Int32Array(n);
    this.order = new Int32Array(n);
    this.candidates = new Int32Array(n + 1);
    this.ids = new Int32Array(n);
    this.refined = new Int32Array(n);
    this.members = new Int32Array(n);
    this.starts = new Int32Array(n + 1);
    this.flags = new Uint8Array(n);
  }

  /** One iteration of the paper's Leiden function, from an initial partition of the base network. */
  iterate(
    base: Level,
    initial: Int32Array,
  ): { membership: Int32Array; count: number; levels: Int32Array[]; changed: boolean } {
    const nodeToLevel = identity(base.n);
    const levels: Int32Array[] = [];
    let level = base;
    let clusters: Int32Array = initial.slice();
    let changed = false;
    let count: number;
    for (;;) {
      const moved = this.moveNodesFast(level, clusters);
      changed ||= moved.changed;
      count = moved.count;
      if (count === level.n) break;

      const refinedCount = this.refinePartition(level, clusters, count);
      let labels: Int32Array;
      let next: Int32Array;
      if (refinedCount < level.n) {
        // Aggregate on the refined partition; start from the non-refined one.
        labels = this.refined;
        next = new Int32Array(refinedCount);
        for (let v = 0; v < level.n; v++) next[labels[v] as number] = clusters[v] as number;
      } else {
        // Nothing merged in the refinement: aggregate on the partition itself, as the reference code does.
        labels = clusters;
        next = identity(count);
      }
      level = this.aggregate(level, labels, next.length);
      for (let i = 0; i < base.n; i++) nodeToLevel[i] = labels[nodeToLevel[i] as number] as number;
      levels.push(nodeToLevel.slice());
      clusters = next;
    }
    const membership = new Int32Array(base.n);
    for (let i = 0; i < base.n; i++) membership[i] = clusters[nodeToLevel[i] as number] as number;
    // The loop ends when each community is one node of the last aggregate: the last level, relabelled.
    if (levels.length > 0) levels[levels.length - 1] = membership;
    return { membership, count, levels, changed };
  }

  /**
   * MoveNodesFast: visits nodes from a queue (random order first), moves each to the neighbouring
   * community (or an empty one) with the largest strictly positive gain, and queues its neighbours
   * outside its new community. Renumbers `clusters` in place to 0..count-1.
   */
  private moveNodesFast(level: Level, clusters: Int32Array): { count: number; changed: boolean } {
    const { n, offsets, neighbors, weights, outs, ins } = level;
    const { clusterOuts, clusterIns, sizes, unused, weightTo, candidates, scale } = this;
    const queue = this.order;
    const stable = this.flags;
    clusterOuts.fill(0, 0, n);
    clusterIns.fill(0, 0, n);
    sizes.fill(0, 0, n);
    stable.fill(0, 0, n);
    for (let v = 0; v < n; v++) {
      const c = clusters[v] as number;
      clusterOuts[c]! += outs[v] as number;
      clusterIns[c]! += ins[v] as number;
      sizes[c]!++;
    }
    let unusedCount = 0;
    for (let c = n - 1; c >= 0; c--) if (sizes[c] === 0) unused[unusedCount++] = c;
    shuffle(queue, n, this.parameters.rng);

    let unstable = n;
    let head = 0;
    let changed = false;
    while (unstable > 0) {
      const v = queue[head] as number;
      const current = clusters[v] as number;
      const out = outs[v] as number;
      const inn = ins[v] as number;
      clusterOuts[current]! -= out;
      clusterIns[current]! -= inn;
      sizes[current]!--;
      if (sizes[current] === 0) unused[unusedCount++] = current;

      // An empty community is always a candidate, so a node can leave on its own.
      candidates[0] = unused[unusedCount - 1] as number;
      let candidateCount = 1;
      const end = offsets[v + 1] as number;
      for (let k = offsets[v] as number; k < end; k++) {
        const c = clusters[neighbors[k] as number] as number;
        if (weightTo[c] === 0) candidates[candidateCount++] = c;
        weightTo[c]! += weights[k] as number;
      }
      let best = current;
      let bestGain =
        (weightTo[current] as number) -
        scale * (out * (clusterIns[current] as number) + inn * (clusterOuts[current] as number));
      for (let k = 0; k < candidateCount; k++) {
        const c = candidates[k] as number;
        const gain =
          (weightTo[c] as number) -
          scale * (out * (clusterIns[c] as number) + inn * (clusterOuts[c] as number));
        if (gain > bestGain) {
          best = c;
          bestGain = gain;
        }
        weightTo[c] = 0;
      }

      clusterOuts[best]! += out;
      clusterIns[best]! += inn;
      sizes[best]!++;
      if (best === unused[unusedCount - 1]) unusedCount--;
      stable[v] = 1;
      unstable--;
      if (best !== current) {
        clusters[v] = best;
        changed = true;
        for (let k = offsets[v] as number; k < end; k++) {
          const u = neighbors[k] as number;
          if (stable[u] === 1 && clusters[u] !== best) {
            stable[u] = 0;
            unstable++;
            queue[(head + unstable) % n] = u;
          }
        }
      }
      head = head + 1 === n ? 0 : head + 1;
    }
    return { count: this.renumber(clusters, n), changed };
  }

  /**
   * RefinePartition / MergeNodesSubset: inside each community S, starting from singletons, visits the
   * nodes in random order; a node still alone and well connected to S (w(v, S−v) ≥ its expected
   * weight at γ) joins a well-connected sub-community C of S with ΔH ≥ 0, chosen with probability
   * ∝ exp(ΔH / θ). Sub-communities only grow by nodes linked to them, so each is connected.
   * Leaves the refined partition, 0..count-1, in `this.refined`; returns count.
   */
  private refinePartition(level: Level, clusters: Int32Array, count: number): number {
    const { n, offsets, neighbors, weights, outs, ins } = level;
    const { subsetOuts, subsetIns, external, weightTo, candidates, cumulative, scale } = this;
    const { rng, randomness } = this.parameters;
    const refined = this.refined;
    const refinedOuts = this.clusterOuts;
    const refinedIns = this.clusterIns;
    const grown = this.flags;
    const order = this.order;
    subsetOuts.fill(0, 0, count);
    subsetIns.fill(0, 0, count);
    external.fill(0, 0, n);
    grown.fill(0, 0, n);
    for (let v = 0; v < n; v++) {
      const c = clusters[v] as number;
      refined[v] = v;
      refinedOuts[v] = outs[v] as number;
      refinedIns[v] = ins[v] as number;
      subsetOuts[c]! += outs[v] as number;
      subsetIns[c]! += ins[v] as number;
      const end = offsets[v + 1] as number;
      for (let k = offsets[v] as number; k < end; k++) {
        if (clusters[neighbors[k] as number] === c) external[v]! += weights[k] as number;
      }
    }
    shuffle(order, n, rng);

    for (let o = 0; o < n; o++) {
      const v = order[o] as number;
      if (grown[v] === 1) continue;
      const c = clusters[v] as number;
      const out = outs[v] as number;
      const inn = ins[v] as number;
      const sOut = subsetOuts[c] as number;
      const sIn = subsetIns[c] as number;
      if ((external[v] as number) < scale * (out * (sIn - inn) + inn * (sOut - out))) continue;

      refinedOuts[v] = 0;
      refinedIns[v] = 0;
      external[v] = 0;
      candidates[0] = v;
      let candidateCount = 1;
      const end = offsets[v + 1] as number;
      for (let k = offsets[v] as number; k < end; k++) {
        const u = neighbors[k] as number;
        if (clusters[u] !== c) continue;
        const r = refined[u] as number;
        if (weightTo[r] === 0) candidates[candidateCount++] = r;
        weightTo[r]! += weights[k] as number;
      }

      let best = v;
      let bestGain = 0;
      let total = 0;
      for (let k = 0; k < candidateCount; k++) {
        const r = candidates[k] as number;
        const rOut = refinedOuts[r] as number;
        const rIn = refinedIns[r] as number;
        if ((external[r] as number) >= scale * (rOut * (sIn - rIn) + rIn * (sOut - rOut))) {
          const gain = (weightTo[r] as number) - scale * (out * rIn + inn * rOut);
          if (gain > bestGain) {
            best = r;
            bestGain = gain;
          }
          if (gain >= 0) total += Math.exp(gain / randomness);
        }
        cumulative[k] = total;
        weightTo[r] = 0;
      }

      let chosen = best;
      if (total < Number.POSITIVE_INFINITY) {
        const x = total * rng();
        let low = 0;
        let high = candidateCount - 1;
        while (low < high) {
          const mid = (low + high) >>> 1;
          if ((cumulative[mid] as number) >= x) high = mid;
          else low = mid + 1;
        }
        chosen = candidates[low] as number;
      }

      refinedOuts[chosen]! += out;
      refinedIns[chosen]! += inn;
      for (let k = offsets[v] as number; k < end; k++) {
        const u = neighbors[k] as number;
        if (clusters[u] !== c) continue;
        if (refined[u] === chosen) external[chosen]! -= weights[k] as number;
        else external[chosen]! += weights[k] as number;
      }
      if (chosen !== v) {
        refined[v] = chosen;
        grown[chosen] = 1;
      }
    }
    this.sizes.fill(0, 0, n);
    for (let v = 0; v < n; v++) this.sizes[refined[v] as number]!++;
    return this.renumber(refined, n);
  }

  /** The network whose nodes are the groups of `labels` (0..count-1), weights and strengths summed. */
  private aggregate(level: Level, labels: Int32Array, count: number): Level {
    const { n, offsets, neighbors, weights, outs, ins } = level;
    const { starts, members, weightTo } = this;
    const touched = this.candidates;
    const cursor = this.ids;
    starts.fill(0, 0, count + 1);
    for (let v = 0; v < n; v++) starts[(labels[v] as number) + 1]!++;
    for (let c = 0; c < count; c++) starts[c + 1]! += starts[c] as number;
    cursor.set(starts.subarray(0, count));
    for (let v = 0; v < n; v++) members[cursor[labels[v] as number]!++] = v;

    // Entries between groups bound the aggregate's entries (before those of a pair are merged).
    let crossing = 0;
    for (let v = 0; v < n; v++) {
      const label = labels[v] as number;
      const end = offsets[v + 1] as number;
      for (let k = offsets[v] as number; k < end; k++) {
        if (labels[neighbors[k] as number] !== label) crossing++;
      }
    }
    const newOffsets = new Int32Array(count + 1);
    const newNeighbors = new Int32Array(crossing);
    const newWeights = new Float64Array(crossing);
    const newOuts = new Float64Array(count);
    const newIns = new Float64Array(count);
    let write = 0;
    for (let c = 0; c < count; c++) {
      newOffsets[c] = write;
      let touchedCount = 0;
      const memberEnd = starts[c + 1] as number;
      for (let m = starts[c] as number; m < memberEnd; m++) {
        const v = members[m] as number;
        newOuts[c]! += outs[v] as number;
        newIns[c]! += ins[v] as number;
        const end = offsets[v + 1] as number;
        for (let k = offsets[v] as number; k < end; k++) {
          const d = labels[neighbors[k] as number] as number;
          if (d === c) continue;
          if (weightTo[d] === 0) touched[touchedCount++] = d;
          weightTo[d]! += weights[k] as number;
        }
      }
      for (let t = 0; t < touchedCount; t++) {
        const d = touched[t] as number;
        newNeighbors[write] = d;
        newWeights[write] = weightTo[d] as number;
        weightTo[d] = 0;
        write++;
      }
    }
    newOffsets[count] = write;
    return {
      n: count,
      offsets: newOffsets,
      neighbors: newNeighbors.subarray(0, write),
      weights: newWeights.subarray(0, write),
      outs: newOuts,
      ins: newIns,
    };
  }

  /** Renumbers the first n labels in place to 0..count-1 (in label order), given `this.sizes`; returns count. */
  private renumber(labels: Int32Array, n: number): number {
    const { sizes, ids } = this;
    let count = 0;
    for (let c = 0; c < n; c++) if ((sizes[c] as number) > 0) ids[c] = count++;
    for (let v = 0; v < n; v++) labels[v] = ids[labels[v] as number] as number;
    return count;
  }
}

function identity(n: number): Int32Array {
  const array = new Int32Array(n);
  for (let i = 0; i < n; i++) array[i] = i;
  return array;
}

/** Fills order[0..n) with a uniformly random permutation of 0..n-1 (Fisher–Yates). */
function shuffle(order: Int32Array, n: number, rng: Rng): void {
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const swap = order[i] as number;
    order[i] = order[j] as number;
    order[j] = swap;
  }
}
