import { DirectedGraph, MultiDirectedGraph, MultiGraph, UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import {
  assignCommunities,
  type CommunityResult,
  detectCommunities,
} from '../../../src/analyze/communities/detect-communities.js';
import { modularity } from '../../../src/analyze/communities/quality.js';
import { createRng } from '../../../src/analyze/random.js';
import { InvalidInputError } from '../../../src/errors.js';
import { chainOfCliques, communitiesAreConnected, karateClub, plantedGraph } from './graphs.js';

const louvain = louvainModule as unknown as typeof louvainModule.default;
const ALGORITHMS = ['leiden', 'louvain'] as const;
const seeds = (count: number) => Array.from({ length: count }, (_, i) => i + 1);

function communitiesOf(result: CommunityResult): string[][] {
  const groups: string[][] = Array.from({ length: result.count }, () => []);
  for (const [node, community] of Object.entries(result.partition)) groups[community]?.push(node);
  return groups.map((group) => group.sort());
}

function expectInvalid(run: () => unknown, field: string): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).code).toBe('INVALID_INPUT');
    expect((error as InvalidInputError).problems[0]?.field).toBe(field);
    return;
  }
  throw new Error('expected an InvalidInputError');
}

describe('detectCommunities on the karate club', () => {
  const graph = karateClub();

  it.each(ALGORITHMS)('%s reaches Q >= 0.4188 for some seed among 10', (algorithm) => {
    const best = Math.max(
      ...seeds(10).map((seed) => detectCommunities(graph, { algorithm, seed }).modularity),
    );
    expect(best).toBeGreaterThanOrEqual(0.4188);
  });

  it('Leiden finds the optimum Q = 0.4198 (Brandes et al. 2008) over 20 seeds', () => {
    const results = seeds(20).map((seed) =>
      detectCommunities(graph, { algorithm: 'leiden', seed }),
    );
    const best = Math.max(...results.map((result) => result.modularity));
    expect(best).toBeCloseTo(0.4198, 4);
    expect(results.find((result) => result.modularity === best)?.count).toBe(4);
  });

  it('reports the modularity graphology computes for the same partition', () => {
    const detailed = louvain.detailed(graph, { rng: createRng(3) });
    const ours = detectCommunities(graph, { algorithm: 'louvain', seed: 3 });
    expect(ours.modularity).toBeCloseTo(detailed.modularity, 12);
    expect(modularity(graph, ours.partition)).toBeCloseTo(ours.modularity, 12);
  });

  it('numbers communities by decreasing size and records its parameters', () => {
    const result = detectCommunities(graph, { seed: 7, resolution: 1.2 });
    const sizes = communitiesOf(result).map((group) => group.length);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(result).toMatchObject({
      algorithm: 'leiden',
      direction: 'undirected',
      resolution: 1.2,
      seed: 7,
    });
  });

  it.each(ALGORITHMS)(
    '%s levels are nested, finest first, ending with the partition',
    (algorithm) => {
      const result = detectCommunities(graph, { algorithm, seed: 5 });
      expect(result.levels.at(-1)).toEqual(result.partition);
      for (let l = 1; l < result.levels.length; l++) {
        const finer = result.levels[l - 1] as Record<string, number>;
        const coarser = result.levels[l] as Record<string, number>;
        const parent = new Map<number, number>();
        for (const node of graph.nodes()) {
          const known = parent.get(finer[node] as number);
          if (known === undefined) parent.set(finer[node] as number, coarser[node] as number);
          else expect(coarser[node]).toBe(known);
        }
        expect(parent.size).toBeGreaterThan(new Set(Object.values(coarser)).size);
      }
    },
  );

  it.each(ALGORITHMS)('%s gives the same result for the same seed', (algorithm) => {
    expect(detectCommunities(graph, { algorithm, seed: 11 })).toEqual(
      detectCommunities(graph, { algorithm, seed: 11 }),
    );
  });
});

