import { DirectedGraph } from 'graphology';
import { assignNodeSizes, computeNodeSizes } from '../../../src/analyze/layout/node-sizes.js';

describe('node sizes', () => {
  it('are logarithmic between the smallest and largest values, the rest smallest', () => {
    const sizes = computeNodeSizes(Float64Array.from([1, 10, 100, Number.NaN, 0, -1]));
    expect([...sizes]).toEqual([2, 9, 16, 2, 2, 2].map((size) => expect.closeTo(size, 9)));
  });

  it('keep a narrow range of values small (at least minRange spans the scale)', () => {
    const sizes = computeNodeSizes(Float64Array.from([1, 2]), { minSize: 1, maxSize: 11 });
    expect(sizes[1]).toBeCloseTo(1 + (10 * Math.log(2)) / Math.log(100), 9);
    expect([...computeNodeSizes(new Float64Array(0))]).toEqual([]);
  });

  it('are written from pagerank, but not over sizes the map already has', () => {
    const graph = new DirectedGraph();
    graph.addNode('a', { pagerank: 0.01 });
    graph.addNode('b', { pagerank: 1 });
    graph.addNode('c');
    assignNodeSizes(graph);
    expect(graph.getNodeAttribute('a', 'size')).toBe(2);
    expect(graph.getNodeAttribute('b', 'size')).toBe(16);
    expect(graph.getNodeAttribute('c', 'size')).toBe(2);
    graph.setNodeAttribute('b', 'size', 40);
    assignNodeSizes(graph, { getNodeValue: 'missing' });
    expect(graph.getNodeAttribute('b', 'size')).toBe(40);
  });
});
