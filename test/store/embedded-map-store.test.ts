// The MapStore contract against the embedded (file-backed) store, in a temporary data folder.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedMapStore, type MapGraph } from '../../packages/api/src/index.js';
import { AccountsService } from '../../packages/api/src/services/accounts.service.js';
import { MapGraphs } from '../../packages/api/src/services/map-graphs.js';
import { toDrawnGraph } from '../../packages/model/src/index.js';
import { generatedMap, interactionRecords, smallMap } from './map-fixtures.js';
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
          'interactions.bin',
          'communities.json',
        ]),
      );
      await second.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('EmbeddedMapStore memory', () => {
  it('takes back a map dropped from its cache while the map is still held, rather than load it again', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'kolmap-embedded-'));
    const store = new EmbeddedMapStore({ dataDir, cacheSize: 1 });
    try {
      await store.init();
      const first = await store.maps.save(smallMap('first'));
      const second = await store.maps.save(smallMap('second'));
      const held = await store.accounts.readGraph(first.id);
      await store.accounts.readGraph(second.id);
      expect(await store.accounts.readGraph(first.id)).toBe(held);
      expect(await store.accounts.readGraph(second.id)).not.toBe(held);
    } finally {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('EmbeddedMapStore maps saved before interactions.bin', () => {
  let dataDir: string;
  let mapId: string;
  let saved: MapGraph;
  let folder: string;
  /** What the map answered in the current layout: an ego network, a path, its drawn graphs. */
  let answered: unknown[];

  /** An ego network, a path and the drawn graphs (whole, a community, the top 100) as JSON. */
  async function answers(store: EmbeddedMapStore): Promise<unknown[]> {
    const [top, other] = [saved.accounts[0]?.key as string, saved.accounts[300]?.key as string];
    const accounts = new AccountsService(store.accounts, new MapGraphs(store.accounts));
    return [
      await store.accounts.get(mapId, top, { hops: 2, maxEdges: 50 }),
      await store.accounts.findPath(mapId, other, top),
      ...(await Promise.all(
        [{}, { community: 1 }, { top: 100 }].map(async (query) =>
          JSON.stringify((await accounts.drawnGraph(mapId, query)).graph),
        ),
      )),
    ];
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kolmap-embedded-'));
    const store = new EmbeddedMapStore({ dataDir });
    await store.init();
    mapId = (await store.maps.save(generatedMap('saved before', { accounts: 400 }))).id;
    saved = await store.accounts.readGraph(mapId);
    answered = await answers(store);
    await store.close();
    // The layout before interactions.bin: [sourceIndex, targetIndex, attributes] per line, the
    // indexes into accounts.jsonl.
    folder = join(dataDir, 'maps', mapId);
    const savedOrder = (await readFile(join(folder, 'accounts.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { key: string }).key);
    const indexOf = new Map(savedOrder.map((key, index) => [key, index]));
    const lines = interactionRecords(saved).map(
      ({ source, target, attributes }) =>
        `${JSON.stringify([indexOf.get(source), indexOf.get(target), attributes])}\n`,
    );
    await writeFile(join(folder, 'interactions.jsonl'), lines.join(''));
    await rm(join(folder, 'interactions.bin'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  async function opened<T>(use: (store: EmbeddedMapStore) => Promise<T>): Promise<T> {
    const store = new EmbeddedMapStore({ dataDir });
    await store.init();
    try {
      return await use(store);
    } finally {
      await store.close();
    }
  }

  it('reads them as they were saved, and answers as the map in its current layout', async () => {
    const read = await opened((store) => store.accounts.readGraph(mapId));
    expect(read.accounts).toEqual(saved.accounts);
    expect(interactionRecords(read)).toEqual(interactionRecords(saved));
    expect(await opened(answers)).toEqual(answered);
  });

  it('draws the same /graph as the links made one object at a time did', async () => {
    const records = interactionRecords(saved);
    const community = saved.accounts.filter(({ attributes }) => attributes.community === 1);
    const expected = [saved.accounts, community, saved.accounts.slice(0, 100)].map((accounts) =>
      JSON.stringify(
        toDrawnGraph({
          directed: saved.map.directed,
          communities: saved.communities,
          accounts,
          interactions: records,
        }),
      ),
    );
    expect(answered.slice(2)).toEqual(expected);
    expect(JSON.parse(expected[0] as string).links.source).toHaveLength(records.length);
    expect(community.length).toBeGreaterThan(0);
  });

  it('names the file and line when a line is not JSON', async () => {
    const file = join(folder, 'interactions.jsonl');
    const lines = await readFile(file, 'utf8');
    try {
      await writeFile(file, lines.replace(/\n[^\n]*\n/, '\n[1, 2, {"weight": \n'));
      await expect(opened((store) => store.accounts.readGraph(mapId))).rejects.toThrow(
        `${file} is not a readable map file: line 2 is not JSON`,
      );
    } finally {
      await writeFile(file, lines);
    }
  });
});