describe('detectCommunities on small graphs', () => {
  it.each(ALGORITHMS)('%s splits two cliques joined by an edge', (algorithm) => {
    const result = detectCommunities(chainOfCliques([5, 5]), { algorithm });
    expect(communitiesOf(result)).toEqual([
      ['a0', 'a1', 'a2', 'a3', 'a4'],
      ['b0', 'b1', 'b2', 'b3', 'b4'],
    ]);
    // Equal sizes: the community holding the smallest key comes first.
    expect(result.partition.a0).toBe(0);
  });

  it('puts the larger community first', () => {
    const result = detectCommunities(chainOfCliques([4, 6]));
    expect(result.partition.b0).toBe(0);
    expect(result.partition.a0).toBe(1);
  });

  it.each(ALGORITHMS)('%s handles an empty graph', (algorithm) => {
    expect(detectCommunities(new UndirectedGraph(), { algorithm })).toMatchObject({
      partition: {},
      count: 0,
      modularity: 0,
    });
  });

  it.each(ALGORITHMS)('%s handles a single node and a graph without edges', (algorithm) => {
    const single = new DirectedGraph();
    single.addNode('only');
    expect(detectCommunities(single, { algorithm })).toMatchObject({
      partition: { only: 0 },
      count: 1,
      modularity: 0,
    });
    const lonely = new UndirectedGraph();
    for (const key of ['c', 'a', 'b']) lonely.addNode(key);
    const result = detectCommunities(lonely, { algorithm });
    expect(result).toMatchObject({ partition: { a: 0, b: 1, c: 2 }, count: 3, modularity: 0 });
    expect(result.levels).toEqual([result.partition]);
  });

  it.each(ALGORITHMS)('%s keeps the components of a disconnected graph apart', (algorithm) => {
    const graph = chainOfCliques([4, 4]);
    graph.dropEdge('a0', 'b0');
    graph.addNode('alone');
    const result = detectCommunities(graph, { algorithm });
    expect(communitiesOf(result)).toEqual([
      ['a0', 'a1', 'a2', 'a3'],
      ['b0', 'b1', 'b2', 'b3'],
      ['alone'],
    ]);
  });

  it.each(ALGORITHMS)(
    '%s counts self-loops in modularity (networkx reference values)',
    (algorithm) => {
      // a–b and c with a self-loop: Q({a,b},{c}) = 2 × (1/2 − (2/4)²) = 0.5, in both flavours.
      for (const graph of [new UndirectedGraph(), new DirectedGraph()]) {
        graph.mergeEdge('a', 'b');
        graph.mergeEdge('c', 'c');
        const result = detectCommunities(graph, { algorithm });
        expect(communitiesOf(result)).toEqual([['a', 'b'], ['c']]);
        expect(result.modularity).toBeCloseTo(0.5, 12);
      }
    },
  );

  it.each(ALGORITHMS)('%s ignores edges of weight 0', (algorithm) => {
    const graph = chainOfCliques([4, 4]);
    graph.addNode('ghost');
    graph.addEdge('ghost', 'a1', { weight: 0 });
    graph.addEdge('a2', 'b2', { weight: 0 });
    const result = detectCommunities(graph, { algorithm });
    const plain = chainOfCliques([4, 4]);
    plain.addNode('ghost');
    const reference = detectCommunities(plain, { algorithm });
    expect(result.partition).toEqual(reference.partition);
    expect(result.modularity).toBeCloseTo(reference.modularity, 12);
    expect(communitiesOf(result)).toContainEqual(['ghost']);
  });

  it.each(ALGORITHMS)('%s rejects a negative weight, naming the edge', (algorithm) => {
    const graph = chainOfCliques([3, 3]);
    graph.addEdgeWithKey('bad', 'a1', 'b1', { weight: -2 });
    expectInvalid(() => detectCommunities(graph, { algorithm }), 'weight');
    expect(() => detectCommunities(graph, { algorithm })).toThrow(/"bad"/);
    graph.setEdgeAttribute('bad', 'weight', Number.NaN);
    expectInvalid(() => detectCommunities(graph, { algorithm }), 'weight');
  });

  it('reads weights through getEdgeWeight, or ignores them with null', () => {
    const graph = new UndirectedGraph();
    // A square whose heavy sides pair a–b and c–d.
    graph.mergeEdge('a', 'b', { strength: 10 });
    graph.mergeEdge('b', 'c', { strength: 1 });
    graph.mergeEdge('c', 'd', { strength: 10 });
    graph.mergeEdge('d', 'a', { strength: 1 });
    const weighted = detectCommunities(graph, { getEdgeWeight: 'strength' });
    expect(communitiesOf(weighted)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    const byFunction = detectCommunities(graph, {
      getEdgeWeight: (_edge, attributes) => attributes.strength as number,
    });
    expect(byFunction.partition).toEqual(weighted.partition);
    expect(detectCommunities(graph, { getEdgeWeight: null }).modularity).toBeLessThan(
      weighted.modularity,
    );
  });

  it.each(ALGORITHMS)('%s sums parallel edges of a multigraph', (algorithm) => {
    const multi = new MultiDirectedGraph();
    const simple = new DirectedGraph();
    const rng = createRng(1);
    for (let e = 0; e < 120; e++) {
      const s = `n${Math.floor(rng() * 30)}`;
      const t = `n${Math.floor(rng() * 30)}`;
      if (s === t) continue;
      multi.mergeNode(s);
      multi.mergeNode(t);
      multi.addEdge(s, t, { weight: 1 });
      simple.mergeNode(s);
      simple.mergeNode(t);
      simple.updateEdge(s, t, (attributes) => ({
        weight: ((attributes.weight as number) ?? 0) + 1,
      }));
    }
    const fromMulti = detectCommunities(multi, { algorithm, seed: 3 });
    const fromSimple = detectCommunities(simple, { algorithm, seed: 3 });
    expect(fromMulti.modularity).toBeCloseTo(fromSimple.modularity, 12);
    expect(fromMulti.partition).toEqual(fromSimple.partition);
  });

  it('rejects bad options, naming them', () => {
    const graph = chainOfCliques([3, 3]);
    expectInvalid(() => detectCommunities(graph, { resolution: -1 }), 'resolution');
    expectInvalid(() => detectCommunities(graph, { seed: 1.5 }), 'seed');
    expectInvalid(() => detectCommunities(graph, { randomness: 0 }), 'randomness');
    expectInvalid(() => detectCommunities(graph, { maxIterations: 0 }), 'maxIterations');
    expectInvalid(() => detectCommunities(graph, { maxWork: 0 }), 'maxWork');
    expectInvalid(
      () => detectCommunities(graph, { algorithm: 'infomap' as unknown as 'leiden' }),
      'algorithm',
    );
    expectInvalid(
      () => detectCommunities(graph, { direction: 'both' as unknown as 'directed' }),
      'direction',
    );
  });
});

describe('detectCommunities direction', () => {
  const graph = plantedGraph(4, 200, 4, 4, 0.2);

  it('uses the graph type by default', () => {
    expect(detectCommunities(graph).direction).toBe('directed');
    expect(detectCommunities(karateClub()).direction).toBe('undirected');
  });

  it.each(ALGORITHMS)(
    '%s runs on a mixed graph, an undirected edge counting as two half arcs',
    (algorithm) => {
      const mixed = new MultiGraph();
      const directed = new DirectedGraph();
      for (const [s, t] of [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
        ['d', 'e'],
        ['e', 'f'],
        ['f', 'd'],
      ]) {
        mixed.mergeNode(s as string);
        mixed.mergeNode(t as string);
        mixed.addUndirectedEdge(s as string, t as string, { weight: 2 });
        directed.mergeEdge(s as string, t as string, { weight: 1 });
        directed.mergeEdge(t as string, s as string, { weight: 1 });
      }
      mixed.addDirectedEdge('c', 'd', { weight: 1 });
      directed.mergeEdge('c', 'd', { weight: 1 });
      const result = detectCommunities(mixed, { algorithm });
      expect(result.direction).toBe('directed');
      expect(communitiesOf(result)).toEqual([
        ['a', 'b', 'c'],
        ['d', 'e', 'f'],
      ]);
      expect(result.modularity).toBeCloseTo(
        detectCommunities(directed, { algorithm }).modularity,
        12,
      );
    },
  );

  it.each(ALGORITHMS)('%s: undirected equals running on the symmetrised graph', (algorithm) => {
    const symmetric = new UndirectedGraph();
    graph.forEachNode((node) => symmetric.addNode(node));
    graph.forEachEdge((_edge, attributes, source, target) =>
      symmetric.updateEdge(source, target, (current) => ({
        weight: ((current.weight as number) ?? 0) + (attributes.weight as number),
      })),
    );
    const direct = detectCommunities(graph, { algorithm, direction: 'undirected', seed: 9 });
    const reference = detectCommunities(symmetric, { algorithm, seed: 9 });
    expect(direct.modularity).toBeCloseTo(reference.modularity, 12);
    expect(direct.partition).toEqual(reference.partition);
  });

  it.each(ALGORITHMS)('%s: directed modularity is what it reports', (algorithm) => {
    const result = detectCommunities(graph, { algorithm, direction: 'directed', seed: 2 });
    expect(modularity(graph, result.partition, { directed: true })).toBeCloseTo(
      result.modularity,
      12,
    );
    expect(result.modularity).toBeGreaterThan(0.3);
  });

  it('Leiden and Louvain agree with graphology on directed modularity', () => {
    const detailed = louvain.detailed(graph, { rng: createRng(5) });
    expect(modularity(graph, detailed.communities, { directed: true })).toBeCloseTo(
      detailed.modularity,
      12,
    );
    const leiden = detectCommunities(graph, { algorithm: 'leiden', seed: 5 });
    expect(leiden.modularity).toBeGreaterThanOrEqual(detailed.modularity - 0.01);
    expect(communitiesAreConnected(graph, leiden.partition)).toBe(true);
  });
});

describe('assignCommunities', () => {
  it('writes the community of each node to the named attribute and returns the result', () => {
    const graph = chainOfCliques([3, 3]);
    const result = assignCommunities(graph, { nodeCommunityAttribute: 'group' });
    for (const node of graph.nodes()) {
      expect(graph.getNodeAttribute(node, 'group')).toBe(result.partition[node]);
    }
    assignCommunities(graph);
    expect(graph.getNodeAttribute('a0', 'community')).toBe(0);
  });
});
