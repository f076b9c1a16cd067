import { DirectedGraph, UndirectedGraph } from 'graphology';
import {
  adjustedRandIndex,
  communityConductance,
  communityDensity,
  modularity,
  normalizedMutualInformation,
} from '../../../src/analyze/communities/quality.js';
import { createRng } from '../../../src/analyze/random.js';
import { InvalidInputError } from '../../../src/errors.js';
import { chainOfCliques, KARATE_CLUB, KARATE_GROUND_TRUTH, karateClub } from './graphs.js';

/** a→b 2, b→a 1, b→c 1, c→a 1, c→d 0.5, d→e 3, e→f 1, f→d 1, e→e 1, a→d 1 (values checked with networkx 3.6). */
function smallDirected(): DirectedGraph {
  const graph = new DirectedGraph();
  const arcs: Array<[string, string, number]> = [
    ['a', 'b', 2],
    ['b', 'a', 1],
    ['b', 'c', 1],
    ['c', 'a', 1],
    ['c', 'd', 0.5],
    ['d', 'e', 3],
    ['e', 'f', 1],
    ['f', 'd', 1],
    ['e', 'e', 1],
    ['a', 'd', 1],
  ];
  for (const [source, target, weight] of arcs) graph.mergeEdge(source, target, { weight });
  return graph;
}
const SPLIT = { a: 0, b: 0, c: 0, d: 1, e: 1, f: 1 };

function labels(count: number, groups: number, seed: number): Record<string, number> {
  const rng = createRng(seed);
  return Object.fromEntries(
    Array.from({ length: count }, (_, i) => [`n${i}`, Math.floor(rng() * groups)]),
  );
}

describe('modularity', () => {
  it('gives the known values of the karate factions', () => {
    const graph = karateClub();
    expect(modularity(graph, KARATE_GROUND_TRUTH)).toBeCloseTo(0.3715, 4);
    expect(modularity(graph, KARATE_CLUB)).toBeCloseTo(0.3582, 4);
  });

  it('matches networkx on a weighted directed graph with a self-loop, both flavours', () => {
    const graph = smallDirected();
    expect(modularity(graph, SPLIT)).toBeCloseTo(0.384, 12);
    expect(modularity(graph, SPLIT, { directed: true, resolution: 0.5 })).toBeCloseTo(0.632, 12);
    expect(modularity(graph, SPLIT, { directed: false })).toBeCloseTo(0.3768, 12);
    expect(modularity(graph, SPLIT, { directed: false, resolution: 0.5 })).toBeCloseTo(0.6284, 12);
  });

  it('accepts any community ids, and is 0 for one community or a graph without weight', () => {
    const graph = chainOfCliques([3, 3]);
    const renamed = Object.fromEntries(
      graph.nodes().map((node) => [node, node.startsWith('a') ? 17 : -4]),
    );
    const dense = Object.fromEntries(
      graph.nodes().map((node) => [node, node.startsWith('a') ? 0 : 1]),
    );
    expect(modularity(graph, renamed)).toBeCloseTo(modularity(graph, dense), 12);
    expect(
      modularity(graph, Object.fromEntries(graph.nodes().map((node) => [node, 0]))),
    ).toBeCloseTo(0, 12);
    const empty = new UndirectedGraph();
    empty.addNode('x');
    expect(modularity(empty, { x: 0 })).toBe(0);
  });

  it('rejects a partition that misses a node', () => {
    const graph = chainOfCliques([2, 2]);
    expect(() => modularity(graph, { a0: 0, a1: 0, b0: 1 })).toThrow(InvalidInputError);
  });
});

describe('normalizedMutualInformation and adjustedRandIndex', () => {
  it('are 1 for identical partitions, whatever the ids', () => {
    const a = labels(500, 6, 1);
    const relabelled = Object.fromEntries(Object.entries(a).map(([node, c]) => [node, 100 - c]));
    expect(normalizedMutualInformation(a, a)).toBeCloseTo(1, 12);
    expect(normalizedMutualInformation(a, relabelled)).toBeCloseTo(1, 12);
    expect(adjustedRandIndex(a, relabelled)).toBeCloseTo(1, 12);
  });

  it('are about 0 for independent partitions', () => {
    const a = labels(4000, 5, 2);
    const b = labels(4000, 5, 3);
    expect(normalizedMutualInformation(a, b)).toBeLessThan(0.01);
    expect(Math.abs(adjustedRandIndex(a, b))).toBeLessThan(0.01);
  });

  it("give scikit-learn's documented values", () => {
    // v_measure_score (= NMI, arithmetic) and adjusted_rand_score of [0,0,1,1] and [0,0,1,2].
    const a = { w: 0, x: 0, y: 1, z: 1 };
    const b = { w: 0, x: 0, y: 1, z: 2 };
    expect(normalizedMutualInformation(a, b)).toBeCloseTo(0.8, 12);
    expect(adjustedRandIndex(a, b)).toBeCloseTo(4 / 7, 12);
  });

  it('handle the degenerate partitions as scikit-learn does', () => {
    const one = { a: 0, b: 0, c: 0 };
    const singletons = { a: 0, b: 1, c: 2 };
    expect(normalizedMutualInformation(one, one)).toBe(1);
    expect(adjustedRandIndex(one, one)).toBe(1);
    expect(normalizedMutualInformation(singletons, singletons)).toBeCloseTo(1, 12);
    expect(adjustedRandIndex(singletons, singletons)).toBe(1);
    expect(normalizedMutualInformation(one, singletons)).toBe(0);
    expect(adjustedRandIndex(one, singletons)).toBe(0);
    expect(normalizedMutualInformation({}, {})).toBe(1);
    expect(adjustedRandIndex({ a: 1 }, { a: 4 })).toBe(1);
  });

  it('reject partitions of different nodes', () => {
    expect(() => normalizedMutualInformation({ a: 0, b: 0 }, { a: 0, c: 0 })).toThrow(
      InvalidInputError,
    );
    expect(() => adjustedRandIndex({ a: 0 }, { a: 0, b: 1 })).toThrow(InvalidInputError);
  });
});

describe('communityConductance and communityDensity', () => {
  const graph = chainOfCliques([5, 4]);
  const partition = Object.fromEntries(
    graph.nodes().map((node) => [node, node.startsWith('a') ? 3 : 8]),
  );

  it('measure how separated each community is', () => {
    // K5: 10 edges, volume 2·10 + 1 = 21; K4: 6 edges, volume 13; one edge between them: 1 / min(21, 13).
    expect(communityConductance(graph, partition)).toEqual({ 3: 1 / 13, 8: 1 / 13 });
    expect(communityDensity(graph, partition)).toEqual({ 3: 1, 8: 1 });
  });

  it('count pairs once whatever the direction, and weigh the cut', () => {
    const directed = new DirectedGraph();
    directed.mergeEdge('a', 'b', { weight: 2 });
    directed.mergeEdge('b', 'a', { weight: 2 });
    directed.mergeEdge('b', 'c', { weight: 1 });
    directed.mergeNode('d');
    const split = { a: 0, b: 0, c: 0, d: 1 };
    expect(communityDensity(directed, split)).toEqual({ 0: 2 / 3, 1: 0 });
    // Community 0 holds every edge: nothing to cut.
    expect(communityConductance(directed, split)).toEqual({ 0: 0, 1: 0 });
    expect(communityConductance(directed, { a: 0, b: 1, c: 1, d: 1 })).toEqual({ 0: 1, 1: 1 });
  });
});
