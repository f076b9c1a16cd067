import { DOMParser } from '@xmldom/xmldom';
import { DirectedGraph, MultiGraph, UndirectedGraph } from 'graphology';
import { parse as parseGexf, write as writeGexf } from 'graphology-gexf';
import type { AbstractGraph, Attributes } from 'graphology-types';
import { toGexf } from '../../src/export/gexf.js';
import { toXmlChars } from '../../src/export/xml-text.js';
import { textOf } from '../text-of.js';

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

/**
 * The GEXF kolmap wrote before it streamed: graphology-gexf's whole-string writer with kolmap's node
 * and edge formats, forbidden characters then replaced. `toGexf` must give the same bytes.
 */
function gexfAsBefore(graph: AbstractGraph): string {
  const scalars = (attributes: Attributes): Attributes => {
    const out: Attributes = {};
    for (const [name, value] of Object.entries(attributes)) {
      if (value === undefined || value === null) continue;
      out[name] = typeof value === 'object' ? JSON.stringify(value) : value;
    }
    return out;
  };
  const viz = (attributes: Attributes) => {
    const found: Record<string, number> = {};
    for (const name of ['x', 'y', 'size']) {
      const value = attributes[name];
      if (typeof value === 'number' && Number.isFinite(value)) found[name] = value;
    }
    return Object.keys(found).length > 0 ? { viz: found } : {};
  };
  return toXmlChars(
    writeGexf(graph, {
      version: '1.3',
      formatNode: (key: string, attributes: Attributes) => ({
        label: String(attributes.name ?? attributes.handle ?? key),
        attributes: scalars(attributes),
        ...viz(attributes),
      }),
      formatEdge: (_key: string, attributes: Attributes) => ({
        weight: typeof attributes.weight === 'number' ? attributes.weight : 1,
        attributes: scalars(attributes),
      }),
    }),
  );
}

/** Values of every type GEXF tells apart, widened across nodes, and text XML must escape. */
function awkwardMap(): DirectedGraph {
  const graph = new DirectedGraph();
  graph.mergeAttributes({
    kolmap: { version: '0.1.0' },
    title: 'Onco & <co> "map"',
    accounts: 3,
    weighted: true,
    lastModifiedDate: '2024-05-01',
  });
  graph.addNode('x:a\u0001"<&>', {
    name: 'Bell\u0007 & <Co> "q" \'s',
    bio: 'tab\there\nnew line\r',
    count: 1,
    ratio: 2,
    mixed: 1,
    flag: true,
    big: 2 ** 40,
    low: -2147483648,
    empty: '',
    missing: null,
    nan: Number.NaN,
    x: 0,
    size: Number.POSITIVE_INFINITY,
  });
  graph.addNode('x:b', {
    handle: 'b🧪',
    count: 2,
    ratio: 2.5,
    mixed: 'one',
    flag: false,
    breakdown: { pagerank: 0.4 },
    y: -1,
  });
  graph.addNode('x:c', { name: '', handle: '' });
  graph.addNode('x:d');
  graph.addEdge('x:a\u0001"<&>', 'x:b', { weight: 2.5, note: 'form\u000Cfeed', mention: 1 });
  graph.addEdge('x:b', 'x:c', { weight: Number.NaN });
  graph.addEdge('x:c', 'x:d', { weight: 'heavy' });
  graph.addEdge('x:d', 'x:b');
  return graph;
}

/** More nodes and edges than one chunk holds, with names outside the BMP. */
function largeMap(): DirectedGraph {
  const graph = new DirectedGraph();
  for (let i = 0; i < 2500; i++) {
    graph.addNode(`x:${i}`, {
      name: `Dr ${i} 🧬`,
      kolScore: i / 7,
      community: i % 13,
      x: i,
      y: -i,
    });
  }
  for (let i = 0; i < 5000; i++) {
    const source = i % 2500;
    const target = (source + 1 + Math.floor(i / 2500)) % 2500;
    graph.addEdge(`x:${source}`, `x:${target}`, { weight: 1 + (i % 4) });
  }
  return graph;
}

