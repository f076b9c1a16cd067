// Benchmark `serve`: a generated map of `records` links (records/10 accounts, positions clustered by
// community) saved into the embedded store by one process, then served by fresh ones
// (bench/steps/serve-map.ts): the first `/graph` of a cold server and what follows it, the first
// `/kols` of another, with the server's resident memory at each request.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStep } from './child-process.js';
import type { BenchResult } from './run.js';

const TARGET_COLD_GRAPH_MS = 5000;
const ROUTES = 'graph,graph,kols,shortlist,diverse,export';

export async function benchServe({ records }: { records: number }): Promise<BenchResult> {
  const accounts = Math.max(1000, Math.round(records / 10));
  const dataDir = mkdtempSync(join(tmpdir(), 'kolmap-bench-serve-'));
  try {
    const saved = runStep('serve-map', ['save', dataDir, `${accounts}`, `${records}`]);
    const rows: BenchResult['rows'] = [
      {
        request: 'save',
        ms: Math.round(saved.saveMs ?? 0),
        'peak MB': Math.round(saved.savePeakMb ?? 0),
      },
    ];
    const row = (run: Record<string, number>, name: string, label: string) => {
      rows.push({
        request: label,
        ms: run[`${name} ms`] ?? '',
        'peak MB': run[`${name} peak MB`] ?? '',
        bytes: run[`${name} bytes`] ?? '',
      });
    };
    const served = runStep('serve-map', ['serve', dataDir, ROUTES]);
    const labels = [
      '/graph, cold server',
      '/graph again',
      '/kols',
      'shortlist.csv (top)',
      'shortlist.csv (diverse)',
      'export.json',
    ];
    ROUTES.split(',').forEach((route, i) => row(served, `${i}-${route}`, labels[i] as string));
    const kols = runStep('serve-map', ['serve', dataDir, 'kols']);
    row(kols, '0-kols', '/kols, cold server');
    return {
      entry: `serve: embedded store, ${accounts.toLocaleString('en')} accounts / ${records.toLocaleString('en')} links`,
      rows,
      targets: [
        {
          target: `first /graph of a cold server < ${TARGET_COLD_GRAPH_MS} ms`,
          met: (served['0-graph ms'] ?? Number.POSITIVE_INFINITY) < TARGET_COLD_GRAPH_MS,
        },
      ],
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
