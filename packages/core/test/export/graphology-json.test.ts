import { DirectedGraph, MultiGraph, UndirectedGraph } from 'graphology';
import { toGraphologyJson } from '../../src/export/graphology-json.js';
import { textOf } from '../text-of.js';

function map(): DirectedGraph {
  const graph = new DirectedGraph();
  graph.mergeAttributes({ kolmap: { seed: 42, parameters: { resolution: 1 } }, name: 'map "1"' });
  for (let i = 0; i < 2500; i++) {
    graph.addNode(`x:${i}`, {
      name: `Dr ${i} 🧬 "\u0001"`,
      kolScore: i / 7,
      topics: i % 2 === 0 ? ['onco'] : [],
      breakdown: { pagerank: i / 3, skipped: undefined },
    });
  }
  graph.addNode('x:bare');
  graph.addNode('x:undefined-only', { gone: undefined });
  for (let i = 0; i < 5000; i++) {
    const source = i % 2500;
    graph.addEdge(`x:${source}`, `x:${(source + 1 + Math.floor(i / 2500)) % 2500}`, {
      weight: 1 + (i % 4),
      first: '2024-01-01T00:00:00.000Z',
    });
  }
  graph.addEdge('x:bare', 'x:0');
  return graph;
}

function mixed(): MultiGraph {
  const graph = new MultiGraph({ type: 'mixed' });
  graph.addNode('x:a');
  graph.addNode('x:b', { name: 'B' });
  graph.addDirectedEdge('x:a', 'x:b', { weight: 1 });
  graph.addDirectedEdge('x:a', 'x:b', { weight: 2 });
  graph.addUndirectedEdge('x:b', 'x:a');
  graph.addUndirectedEdgeWithKey('named', 'x:a', 'x:a', { loop: true });
  return graph;
}

function undirected(): UndirectedGraph {
  const graph = new UndirectedGraph({ allowSelfLoops: false });
  graph.addNode('x:a', { name: 'A' });
  graph.addNode('x:b');
  graph.addEdge('x:a', 'x:b', { weight: 3 });
  return graph;
}

describe('toGraphologyJson', () => {
  it.each([
    ['a directed map larger than a chunk', map],
    ['a mixed multigraph', mixed],
    ['an undirected graph', undirected],
    ['an empty graph', () => new DirectedGraph()],
  ])('gives the bytes of JSON.stringify(graph.export()): %s', (_name, build) => {
    const graph = build();
    expect(textOf(toGraphologyJson(graph))).toBe(JSON.stringify(graph.export()));
  });

  it('reads back into the same graph', () => {
    const graph = mixed();
    const back = new MultiGraph({ type: 'mixed' }).import(
      JSON.parse(textOf(toGraphologyJson(graph))),
    );
    expect(back.export()).toEqual(graph.export());
  });

  it('yields the text in pieces, none holding the whole map', () => {
    const chunks = [...toGraphologyJson(map())];
    const longest = Math.max(...chunks.map((chunk) => chunk.length));
    expect(chunks.length).toBeGreaterThan(5);
    expect(longest).toBeLessThan(chunks.join('').length / 3);
  });
});
