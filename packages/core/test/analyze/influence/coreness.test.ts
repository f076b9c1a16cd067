import { DirectedGraph } from 'graphology';
import { computeCoreness } from '../../../src/analyze/influence/coreness.js';
import { describeWithSharedData } from '../../shared-data.js';
import { readReference, sharedGraph } from './fixtures.js';

describe('computeCoreness', () => {
  it('peels the undirected view: directions, reciprocal pairs and self-loops do not add up', () => {
    const graph = new DirectedGraph();
    // A 4-clique a, b, c, d (some pairs both ways), a triangle d, e, f hanging on d, a pendant g.
    for (const [s, t] of ['ab', 'ba', 'ac', 'ad', 'bc', 'db', 'cd', 'dc', 'de', 'ef', 'fd', 'fg']) {
      graph.mergeEdge(s as string, t as string);
    }
    graph.mergeEdge('g', 'g');
    graph.addNode('alone');
    expect(computeCoreness(graph)).toEqual({ a: 3, b: 3, c: 3, d: 3, e: 2, f: 2, g: 1, alone: 0 });
  });

  it('leaves out edges of weight 0', () => {
    const graph = new DirectedGraph();
    graph.mergeEdge('a', 'b', { weight: 0 });
    expect(computeCoreness(graph)).toEqual({ a: 0, b: 0 });
    expect(computeCoreness(graph, { getEdgeWeight: null })).toEqual({ a: 1, b: 1 });
  });
});

describeWithSharedData('computeCoreness against networkx', () => {
  it('Higgs reply layer: core_number of the undirected view without self-loops', async () => {
    const graph = await sharedGraph('higgs_twitter/higgs-reply_network.edgelist.gz');
    const reference = readReference('higgs-reply.tsv.gz').coreness as Record<string, number>;
    const coreness = computeCoreness(graph);
    const expected = Object.fromEntries(
      Object.entries(reference).map(([id, core]) => [`other:${id}`, core]),
    );
    expect(Object.keys(expected)).toHaveLength(38_918);
    expect(coreness).toEqual(expected);
  });
});
