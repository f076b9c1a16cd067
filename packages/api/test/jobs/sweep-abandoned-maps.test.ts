// The sweep of maps left `building` by a save that is not running (the store went down during a
// save and its cleanup failed too, or the server died mid-save). On the embedded store in its own
// folder: a sweep on a shared Neo4j would also see other test files' saves in progress.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectedGraph } from 'graphology';
import { EmbeddedMapStore, JobQueue, type MapStore } from '../../src/index.js';
import { newId } from '../../src/store/map-store.js';

let dataDir: string;
let store: EmbeddedMapStore;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'kolmap-sweep-'));
  store = new EmbeddedMapStore({ dataDir, batchSize: 1 });
  await store.init();
});

afterEach(async () => {
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

function smallGraph(): DirectedGraph {
  const graph = new DirectedGraph();
  graph.mergeEdge('x:a', 'x:b', { weight: 1 });
  graph.mergeEdge('x:c', 'x:b', { weight: 2 });
  return graph;
}

async function submitted(queue: JobQueue, name: string) {
  const id = newId();
  const uploadDir = join(dataDir, 'uploads', id);
  await mkdir(uploadDir, { recursive: true });
  const file = join(uploadDir, 'edges.csv');
  await writeFile(file, 'a,b\n');
  return queue.submit({ id, name, files: [file], uploadDir, options: {} as never, createdBy: 'a' });
}

describe('sweepAbandonedMaps', () => {
  it('deletes maps left building, never the one its own job is saving, nor ready maps', async () => {
    const ready = await store.maps.save({ name: 'kept', graph: smallGraph().export() });
    let reachedSave: (mapId: string) => void = () => undefined;
    const saving = new Promise<string>((resolve) => {
      reachedSave = resolve;
    });
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The real store, whose save waits at its first progress report (the map exists, building).
    const slow: MapStore = Object.create(store, {
      maps: {
        value: Object.create(store.maps, {
          save: {
            value: (...[input]: Parameters<MapStore['maps']['save']>) =>
              store.maps.save(input, {
                onProgress: async ({ mapId }) => {
                  reachedSave(mapId);
                  await released;
                  throw new Error('the store went down');
                },
              }),
          },
        }),
      },
    });
    const runAnalysis = async () => ({ graph: smallGraph().export(), rejected: 0 });
    const busy = new JobQueue({ store: slow, runAnalysis });
    await submitted(busy, 'being saved');
    const building = await saving;
    expect(await busy.sweepAbandonedMaps()).toEqual([]);
    expect((await store.maps.get(building, { anyStatus: true })).status).toBe('building');

    // The server after a restart (a store of its own on the same folder), idle: the building map is
    // nobody's save there.
    const restarted = new EmbeddedMapStore({ dataDir });
    await restarted.init();
    const idle = new JobQueue({ store: restarted, runAnalysis });
    expect(await idle.sweepAbandonedMaps()).toEqual([building]);
    await expect(restarted.maps.get(building, { anyStatus: true })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await restarted.maps.get(ready.id)).status).toBe('ready');
    release();
    await busy.close();
    await idle.close();
    await restarted.close();
  });

  it('logs a store that cannot be reached and deletes nothing', async () => {
    const down: MapStore = Object.create(store, {
      maps: {
        value: Object.create(store.maps, {
          list: {
            value: async () => {
              throw Object.assign(new Error('down'), { code: 'STORE_UNAVAILABLE' });
            },
          },
        }),
      },
    });
    const warnings: unknown[] = [];
    const logger = { warn: (...args: unknown[]) => warnings.push(args), info: () => undefined };
    const queue = new JobQueue({ store: down, logger: logger as never });
    expect(await queue.sweepAbandonedMaps()).toEqual([]);
    expect(warnings).toHaveLength(1);
    await queue.close();
  });
});
