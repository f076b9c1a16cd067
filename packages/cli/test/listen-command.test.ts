import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { jsonOf, runCli } from './run-cli.js';

const WATCH = 'data/listening-sample/demo-watch.yaml';

describe('kolmap listen on the demo data', () => {
  const folder = mkdtempSync(join(tmpdir(), 'kolmap-listen-'));
  const key = join(folder, 'pseudonym.key');
  writeFileSync(key, 'a-test-secret-of-32-characters-at-least\n');
  const out = join(folder, 'out');
  const summary = jsonOf(
    runCli([
      'listen',
      'data/demo',
      '--watch',
      WATCH,
      '--out',
      out,
      '--now',
      '2025-01-15',
      '--pseudonym-key',
      key,
      '--period',
      'month',
      '--json',
    ]),
  ) as {
    posts: { listened: number; exported: number };
    pvCases: number;
    excludedFromExport: number;
    compliance: { privacy: { pseudonymised: number } };
  };
  const read = (file: string) =>
    parse(readFileSync(join(out, file)), { columns: true }) as Array<Record<string, string>>;

  it('writes the series, share of voice, communities, PV cases, posts and a summary', () => {
    expect(summary.posts.listened).toBe(21000);
    expect(summary.pvCases).toBe(30);
    const series = read('series.csv');
    expect(new Set(series.map((row) => row.dimension))).toEqual(
      new Set(['brand', 'area', 'topic', 'community']),
    );
    expect(
      series.filter((row) => row.dimension === 'brand' && row.key === 'Mammelis'),
    ).toHaveLength(
      13, // all + 12 months
    );
    const voice = read('share-of-voice.csv').filter((row) => row.period === 'all');
    expect(voice.reduce((sum, row) => sum + Number(row.share), 0)).toBeCloseTo(1, 9);
    expect(JSON.parse(readFileSync(join(out, 'listening.json'), 'utf8'))).toEqual(
      expect.objectContaining({ now: '2025-01-15T00:00:00.000Z', seed: 42 }),
    );
  });

  it('writes every planted case to pv-cases.csv with its criteria and audit start', () => {
    const cases = read('pv-cases.csv');
    const truth = JSON.parse(readFileSync('data/demo/ground-truth.json', 'utf8')) as {
      pvCases: Array<{ postId: string }>;
    };
    const flagged = new Set(cases.map((row) => row.postId));
    const found = truth.pvCases.filter((item) => flagged.has(item.postId)).length;
    expect(found / truth.pvCases.length).toBeGreaterThanOrEqual(0.95);
    expect(cases[0]).toEqual(
      expect.objectContaining({ status: 'new', lastChangedBy: 'kolmap listen' }),
    );
  });

  it('keeps PV posts out of posts.csv and pseudonymises small private accounts', () => {
    const posts = read('posts.csv');
    const cases = new Set(read('pv-cases.csv').map((row) => row.case));
    expect(posts).toHaveLength(summary.posts.exported);
    expect(posts.filter((row) => cases.has(row.key ?? ''))).toEqual([]);
    expect(summary.excludedFromExport).toBeGreaterThanOrEqual(30);
    expect(posts.some((row) => row.author?.startsWith('anon-'))).toBe(true);
    expect(summary.compliance.privacy.pseudonymised).toBeGreaterThan(0);
  });

  it('lists no do-not-contact account among the community leaders', () => {
    const communities = JSON.parse(readFileSync(join(out, 'communities.json'), 'utf8')) as Array<{
      leaders: Array<{ key: string; handle: string | null }>;
    }>;
    const keys = communities.flatMap((community) => community.leaders.map((row) => row.key));
    expect(keys.length).toBeGreaterThan(0);
    // x:x2025 leads the largest community when the watch list has no do-not-contact list.
    expect(keys).not.toContain('x:x2025');
    expect(communities[0]?.leaders).toHaveLength(5);
  });
});

describe('kolmap listen errors', () => {
  it('asks for the pseudonym key when the watch list turns privacy mode on', () => {
    const run = runCli(['listen', 'data/demo', '--watch', WATCH, '--out', join(tmpdir(), 'x')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('pseudonym-key');
  });

  it('names the file, line and field of a bad watch list', () => {
    const folder = mkdtempSync(join(tmpdir(), 'kolmap-listen-'));
    const watch = join(folder, 'watch.yaml');
    writeFileSync(watch, 'products:\n  - name: Clotavane\n    molecules: 12\n');
    const run = runCli(['listen', 'data/demo', '--watch', watch, '--out', folder]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${watch}:3: products[0].molecules: expected a list`);
  });
});
