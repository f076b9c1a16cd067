// Bench step: save a synthetic analysed map into one store, time the phases and measure the heap
// they use, then measure query latencies (top KOLs with filters, ego networks, shortest paths) and
// the delete; prints JSON.
// Usage: store.ts <neo4j|embedded> <uri|dataDir> <accounts> <interactions> <batchSize> <queries: 0|1>
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  EmbeddedMapStore,
  type MapStore,
  Neo4jMapStore,
  prepareMap,
  type SaveProgress,
} from '../../packages/api/src/index.js';
import { peakMb } from '../child-process.js';
import { BENCH_COMMUNITIES, benchMap } from '../store-map.js';

const [
  kind = 'embedded',
  where = '',
  accountsArg = '100000',
  interactionsArg = '1000000',
  batchArg = '10000',
  queriesArg = '1',
] = process.argv.slice(2);
const accounts = Number(accountsArg);
const interactions = Number(interactionsArg);
const batchSize = Number(batchArg);

// A full collection on demand (node runs this step without --expose-gc), so that the garbage the
// save leaves (the input map and its validated copies: hundreds of MB at 1M interactions) is not
// collected during a timed query.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const store: MapStore =
  kind === 'neo4j'
    ? new Neo4jMapStore({ uri: where, batchSize })
    : new EmbeddedMapStore({ dataDir: where, batchSize });
await store.init();

const result: Record<string, number> = { accounts, interactions, batchSize };

/** The V8 heap and external memory in MB: what the step holds, garbage included until collected. */
const heapMb = () => {
  const { heapUsed, external } = process.memoryUsage();
  return (heapUsed + external) / 1024 ** 2;
};
collectGarbage();
/** The heap before the map exists: the heap figures are counted from here. */
const baseHeapMb = heapMb();
let peakHeapMb = 0;
const sampling = setInterval(() => {
  peakHeapMb = Math.max(peakHeapMb, heapMb());
}, 10);

/** Runs `task`, and gives its result with the largest heap sampled meanwhile (above the base). */
async function withPeakHeap<T>(task: () => Promise<T>): Promise<[T, number]> {
  peakHeapMb = heapMb();
  const value = await task();
  return [value, Math.max(peakHeapMb, heapMb()) - baseHeapMb];
}

/**
 * Saves the bench map and times its phases from the save's own progress reports (one when the map
 * exists, then one after each written batch). Accounts: from the map's creation to the last accounts
 * batch; relationships: from there to the last interactions batch.
 */
async function saveBenchMap() {
  const input = benchMap('bench', { accounts, interactions });
  // Validation alone (maps.save does it first, before writing anything), timed apart.
  const validateStart = performance.now();
  prepareMap(input);
  result.validateSeconds = (performance.now() - validateStart) / 1000;

  collectGarbage();
  result.inputHeapMb = heapMb() - baseHeapMb;
  const first: Partial<Record<SaveProgress['stage'], { at: number; done: number }>> = {};
  const last: Partial<Record<SaveProgress['stage'], { at: number; done: number }>> = {};
  const started = performance.now();
  const [map, savePeak] = await withPeakHeap(() =>
    store.maps.save(input, {
      onProgress: ({ stage, done }) => {
        const mark = { at: performance.now(), done };
        first[stage] ??= mark;
        last[stage] = mark;
      },
    }),
  );
  result.saveHeapPeakMb = savePeak;
  const saved = performance.now();
  result.saveSeconds = (saved - started) / 1000;
  const [from, to] = [first.accounts, last.accounts];
  if (from && to && to.at > from.at) {
    result.accountsPerSecond = (to.done - from.done) / ((to.at - from.at) / 1000);
  }
  const interactionsSeconds = ((last.interactions?.at ?? saved) - (to?.at ?? started)) / 1000;
  result.relationshipsPerSecond = interactions / interactionsSeconds;
  return map;
}

const map = await saveBenchMap();

if (queriesArg === '1') {
  let seed = 7;
  const random = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  /**
   * Latencies of `runs` calls of `query(i)`, after `warmUp` untimed calls with negative `i`
   * (embedded: loads the map; Neo4j: plans each statement for each shape of its parameters, as a
   * running server has done long before).
   */
  const timed = async (runs: number, query: (i: number) => Promise<unknown>, warmUp = 1) => {
    const times: number[] = [];
    for (let i = -warmUp; i < 0; i++) await query(i);
    collectGarbage();
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await query(i);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) =>
      times[Math.min(times.length - 1, Math.floor(q * times.length))] as number;
    return { p50: at(0.5), p99: at(0.99) };
  };
  collectGarbage();
  const loadStart = performance.now();
  const [, loadPeak] = await withPeakHeap(() => store.accounts.findKols(map.id, { limit: 1 }));
  result.firstQuerySeconds = (performance.now() - loadStart) / 1000;
  result.loadHeapPeakMb = loadPeak;
  collectGarbage();
  result.loadedHeapMb = heapMb() - baseHeapMb;
  const twoCommunities = () => {
    const one = random(BENCH_COMMUNITIES);
    return [one, (one + 1 + random(BENCH_COMMUNITIES - 1)) % BENCH_COMMUNITIES];
  };
  const filters = [
    () => ({ community: random(BENCH_COMMUNITIES) }),
    () => ({ platform: 'linkedin' as const, minScore: 1 }),
    () => ({ actorType: 'hcp' as const, role: ['leader', 'bridge'] as Array<'leader' | 'bridge'> }),
    () => ({ community: twoCommunities(), platform: 'x' as const }),
  ];
  const top = await timed(
    200,
    (i) =>
      store.accounts.findKols(map.id, {
        limit: 50,
        ...(filters[(i + filters.length) % filters.length] as () => object)(),
      }),
    filters.length,
  );
  const second = await store.accounts.findKols(map.id, { limit: 50 });
  const nextPage = await timed(100, () =>
    store.accounts.findKols(map.id, { limit: 50, cursor: second.nextCursor as string }),
  );
  // Ego networks of accounts among the top 2000 (where the edges are).
  const ego = await timed(100, () =>
    store.accounts.get(map.id, `x:${random(2000)}`, { hops: 1, direction: 'both', maxEdges: 200 }),
  );
  const ego2 = await timed(50, () =>
    store.accounts.get(map.id, `x:${random(2000)}`, { hops: 2, direction: 'out', maxEdges: 200 }),
  );
  let found = 0;
  const path = await timed(100, async () => {
    const p = await store.accounts.findPath(
      map.id,
      `x:${random(accounts)}`,
      `x:${random(accounts)}`,
    );
    if (p) found++;
  });
  const search = await timed(100, () =>
    store.accounts.search(map.id, `account${random(accounts)}`, 20),
  );
  Object.assign(result, {
    topP50: top.p50,
    topP99: top.p99,
    nextPageP50: nextPage.p50,
    nextPageP99: nextPage.p99,
    egoP50: ego.p50,
    egoP99: ego.p99,
    ego2P50: ego2.p50,
    ego2P99: ego2.p99,
    pathP50: path.p50,
    pathP99: path.p99,
    pathsFound: found,
    searchP50: search.p50,
    searchP99: search.p99,
  });
}

const deleteStart = performance.now();
await store.maps.delete(map.id);
result.deleteSeconds = (performance.now() - deleteStart) / 1000;
await store.close();
clearInterval(sampling);
result.peakMb = peakMb();
process.stdout.write(`${JSON.stringify(result)}\n`);
