import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { InvalidInputError } from '../../src/errors.js';
import { type Dataset, DatasetCollector } from '../../src/load/dataset.js';
import { decodeEntities, loadGml } from '../../src/load/gml.js';
import type { LoadOptions } from '../../src/load/options.js';
import { describeWithSharedData, sharedDataPath } from '../shared-data.js';

const folder = mkdtempSync(join(tmpdir(), 'kolmap-gml-'));
let files = 0;

function gmlFile(text: string, gzip = false): string {
  const file = join(folder, `graph-${++files}.gml${gzip ? '.gz' : ''}`);
  writeFileSync(file, gzip ? gzipSync(text) : text);
  return file;
}

async function load(file: string, options: LoadOptions = {}): Promise<Dataset> {
  const collector = new DatasetCollector();
  await loadGml(file, collector, options);
  return collector.finish();
}

async function loadError(file: string, options: LoadOptions = {}): Promise<InvalidInputError> {
  const error = await load(file, options).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InvalidInputError);
  return error as InvalidInputError;
}

function edgeList(dataset: Dataset): string[] {
  const ids = dataset.accounts.map((account) => account.id);
  return Array.from({ length: dataset.edges.length }, (_, row) => {
    const edge = dataset.edges.row(row);
    return `${ids[edge.source]}>${ids[edge.target]}:${edge.weight}`;
  });
}

const SAMPLE = `Creator "networkx &amp; friends" # a comment
Version 1
graph [
  directed 1
  multigraph 1
  label "sample"
  graphics [ fill "#ffffff" ]
  node [
    id 1
    label "Dr. O&apos;Neil &#233;&#xE9; &eacute; A&M"
    value 7
    score -1.5e2
    graphics [ x 1.0 y -2.5 type "oval" ]
  ]
  node [ id 2 label 22 tag "a" tag "b" ]
  # an edge before one of its nodes
  edge [ source 2 target 3 value 2.5 ]
  node [ id 3 ]
  edge [ source 1 target 2 weight 4 value 9 ]
  edge [ source 1 target 2 ]
  edge [ source 3 target 3 value 0 ]
]
`;

