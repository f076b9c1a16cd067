// Bench step of `pnpm bench serve`: a large map on the embedded store, saved by one process and served
// cold by another, each request timed with the server's resident memory; prints JSON.
// Usage: serve-map.ts save <dataDir> <accounts> <interactions>
//        serve-map.ts serve <dataDir> <route,route,…>  (routes: graph, kols, shortlist, diverse, export)
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import {
  createApp,
  createLogger,
  EmbeddedMapStore,
  JobQueue,
  loadConfig,
} from '../../packages/api/src/index.js';
import { rssSampler } from '../child-process.js';
import { benchMap, withClusteredPositions } from '../store-map.js';

const [action, dataDir = '', ...rest] = process.argv.slice(2);
const rss = rssSampler();
const result: Record<string, number | string> = {};

if (action === 'save') {
  const [accounts = '100000', interactions = '1000000'] = rest;
  const input = withClusteredPositions(
    benchMap('Generated map', { accounts: Number(accounts), interactions: Number(interactions) }),
  );
  const store = new EmbeddedMapStore({ dataDir });
  await store.init();
  rss.reset();
  const started = performance.now();
  const map = await store.maps.save(input);
  result.saveMs = performance.now() - started;
  result.savePeakMb = rss.peakMb();
  result.mapId = map.id;
  await store.close();
} else {
  const routes = (rest[0] ?? 'graph').split(',');
  const store = new EmbeddedMapStore({ dataDir });
  await store.init();
  const config = loadConfig({ KOLMAP_DATA_DIR: dataDir, KOLMAP_RATE_LIMIT: '0' });
  const jobs = new JobQueue({ store });
  const app = createApp({ config, store, jobs, logger: createLogger('silent') });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
  const [map] = await store.maps.list();
  if (!map) throw new Error(`no map in ${dataDir}`);
  const paths: Record<string, string> = {
    graph: `/maps/${map.id}/graph`,
    kols: `/maps/${map.id}/kols?limit=50&community=3`,
    shortlist: `/maps/${map.id}/shortlist.csv?limit=100`,
    diverse: `/maps/${map.id}/shortlist.csv?limit=100&mode=diverse`,
    export: `/maps/${map.id}/export.json`,
  };
  for (const [i, route] of routes.entries()) {
    const path = paths[route];
    if (!path) throw new Error(`unknown route ${route}`);
    rss.reset();
    const started = performance.now();
    const response = await fetch(base + path, { headers: { 'accept-encoding': 'gzip' } });
    const body = Buffer.from(await response.arrayBuffer());
    if (!response.ok) throw new Error(`${route}: ${response.status} ${body.toString()}`);
    const name = `${i}-${route}`;
    result[`${name} ms`] = Math.round(performance.now() - started);
    result[`${name} peak MB`] = Math.round(rss.peakMb());
    result[`${name} bytes`] = body.length;
    result[`${name} sha256`] = createHash('sha256').update(body).digest('hex').slice(0, 16);
  }
  global.gc?.();
  result.rssAfterMb = Math.round(process.memoryUsage.rss() / 2 ** 20);
  server.close();
  await jobs.close();
  await store.close();
}
await rss.stop();
process.stdout.write(`${JSON.stringify(result)}\n`);
