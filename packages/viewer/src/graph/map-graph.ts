// The map as the viewer holds it: a graphology graph built from the API's `/graph` columns, plus
// small readers of account fields that maps projected on actors spell differently.
import {
  type AccountAttributes,
  type CommunityProfile,
  type DrawnGraph,
  drawnAccountAttributes,
  type InteractionAttributes,
} from '@kolmap/model';
import Graph from 'graphology';

export interface MapGraphAttributes {
  communities?: CommunityProfile[];
  [name: string]: unknown;
}

export type MapGraph = Graph<AccountAttributes, InteractionAttributes, MapGraphAttributes>;

/**
 * The graph of a drawn map (`/graph`); with `links: false`, its accounts only (`addLinks` adds the
 * links later, so that the accounts can be drawn first). Nodes without a position (a map analysed
 * with `--no-layout`) are put on a circle, in graph order, so the map can be drawn and laid out
 * again.
 */
export function toMapGraph(drawn: DrawnGraph, { links = true } = {}): MapGraph {
  const graph: MapGraph = new Graph({ type: drawn.type, multi: false, allowSelfLoops: true });
  graph.setAttribute('communities', drawn.communities);
  const { keys } = drawn.accounts;
  const attributes = drawnAccountAttributes(drawn.accounts);
  const radius = Math.sqrt(keys.length) * 10;
  for (let index = 0; index < keys.length; index++) {
    const account = attributes[index] as AccountAttributes;
    if (!Number.isFinite(account.x) || !Number.isFinite(account.y)) {
      const angle = (2 * Math.PI * index) / Math.max(1, keys.length);
      account.x = radius * Math.cos(angle);
      account.y = radius * Math.sin(angle);
    }
    graph.addNode(keys[index] as string, account);
  }
  if (links) addLinks(graph, drawn);
  return graph;
}

/** Adds the links of a drawn map to the graph made of its accounts (`toMapGraph`, `links: false`). */
export function addLinks(graph: MapGraph, drawn: DrawnGraph): void {
  const { keys } = drawn.accounts;
  const { source, target, weight } = drawn.links;
  for (let index = 0; index < source.length; index++) {
    graph.addEdge(
      keys[source[index] as number] as string,
      keys[target[index] as number] as string,
      {
        weight: weight[index] as number,
      },
    );
  }
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
