import { DirectedGraph, MultiDirectedGraph, UndirectedGraph } from 'graphology';
import {
  toInfluenceNetwork,
  toUndirectedView,
} from '../../../src/analyze/influence/influence-network.js';
import { expectInvalid } from './fixtures.js';

/** The arcs of a network as `source>target:weight`, row by row. */
function outArcs(network: ReturnType<typeof toInfluenceNetwork>): string[] {
  const arcs: string[] = [];
  network.keys.forEach((key, i) => {
    for (let k = network.outOffsets[i] as number; k < (network.outOffsets[i + 1] as number); k++) {
      arcs.push(`${key}>${network.keys[network.outTargets[k] as number]}:${network.outWeights[k]}`);
    }
  });
  return arcs.sort();
}

function inArcs(network: ReturnType<typeof toInfluenceNetwork>): string[] {
  const arcs: string[] = [];
  network.keys.forEach((key, i) => {
    for (let k = network.inOffsets[i] as number; k < (network.inOffsets[i + 1] as number); k++) {
      arcs.push(`${network.keys[network.inSources[k] as number]}>${key}:${network.inWeights[k]}`);
    }
  });
  return arcs.sort();
}

describe('toInfluenceNetwork', () => {
  it('keeps directed edges and self-loops, and leaves out edges of weight 0', () => {
    const graph = new DirectedGraph();
    graph.mergeEdge('a', 'b', { weight: 2 });
    graph.mergeEdge('b', 'a', { weight: 1 });
    graph.mergeEdge('a', 'a', { weight: 4 });
    graph.mergeEdge('c', 'a', { weight: 0 });
    graph.mergeEdge('c', 'b');
    const network = toInfluenceNetwork(graph, 'weight');
    expect(network.keys).toEqual(['a', 'b', 'c']);
    expect(network.index.get('c')).toBe(2);
    expect(outArcs(network)).toEqual(['a>a:4', 'a>b:2', 'b>a:1', 'c>b:1']);
    expect(inArcs(network)).toEqual(outArcs(network));
    expect(network.zeroWeightEdges).toBe(1);
  });

  it('lists each in-row by increasing source', () => {
    const graph = new DirectedGraph();
    for (const key of ['t', 'x', 'y', 'z']) graph.addNode(key);
    graph.addEdge('z', 't');
    graph.addEdge('x', 't');
    graph.addEdge('y', 't');
    const network = toInfluenceNetwork(graph, null);
    expect([...network.inSources]).toEqual([1, 2, 3]);
  });

  it('counts an undirected edge both ways and an undirected self-loop once', () => {
    const graph = new UndirectedGraph();
    graph.mergeEdge('a', 'b', { weight: 3 });
    graph.mergeEdge('b', 'b', { weight: 5 });
    expect(outArcs(toInfluenceNetwork(graph, 'weight'))).toEqual(['a>b:3', 'b>a:3', 'b>b:5']);
  });

  it('merges parallel edges into one arc weighing their sum', () => {
    const graph = new MultiDirectedGraph();
    graph.mergeEdge('a', 'b', { weight: 1 });
    graph.addEdge('a', 'b', { weight: 2.5 });
    graph.addEdge('b', 'a', { weight: 1 });
    const network = toInfluenceNetwork(graph, 'weight');
    expect(outArcs(network)).toEqual(['a>b:3.5', 'b>a:1']);
    expect(inArcs(network)).toEqual(['a>b:3.5', 'b>a:1']);
  });

  it('reads weights through a function, or as 1 with null or when missing', () => {
    const graph = new DirectedGraph();
    graph.mergeEdge('a', 'b', { weight: 2, count: 7 });
    graph.mergeEdge('b', 'c');
    expect(outArcs(toInfluenceNetwork(graph, null))).toEqual(['a>b:1', 'b>c:1']);
    expect(outArcs(toInfluenceNetwork(graph, 'weight'))).toEqual(['a>b:2', 'b>c:1']);
    expect(
      outArcs(toInfluenceNetwork(graph, (_edge, attributes) => (attributes.count ?? 0) as number)),
    ).toEqual(['a>b:7']);
  });

  it('rejects negative and non-finite weights', () => {
    const graph = new DirectedGraph();
    graph.mergeEdge('a', 'b', { weight: -1 });
    expectInvalid(() => toInfluenceNetwork(graph, 'weight'), 'weight');
    graph.setEdgeAttribute('a', 'b', 'weight', Number.NaN);
    expectInvalid(() => toInfluenceNetwork(graph, 'weight'), 'weight');
  });
});

describe('toUndirectedView', () => {
  it('joins both directions into one neighbour and drops self-loops', () => {
    const graph = new DirectedGraph();
    graph.mergeEdge('a', 'b', { weight: 2 });
    graph.mergeEdge('b', 'a', { weight: 1 });
    graph.mergeEdge('c', 'a', { weight: 4 });
    graph.mergeEdge('c', 'c', { weight: 9 });
    const network = toInfluenceNetwork(graph, 'weight');
    const view = toUndirectedView(network);
    const rows = network.keys.map((key, i) => {
      const entries: string[] = [];
      for (let k = view.offsets[i] as number; k < (view.offsets[i + 1] as number); k++) {
        entries.push(`${network.keys[view.neighbors[k] as number]}:${view.weights[k]}`);
      }
      return `${key} ${entries.sort().join(' ')}`;
    });
    expect(rows).toEqual(['a b:3 c:4', 'b a:3', 'c a:4']);
  });
});
