// Which account of the map a post's author is: on maps per account, the node of that key; on maps
// projected on actors, the actor whose merged accounts include it.
import type { MapGraph } from './map-graph.js';

/** Account key → node key, for every node and every account an actor node merges. */
export function buildAccountIndex(graph: MapGraph): Map<string, string> {
  const index = new Map<string, string>();
  graph.forEachNode((node, { accounts }) => {
    index.set(node, node);
    if (!Array.isArray(accounts)) return;
    for (const account of accounts) if (!index.has(account)) index.set(account, node);
  });
  return index;
}
