// Brandes' dependency accumulation from one source at a time over compressed out-rows, by hops (BFS)
// or by lengths 1 / weight (Dijkstra), with their squares for sampling; shared by the exact, sampled
// and worker-thread betweenness.
import { MinHeap } from './min-heap.js';

/** The out-rows a shortest-path search reads (an InfluenceNetwork has them). */
export interface PathNetwork {
  outOffsets: Int32Array;
  outTargets: Int32Array;
  outWeights: Float64Array;
}

/**
 * Brandes' accumulation from one source s at a time: adds δ_s(v) = Σ_{t ≠ s, v} σ_st(v) / σ_st to
 * each v ≠ s, over the out-arcs. The dependencies are propagated through successors (arcs v→w with
 * dist(w) = dist(v) + length), which are exactly the predecessor lists of Brandes' algorithm read
 * the other way, so no list is stored. Its arrays are reused from source to source.
 */
export class ShortestPaths {
  private readonly network: PathNetwork;
  private readonly sigma: Float64Array;
  private readonly delta: Float64Array;
  private readonly order: Int32Array;
  private readonly lengths: Float64Array | null;
  private readonly hops: Int32Array;
  private readonly distances: Float64Array;
  private readonly heap: MinHeap;

  constructor(network: PathNetwork, weighted: boolean) {
    const n = network.outOffsets.length - 1;
    this.network = network;
    this.sigma = new Float64Array(n);
    this.delta = new Float64Array(n);
    this.order = new Int32Array(n);
    this.lengths = weighted ? network.outWeights.map((weight) => 1 / weight) : null;
    this.hops = new Int32Array(n).fill(-1);
    this.distances = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
    this.heap = new MinHeap(n, this.distances);
  }

  /**
   * Adds the dependencies of every node on source `s` to `scores`, and their squares to `squares`
   * when given (for the spread of a sample of sources).
   */
  accumulate(s: number, scores: Float64Array, squares: Float64Array | null = null): void {
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
        if (v !== s) {
          scores[v]! += dependency;
          if (squares !== null) squares[v]! += dependency * dependency;
        }
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
        if (v !== s) {
          scores[v]! += dependency;
          if (squares !== null) squares[v]! += dependency * dependency;
        }
      }
      for (let i = 0; i < reached; i++) {
        const v = order[i] as number;
        distances[v] = Number.POSITIVE_INFINITY;
        heap.reset(v);
      }
    }
  }
}
