// Whole maps as graphology graphs, for drawing, exports and shortlists. Maps are immutable snapshots
// (only their name changes), so the last few read are kept; a rename or delete drops the copy.
import { DirectedGraph, UndirectedGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import type { AccountsResource, MapGraph } from '../store/map-store.js';

export interface LoadedMapGraph {
  whole: MapGraph;
  graph: AbstractGraph;
}

export class MapGraphs {
  private readonly accounts: AccountsResource;
  private readonly size: number;
  /** By map id, least recently used first. */
  private readonly cache = new Map<string, Promise<LoadedMapGraph>>();

  /** @param size maps kept at once, default 4. */
  constructor(accounts: AccountsResource, size = 4) {
    this.accounts = accounts;
    this.size = size;
  }

  get(mapId: string): Promise<LoadedMapGraph> {
    const cached = this.cache.get(mapId);
    if (cached) {
      this.cache.delete(mapId);
      this.cache.set(mapId, cached);
      return cached;
    }
    const loading = this.accounts
      .readGraph(mapId)
      .then((whole) => ({ whole, graph: toGraph(whole) }));
    this.cache.set(mapId, loading);
    loading.catch(() => this.cache.delete(mapId));
    for (const id of this.cache.keys()) {
      if (this.cache.size <= this.size) break;
      this.cache.delete(id);
    }
    return loading;
  }

  forget(mapId: string): void {
    this.cache.delete(mapId);
  }
}

/** A graphology graph of a whole map: graph attributes `communities`, `params`, `provenance`. */
function toGraph(whole: MapGraph): AbstractGraph {
  const graph: AbstractGraph = whole.map.directed ? new DirectedGraph() : new UndirectedGraph();
  graph.replaceAttributes({
    ...whole.map.attributes,
    communities: whole.communities,
    params: whole.map.params,
    provenance: whole.map.provenance,
  });
  for (const { key, attributes } of whole.accounts) graph.addNode(key, attributes);
  for (const { source, target, attributes } of whole.interactions) {
    graph.mergeEdge(source, target, attributes);
  }
  return graph;
}
