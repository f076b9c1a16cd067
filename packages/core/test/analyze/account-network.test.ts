import { MultiGraph } from 'graphology';
import {
  graphOfNetwork,
  isUndirectedEdge,
  networkOfGraph,
} from '../../src/analyze/account-network.js';
import { TYPE_CODES } from '../../src/build/aggregate-edges.js';
import { typeCode } from '../../src/load/edge-table.js';

function mixedGraph(): MultiGraph {
  const graph = new MultiGraph();
  graph.addNode('a', { name: 'A' });
  graph.addNode('b');
  graph.addNode('c');
  graph.addDirectedEdge('a', 'b', { weight: 2, count: 3, repost: 2, mention: 1 });
  graph.addUndirectedEdge('b', 'c', { weight: 0.5 });
  graph.addDirectedEdge('a', 'b', { like: 4 });
  return graph;
}

describe('networkOfGraph', () => {
  it('keeps nodes, edges, directions, weights and counts in graph order', () => {
    const network = networkOfGraph(mixedGraph());
    expect(network.keys).toEqual(['a', 'b', 'c']);
    expect(network.index.get('c')).toBe(2);
    expect(network.nodes[0]).toEqual({ name: 'A' });
    expect(network.type).toBe('mixed');
    expect(network.multi).toBe(true);
    expect([...network.source]).toEqual([0, 1, 0]);
    expect([...network.target]).toEqual([1, 2, 1]);
    expect([...network.weight]).toEqual([2, 0.5, 1]);
    expect([0, 1, 2].map((e) => isUndirectedEdge(network, e))).toEqual([false, true, false]);
    expect([...Array.from(network.count)]).toEqual([3, 0, 0]);
    expect(network.typeCounts[typeCode('repost')]).toBe(2);
    expect(network.typeCounts[TYPE_CODES * 2 + typeCode('like')]).toBe(4);
    expect(network.edgeAttributes(1)).toEqual({ weight: 0.5 });
  });

  it('reads weights as getEdgeWeight says and refuses negative ones', () => {
    expect([...networkOfGraph(mixedGraph(), null).weight]).toEqual([1, 1, 1]);
    const negative = mixedGraph();
    negative.setEdgeAttribute(negative.edges()[0] as string, 'weight', -1);
    expect(() => networkOfGraph(negative)).toThrow(
      expect.objectContaining({ problems: [expect.objectContaining({ field: 'weight' })] }),
    );
  });
});

describe('graphOfNetwork', () => {
  it('gives back the graph a network was read from, edges keyed by rank', () => {
    const graph = mixedGraph();
    const copy = graphOfNetwork(networkOfGraph(graph));
    expect(copy.type).toBe('mixed');
    expect(copy.nodes()).toEqual(graph.nodes());
    expect(copy.edges()).toEqual(['0', '1', '2']);
    expect(copy.isUndirected('1')).toBe(true);
    expect(copy.getEdgeAttributes('2')).toEqual({ like: 4 });
    expect(copy.getNodeAttributes('a')).toEqual({ name: 'A' });
  });

  it('writes the node attributes it is given', () => {
    const network = networkOfGraph(mixedGraph());
    const copy = graphOfNetwork(network, (node) => ({ rank: node + 1 }));
    expect(copy.getNodeAttribute('c', 'rank')).toBe(3);
  });
});