function mixedMap(): MultiGraph {
  const graph = new MultiGraph({ type: 'mixed' });
  graph.addNode('x:a', { name: 'A' });
  graph.addNode('x:b', { name: 'B' });
  graph.addNode('x:c', { name: 'C' });
  graph.addDirectedEdge('x:a', 'x:b', { weight: 1 });
  graph.addUndirectedEdge('x:b', 'x:c', { weight: 2 });
  return graph;
}

function onlyUndirectedMixed(): MultiGraph {
  const graph = new MultiGraph({ type: 'mixed' });
  graph.addNode('x:a');
  graph.addNode('x:b');
  graph.addUndirectedEdge('x:a', 'x:b');
  return graph;
}

function undirectedMap(): UndirectedGraph {
  const graph = new UndirectedGraph();
  graph.addNode('x:a', { name: 'A', x: 1, y: 2 });
  graph.addNode('x:b', { name: 'B' });
  graph.addEdge('x:a', 'x:b', { weight: 4 });
  return graph;
}

/** Parses XML strictly: any error or fatal error fails. */
function expectWellFormed(xml: string): void {
  const problems: string[] = [];
  new DOMParser({
    errorHandler: (level: string, message: unknown) => {
      if (level !== 'warning') problems.push(String(message));
    },
  }).parseFromString(xml, 'text/xml');
  expect(problems).toEqual([]);
}

describe('toGexf', () => {
  it('writes GEXF 1.3 with a well-formed viz namespace', () => {
    const gexf = textOf(toGexf(laidOutMap()));
    expect(gexf).toContain('version="1.3"');
    expect(gexf).toContain('xmlns:viz="http://gexf.net/1.3/viz"');
    expect(gexf).not.toContain('http:///');
  });

  it('writes the layout as viz positions and sizes, only for nodes that have one', () => {
    const gexf = textOf(toGexf(laidOutMap()));
    expect(gexf).toMatch(/<viz:position x="1.5" y="-2.25"\s*\/>/);
    expect(gexf).toMatch(/<viz:size value="12"\s*\/>/);
    expect(gexf).toMatch(/<viz:position x="0" y="3"\s*\/>/);
    const unplaced = gexf.slice(gexf.indexOf('id="x:unplaced"'));
    expect(unplaced.slice(0, unplaced.indexOf('</node>'))).not.toContain('viz:');
  });

  it('reads back with every attribute, lists as JSON strings', () => {
    const back = parseGexf(DirectedGraph, textOf(toGexf(laidOutMap())));
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

  it.each([
    ['a laid-out map', laidOutMap],
    ['values of every type, text to escape, forbidden characters', awkwardMap],
    ['more elements than a chunk', largeMap],
    ['a mixed graph', mixedMap],
    ['a mixed graph with undirected edges only', onlyUndirectedMixed],
    ['an undirected graph', undirectedMap],
    ['an empty graph', () => new DirectedGraph()],
  ])('gives the bytes of the whole-string writer it replaced: %s', (_name, build) => {
    const graph = build();
    const gexf = textOf(toGexf(graph));
    expect(gexf).toBe(gexfAsBefore(graph));
    expectWellFormed(gexf);
  });

  it('yields the document in pieces, none holding the whole map', () => {
    const chunks = [...toGexf(largeMap())];
    const longest = Math.max(...chunks.map((chunk) => chunk.length));
    expect(chunks.length).toBeGreaterThan(5);
    expect(longest).toBeLessThan(chunks.join('').length / 3);
  });

  it('leaves out of <meta> the graph attributes whose name is no XML name', () => {
    const graph = new DirectedGraph();
    graph.mergeAttributes({ '2024': 'year', é: 'accent', title: 'kept' });
    const gexf = textOf(toGexf(graph));
    expect(gexf).toContain('<title>kept</title>');
    expect(gexf).not.toContain('year');
    expect(gexf).not.toContain('accent');
    expectWellFormed(gexf);
  });
});
