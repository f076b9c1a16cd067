// The map as the viewer holds it: a graphology graph imported from the API's `graph.export()`, plus
// small readers of account fields that maps projected on actors spell differently.
import type { AccountAttributes, CommunityProfile, InteractionAttributes } from '@kolmap/model';
import Graph from 'graphology';
import type { SerializedGraph } from 'graphology-types';

export interface MapGraphAttributes {
  communities?: CommunityProfile[];
  [name: string]: unknown;
}

export type MapGraph = Graph<AccountAttributes, InteractionAttributes, MapGraphAttributes>;

/** `graph.export()` of a map, as the API's `/graph` gives it (model's `DrawnGraph`) or a test writes it. */
export type SerializedMapGraph = SerializedGraph<
  AccountAttributes,
  InteractionAttributes,
  MapGraphAttributes
>;

/**
 * The graph of a serialised map; with `links: false`, its accounts only (`addLinks` adds the links
 * later, so that the accounts can be drawn first). Nodes without a position (a map analysed with
 * `--no-layout`) are put on a circle, in graph order, so the map can be drawn and laid out again.
 */
export function toMapGraph(serialized: SerializedMapGraph, { links = true } = {}): MapGraph {
  const graph: MapGraph = new Graph({
    type: serialized.options.type,
    multi: false,
    allowSelfLoops: serialized.options.allowSelfLoops,
  });
  graph.import(links ? serialized : { ...serialized, edges: [] });
  let index = 0;
  const radius = Math.sqrt(graph.order) * 10;
  graph.updateEachNodeAttributes((_node, attributes) => {
    const angle = (2 * Math.PI * index++) / Math.max(1, graph.order);
    if (Number.isFinite(attributes.x) && Number.isFinite(attributes.y)) return attributes;
    return { ...attributes, x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
  });
  return graph;
}

/** Adds the links of a serialised map to the graph made of its accounts (`toMapGraph`, `links: false`). */
export function addLinks(graph: MapGraph, serialized: SerializedMapGraph): void {
  graph.import({ edges: serialized.edges });
}

/** The communities' profiles the map carries, else `{id, size}` counted from the nodes. */
export function communityProfiles(graph: MapGraph): CommunityProfile[] {
  const given = graph.getAttribute('communities');
  if (Array.isArray(given) && given.length > 0) return given;
  const sizes = new Map<number, number>();
  graph.forEachNode((_node, { community }) => {
    if (community !== undefined) sizes.set(community, (sizes.get(community) ?? 0) + 1);
  });
  return [...sizes].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([id, size]) => ({ id, size }));
}

/** The name people know the account by: its name, else its handle, else its key. */
export function displayName(key: string, attributes: AccountAttributes): string {
  return attributes.name || (attributes.handle ? `@${attributes.handle}` : key);
}

/** Number of distinct neighbours of each node, links in either direction. */
export function neighbourCounts(graph: MapGraph): Map<string, number> {
  const counts = new Map<string, number>();
  graph.forEachNode((node) => {
    let count = 0;
    graph.forEachNeighbor(node, () => {
      count++;
    });
    counts.set(node, count);
  });
  return counts;
}
