// Benchmark of issue "HTTP API": requests/s and p99 latency of `/kols` (top 50 in one community)
// and `/accounts/:key` (the top KOL with its ego network), measured with autocannon against a
// server running in its own process, for the demo map and a map of `records` interactions, on the
// embedded store and a real local Neo4j.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { freePort, neo4jLocal } from '../test/setup/neo4j-local.js';
import type { BenchResult } from './run.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const TARGET_REQUESTS_PER_SECOND = 1000;
const TARGET_P99_MS = 50;
const SECONDS = 10;
const CONNECTIONS = 10;

interface ServedMap {
  label: string;
  id: string;
  topKey: string;
  community: number;
}

export async function benchHttp({ records }: { records: number }): Promise<BenchResult> {
  const folder = mkdtempSync(join(tmpdir(), 'kolmap-bench-http-'));
  const external = process.env.NEO4J_URI;
  const control = await neo4jLocal();
  const local = external ? undefined : { port: await freePort(), dataDir: join(folder, 'neo4j') };
  const rows: BenchResult['rows'] = [];
  let demoKols: { rps: number; p99: number } | undefined;
  try {
    const uri = local
      ? (await control.startNeo4j({ ...local, exitWithParent: true })).uri
      : (external as string);
    for (const [kind, where] of [
      ['embedded', join(folder, 'embedded')],
      ['neo4j', uri],
    ] as const) {
      const { child, url, maps } = await startServer(kind, where, records);
      try {
        for (const map of maps) {
          const routes = [
            ['/kols', `/api/v1/maps/${map.id}/kols?limit=50&community=${map.community}`],
            ['/accounts/:key', `/api/v1/maps/${map.id}/accounts/${encodeURIComponent(map.topKey)}`],
          ] as const;
          for (const [route, path] of routes) {
            await fetch(url + path); // loads the map (embedded) or warms the page cache
            const result = await autocannon({
              url: url + path,
              connections: CONNECTIONS,
              duration: SECONDS,
            });
            const measured = { rps: result.requests.average, p99: result.latency.p99 };
            if (kind === 'embedded' && map.label === 'demo' && route === '/kols')
              demoKols = measured;
            rows.push({
              store: kind,
              map: map.label,
              route,
              'req/s': Math.round(measured.rps),
              'p50 ms': result.latency.p50,
              'p99 ms': measured.p99,
              errors: result.errors + result.non2xx,
            });
          }
        }
      } finally {
        child.kill('SIGTERM');
      }
    }
  } finally {
    if (local) await control.stopNeo4j(local).catch(() => undefined);
    rmSync(folder, { recursive: true, force: true });
  }
  return {
    entry: `http: autocannon, ${CONNECTIONS} connections × ${SECONDS} s per route`,
    rows,
    targets: [
      {
        target: `/kols on the demo map, embedded store: ≥ ${TARGET_REQUESTS_PER_SECOND} req/s`,
        met: (demoKols?.rps ?? 0) >= TARGET_REQUESTS_PER_SECOND,
      },
      {
        target: `/kols on the demo map, embedded store: p99 < ${TARGET_P99_MS} ms`,
        met: demoKols !== undefined && demoKols.p99 < TARGET_P99_MS,
      },
    ],
  };
}

async function startServer(
  kind: 'embedded' | 'neo4j',
  where: string,
  records: number,
): Promise<{ child: ChildProcess; url: string; maps: ServedMap[] }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(HERE, 'steps', 'http-server.ts'), kind, where, String(records)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) {
    if (line.startsWith('{'))
      return { child, ...(JSON.parse(line) as { url: string; maps: ServedMap[] }) };
  }
  throw new Error(`the ${kind} benchmark server stopped before it was ready`);
}
