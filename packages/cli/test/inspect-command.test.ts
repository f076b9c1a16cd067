import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsonOf, REPOSITORY_ROOT, runCli } from './run-cli.js';

describe('kolmap inspect and generate', () => {
  it('inspect --json counts the demo data per platform, actor type and interaction type', () => {
    const summary = jsonOf(runCli(['inspect', 'data/demo', '--json']));
    const truth = JSON.parse(
      readFileSync(join(REPOSITORY_ROOT, 'data/demo/ground-truth.json'), 'utf8'),
    );
    expect(summary.accounts).toBe(Object.keys(truth.accounts).length);
    expect(summary.stubAccounts).toBe(0);
    const byPlatform = summary.accountsByPlatform as Record<string, number>;
    expect(Object.values(byPlatform).reduce((sum, count) => sum + count, 0)).toBe(summary.accounts);
    expect(summary.rejected).toBe(0);
    const byType = summary.edgesByType as Record<string, number>;
    expect(Object.keys(byType)).toEqual(
      expect.arrayContaining(['follow', 'mention', 'reply', 'repost', 'quote', 'comment']),
    );
  });

  it('generate writes a smaller seeded dataset that inspect then reads without rejections', () => {
    const folder = mkdtempSync(join(tmpdir(), 'kolmap-generate-'));
    const generated = jsonOf(
      runCli([
        'generate',
        '--out',
        folder,
        '--seed',
        '7',
        '--accounts',
        '400',
        '--posts',
        '1500',
        '--json',
      ]),
    );
    expect(generated).toMatchObject({ accounts: 400, posts: 1500 });
    const summary = jsonOf(runCli(['inspect', folder, '--json']));
    expect(summary).toMatchObject({ accounts: 400, posts: 1500, rejected: 0, stubAccounts: 0 });
  });

  it('stops a load beyond an input limit with exit 2, naming the flag that raises it', () => {
    const folder = mkdtempSync(join(tmpdir(), 'kolmap-limits-'));
    const file = join(folder, 'edges.csv');
    writeFileSync(file, Array.from({ length: 20 }, (_, i) => `a${i},b${i}`).join('\n'));
    const stopped = runCli(['inspect', file, '--max-records', '10']);
    expect(stopped.code).toBe(2);
    expect(stopped.stderr).toContain(`${file}:11`);
    expect(stopped.stderr).toContain('--max-records');
    expect(jsonOf(runCli(['inspect', file, '--max-records', '20', '--json']))).toMatchObject({
      rejected: 0,
    });
  });

  it('--help exits 0 and an unknown command exits 2', () => {
    expect(runCli(['--help']).code).toBe(0);
    expect(runCli(['frobnicate']).code).toBe(2);
  });
});
