import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { MultiGraph } from 'graphology';
import { write as writeGexf } from 'graphology-gexf';
import { InvalidInputError } from '../../src/errors.js';
import { type Dataset, DatasetCollector } from '../../src/load/dataset.js';
import { loadGexf, loadGraphml } from '../../src/load/graph-files.js';
import type { LoadOptions } from '../../src/load/options.js';

const folder = mkdtempSync(join(tmpdir(), 'kolmap-graph-files-'));
let files = 0;

function fileWith(text: string, extension: string, gzip = false): string {
  const file = join(folder, `graph-${++files}.${extension}${gzip ? '.gz' : ''}`);
  writeFileSync(file, gzip ? gzipSync(text) : text);
  return file;
}

type Loader = typeof loadGexf;

async function load(loader: Loader, file: string, options: LoadOptions = {}): Promise<Dataset> {
  const collector = new DatasetCollector();
  await loader(file, collector, options);
  return collector.finish();
}

async function loadError(
  loader: Loader,
  file: string,
  options: LoadOptions = {},
): Promise<InvalidInputError> {
  const error = await load(loader, file, options).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InvalidInputError);
  return error as InvalidInputError;
}

function edgeList(dataset: Dataset): string[] {
  const keys = dataset.accounts.map((account) => account.key);
  return Array.from({ length: dataset.edges.length }, (_, row) => {
    const edge = dataset.edges.row(row);
    return `${keys[edge.source]}>${keys[edge.target]}:${edge.type ?? '-'}:${edge.weight}`;
  });
}

function sampleGraph(type: 'directed' | 'undirected'): MultiGraph {
  const graph = new MultiGraph({ type });
  graph.addNode('1', {
    label: 'Dr A',
    platform: 'x',
    handle: 'dra',
    followers: 1200,
    actorType: 'hcp',
    verified: true,
    therapeuticAreas: JSON.stringify(['oncology', 'hematology']),
    community: 3,
  });
  graph.addNode('2', { label: 'B', platform: 'x', community: 1 });
  graph.addEdge('1', '2', { weight: 2.5, type: 'mention' });
  graph.addEdge('1', '2', { type: 'not-a-type' });
  graph.addEdge('2', '1', {});
  return graph;
}

describe('loadGexf', () => {
  it('reads back a graph written by graphology-gexf: accounts, attributes, typed edges', async () => {
    const dataset = await load(loadGexf, fileWith(writeGexf(sampleGraph('directed')), 'gexf'));
    expect(dataset.directed).toBe(true);
    expect(dataset.accounts).toEqual([
      {
        key: 'x:1',
        platform: 'x',
        id: '1',
        name: 'Dr A',
        handle: 'dra',
        followers: 1200,
        actorType: 'hcp',
        verified: true,
        therapeuticAreas: ['oncology', 'hematology'],
        attributes: { community: 3 },
      },
      { key: 'x:2', platform: 'x', id: '2', name: 'B', attributes: { community: 1 } },
    ]);
    expect(edgeList(dataset)).toEqual(['x:1>x:2:mention:2.5', 'x:1>x:2:-:1', 'x:2>x:1:-:1']);
  });

  it('makes the dataset undirected for an undirected graph, gzipped or not', async () => {
    const text = writeGexf(sampleGraph('undirected'));
    for (const gzip of [false, true]) {
      const dataset = await load(loadGexf, fileWith(text, 'gexf', gzip));
      expect(dataset.directed).toBe(false);
      expect(dataset.edges.length).toBe(3);
    }
  });

  it('gives nodes without a platform attribute the platform option', async () => {
    const graph = new MultiGraph({ type: 'directed' });
    graph.addNode('a', { label: 'A', score: 0.5 });
    graph.addNode('b');
    graph.addEdge('a', 'b', { weight: 3 });
    const dataset = await load(loadGexf, fileWith(writeGexf(graph), 'gexf'), {
      platform: 'linkedin',
    });
    expect(dataset.accounts).toEqual([
      { key: 'linkedin:a', platform: 'linkedin', id: 'a', name: 'A', attributes: { score: 0.5 } },
      { key: 'linkedin:b', platform: 'linkedin', id: 'b' },
    ]);
    expect(edgeList(dataset)).toEqual(['linkedin:a>linkedin:b:-:3']);
  });

  it('fails on a node whose account fields do not validate, or skips it with its edges', async () => {
    const graph = sampleGraph('directed');
    graph.setNodeAttribute('2', 'followers', -3);
    const file = fileWith(writeGexf(graph), 'gexf');
    const error = await loadError(loadGexf, file);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.problems[0]).toMatchObject({ file, field: 'followers' });
    expect(error.problems[0]?.line).toBeGreaterThan(1);

    const dataset = await load(loadGexf, file, { skipInvalid: true });
    expect(dataset.accounts.map((account) => account.key)).toEqual(['x:1']);
    expect(dataset.edges.length).toBe(0);
    expect(dataset.report.rejected.map((problem) => problem.field)).toEqual([
      'followers',
      'target',
      'target',
      'source',
    ]);
  });

  it('rejects an edge to an undeclared node and an edge joining two platforms', async () => {
    const file = fileWith(
      `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">
  <graph defaultedgetype="directed">
    <attributes class="node"><attribute id="0" title="platform" type="string"/></attributes>
    <nodes>
      <node id="a"><attvalues><attvalue for="0" value="x"/></attvalues></node>
      <node id="b"><attvalues><attvalue for="0" value="linkedin"/></attvalues></node>
      <node id="c"><attvalues><attvalue for="0" value="x"/></attvalues></node>
    </nodes>
    <edges>
      <edge source="a" target="ghost"/>
      <edge source="a" target="b"/>
      <edge source="a" target="c"/>
    </edges>
  </graph>
</gexf>`,
      'gexf',
    );
    const error = await loadError(loadGexf, file);
    expect(error.problems).toEqual([
      expect.objectContaining({ file, field: 'target', message: expect.stringContaining('ghost') }),
      expect.objectContaining({
        file,
        field: 'target',
        message: expect.stringContaining('platform'),
      }),
    ]);
    const dataset = await load(loadGexf, file, { skipInvalid: true });
    expect(edgeList(dataset)).toEqual(['x:a>x:c:-:1']);
    expect(dataset.accounts.map((account) => account.key)).toEqual(['x:a', 'linkedin:b', 'x:c']);
  });

  it.each([
    ['an unclosed tag', '<gexf>\n<graph>\n<nodes>\n<node id="a" label="x\n</nodes></graph></gexf>'],
    ['an undefined entity', '<gexf>\n<graph>\n<nodes>\n<node id="a" label="&bogus;"/>'],
    ['text that is not XML', 'this is not XML'],
    ['an empty file', ''],
  ])('fails on %s with INVALID_INPUT naming the file', async (_what, text) => {
    const file = fileWith(text, 'gexf');
    const error = await loadError(loadGexf, file);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.problems[0]?.file).toBe(file);
  });

  it('gives the line of an XML error when the parser knows it', async () => {
    const file = fileWith(
      '<gexf>\n<graph>\n<nodes>\n<node id="a" label=x/>\n</nodes></graph></gexf>',
      'gexf',
    );
    const error = await loadError(loadGexf, file);
    expect(error.problems[0]).toMatchObject({ file, line: 4 });
  });

  it('fails on XML without a graph and on a node id declared twice', async () => {
    const noGraph = fileWith('<gexf><meta/></gexf>', 'gexf');
    expect((await loadError(loadGexf, noGraph)).problems[0]).toMatchObject({ file: noGraph });
    const twice = fileWith(
      '<gexf><graph>\n<nodes>\n<node id="a"/>\n<node id="a"/>\n</nodes></graph></gexf>',
      'gexf',
    );
    expect((await loadError(loadGexf, twice)).problems[0]).toMatchObject({
      file: twice,
      line: 4,
      field: 'id',
    });
  });
});

