// Benchmark of issue "foundation": parse + validate + build from N generated interaction records,
// kolmap (JSONL with zod validation, and a plain edge list) beside igraph reading the same edges.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStep } from './child-process.js';
import { writeInteractionFiles } from './inputs.js';
import { runReference } from './python.js';
import type { BenchResult } from './run.js';

const TARGET_RECORDS_PER_SECOND = 100_000;
const TARGET_PEAK_MB = 1500;

export async function benchLoad({ records }: { records: number }): Promise<BenchResult> {
  const folder = mkdtempSync(join(tmpdir(), 'kolmap-bench-'));
  try {
    const files = await writeInteractionFiles(join(folder, 'interactions'), {
      records,
      accounts: Math.max(1000, Math.round(records / 10)),
      seed: 42,
      formats: ['jsonl', 'edgeList'],
    });
    const jsonl = runStep('load-build', [files.jsonl]);
    const edgeList = runStep('load-build', [files.edgeList]);
    const igraph = runReference('igraph_load.py', [files.edgeList]);
    const row = (name: string, r: Record<string, number>) => ({
      input: name,
      'records/s': Math.round(records / (r.seconds ?? Number.NaN)),
      seconds: (r.seconds ?? Number.NaN).toFixed(2),
      'load s': r.loadSeconds?.toFixed(2) ?? '',
      'build s': r.buildSeconds?.toFixed(2) ?? '',
      nodes: r.nodes ?? '',
      edges: r.edges ?? '',
      'peak MB': Math.round(r.peakMb ?? Number.NaN),
      'time / igraph': igraph?.seconds ? ((r.seconds ?? 0) / igraph.seconds).toFixed(1) : 'n/a',
    });
    const rows = [row('kolmap JSONL (zod)', jsonl), row('kolmap edge list', edgeList)];
    if (igraph) rows.push(row('igraph Read_Ncol', igraph));
    const perSecond = records / (jsonl.seconds ?? Number.POSITIVE_INFINITY);
    return {
      entry: `load: parse + validate + build, ${records.toLocaleString('en')} interaction records`,
      rows,
      targets: [
        {
          target: `kolmap JSONL ≥ ${TARGET_RECORDS_PER_SECOND.toLocaleString('en')} records/s end to end`,
          met: perSecond >= TARGET_RECORDS_PER_SECOND,
        },
        {
          target: `kolmap JSONL peak memory < ${TARGET_PEAK_MB} MB`,
          met: (jsonl.peakMb ?? Number.POSITIVE_INFINITY) < TARGET_PEAK_MB,
        },
      ],
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
