// `pnpm bench [entry…] [--records N]`: kolmap's benchmarks, each compared side by side with a
// reference implementation in the same run (ratios, since this machine is shared and noisy).
// Results are printed and saved to bench/results/latest.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchAnalyze } from './analyze-bench.js';
import { benchCommunities } from './communities-bench.js';
import { benchHttp } from './http-bench.js';
import { benchInfluence } from './influence-bench.js';
import { benchListen } from './listen-bench.js';
import { benchLoad } from './load-bench.js';
import { benchServe } from './serve-bench.js';
import { benchViewer } from './steps/viewer.js';
import { benchStore } from './store-bench.js';

export interface BenchResult {
  entry: string;
  rows: Array<Record<string, string | number>>;
  targets: Array<{ target: string; met: boolean }>;
}

const ENTRIES: Record<string, (options: { records: number }) => Promise<BenchResult>> = {
  load: benchLoad,
  communities: benchCommunities,
  influence: benchInfluence,
  analyze: benchAnalyze,
  store: benchStore,
  http: benchHttp,
  serve: benchServe,
  listen: benchListen,
  viewer: benchViewer,
};

const { values, positionals } = parseArgs({
  options: { records: { type: 'string', default: '1000000' } },
  allowPositionals: true,
});
const records = Number(values.records);
const chosen = positionals.length > 0 ? positionals : Object.keys(ENTRIES);
const results: BenchResult[] = [];
for (const name of chosen) {
  const entry = ENTRIES[name];
  if (!entry) {
    process.stderr.write(
      `unknown benchmark "${name}"; there are: ${Object.keys(ENTRIES).join(', ')}\n`,
    );
    process.exit(2);
  }
  const result = await entry({ records });
  results.push(result);
  print(result);
}
const folder = join(dirname(fileURLToPath(import.meta.url)), 'results');
mkdirSync(folder, { recursive: true });
writeFileSync(
  join(folder, 'latest.json'),
  `${JSON.stringify({ date: new Date().toISOString(), results }, null, 2)}\n`,
);

function print(result: BenchResult): void {
  process.stdout.write(`\n== ${result.entry}\n`);
  const columns = [...new Set(result.rows.flatMap((row) => Object.keys(row)))];
  const widths = columns.map((column) =>
    Math.max(column.length, ...result.rows.map((row) => String(row[column] ?? '').length)),
  );
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ');
  process.stdout.write(`${line(columns)}\n`);
  for (const row of result.rows)
    process.stdout.write(`${line(columns.map((c) => String(row[c] ?? '')))}\n`);
  for (const { target, met } of result.targets)
    process.stdout.write(`target ${met ? 'met   ' : 'MISSED'}  ${target}\n`);
}
