// The HTTP API over the embedded store, and what it answers when the store is down.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import request from 'supertest';
import { freePort } from '../../../../test/setup/neo4j-local.js';
import {
  createApp,
  EmbeddedMapStore,
  JobQueue,
  loadConfig,
  Neo4jMapStore,
} from '../../src/index.js';
import { describeApiContract } from './api.contract.js';

const folders: string[] = [];

describeApiContract('embedded store', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'kolmap-api-store-'));
  folders.push(dataDir);
  const store = new EmbeddedMapStore({ dataDir });
  await store.init();
  return store;
});

afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

describe('HTTP API with the store down', () => {
  it('answers 503 STORE_UNAVAILABLE on readyz and on reads within 2 s, and keeps serving', async () => {
    // A real driver, with the default timeouts, pointed at a port where nothing listens.
    const store = new Neo4jMapStore({ uri: `bolt://127.0.0.1:${await freePort()}` });
    const config = loadConfig({ KOLMAP_RATE_LIMIT: '0', KOLMAP_DATA_DIR: tmpdir() });
    const jobs = new JobQueue({ store });
    const app = createApp({ config, store, jobs, logger: pino({ level: 'silent' }) });
    try {
      let started = performance.now();
      const ready = await request(app).get('/readyz').expect(503);
      expect(ready.body.error.code).toBe('STORE_UNAVAILABLE');
      expect(performance.now() - started).toBeLessThan(2000);
      started = performance.now();
      const maps = await request(app).get('/api/v1/maps').expect(503);
      expect(maps.body.error).toMatchObject({ code: 'STORE_UNAVAILABLE' });
      expect(performance.now() - started).toBeLessThan(2000);
      await request(app).get('/healthz').expect(200);
    } finally {
      await jobs.close();
      await store.close();
    }
  });
});
