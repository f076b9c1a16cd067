// Small graphs with known answers for the community tests: Zachary's karate club, cliques, seeded random graphs.
import { DirectedGraph, UndirectedGraph } from 'graphology';
import { createRng } from '../../../src/analyze/random.js';

/** Zachary (1977), 34 members (keys '1'..'34'), 78 friendships: each line lists a member's higher-numbered friends. */
const KARATE = `1: 2 3 4 5 6 7 8 9 11 12 13 14 18 20 22 32
2: 3 4 8 14 18 20 22 31
3: 4 8 9 10 14 28 29 33
4: 8 13 14
5: 7 11
6: 7 11 17
7: 17
9: 31 33 34
10: 34
14: 34
15: 33 34
16: 33 34
19: 33 34
20: 34
21: 33 34
23: 33 34
24: 26 28 30 33 34
25: 26 28 32
26: 32
27: 30 34
28: 34
29: 32 34
30: 33 34
31: 33 34
32: 33 34
33: 34`;

export function karateClub(): UndirectedGraph {
  const graph = new UndirectedGraph();
  for (let member = 1; member <= 34; member++) graph.addNode(String(member));
  for (const line of KARATE.split('\n')) {
    const [member, friends] = line.split(':') as [string, string];
    for (const friend of friends.trim().split(/\s+/)) graph.addEdge(member, friend);
  }
  return graph;
}

/** The factions after the split, as a 0/1 string over members 1..34. */
function faction(bits: string): Record<string, number> {
  return Object.fromEntries([...bits].map((bit, i) => [String(i + 1), Number(bit)]));
}
/** Girvan & Newman's ground truth, 16/18 (member 9 with the officer). */
export const KARATE_GROUND_TRUTH = faction('0000000011000011001010111111111111');
/** The clubs members actually joined, 17/17 (member 9 with Mr. Hi). */
export const KARATE_CLUB = faction('0000000001000011001010111111111111');

/** Cliques of the given sizes (nodes `${name}${i}`), consecutive ones joined by one edge. */
export function chainOfCliques(sizes: number[], directed = false): UndirectedGraph | DirectedGraph {
  const graph = directed ? new DirectedGraph() : new UndirectedGraph();
  const names = sizes.map((_, c) => String.fromCharCode(97 + c));
  sizes.forEach((size, c) => {
    for (let i = 0; i < size; i++) graph.addNode(`${names[c]}${i}`);
    for (let i = 0; i < size; i++) {
      for (let j = i + 1; j < size; j++)
        graph.addEdge(`${names[c]}${i}`, `${names[c]}${j}`, { weight: 1 });
    }
    if (c > 0) graph.addEdge(`${names[c - 1]}0`, `${names[c]}0`, { weight: 1 });
  });
  return graph;
}

/**
 * A seeded random graph: `n` nodes in `groups` planted groups, each node sending `degree` edges on
 * average, a share `mixing` of them to any node. Directed edges, weights 1..3.
 */
export function plantedGraph(
  seed: number,
  n: number,
  groups: number,
  degree: number,
  mixing: number,
): DirectedGraph {
  const rng = createRng(seed);
  const graph = new DirectedGraph();
  for (let i = 0; i < n; i++) graph.addNode(`n${i}`, { group: i % groups });
  for (let i = 0; i < n; i++) {
    const edges = Math.floor(rng() * 2 * degree);
    for (let e = 0; e < edges; e++) {
      const j =
        rng() < mixing
          ? Math.floor(rng() * n)
          : (i % groups) + groups * Math.floor((rng() * n) / groups);
      if (j === i || j >= n || graph.hasEdge(`n${i}`, `n${j}`)) continue;
      graph.addEdge(`n${i}`, `n${j}`, { weight: 1 + Math.floor(rng() * 3) });
    }
  }
  return graph;
}

/** Whether every community of `partition` induces a connected subgraph (edge directions ignored). */
export function communitiesAreConnected(
  graph: UndirectedGraph | DirectedGraph,
  partition: Record<string, number>,
): boolean {
  const seen = new Set<string>();
  const reached = new Map<number, number>();
  for (const start of graph.nodes()) {
    const community = partition[start] as number;
    if (seen.has(start)) continue;
    if (reached.has(community)) return false;
    reached.set(community, 1);
    seen.add(start);
    const stack = [start];
    while (stack.length > 0) {
      const node = stack.pop() as string;
      for (const next of graph.neighbors(node)) {
        if (!seen.has(next) && partition[next] === community) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
  }
  return true;
}
