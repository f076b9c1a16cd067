// Benchmark of the whole `kolmap analyze` pipeline (load → build → communities → influence → score →
// profiles → layout → outputs) on generated attention graphs of ~N/10 and ~N interaction records,
// each in its own process: seconds per stage, writing the default outputs and every format, and peak
// memory, against absolute targets.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStep } from './child-process.js';
import { writeInteractionFiles } from './inputs.js';
import type { BenchResult } from './run.js';

/** At the largest size: the whole pipeline, at most. */
const TARGET_SECONDS = 60;
const TARGET_PEAK_MB = 3 * 1024;
const STAGES = [
  ['load', 'load s'],
  ['build', 'build s'],
  ['communities', 'communities s'],
  ['influence', 'influence s'],
  ['score', 'score s'],
  ['profiles', 'profiles s'],
  ['layout', 'layout s'],
  ['writeDefault', 'default outputs s'],
  ['writeAll', 'all formats s'],
] as const;

export async function benchAnalyze({ records }: { records: number }): Promise<BenchResult> {
  const folder = mkdtempSync(join(tmpdir(), 'kolmap-bench-analyze-'));
  try {
    const rows: BenchResult['rows'] = [];
    const sizes = [Math.round(records / 10), records];
    let largest: Record<string, number> = {};
    for (const size of sizes) {
      const files = await writeInteractionFiles(join(folder, `interactions-${size}`), {
        records: size,
        accounts: Math.max(1000, Math.round(size / 10)),
        seed: 42,
      });
      const run = runStep('analyze', [files.jsonl, join(folder, `map-${size}`)]);
      rmSync(files.jsonl, { force: true });
      rmSync(files.edgeList, { force: true });
      const row: Record<string, string | number> = {
        graph: `${(run.nodes ?? 0).toLocaleString('en')} nodes, ${(run.edges ?? 0).toLocaleString('en')} edges`,
        communities: run.communities ?? '',
      };
      for (const [stage, column] of STAGES) {
        row[column] = (run[`${stage}Seconds`] ?? Number.NaN).toFixed(1);
      }
      row['total s (default outputs)'] = (run.seconds ?? Number.NaN).toFixed(1);
      row['writing default peak MB'] = Math.round(run.writeDefaultPeakMb ?? Number.NaN);
      row['writing all peak MB'] = Math.round(run.writeAllPeakMb ?? Number.NaN);
      row['peak MB'] = Math.round(run.peakMb ?? Number.NaN);
      rows.push(row);
      largest = run;
    }
    const size = records.toLocaleString('en');
    return {
      entry: `analyze: the whole pipeline on the graphs of ${sizes.map((s) => s.toLocaleString('en')).join(' and ')} interaction records (JSONL), default options, seed 42`,
      rows,
      targets: [
        {
          target: `${size} records: whole pipeline < ${TARGET_SECONDS} s`,
          met: (largest.seconds ?? Number.POSITIVE_INFINITY) < TARGET_SECONDS,
        },
        {
          target: `${size} records: peak memory < ${TARGET_PEAK_MB} MB (3 GB)`,
          met: (largest.peakMb ?? Number.POSITIVE_INFINITY) < TARGET_PEAK_MB,
        },
      ],
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
