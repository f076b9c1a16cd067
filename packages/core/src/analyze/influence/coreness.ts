// Coreness (k-core number) on the undirected view: Batagelj & Zaversnik (2003), "An O(m) algorithm for
// cores decomposition of networks", arXiv:cs/0310049. The core of an account is how embedded it is.
import type { AbstractGraph } from 'graphology-types';
import { checkEdgeWeightGetter, mergeOptions } from '../../options.js';
import type { EdgeWeightGetter } from '../communities/weighted-network.js';
import {
  toInfluenceNetwork,
  toNodeRecord,
  toUndirectedView,
  type UndirectedView,
} from './influence-network.js';

/**
 * Core number of every node of an undirected view, indexed like the network's keys: the largest k
 * such that the node belongs to a subgraph where every node has at least k neighbours. O(N + M) by
 * bin-sorted degrees, peeling the node of least remaining degree first.
 */
export function networkCoreness(view: UndirectedView): Int32Array {
  const { offsets, neighbors } = view;
  const n = offsets.length - 1;
  const degree = new Int32Array(n);
  let maxDegree = 0;
  for (let i = 0; i < n; i++) {
    const d = (offsets[i + 1] as number) - (offsets[i] as number);
    degree[i] = d;
    if (d > maxDegree) maxDegree = d;
  }
  // bins[d] = first position of the nodes of degree d in `sorted`.
  const bins = new Int32Array(maxDegree + 2);
  for (let i = 0; i < n; i++) bins[(degree[i] as number) + 1]!++;
  for (let d = 1; d <= maxDegree + 1; d++) bins[d]! += bins[d - 1] as number;
  const sorted = new Int32Array(n);
  const position = new Int32Array(n);
  const fill = bins.slice(0, maxDegree + 1);
  for (let i = 0; i < n; i++) {
    const at = fill[degree[i] as number]!++;
    sorted[at] = i;
    position[i] = at;
  }
  for (let at = 0; at < n; at++) {
    const v = sorted[at] as number;
    const dv = degree[v] as number;
    for (let k = offsets[v] as number; k < (offsets[v + 1] as number); k++) {
      const u = neighbors[k] as number;
      const du = degree[u] as number;
      if (du <= dv) continue;
      // Move u to the front of its bin, then shrink the bin: u's degree drops by one.
      const front = bins[du] as number;
      const w = sorted[front] as number;
      if (w !== u) {
        const pu = position[u] as number;
        sorted[pu] = w;
        position[w] = pu;
        sorted[front] = u;
        position[u] = front;
      }
      bins[du]!++;
      degree[u] = du - 1;
    }
  }
  return degree;
}

export interface CorenessOptions {
  /**
   * Edge weight attribute name, function or `null`. Weights play no part in coreness except that
   * edges of weight 0 are left out. Default `'weight'`.
   */
  getEdgeWeight: EdgeWeightGetter;
}

export const DEFAULT_CORENESS_OPTIONS: Readonly<CorenessOptions> = Object.freeze({
  getEdgeWeight: 'weight',
});

/**
 * Core number of every node, keyed by node, on the undirected view of the graph: two accounts are
 * neighbours when either gives the other attention (an edge in either direction); self-loops are
 * ignored, as networkx's `core_number` on `G.to_undirected()` once they are removed (networkx
 * refuses graphs that have some).
 *
 * @param options.getEdgeWeight attribute name, function or null; default `'weight'` (edges of
 *   weight 0 are left out).
 * @throws InvalidInputError on a bad option or a negative, NaN or infinite weight.
 */
export function computeCoreness(
  graph: AbstractGraph,
  options: Partial<CorenessOptions> = {},
): Record<string, number> {
  const { getEdgeWeight } = mergeOptions(DEFAULT_CORENESS_OPTIONS, options);
  checkEdgeWeightGetter(getEdgeWeight);
  const network = toInfluenceNetwork(graph, getEdgeWeight);
  return toNodeRecord(network.keys, networkCoreness(toUndirectedView(network)));
}