describe('loadGml', () => {
  it('reads nodes as accounts with their attributes, and edges as weighted interactions', async () => {
    const dataset = await load(gmlFile(SAMPLE));
    expect(dataset.directed).toBe(true);
    expect(dataset.accounts).toEqual([
      {
        key: 'other:1',
        platform: 'other',
        id: '1',
        name: "Dr. O'Neil éé é A&M",
        attributes: {
          value: 7,
          score: -150,
          graphics: { x: 1, y: -2.5, type: 'oval' },
        },
      },
      { key: 'other:2', platform: 'other', id: '2', name: '22', attributes: { tag: ['a', 'b'] } },
      { key: 'other:3', platform: 'other', id: '3' },
    ]);
    expect(edgeList(dataset)).toEqual(['1>2:4', '1>2:1', '3>3:1', '2>3:2.5']);
    expect(dataset.edges.row(0).type).toBeUndefined();
    expect(dataset.report.records).toMatchObject({ account: 3, interaction: 4 });
    expect(dataset.report.warnings).toEqual([expect.stringContaining('1 edges have a weight')]);
  });

  it('reads gzipped files and uses the platform option', async () => {
    const dataset = await load(gmlFile(SAMPLE, true), { platform: 'x' });
    expect(dataset.accounts.map((account) => account.key)).toEqual(['x:1', 'x:2', 'x:3']);
    expect(dataset.edges.length).toBe(4);
  });

  it('is undirected when the file says directed 0 or nothing, or when asked', async () => {
    const plain = 'graph [ node [ id 1 ] node [ id 2 ] edge [ source 1 target 2 ] ]';
    expect((await load(gmlFile(plain))).directed).toBe(false);
    expect((await load(gmlFile(plain.replace('[', '[ directed 0')))).directed).toBe(false);
    expect((await load(gmlFile(plain.replace('[', '[ directed 1')))).directed).toBe(true);
    const forced = await load(gmlFile(plain.replace('[', '[ directed 1')), { undirected: true });
    expect(forced.directed).toBe(false);
  });

  it('keeps integer ids too large for a number exactly', async () => {
    const dataset = await load(
      gmlFile(`graph [
        node [ id 1234567890123456789 ] node [ id 2 ]
        edge [ source 1234567890123456789 target 2 ]
      ]`),
    );
    expect(dataset.accounts.map((account) => account.id)).toEqual(['1234567890123456789', '2']);
    expect(edgeList(dataset)).toEqual(['1234567890123456789>2:1']);
  });

  it('keeps keys such as __proto__ and constructor as plain attributes', async () => {
    const dataset = await load(
      gmlFile('graph [ node [ id 1 __proto__ [ polluted 1 ] constructor "c" toString 2 ] ]'),
    );
    const attributes = dataset.accounts[0]?.attributes ?? {};
    expect(Object.keys(attributes)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads tokens cut by chunk boundaries', async () => {
    const nodes = Array.from({ length: 6000 }, (_, index) => {
      const label = `${'n'.repeat(index % 37)} &amp; ${index}`;
      return `node [ id ${index} # comment ${'#'.repeat(index % 11)}\n label "${label}" size ${index / 4} ]`;
    });
    const edges = Array.from({ length: 6000 }, (_, index) => `edge [ source ${index} target 0 ]`);
    const text = `graph [\n${nodes.join('\n')}\n${edges.join('\n')}\n]`;
    expect(text.length).toBeGreaterThan(300_000);
    for (const gzip of [false, true]) {
      const dataset = await load(gmlFile(text, gzip));
      expect(dataset.accounts.map((account) => account.name)).toEqual(
        nodes.map((_, index) => `${'n'.repeat(index % 37)} & ${index}`),
      );
      expect(dataset.accounts.map((account) => account.attributes?.size)).toEqual(
        nodes.map((_, index) => index / 4),
      );
      expect(dataset.edges.length).toBe(6000);
    }
  });

  it('fails on an edge to an undeclared node, naming file, line and field', async () => {
    const file = gmlFile('graph [\n node [ id 1 ]\n edge [\n source 1\n target 9\n ]\n]');
    const error = await loadError(file);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.problems).toEqual([expect.objectContaining({ file, line: 3, field: 'target' })]);
  });

  it('fails on a node id declared twice, a node without id and an edge without source', async () => {
    const file = gmlFile(
      'graph [\n node [ id 1 ]\n node [ id 1 ]\n node [ label "x" ]\n edge [ target 1 ]\n]',
    );
    const error = await loadError(file);
    expect(error.problems).toEqual([
      expect.objectContaining({ file, line: 3, field: 'id' }),
      expect.objectContaining({ file, line: 4, field: 'id' }),
      expect.objectContaining({ file, line: 5, field: 'source' }),
    ]);
  });

  it('skips bad nodes and edges under skipInvalid and reports them', async () => {
    const file = gmlFile(
      'graph [\n node [ id 1 ]\n node [ id 1 label "again" ]\n node [ id 2 ]\n' +
        ' edge [ source 1 target 2 ]\n edge [ source 1 target 3 ]\n]',
    );
    const dataset = await load(file, { skipInvalid: true });
    expect(dataset.accounts.map((account) => account.id)).toEqual(['1', '2']);
    expect(edgeList(dataset)).toEqual(['1>2:1']);
    expect(dataset.report.rejected).toEqual([
      expect.objectContaining({ file, line: 3, field: 'id' }),
      expect.objectContaining({ file, line: 6, field: 'target' }),
    ]);
  });

  it.each([
    ['an unbalanced "]"', 'graph [\n node [ id 1 ]\n]\n]', 4],
    ['a list never closed', 'graph [\n node [ id 1 ]\n node [\n id 2\n', 3],
    ['an unterminated string', 'graph [\n node [ id 1\n label "open\n ]\n]', 3],
    ['a key without value', 'graph [\n node [ id ]\n]', 2],
    ['a value where a key is expected', 'graph [\n node [ 1 2 ]\n]', 2],
    ['a stray character', 'graph [\n node [ id 1 ]\n @ 3\n]', 3],
    ['two graphs', 'graph [ ]\ngraph [ ]', 2],
    ['no graph at all', 'Creator "nobody"\n', 2],
  ])('fails on %s, naming the line', async (_what, text, line) => {
    const file = gmlFile(text);
    const error = await loadError(file, { skipInvalid: true });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.problems).toEqual([expect.objectContaining({ file, line })]);
  });

  it('fails with UNREADABLE_INPUT on a missing file', async () => {
    await expect(load(join(folder, 'missing.gml'))).rejects.toMatchObject({
      code: 'UNREADABLE_INPUT',
    });
  });
});

