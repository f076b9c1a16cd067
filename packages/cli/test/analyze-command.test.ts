import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsonOf, runCli } from './run-cli.js';

/** What `kolmap analyze` writes without --formats. */
const DEFAULT_OUTPUTS = ['map.json', 'report.html', 'report.md', 'shortlist.csv'];

describe('kolmap analyze on the demo data', () => {
  const first = mkdtempSync(join(tmpdir(), 'kolmap-analyze-'));
  const second = mkdtempSync(join(tmpdir(), 'kolmap-analyze-'));
  const summary = jsonOf(
    runCli(['analyze', 'data/demo', '--actors', '--top', '20', '--out', first, '--json']),
  );
  const every = jsonOf(
    runCli([
      'analyze',
      'data/demo',
      '--actors',
      '--top',
      '20',
      '--out',
      second,
      '--formats',
      'graphml, gexf,json,csv,report',
      '--json',
    ]),
  );
  const map = JSON.parse(readFileSync(join(first, 'map.json'), 'utf8'));

  it('writes a map whose accounts carry community, scores, ranks, role and position', () => {
    expect(summary).toMatchObject({ accounts: 2295, shortlist: 20 });
    for (const { attributes } of map.nodes) {
      expect(attributes).toEqual(
        expect.objectContaining({
          community: expect.any(Number),
          pagerank: expect.any(Number),
          kolScore: expect.any(Number),
          rank: expect.any(Number),
          communityRank: expect.any(Number),
          role: expect.any(String),
          x: expect.any(Number),
          y: expect.any(Number),
        }),
      );
    }
    const ranks = map.nodes
      .map((node: { attributes: { rank: number } }) => node.attributes.rank)
      .sort((a: number, b: number) => a - b);
    expect(ranks[0]).toBe(1);
    expect(new Set(ranks).size).toBe(ranks.length);
  });

  it('records the parameters, seed, input checksum and kolmap version in the graph attributes', () => {
    expect(map.attributes.kolmap).toEqual(
      expect.objectContaining({
        version: expect.stringMatching(/^\d+\.\d+\.\d+/),
        seed: 42,
        inputChecksum: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
        parameters: expect.objectContaining({
          communities: expect.objectContaining({ algorithm: 'leiden' }),
        }),
      }),
    );
    expect(map.attributes.communities.length).toBe(summary.communities);
  });

  it('writes the shortlist best first and a report naming the top KOL', () => {
    const rows = readFileSync(join(first, 'shortlist.csv'), 'utf8').trim().split('\n');
    expect(rows[0]?.startsWith('position,key,name')).toBe(true);
    expect(rows).toHaveLength(21);
    const top = map.nodes.find(
      (node: { attributes: { rank: number } }) => node.attributes.rank === 1,
    );
    expect(rows[1]).toContain(top.key);
    expect(readFileSync(join(first, 'report.md'), 'utf8')).toContain(top.attributes.name);
  });

  it('writes the default outputs, and GEXF and GraphML only when --formats asks', () => {
    expect(readdirSync(first).sort()).toEqual(DEFAULT_OUTPUTS);
    expect(summary.files).toEqual(['map.json', 'shortlist.csv', 'report.md', 'report.html']);
    expect(readdirSync(second).sort()).toEqual(
      [...DEFAULT_OUTPUTS, 'map.gexf', 'map.graphml'].sort(),
    );
    expect(every.files).toEqual([
      'map.json',
      'map.gexf',
      'map.graphml',
      'shortlist.csv',
      'report.md',
      'report.html',
    ]);
  });

  it('writes the map as GraphML on request, with the scores as typed attributes', () => {
    const graphml = readFileSync(join(second, 'map.graphml'), 'utf8');
    expect(graphml).toContain('attr.name="kolScore" attr.type="double"');
    expect(graphml.match(/<node /g)).toHaveLength(2295);
  });

  it('gives identical outputs for the same inputs and seed', () => {
    for (const file of DEFAULT_OUTPUTS) {
      // Buffer.equals: jest's toEqual walks multi-MB buffers byte by byte (about 35 s here).
      const same = readFileSync(join(second, file)).equals(readFileSync(join(first, file)));
      expect({ file, same }).toEqual({ file, same: true });
    }
  });

  it('writes the map as GEXF on request, laid out for Gephi', () => {
    const gexf = readFileSync(join(second, 'map.gexf'), 'utf8');
    expect(gexf.match(/<node /g)).toHaveLength(2295);
    expect(gexf.match(/<viz:position /g)).toHaveLength(2295);
  });

  it('rejects an unknown format with exit code 2, naming it and the known ones, before any work', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'kolmap-analyze-formats-')), 'out');
    const run = runCli(['analyze', 'data/demo', '--out', out, '--formats', 'json,xml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"xml"');
    expect(run.stderr).toContain('json, gexf, graphml, csv, report');
    expect(() => readdirSync(out)).toThrow();
  });

  it('documents --formats and its default in its help', () => {
    const help = runCli(['analyze', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(
      /--formats <list>[\s\S]*gexf \(map\.gexf\)[\s\S]*default: "json,csv,report"/,
    );
  });

  it('rejects bad score weights and unknown actor types with exit code 2', () => {
    const out = mkdtempSync(join(tmpdir(), 'kolmap-analyze-bad-'));
    expect(runCli(['analyze', 'data/demo', '--out', out, '--weights', 'fame=1']).code).toBe(2);
    expect(runCli(['analyze', 'data/demo', '--out', out, '--exclude-types', 'robots']).code).toBe(
      2,
    );
  });
});
