// The AHCA health-care retweet network (../shared/data, Twitter 2017) analysed end to end as
// `kolmap analyze` does, by `pnpm example:ahca` (the worked example of docs/validation.md,
// "Influence"), run in its own Node process: under jest's module sandbox the layout ran about 10×
// slower (180 s instead of 19 s here), which would time the sandbox, not kolmap.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { SerializedGraph } from 'graphology-types';
import { describeWithSharedData } from '../../packages/core/test/shared-data.js';
import { AHCA_TOP_RETWEETED } from './ahca-dataset.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The whole run (process start, accounts.csv, load, analysis, map.json) takes about 25 s here. */
const MAX_SECONDS = 60;

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
  let seconds: number;

  beforeAll(async () => {
    const out = await mkdtemp(join(tmpdir(), 'kolmap-ahca-test-'));
    try {
      const start = performance.now();
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'bench/ahca-example.ts'), '--json', '--out', out],
        { cwd: ROOT, timeout: 300_000, maxBuffer: 16 * 1024 * 1024 },
      );
      seconds = (performance.now() - start) / 1000;
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

  it('finds communities, in reasonable time', () => {
    expect(summary.communities).toBeGreaterThan(1);
    expect(summary.modularity).toBeGreaterThan(0.5);
    expect(seconds).toBeLessThan(MAX_SECONDS);
  });
});
