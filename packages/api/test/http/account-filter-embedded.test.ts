// The account filter contract over the embedded store.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedMapStore } from '../../src/index.js';
import { describeAccountFilterContract } from './account-filter.contract.js';

const folders: string[] = [];

describeAccountFilterContract('embedded store', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'kolmap-filter-store-'));
  folders.push(dataDir);
  const store = new EmbeddedMapStore({ dataDir });
  await store.init();
  return store;
});

afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});
