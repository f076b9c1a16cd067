import { DirectedGraph, UndirectedGraph } from 'graphology';
import { computeStrengths } from '../../../src/analyze/influence/strengths.js';
import { expectInvalid } from './fixtures.js';

describe('computeStrengths', () => {
  const graph = new DirectedGraph();
  graph.mergeEdge('a', 'b', { weight: 2 });
  graph.mergeEdge('c', 'b', { weight: 3 });
  graph.mergeEdge('b', 'a', { weight: 1 });
  graph.mergeEdge('b', 'b', { weight: 10 });
  graph.mergeEdge('d', 'b', { weight: 0 });

  it('sums weights received and given, and counts distinct neighbours, self-loops left out', () => {
    expect(computeStrengths(graph)).toEqual({
      inStrength: { a: 1, b: 5, c: 0, d: 0 },
      outStrength: { a: 2, b: 1, c: 3, d: 0 },
      reach: { a: 1, b: 2, c: 0, d: 0 },
      outDegree: { a: 1, b: 1, c: 1, d: 0 },
    });
  });

  it('counts every edge as 1 with getEdgeWeight null (weight-0 edges included then)', () => {
    const { inStrength, reach } = computeStrengths(graph, { getEdgeWeight: null });
    expect(inStrength).toEqual({ a: 1, b: 3, c: 0, d: 0 });
    expect(reach).toEqual(inStrength);
  });

  it('counts an undirected edge both ways', () => {
    const undirected = new UndirectedGraph();
    undirected.mergeEdge('a', 'b', { weight: 2 });
    const { inStrength, outStrength, reach } = computeStrengths(undirected);
    expect(inStrength).toEqual({ a: 2, b: 2 });
    expect(outStrength).toEqual({ a: 2, b: 2 });
    expect(reach).toEqual({ a: 1, b: 1 });
  });

  it('rejects a bad getEdgeWeight', () => {
    expectInvalid(
      () => computeStrengths(graph, { getEdgeWeight: 3 as unknown as string }),
      'getEdgeWeight',
    );
  });
});
