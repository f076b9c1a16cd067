import { DirectedGraph, UndirectedGraph } from 'graphology';
import { computeHits } from '../../../src/analyze/influence/hits.js';
import { describeWithSharedData } from '../../shared-data.js';
import {
  expectInvalid,
  maxDifference,
  readReference,
  sharedGraph,
  type Values,
} from './fixtures.js';

describe('computeHits', () => {
  it('makes curators hubs and their common sources authorities', () => {
    const graph = new DirectedGraph();
    for (const curator of ['c1', 'c2', 'c3']) {
      graph.mergeEdge(curator, 'source');
      graph.mergeEdge(curator, 'minor');
    }
    graph.mergeEdge('c1', 'source', { weight: 3 });
    const { hubs, authorities, converged } = computeHits(graph);
    expect(converged).toBe(true);
    const sum = (values: Record<string, number>) => Object.values(values).reduce((a, b) => a + b);
    expect(sum(hubs)).toBeCloseTo(1, 12);
    expect(sum(authorities)).toBeCloseTo(1, 12);
    expect(authorities.source).toBeGreaterThan(authorities.minor as number);
    expect(authorities.c1).toBe(0);
    expect(hubs.c1).toBeGreaterThan(hubs.c2 as number);
    expect(hubs.c2).toBeCloseTo(hubs.c3 as number, 14);
    expect(hubs.source).toBe(0);
  });

  it('gives hubs = authorities on an undirected graph', () => {
    const graph = new UndirectedGraph();
    for (const [s, t] of ['ab', 'bc', 'cd', 'bd']) graph.mergeEdge(s as string, t as string);
    const { hubs, authorities } = computeHits(graph);
    for (const key of graph.nodes()) expect(hubs[key]).toBeCloseTo(authorities[key] as number, 10);
  });

  it('gives 0 everywhere without edges, and nothing for an empty graph', () => {
    const graph = new DirectedGraph();
    graph.addNode('a');
    expect(computeHits(graph)).toMatchObject({ hubs: { a: 0 }, authorities: { a: 0 } });
    expect(computeHits(new DirectedGraph())).toMatchObject({ hubs: {}, converged: true });
  });

  it('reports converged: false when maxIterations runs out, and rejects bad options', () => {
    const graph = new DirectedGraph();
    for (const [s, t] of ['ab', 'bc', 'ca', 'ac']) graph.mergeEdge(s as string, t as string);
    expect(computeHits(graph, { maxIterations: 1 })).toMatchObject({
      iterations: 1,
      converged: false,
    });
    expectInvalid(() => computeHits(graph, { tolerance: -1 }), 'tolerance');
    expectInvalid(() => computeHits(graph, { maxIterations: 0 }), 'maxIterations');
  });
});

describeWithSharedData('computeHits against networkx', () => {
  it('Congress (weighted, directed): hubs and authorities within 1e-6', async () => {
    const graph = await sharedGraph('congress_twitter_117/congress.edgelist');
    // nx.hits(G, tol=0) (ARPACK to machine precision), weighted by 'weight' as networkx does.
    const reference = readReference('congress.tsv');
    const { hubs, authorities, converged } = computeHits(graph);
    expect(converged).toBe(true);
    expect(maxDifference(hubs, reference.hubs as Values)).toBeLessThan(1e-8);
    expect(maxDifference(authorities, reference.authorities as Values)).toBeLessThan(1e-8);
  });
});