describe('decodeEntities', () => {
  it('decodes named, decimal and hexadecimal entities and leaves the rest', () => {
    expect(decodeEntities('a &amp; b &lt;&gt; &quot;q&quot; &#38; &#x41; &Auml; &bogus; & c')).toBe(
      'a & b <> "q" & A Ä &bogus; & c',
    );
  });
});

describeWithSharedData('loadGml on published GML datasets', () => {
  it('reads football: 115 teams, 613 games, undirected, 12 conferences kept as value', async () => {
    const dataset = await load(sharedDataPath('football/football.gml'));
    expect(dataset.accounts).toHaveLength(115);
    expect(dataset.edges.length).toBe(613);
    expect(dataset.directed).toBe(false);
    const conferences = new Set(dataset.accounts.map((account) => account.attributes?.value));
    expect(conferences.size).toBe(12);
    expect(dataset.accounts.map((account) => account.name)).toContain('TexasA&M');
  });

  it('reads polblogs: 1,490 blogs, 19,090 links, directed', async () => {
    const dataset = await load(sharedDataPath('polblogs/polblogs.gml'));
    expect(dataset.accounts).toHaveLength(1490);
    expect(dataset.edges.length).toBe(19090);
    expect(dataset.directed).toBe(true);
    let selfLoops = 0;
    for (let row = 0; row < dataset.edges.length; row++) {
      if (dataset.edges.source[row] === dataset.edges.target[row]) selfLoops++;
    }
    expect(selfLoops).toBe(3);
    expect(dataset.accounts[0]).toMatchObject({
      id: '1',
      name: '100monkeystyping.com',
      attributes: { value: 0, source: 'Blogarama' },
    });
    expect(new Set(dataset.accounts.map((account) => account.attributes?.value))).toEqual(
      new Set([0, 1]),
    );
    const names = dataset.accounts.map((account) => account.name ?? '');
    expect(names.some((name) => name.includes('?logname=jamie&logcatid=48'))).toBe(true);
  });

  it.each([
    ['karate/karate_newman.gml', 34, 78],
    ['karate/karate_club_labeled.gml', 34, 78],
    ['karate/karate_groundtruth_graphstream.gml', 34, 78],
    ['lesmis/lesmis.gml', 77, 254],
  ])('reads %s', async (relative, accounts, edges) => {
    const dataset = await load(sharedDataPath(relative));
    expect(dataset.accounts).toHaveLength(accounts);
    expect(dataset.accounts.every((account) => !account.stub)).toBe(true);
    expect(dataset.edges.length).toBe(edges);
    expect(dataset.directed).toBe(false);
    expect(dataset.report.rejected).toEqual([]);
  });

  it('keeps the karate club labels', async () => {
    const dataset = await load(sharedDataPath('karate/karate_club_labeled.gml'));
    const clubs = dataset.accounts.map((account) => account.attributes?.club);
    expect(new Set(clubs)).toEqual(new Set(['Mr. Hi', 'Officer']));
  });
});
