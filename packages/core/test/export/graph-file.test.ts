import { DirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { toGexf } from '../../src/export/graph-file.js';

function laidOutMap(): DirectedGraph {
  const graph = new DirectedGraph();
  graph.addNode('x:hub', {
    name: 'Dr Hub',
    x: 1.5,
    y: -2.25,
    size: 12,
    kolScore: 0.9,
    topics: ['oncology', 'trials'],
  });
  graph.addNode('x:fan', { handle: '@fan', x: 0, y: 3 });
  graph.addNode('x:unplaced', { name: 'Not laid out' });
  graph.addEdge('x:fan', 'x:hub', { weight: 3, mention: 2, reply: 1 });
  return graph;
}

describe('toGexf', () => {
  it('writes GEXF 1.3 with a well-formed viz namespace', () => {
    const gexf = toGexf(laidOutMap());
    expect(gexf).toContain('version="1.3"');
    expect(gexf).toContain('xmlns:viz="http://gexf.net/1.3/viz"');
    expect(gexf).not.toContain('http:///');
  });

  it('writes the layout as viz positions and sizes, only for nodes that have one', () => {
    const gexf = toGexf(laidOutMap());
    expect(gexf).toMatch(/<viz:position x="1.5" y="-2.25"\s*\/>/);
    expect(gexf).toMatch(/<viz:size value="12"\s*\/>/);
    expect(gexf).toMatch(/<viz:position x="0" y="3"\s*\/>/);
    const unplaced = gexf.slice(gexf.indexOf('id="x:unplaced"'));
    expect(unplaced.slice(0, unplaced.indexOf('</node>'))).not.toContain('viz:');
  });

  it('reads back with every attribute, lists as JSON strings', () => {
    const back = parseGexf(DirectedGraph, toGexf(laidOutMap()));
    expect(back.order).toBe(3);
    expect(back.getNodeAttributes('x:hub')).toMatchObject({
      label: 'Dr Hub',
      name: 'Dr Hub',
      x: 1.5,
      y: -2.25,
      size: 12,
      kolScore: 0.9,
      topics: '["oncology","trials"]',
    });
    expect(back.getNodeAttributes('x:fan')).toMatchObject({ label: '@fan', x: 0, y: 3 });
    const edge = back.edge('x:fan', 'x:hub') as string;
    expect(back.getEdgeAttributes(edge)).toMatchObject({ weight: 3, mention: 2, reply: 1 });
  });
});
