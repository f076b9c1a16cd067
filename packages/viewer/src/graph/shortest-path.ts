// The shortest path between two accounts of the loaded map, in links (breadth-first search), to show
// how one can reach the other.
import type { MapGraph } from './map-graph.js';

export interface AccountPath {
  /** From `from` to `to`, both included. */
  nodes: string[];
  /** `edges[i]` links `nodes[i]` and `nodes[i + 1]`. */
  edges: string[];
}

/**
 * A path with the fewest links from `from` to `to`, or null when there is none. `directed` follows
 * the links' direction (each account gives attention to the next); otherwise any link will do.
 * Among equally short paths, the one found first in graph order.
 */
export function findShortestPath(
  graph: MapGraph,
  from: string,
  to: string,
  directed: boolean,
): AccountPath | null {
  if (!graph.hasNode(from) || !graph.hasNode(to)) return null;
  if (from === to) return { nodes: [from], edges: [] };
  const cameBy = new Map<string, { node: string; edge: string } | null>([[from, null]]);
  const queue = [from];
  const follow = directed && graph.type !== 'undirected';
  for (let at = 0; at < queue.length && !cameBy.has(to); at++) {
    const node = queue[at] as string;
    const visit = (edge: string, other: string) => {
      if (cameBy.has(other)) return;
      cameBy.set(other, { node, edge });
      queue.push(other);
    };
    if (follow) graph.forEachOutEdge(node, (edge, _a, _s, target) => visit(edge, target));
    else graph.forEachEdge(node, (edge, _a, s, t) => visit(edge, s === node ? t : s));
  }
  if (!cameBy.has(to)) return null;
  const nodes = [to];
  const edges: string[] = [];
  for (let step = cameBy.get(to); step; step = cameBy.get(step.node)) {
    nodes.push(step.node);
    edges.push(step.edge);
  }
  return { nodes: nodes.reverse(), edges: edges.reverse() };
}
