// Whole maps for drawing, exports and shortlists. Maps are immutable snapshots (only their name
// changes), so the last few read are kept; a rename or delete drops them. A map is kept as the store
// gives it (accounts and interactions in columns: the embedded store's own copy, not another); the
// graphology graph that core's shortlists and exports take is built when asked for, with only what
// the caller needs. The last one built for shortlists (accounts, links without attributes) is kept
// for the next shortlist; one with every interaction (an export) is let go after use.
import { DirectedGraph, UndirectedGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import type { AccountsResource, MapGraph } from '../store/map-store.js';

/**
 * What a graphology graph of a map holds: its `accounts` only, with the `links` among them (no
 * attributes), or with every `interaction` and its attributes.
 */
export type GraphContent = 'accounts' | 'links' | 'interactions';
/** Contents, each holding the ones before it. */
const CONTENTS: readonly GraphContent[] = ['accounts', 'links', 'interactions'];

export class MapGraphs {
  private readonly accounts: AccountsResource;
  private readonly size: number;
  /** By map id, least recently used first. */
  private readonly cache = new Map<string, Promise<MapGraph>>();
  /** The last graph built for shortlists. */
  private kept: { whole: MapGraph; content: GraphContent; graph: AbstractGraph } | undefined;

  /** @param size maps kept at once, default 4. */
  constructor(accounts: AccountsResource, size = 4) {
    this.accounts = accounts;
    this.size = size;
  }

  /** The whole map: accounts in KOL order, interactions in columns, communities. */
  get(mapId: string): Promise<MapGraph> {
    const cached = this.cache.get(mapId);
    if (cached) {
      this.cache.delete(mapId);
      this.cache.set(mapId, cached);
      return cached;
    }
    const loading = this.accounts.readGraph(mapId);
    this.cache.set(mapId, loading);
    loading.catch(() => this.cache.delete(mapId));
    for (const id of this.cache.keys()) {
      if (this.cache.size <= this.size) break;
      this.cache.delete(id);
    }
    return loading;
  }

  /**
   * The map as a graphology graph (graph attributes `communities`, `params`, `provenance`) with
   * at least what `content` asks for. Graphs without interaction attributes are kept until one of
   * another map or with more content is asked for; a graph with every interaction is built on each
   * call: hold it only while it is used.
   */
  async graph(
    mapId: string,
    content: GraphContent,
  ): Promise<{ whole: MapGraph; graph: AbstractGraph }> {
    const whole = await this.get(mapId);
    const kept = this.kept;
    if (kept?.whole === whole && CONTENTS.indexOf(kept.content) >= CONTENTS.indexOf(content)) {
      return kept;
    }
    this.kept = undefined;
    const built = { whole, content, graph: toGraph(whole, content) };
    if (content !== 'interactions') this.kept = built;
    return built;
  }

  forget(mapId: string): void {
    this.cache.delete(mapId);
    if (this.kept?.whole.map.id === mapId) this.kept = undefined;
  }
}

/** A graphology graph of a map: graph attributes `communities`, `params`, `provenance`. */
function toGraph(whole: MapGraph, content: GraphContent): AbstractGraph {
  const graph: AbstractGraph = whole.map.directed ? new DirectedGraph() : new UndirectedGraph();
  graph.replaceAttributes({
    ...whole.map.attributes,
    communities: whole.communities,
    params: whole.map.params,
    provenance: whole.map.provenance,
  });
  for (const { key, attributes } of whole.accounts) graph.addNode(key, attributes);
  if (content === 'accounts') return graph;
  const { interactions, accounts } = whole;
  const keyOf = (index: number) => (accounts[index] as (typeof accounts)[number]).key;
  for (let i = 0; i < interactions.count; i++) {
    const source = keyOf(interactions.source[i] as number);
    const target = keyOf(interactions.target[i] as number);
    if (content === 'links') graph.mergeEdge(source, target);
    else graph.mergeEdge(source, target, interactions.attributes(i));
  }
  return graph;
}
