import { DirectedGraph, UndirectedGraph } from 'graphology';
import {
  computePageRank,
  DEFAULT_PAGERANK_OPTIONS,
} from '../../../src/analyze/influence/pagerank.js';
import { describeWithSharedData } from '../../shared-data.js';
import {
  expectInvalid,
  maxDifference,
  readReference,
  sharedGraph,
  type Values,
} from './fixtures.js';

const sum = (values: Record<string, number>) => Object.values(values).reduce((a, b) => a + b, 0);

describe('computePageRank', () => {
  it('spreads the rank of a dangling node uniformly (a → b: 20/57 and 37/57)', () => {
    const graph = new DirectedGraph();
    graph.mergeEdge('a', 'b');
    const { scores, converged } = computePageRank(graph);
    expect(converged).toBe(true);
    expect(scores.a).toBeCloseTo(20 / 57, 12);
    expect(scores.b).toBeCloseTo(37 / 57, 12);
  });

  it('ranks receivers: weight and in-links raise a node', () => {
    const graph = new DirectedGraph();
    graph.mergeEdge('a', 'hub', { weight: 3 });
    graph.mergeEdge('a', 'b', { weight: 1 });
    graph.mergeEdge('b', 'hub', { weight: 1 });
    graph.mergeEdge('hub', 'a', { weight: 1 });
    const { scores } = computePageRank(graph);
    expect(sum(scores)).toBeCloseTo(1, 12);
    expect(scores.hub).toBeGreaterThan(scores.a as number);
    expect(scores.a).toBeGreaterThan(scores.b as number);
    const unweighted = computePageRank(graph, { getEdgeWeight: null }).scores;
    expect(unweighted.b).toBeGreaterThan(scores.b as number);
  });

  it('gives every node of a cycle or an undirected regular graph the same rank', () => {
    const cycle = new UndirectedGraph();
    for (const [s, t] of ['ab', 'bc', 'cd', 'da']) cycle.mergeEdge(s as string, t as string);
    for (const value of Object.values(computePageRank(cycle).scores)) {
      expect(value).toBeCloseTo(0.25, 14);
    }
  });

  it('sends the jumps to the seeds when personalised, ignoring keys that are not nodes', () => {
    const graph = new DirectedGraph();
    for (const [s, t] of ['ab', 'bc', 'ca', 'cd']) graph.mergeEdge(s as string, t as string);
    const uniform = computePageRank(graph).scores;
    const seeded = computePageRank(graph, { personalization: { d: 1, nobody: 3 } }).scores;
    expect(sum(seeded)).toBeCloseTo(1, 12);
    expect(seeded.d).toBeGreaterThan(uniform.d as number);
    expect(computePageRank(graph, { personalization: { d: 2, nobody: 1 } }).scores).toEqual(seeded);
  });

  it('returns the last iterate with converged: false when maxIterations runs out', () => {
    const graph = new DirectedGraph();
    for (const [s, t] of ['ab', 'bc', 'cd']) graph.mergeEdge(s as string, t as string);
    const run = computePageRank(graph, { maxIterations: 2 });
    expect(run).toMatchObject({ iterations: 2, converged: false });
    expect(run.change).toBeGreaterThan(4 * DEFAULT_PAGERANK_OPTIONS.tolerance);
  });

  it('leaves self-loops out with selfLoops: false, as the rank of the graph without them', () => {
    const withLoops = new DirectedGraph();
    for (const [s, t, weight] of [
      ['a', 'b', 1],
      ['b', 'c', 2],
      ['c', 'a', 1],
      ['a', 'a', 5],
      ['d', 'd', 3],
      ['d', 'b', 1],
      ['e', 'e', 1],
    ] as const) {
      withLoops.mergeEdge(s, t, { weight });
    }
    const withoutLoops = withLoops.copy();
    withoutLoops.forEachEdge((edge, _attributes, source, target) => {
      if (source === target) withoutLoops.dropEdge(edge);
    });
    const kept = computePageRank(withLoops).scores;
    const left = computePageRank(withLoops, { selfLoops: false }).scores;
    const reference = computePageRank(withoutLoops).scores;
    for (const node of withLoops.nodes()) {
      expect(left[node]).toBeCloseTo(reference[node] as number, 12);
    }
    // e only points at itself: with its loop it keeps its own rank, without it is dangling.
    expect(kept.e).toBeGreaterThan(left.e as number);
    expect(left.e).toBeCloseTo(Math.min(...Object.values(left)), 12);
    expect(computePageRank(withLoops, { selfLoops: true }).scores).toEqual(kept);
  });

  it('returns nothing for an empty graph', () => {
    expect(computePageRank(new DirectedGraph())).toEqual({
      scores: {},
      iterations: 0,
      converged: true,
      change: 0,
    });
  });

  it('throws InvalidInputError naming a bad option', () => {
    const graph = new DirectedGraph();
    graph.mergeEdge('a', 'b');
    expectInvalid(() => computePageRank(graph, { alpha: 1 }), 'alpha');
    expectInvalid(() => computePageRank(graph, { tolerance: 0 }), 'tolerance');
    expectInvalid(() => computePageRank(graph, { maxIterations: 1.5 }), 'maxIterations');
    expectInvalid(
      () => computePageRank(graph, { personalization: { a: -1 } }),
      'personalization.a',
    );
    expectInvalid(() => computePageRank(graph, { personalization: { x: 1 } }), 'personalization');
    expectInvalid(() => computePageRank(graph, { personalization: { a: 0 } }), 'personalization');
    expectInvalid(
      () => computePageRank(graph, { selfLoops: 'no' as unknown as boolean }),
      'selfLoops',
    );
  });
});

