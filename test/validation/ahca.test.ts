// The AHCA health-care retweet network (../shared/data, Twitter 2017) analysed end to end as
// `kolmap analyze` does, by `pnpm example:ahca` (the worked example of docs/validation.md,
// "Influence"), run in its own Node process: under jest's module sandbox the layout ran about 10×
// slower (180 s instead of 19 s here). Its speed is measured by `pnpm bench`, not here.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DirectedGraph } from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import {
  type CommunityProfile,
  DEFAULT_SCORE_WEIGHTS,
  toMarkdownReport,
} from '../../packages/core/src/index.js';
import { describeWithSharedData } from '../../packages/core/test/shared-data.js';
import { AHCA_TOP_RETWEETED } from './ahca-dataset.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

interface Summary {
  accounts: number;
  edges: number;
  retweets: number;
  communities: number;
  modularity: number;
  ranked: number;
  top10: string[];
}

describeWithSharedData('AHCA retweet network, end to end', () => {
  let summary: Summary;
  let map: SerializedGraph;

  beforeAll(async () => {
    const out = await mkdtemp(join(tmpdir(), 'kolmap-ahca-test-'));
    try {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'bench/ahca-example.ts'), '--json', '--out', out],
        { cwd: ROOT, timeout: 300_000, maxBuffer: 16 * 1024 * 1024 },
      );
      summary = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Summary;
      map = JSON.parse(await readFile(join(out, 'map.json'), 'utf8')) as SerializedGraph;
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 300_000);

  it('reads every account of the match file and every distinct retweeting pair', () => {
    expect(summary).toMatchObject({ accounts: 54_836, edges: 89_059, retweets: 96_704 });
    expect(map.nodes).toHaveLength(54_836);
    expect(map.edges).toHaveLength(89_059);
    // The match file's accounts and the edge list's ids are the same nodes (x:<id>), named.
    const joekennedy = map.nodes.find((node) => node.key === 'x:81');
    expect(joekennedy?.attributes?.handle).toBe('joekennedy');
    expect(map.nodes.filter((node) => node.attributes?.stub === true)).toHaveLength(0);
  });

  it('gives every account a community, a score, a rank, a community rank and a position', () => {
    expect(summary.ranked).toBe(54_836);
    const incomplete = map.nodes.filter(({ attributes = {} }) => {
      const { community, kolScore, rank, communityRank, x, y } = attributes;
      return !(
        Number.isInteger(community) &&
        Number.isFinite(kolScore) &&
        Number.isInteger(rank) &&
        Number.isInteger(communityRank) &&
        Number.isFinite(x) &&
        Number.isFinite(y)
      );
    });
    expect(incomplete.map((node) => node.key)).toEqual([]);
    expect(new Set(map.nodes.map((node) => node.attributes?.rank)).size).toBe(54_836);
  });

  it("puts at least 3 of the README's 5 most retweeted accounts in the top 10", () => {
    expect(summary.top10).toHaveLength(10);
    const found = AHCA_TOP_RETWEETED.filter((account) => summary.top10.includes(`x:${account.id}`));
    expect(found.length).toBeGreaterThanOrEqual(3);
  });

  it('draws its large communities apart and most accounts small', () => {
    const nodes = map.nodes.map(({ attributes = {} }) => attributes);
    const sums = new Map<number, { x: number; y: number; count: number }>();
    for (const { community, x, y } of nodes) {
      const sum = sums.get(community) ?? { x: 0, y: 0, count: 0 };
      sums.set(community, { x: sum.x + x, y: sum.y + y, count: sum.count + 1 });
    }
    const centres = [...sums].filter(([, sum]) => sum.count >= 50);
    let members = 0;
    let closerToOwn = 0;
    for (const { community, x, y } of nodes) {
      if (!centres.some(([id]) => id === community)) continue;
      members++;
      const distances = centres.map(
        ([id, sum]) => [id, Math.hypot(x - sum.x / sum.count, y - sum.y / sum.count)] as const,
      );
      const nearest = distances.reduce((best, next) => (next[1] < best[1] ? next : best));
      if (nearest[0] === community) closerToOwn++;
    }
    // 0.935 with seed 42: each account closer to its own community's centre than to any other's.
    expect(closerToOwn / members).toBeGreaterThan(0.85);
    const small = nodes.filter(({ size }) => size < 4).length;
    expect(small / nodes.length).toBeGreaterThan(0.8);
  });

  it('finds communities', () => {
    expect(summary.communities).toBeGreaterThan(1);
    expect(summary.modularity).toBeGreaterThan(0.5);
  });

  it('gives the top 10 distinct scores, and PhRMA less than any account with 100× its attention', () => {
    const byRank = map.nodes
      .map(({ attributes = {} }) => attributes)
      .sort((a, b) => (a.rank as number) - (b.rank as number));
    const top10 = byRank.slice(0, 10).map((attributes) => attributes.kolScore as number);
    expect(new Set(top10).size).toBe(10);
    const phrma = byRank.find((attributes) => attributes.handle === 'PhRMA');
    expect(phrma?.inStrength).toBeGreaterThan(0);
    const louder = byRank.filter(
      (attributes) => (attributes.inStrength as number) >= 100 * (phrma?.inStrength as number),
    );
    expect(louder.length).toBeGreaterThan(0);
    for (const attributes of louder) {
      expect(attributes.kolScore as number).toBeGreaterThan(phrma?.kolScore as number);
    }
  });

  it('gives nobody who received no attention a role of attention, nor points for nothing', () => {
    const heardRoles = new Set(['leader', 'community_leader', 'bridge']);
    const unheard = map.nodes.filter(
      ({ attributes = {} }) =>
        attributes.inStrength === 0 && heardRoles.has(attributes.role as string),
    );
    expect(unheard.map((node) => node.key)).toEqual([]);
    // No component above its maximum, 100 × its weight among the components the map could use.
    const used = new Set(
      map.nodes.flatMap(({ attributes = {} }) =>
        Object.keys((attributes.scoreBreakdown as Record<string, number>) ?? {}),
      ),
    );
    const total = [...used].reduce(
      (sum, name) => sum + DEFAULT_SCORE_WEIGHTS[name as keyof typeof DEFAULT_SCORE_WEIGHTS],
      0,
    );
    const over: string[] = [];
    for (const { key, attributes = {} } of map.nodes) {
      for (const [name, points] of Object.entries(
        attributes.scoreBreakdown as Record<string, number>,
      )) {
        const weight = DEFAULT_SCORE_WEIGHTS[name as keyof typeof DEFAULT_SCORE_WEIGHTS] / total;
        if (points > 100 * weight + 1e-9) over.push(`${key} ${name} ${points}`);
      }
    }
    expect(over).toEqual([]);
    // 85 % of the accounts retweeted others and were never retweeted: they score 0, not 43.
    const silent = map.nodes.filter(({ attributes = {} }) => attributes.inStrength === 0);
    expect(silent.length).toBeGreaterThan(40_000);
    expect(Math.max(...silent.map(({ attributes = {} }) => attributes.kolScore as number))).toBe(0);
  });

  it('labels communities without hashtags by their most retweeted members, and keeps the report short', () => {
    const profiles = (map.attributes?.communities ?? []) as CommunityProfile[];
    expect(profiles).toHaveLength(summary.communities);
    const labels = profiles.map((profile) => profile.label);
    expect(new Set(labels).size).toBe(labels.length);
    // No "X (12)": every account is on X, so the platform says nothing of one community.
    expect(labels.filter((label) => /^X\b|\(\d+\)$/.test(label))).toEqual([]);
    const communityOf = (handle: string) =>
      map.nodes.find((node) => node.attributes?.handle === handle)?.attributes?.community;
    const sanders = profiles.find((profile) => profile.id === communityOf('SenSanders'));
    expect(sanders?.label.split(' · ')[0]).toBe('@SenSanders');
    const named = profiles.filter(
      (profile) => profile.size >= 10 && !/^community \d+$/.test(profile.label),
    );
    expect(named.length).toBe(profiles.filter((profile) => profile.size >= 10).length);

    const graph = new DirectedGraph();
    graph.import(map);
    const report = [...toMarkdownReport(graph, { profiles })].join('');
    expect(report.split('\n').length).toBeLessThan(400);
    expect(report).toContain('## Smaller communities');
    expect(report).toContain(`| communities | ${summary.communities} (25 listed one by one,`);
  });
});
