// The listening routes over the embedded store.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedMapStore } from '../../src/index.js';
import { describeListeningApi } from './listening.contract.js';

const folders: string[] = [];

describeListeningApi('embedded store', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'kolmap-listening-store-'));
  folders.push(dataDir);
  const store = new EmbeddedMapStore({ dataDir });
  await store.init();
  return store;
});

afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});
