// The MapStore contract against the embedded (file-backed) store, in a temporary data folder.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedMapStore } from '../../packages/api/src/index.js';
import { smallMap } from './map-fixtures.js';
import { describeMapStoreContract } from './map-store.contract.js';

// One data folder for every store the contract opens (it opens a second one for large maps).
let contractDir: Promise<string> | undefined;
afterAll(async () => {
  if (contractDir) await rm(await contractDir, { recursive: true, force: true });
});

describeMapStoreContract('embedded', async ({ batchSize }) => {
  contractDir ??= mkdtemp(join(tmpdir(), 'kolmap-embedded-'));
  const dataDir = await contractDir;
  const store = new EmbeddedMapStore({ dataDir, batchSize, cacheSize: 2 });
  await store.init();
  return {
    store,
    storedAccounts: async (mapId) => {
      const files = await readdir(join(dataDir, 'maps', mapId)).catch(() => [] as string[]);
      return files.includes('accounts.jsonl') ? 1 : 0;
    },
    storedListening: async (mapId) => {
      const files = await readdir(join(dataDir, 'maps', mapId)).catch(() => [] as string[]);
      return files.filter((file) => /^(listening|pv-cases)/.test(file)).length;
    },
    close: () => store.close(),
  };
});

describe('EmbeddedMapStore files', () => {
  it('keeps maps across instances and hides a map whose manifest is still building', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'kolmap-embedded-'));
    try {
      const first = new EmbeddedMapStore({ dataDir });
      await first.init();
      const map = await first.maps.save(smallMap('kept'));
      await first.close();
      const second = new EmbeddedMapStore({ dataDir });
      await second.init();
      expect((await second.maps.list()).map(({ id }) => id)).toEqual([map.id]);
      expect((await second.accounts.findKols(map.id, { limit: 1 })).items[0]?.key).toBe('x:a');
      expect(await readdir(join(dataDir, 'maps', map.id))).toEqual(
        expect.arrayContaining([
          'manifest.json',
          'accounts.jsonl',
          'interactions.jsonl',
          'communities.json',
        ]),
      );
      await second.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
