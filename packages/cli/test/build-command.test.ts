import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWithSharedData, sharedDataPath } from '../../core/test/shared-data.js';
import { jsonOf, runCli } from './run-cli.js';

const out = (name: string) => join(mkdtempSync(join(tmpdir(), 'kolmap-cli-')), name);

describeWithSharedData('kolmap build on the public datasets gives the counts of INDEX.md', () => {
  it('Higgs mention layer: 116,408 nodes and 150,818 edges, as graphology JSON', () => {
    const file = out('higgs.json');
    const input = sharedDataPath('higgs_twitter/higgs-mention_network.edgelist');
    const summary = jsonOf(runCli(['build', input, '--out', file, '--json']));
    expect(summary).toMatchObject({ type: 'directed', nodes: 116408, edges: 150818 });
    const written = JSON.parse(readFileSync(file, 'utf8'));
    expect(written.nodes).toHaveLength(116408);
    expect(written.edges).toHaveLength(150818);
  });

  it('football: 115 nodes and 613 undirected edges, as GEXF', () => {
    const file = out('football.gexf');
    const summary = jsonOf(
      runCli(['build', sharedDataPath('football/football.gml'), '--out', file, '--json']),
    );
    expect(summary).toMatchObject({ type: 'undirected', nodes: 115, edges: 613 });
    expect(readFileSync(file, 'utf8')).toContain('<gexf');
  });

  it('polblogs: 1,490 nodes; 16,715 edges undirected without its duplicate arcs and self-loops', () => {
    const input = sharedDataPath('polblogs/polblogs.gml');
    const directed = jsonOf(runCli(['build', input, '--out', out('p.graphml'), '--json']));
    expect(directed).toMatchObject({ type: 'directed', nodes: 1490 });
    const simple = jsonOf(
      runCli([
        'build',
        input,
        '--undirected',
        '--self-loops',
        'drop',
        '--out',
        out('p.json'),
        '--json',
      ]),
    );
    expect(simple).toMatchObject({ type: 'undirected', nodes: 1490, edges: 16715 });
  });

  it('AHCA retweets: the count header is skipped with --skip-lines 1 (54,836 nodes, 89,059 edges)', () => {
    const input = sharedDataPath('ahca_healthcare_twitter_retweet/dataset_twitter.txt');
    const summary = jsonOf(
      runCli(['build', input, '--skip-lines', '1', '--out', out('a.json'), '--json']),
    );
    expect(summary).toMatchObject({ nodes: 54836, edges: 89059 });
  });
});

describe('kolmap build on bad input', () => {
  const folder = mkdtempSync(join(tmpdir(), 'kolmap-bad-'));
  const cases: Array<[string, string, string, string]> = [
    [
      'a malformed JSONL line',
      'bad.jsonl',
      '{"kind":"account","platform":"x","id":"1"}\n{"kind": "account", \n',
      ':2',
    ],
    ['a missing required field', 'accounts.csv', 'platform,id,name\nx,1,Ann\nx,,Bob\n', ':3: id'],
    [
      'an unknown platform',
      'follows.csv',
      'platform,source,target\nx,1,2\ntwitter,1,3\n',
      ':3: platform',
    ],
    [
      'a bad date',
      'posts.csv',
      'id,platform,author,createdAt\np1,x,1,2024-01-01\np2,x,1,01/02/2024\n',
      ':3: createdAt',
    ],
  ];

  it.each(cases)(
    '%s: exit code 2, the file, line and field named, nothing written',
    (_name, fileName, content, where) => {
      const input = join(folder, fileName);
      writeFileSync(input, content);
      const file = join(folder, `${fileName}.graph.json`);
      const run = runCli(['build', input, '--out', file]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`${input}${where}`);
      expect(existsSync(file)).toBe(false);
    },
  );

  it('--skip-invalid keeps the good records and writes the rejected ones to a report', () => {
    const input = join(folder, 'interactions.csv');
    writeFileSync(input, 'platform,source,target,type\nx,1,2,reply\nx,1,3,shout\nx,2,3,mention\n');
    const file = join(folder, 'kept.json');
    const summary = jsonOf(runCli(['build', input, '--skip-invalid', '--out', file, '--json']));
    expect(summary).toMatchObject({ edges: 2, rejected: 1 });
    const report = readFileSync(`${file}.rejected.csv`, 'utf8').trim().split('\n');
    expect(report).toHaveLength(2);
    expect(report[1]).toContain(`${input},3,type,`);
  });

  it('a missing input file, an unknown output format and a bad option exit with code 2', () => {
    expect(runCli(['build', join(folder, 'nope.csv'), '--out', join(folder, 'x.json')]).code).toBe(
      2,
    );
    expect(
      runCli(['build', join(folder, 'interactions.csv'), '--out', join(folder, 'x.png')]).code,
    ).toBe(2);
    expect(
      runCli([
        'build',
        join(folder, 'interactions.csv'),
        '--out',
        join(folder, 'x.json'),
        '--types',
        'shout',
      ]).code,
    ).toBe(2);
  });
});
