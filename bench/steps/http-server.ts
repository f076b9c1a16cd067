// A kolmap API server for the HTTP benchmark, in its own process: saves the demo map and a
// synthetic map of `records` interactions into the store named by the arguments, starts the app,
// prints `{url, maps}` on one line, and serves until it is killed.
// Arguments: <embedded|neo4j> <data folder|bolt URI> <records>
import {
  analyseDataset,
  createApp,
  createLogger,
  createMapStore,
  DEMO_DATA_DIR,
  JobQueue,
  loadConfig,
  type MapStore,
} from '../../packages/api/src/index.js';
import { analysisOptionsSchema } from '../../packages/core/src/index.js';
import { benchMap } from '../store-map.js';

const [kind, where, recordsText] = process.argv.slice(2);
const records = Number(recordsText);
const env =
  kind === 'neo4j'
    ? {
        NEO4J_URI: where,
        KOLMAP_RATE_LIMIT: '0',
        KOLMAP_DATA_DIR: `${process.cwd()}/.kolmap-bench`,
      }
    : { KOLMAP_DATA_DIR: where, KOLMAP_RATE_LIMIT: '0' };
const config = loadConfig(env);
const store: MapStore = await createMapStore(config.store);

const { graph } = await analyseDataset(
  [DEMO_DATA_DIR],
  analysisOptionsSchema.parse({ actors: true }),
);
const demo = await store.maps.save({ name: 'demo', graph });
const big = await store.maps.save(
  benchMap('big', { accounts: Math.max(1000, Math.round(records / 10)), interactions: records }),
);
const maps: Array<{ label: string; id: string; topKey?: string; community?: number }> = [];
for (const [label, map] of [
  ['demo', demo],
  [`${records.toLocaleString('en')} edges`, big],
] as const) {
  const top = await store.accounts.findKols(map.id, { limit: 1 });
  maps.push({
    label,
    id: map.id,
    topKey: top.items[0]?.key,
    community: top.items[0]?.attributes.community,
  });
}
const jobs = new JobQueue({ store });
const app = createApp({ config, store, jobs, logger: createLogger('silent') });
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}`, maps })}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  void jobs
    .close()
    .then(() => store.close())
    .then(() => process.exit(0));
});
