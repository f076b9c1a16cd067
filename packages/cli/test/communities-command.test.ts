import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWithSharedData, sharedDataPath } from '../../core/test/shared-data.js';
import { jsonOf, runCli } from './run-cli.js';

describeWithSharedData('kolmap communities', () => {
  const karate = sharedDataPath('karate/karate_newman.gml');

  it('prints the run and the table, and writes the partition as JSON attribute and CSV', () => {
    const out = mkdtempSync(join(tmpdir(), 'kolmap-communities-'));
    const summary = jsonOf(runCli(['communities', karate, '--seed', '1', '--out', out, '--json']));
    expect(summary).toMatchObject({ nodes: 34, algorithm: 'leiden', seed: 1 });
    expect(summary.modularity as number).toBeGreaterThan(0.41);
    const graph = JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8'));
    const communities = new Set(
      graph.nodes.map((node: { attributes: { community: number } }) => node.attributes.community),
    );
    expect(communities.size).toBe(summary.count);
    const csv = readFileSync(join(out, 'communities.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('key,community');
    expect(csv).toHaveLength(35);
    const profiles = JSON.parse(readFileSync(join(out, 'communities.json'), 'utf8'));
    expect(profiles.communities).toHaveLength(summary.count as number);
  });

  it('--ensemble adds a confidence per account and the mean NMI between runs', () => {
    const out = mkdtempSync(join(tmpdir(), 'kolmap-ensemble-'));
    const summary = jsonOf(
      runCli(['communities', karate, '--ensemble', '5', '--out', out, '--json']),
    );
    expect(summary.runs).toBe(5);
    expect(summary.meanNmi as number).toBeGreaterThan(0);
    const csv = readFileSync(join(out, 'communities.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('key,community,confidence');
    for (const row of csv.slice(1)) {
      const confidence = Number(row.split(',')[2]);
      expect(confidence).toBeGreaterThanOrEqual(0.2);
      expect(confidence).toBeLessThanOrEqual(1);
    }
  });

  it('--sweep prints modularity and community count per resolution', () => {
    const rows = JSON.parse(runCli(['communities', karate, '--sweep', '0.5:2:4', '--json']).stdout);
    expect(rows.map((row: { resolution: number }) => row.resolution)).toEqual([0.5, 1, 1.5, 2]);
    expect(rows[3].count).toBeGreaterThan(rows[0].count);
  });

  it('rejects a bad algorithm, resolution or sweep with exit code 2', () => {
    expect(runCli(['communities', karate, '--algorithm', 'infomap']).code).toBe(2);
    expect(runCli(['communities', karate, '--resolution', '-1']).code).toBe(2);
    expect(runCli(['communities', karate, '--sweep', '2:1:3']).code).toBe(2);
  });
});

describe('kolmap communities on the demo data, per actor', () => {
  it("labels the communities of the actor map with the hashtags of the actors' posts", () => {
    const summary = jsonOf(runCli(['communities', 'data/demo', '--actors', '--json']));
    const labels = (
      summary.communities as Array<{ id: number | 'other'; label: string; size: number }>
    )
      .filter((row) => row.id !== 'other' && row.size >= 100)
      .map((row) => row.label);
    expect(labels.length).toBeGreaterThanOrEqual(5);
    for (const label of labels) expect(label).toMatch(/^#/);
  });
});
