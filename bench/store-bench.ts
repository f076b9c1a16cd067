// Benchmark of issue "persistence": save a synthetic analysed map (records/10 accounts, `records`
// interactions) into a real local Neo4j and into the embedded store, then query it (top KOLs with
// filters, next page, ego networks, shortest paths, search) and delete it. Each store runs in its
// own process (bench/steps/store.ts), so its peak memory is its own (the input map included). A
// smaller map first measures Neo4j's write rate per batch size. Neo4j: NEO4J_URI if set, else
// tools/neo4j-local started here on a free port with a temporary data folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_EMBEDDED_MAP_STORE_OPTIONS,
  DEFAULT_NEO4J_MAP_STORE_OPTIONS,
} from '../packages/api/src/index.js';
import { freePort, neo4jLocal } from '../test/setup/neo4j-local.js';
import { runStep } from './child-process.js';
import type { BenchResult } from './run.js';

const TARGET_RELATIONSHIPS_PER_SECOND = 50_000;
const TARGET_TOP_P99_MS = 50;
const SWEEP_BATCH_SIZES = [1000, 5000, 10_000, 20_000];

export async function benchStore({ records }: { records: number }): Promise<BenchResult> {
  const accounts = Math.max(1000, Math.round(records / 10));
  const folder = mkdtempSync(join(tmpdir(), 'kolmap-bench-store-'));
  const external = process.env.NEO4J_URI;
  const local = external ? undefined : { port: await freePort(), dataDir: join(folder, 'neo4j') };
  const control = await neo4jLocal();
  try {
    const uri = local
      ? (await control.startNeo4j({ ...local, exitWithParent: true })).uri
      : (external as string);
    const rows: BenchResult['rows'] = [];
    const ms = (value: number | undefined) => (value === undefined ? '' : value.toFixed(1));
    // A rate the step could not measure shows as '–', not 0.
    const rate = (value: number | undefined) => (value === undefined ? '–' : Math.round(value));
    const sweepAccounts = Math.max(1000, Math.round(accounts / 5));
    const sweepInteractions = Math.max(10_000, Math.round(records / 5));
    for (const batch of SWEEP_BATCH_SIZES) {
      const r = runStep('store', [
        'neo4j',
        uri,
        `${sweepAccounts}`,
        `${sweepInteractions}`,
        `${batch}`,
        '0',
      ]);
      rows.push({
        store: `neo4j, batch ${batch} (${sweepInteractions.toLocaleString('en')} rels)`,
        'accounts/s': rate(r.accountsPerSecond),
        'rels/s': rate(r.relationshipsPerSecond),
        'save s': (r.saveSeconds ?? 0).toFixed(1),
        'delete s': (r.deleteSeconds ?? 0).toFixed(1),
      });
    }
    // The full runs use each store's default batch size: what users get.
    const full = (kind: 'neo4j' | 'embedded', where: string) => {
      const batch =
        kind === 'neo4j'
          ? DEFAULT_NEO4J_MAP_STORE_OPTIONS.batchSize
          : DEFAULT_EMBEDDED_MAP_STORE_OPTIONS.batchSize;
      const r = runStep('store', [kind, where, `${accounts}`, `${records}`, `${batch}`, '1']);
      rows.push({
        store: `${kind} (${accounts.toLocaleString('en')} accounts, ${records.toLocaleString('en')} rels)`,
        'accounts/s': rate(r.accountsPerSecond),
        'rels/s': rate(r.relationshipsPerSecond),
        'validate s': (r.validateSeconds ?? 0).toFixed(1),
        'save s': (r.saveSeconds ?? 0).toFixed(1),
        'delete s': (r.deleteSeconds ?? 0).toFixed(1),
        'peak MB': Math.round(r.peakMb ?? 0),
        'heap MB map/save peak': `${Math.round(r.inputHeapMb ?? 0)}/${Math.round(r.saveHeapPeakMb ?? 0)}`,
        'heap MB load peak/loaded': `${Math.round(r.loadHeapPeakMb ?? 0)}/${Math.round(r.loadedHeapMb ?? 0)}`,
        'first query s': (r.firstQuerySeconds ?? 0).toFixed(2),
        'top50 p50/p99 ms': `${ms(r.topP50)}/${ms(r.topP99)}`,
        'page2 p50/p99': `${ms(r.nextPageP50)}/${ms(r.nextPageP99)}`,
        'ego p50/p99': `${ms(r.egoP50)}/${ms(r.egoP99)}`,
        'ego2 p50/p99': `${ms(r.ego2P50)}/${ms(r.ego2P99)}`,
        'path p50/p99': `${ms(r.pathP50)}/${ms(r.pathP99)}`,
        'search p50/p99': `${ms(r.searchP50)}/${ms(r.searchP99)}`,
      });
      return r;
    };
    const neo4j = full('neo4j', uri);
    const embedded = full('embedded', join(folder, 'embedded'));
    return {
      entry: `store: save + query + delete, ${accounts.toLocaleString('en')} accounts and ${records.toLocaleString('en')} interactions`,
      rows,
      targets: [
        {
          target: `Neo4j ≥ ${TARGET_RELATIONSHIPS_PER_SECOND.toLocaleString('en')} relationships/s`,
          met: (neo4j.relationshipsPerSecond ?? 0) >= TARGET_RELATIONSHIPS_PER_SECOND,
        },
        {
          target: `Neo4j top-50 KOLs with a filter < ${TARGET_TOP_P99_MS} ms p99`,
          met: (neo4j.topP99 ?? Number.POSITIVE_INFINITY) < TARGET_TOP_P99_MS,
        },
        {
          target: `embedded top-50 KOLs with a filter < ${TARGET_TOP_P99_MS} ms p99`,
          met: (embedded.topP99 ?? Number.POSITIVE_INFINITY) < TARGET_TOP_P99_MS,
        },
      ],
    };
  } finally {
    if (local) await control.stopNeo4j(local);
    rmSync(folder, { recursive: true, force: true });
  }
}