describeWithSharedData('computePageRank against networkx run to convergence', () => {
  // nx.pagerank(G, alpha=0.85, tol=1e-12, max_iter=10000, weight='weight'), kolmap's defaults.
  it('karate club (undirected: each edge both ways)', async () => {
    const graph = await sharedGraph('karate/karate_newman.gml');
    const reference = readReference('karate.tsv');
    expect(maxDifference(computePageRank(graph).scores, reference.pagerank as Values)).toBeLessThan(
      1e-8,
    );
  });

  describe('Congress (weighted, directed)', () => {
    const reference = readReference('congress.tsv');

    it('by default', async () => {
      const graph = await sharedGraph('congress_twitter_117/congress.edgelist');
      const { scores } = computePageRank(graph);
      expect(maxDifference(scores, reference.pagerank as Values)).toBeLessThan(1e-8);
    });

    it('personalised', async () => {
      const graph = await sharedGraph('congress_twitter_117/congress.edgelist');
      const personalization = { 'other:0': 1, 'other:4': 2, 'other:12': 1, absent: 5 };
      const { scores } = computePageRank(graph, { personalization });
      expect(maxDifference(scores, reference.pagerankPersonalized as Values)).toBeLessThan(1e-8);
    });

    it("reproduces networkx's own default (tol 1e-6) with tolerance 1e-6", async () => {
      const graph = await sharedGraph('congress_twitter_117/congress.edgelist');
      const { scores } = computePageRank(graph, { tolerance: 1e-6 });
      expect(maxDifference(scores, reference.pagerankNetworkxDefault as Values)).toBeLessThan(
        1e-12,
      );
    });
  });

  it('Higgs reply layer (weighted, directed, self-loops kept)', async () => {
    const graph = await sharedGraph('higgs_twitter/higgs-reply_network.edgelist.gz');
    expect(graph.selfLoopCount).toBe(343);
    const reference = readReference('higgs-reply.tsv.gz');
    const run = computePageRank(graph);
    expect(run.converged).toBe(true);
    expect(maxDifference(run.scores, reference.pagerank as Values)).toBeLessThan(1e-6);
    // networkx's default tolerance is 2.4e-3 away on this layer.
    const early = computePageRank(graph, { tolerance: 1e-6 }).scores;
    expect(maxDifference(early, reference.pagerank as Values)).toBeGreaterThan(2e-3);
  });
});
