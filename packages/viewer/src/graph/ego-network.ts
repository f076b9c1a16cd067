// An account's ego network on the loaded map: the accounts within one or two links of it, following
// attention received (in), given (out) or both, and the links walked to reach them.
import type { EgoDirection, EgoHops } from '../state/view-state.js';
import type { MapGraph } from './map-graph.js';

export interface EgoNetwork {
  /** The account first, then the others in the order they were reached. */
  nodes: string[];
  /** Links from an account closer than `hops` to any account of the network, in `direction`. */
  edges: string[];
}

/**
 * The ego network of `center`: breadth-first, `hops` links away at most. `in` follows links that
 * point at the account reached (who gives it attention), `out` links that leave it (to whom it
 * gives attention), `both` either; an undirected map ignores the direction.
 */
export function computeEgoNetwork(
  graph: MapGraph,
  center: string,
  hops: EgoHops,
  direction: EgoDirection,
): EgoNetwork {
  if (!graph.hasNode(center)) return { nodes: [], edges: [] };
  const distance = new Map<string, number>([[center, 0]]);
  const nodes = [center];
  for (let at = 0; at < nodes.length; at++) {
    const node = nodes[at] as string;
    const reached = distance.get(node) as number;
    if (reached === hops) break;
    forEachLink(graph, node, direction, (_edge, other) => {
      if (distance.has(other)) return;
      distance.set(other, reached + 1);
      nodes.push(other);
    });
  }
  const edges = new Set<string>();
  for (const node of nodes) {
    if ((distance.get(node) as number) >= hops) continue;
    forEachLink(graph, node, direction, (edge, other) => {
      if (distance.has(other)) edges.add(edge);
    });
  }
  return { nodes, edges: [...edges] };
}

function forEachLink(
  graph: MapGraph,
  node: string,
  direction: EgoDirection,
  callback: (edge: string, other: string) => void,
): void {
  if (graph.type === 'undirected' || direction === 'both') {
    graph.forEachEdge(node, (edge, _a, source, target) =>
      callback(edge, source === node ? target : source),
    );
  } else if (direction === 'in') {
    graph.forEachInEdge(node, (edge, _a, source) => callback(edge, source));
  } else {
    graph.forEachOutEdge(node, (edge, _a, _source, target) => callback(edge, target));
  }
}
