// Benchmark of issue "listening": matching, tonality and pharmacovigilance intake over N posts made by
// the demo generator (seed 42, N / 50 accounts) and read back from JSONL, in its own process
// (bench/steps/listen.ts): posts listened to per second (wall clock; CPU seconds beside it, as the
// machine is shared), peak memory, recall and precision on the planted cases.
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemo } from '../packages/demo/src/index.js';
import { runStep } from './child-process.js';
import type { BenchResult } from './run.js';

const TARGET_POSTS_PER_SECOND = 50_000;
const TARGET_PEAK_MB = 3 * 1024;
const TARGET_RECALL = 0.95;

export async function benchListen({ records }: { records: number }): Promise<BenchResult> {
  const folder = mkdtempSync(join(tmpdir(), 'kolmap-bench-listen-'));
  try {
    const demo = generateDemo({
      seed: 42,
      accounts: Math.max(3000, Math.round(records / 50)),
      posts: records,
    });
    const input = join(folder, 'posts.jsonl');
    const stream = createWriteStream(input);
    let chunk = '';
    const write = async (record: object) => {
      chunk += `${JSON.stringify(record)}\n`;
      if (chunk.length < 1 << 20) return;
      if (!stream.write(chunk)) await once(stream, 'drain');
      chunk = '';
    };
    for (const account of demo.accounts) await write({ kind: 'account', ...account });
    for (const post of demo.posts) await write({ kind: 'post', ...post });
    stream.end(chunk);
    await once(stream, 'finish');
    const cases = join(folder, 'cases.json');
    writeFileSync(cases, JSON.stringify(demo.groundTruth.pvCases.map((item) => item.postId)));
    const run = runStep('listen', [input, cases]);
    const perSecond = Math.round(run.postsPerSecond ?? 0);
    return {
      entry: `listen: matching + tonality + pharmacovigilance intake over ${records.toLocaleString('en')} generated posts (demo watch list)`,
      rows: [
        {
          posts: (run.posts ?? 0).toLocaleString('en'),
          'naming a brand': (run.naming ?? 0).toLocaleString('en'),
          'load s': (run.loadSeconds ?? Number.NaN).toFixed(1),
          'listen s': (run.listenSeconds ?? Number.NaN).toFixed(1),
          'posts/s': perSecond,
          'CPU s': (run.cpuSeconds ?? Number.NaN).toFixed(1),
          'PV flagged': run.flagged ?? '',
          'planted cases': run.planted ?? '',
          recall: (run.recall ?? Number.NaN).toFixed(3),
          precision: (run.precision ?? Number.NaN).toFixed(3),
          'MB before listening': Math.round(run.rssBeforeMb ?? Number.NaN),
          'peak MB': Math.round(run.peakMb ?? Number.NaN),
        },
      ],
      targets: [
        {
          target: `≥ ${TARGET_POSTS_PER_SECOND.toLocaleString('en')} posts/s listened to`,
          met: perSecond >= TARGET_POSTS_PER_SECOND,
        },
        {
          target: `peak memory < ${TARGET_PEAK_MB} MB (3 GB), dataset included`,
          met: (run.peakMb ?? Number.POSITIVE_INFINITY) < TARGET_PEAK_MB,
        },
        {
          target: `recall on the planted pharmacovigilance cases ≥ ${TARGET_RECALL}`,
          met: (run.recall ?? 0) >= TARGET_RECALL,
        },
      ],
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