/** GraphML as networkx writes it (graphology-graphml 0.5 has no writer). */
const NETWORKX_GRAPHML = `<?xml version='1.0' encoding='utf-8'?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <key id="d0" for="node" attr.name="club" attr.type="string"/>
  <key id="d1" for="node" attr.name="followers" attr.type="long"/>
  <key id="d2" for="node" attr.name="label" attr.type="string"/>
  <key id="d3" for="edge" attr.name="weight" attr.type="double"/>
  <key id="d4" for="edge" attr.name="type" attr.type="string"/>
  <graph edgedefault="undirected">
    <node id="0">
      <data key="d0">Mr. Hi</data>
      <data key="d1">10</data>
      <data key="d2">Hi &amp; co</data>
    </node>
    <node id="1">
      <data key="d0">Officer</data>
    </node>
    <node id="2"/>
    <edge source="0" target="1">
      <data key="d3">4.0</data>
      <data key="d4">reply</data>
    </edge>
    <edge source="1" target="2">
      <data key="d3">-1</data>
    </edge>
    <edge source="2" target="2"/>
  </graph>
</graphml>
`;

describe('loadGraphml', () => {
  it('reads a networkx GraphML file: undirected, attributes kept, weights and types', async () => {
    const dataset = await load(loadGraphml, fileWith(NETWORKX_GRAPHML, 'graphml'));
    expect(dataset.directed).toBe(false);
    expect(dataset.accounts).toEqual([
      {
        key: 'other:0',
        platform: 'other',
        id: '0',
        name: 'Hi & co',
        followers: 10,
        attributes: { club: 'Mr. Hi' },
      },
      { key: 'other:1', platform: 'other', id: '1', attributes: { club: 'Officer' } },
      { key: 'other:2', platform: 'other', id: '2' },
    ]);
    expect(edgeList(dataset)).toEqual([
      'other:0>other:1:reply:4',
      'other:1>other:2:-:1',
      'other:2>other:2:-:1',
    ]);
  });

  it('reads gzipped files, takes ids from an id attribute, keeps a directed graph directed', async () => {
    const text = `<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="p" for="node" attr.name="platform" attr.type="string"/>
  <key id="i" for="node" attr.name="id" attr.type="string"/>
  <graph edgedefault="directed">
    <node id="n0"><data key="p">x</data><data key="i">123</data></node>
    <node id="n1"><data key="p">x</data><data key="i">456</data></node>
    <edge source="n0" target="n1"/>
  </graph>
</graphml>`;
    const dataset = await load(loadGraphml, fileWith(text, 'graphml', true));
    expect(dataset.directed).toBe(true);
    expect(dataset.accounts.map((account) => account.key)).toEqual(['x:123', 'x:456']);
    expect(edgeList(dataset)).toEqual(['x:123>x:456:-:1']);
  });

  it('fails on malformed XML with INVALID_INPUT naming the file', async () => {
    const file = fileWith(NETWORKX_GRAPHML.replace('<node id="2"/>', '<node id="2>'), 'graphml');
    const error = await loadError(loadGraphml, file);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.problems[0]?.file).toBe(file);
  });
});
