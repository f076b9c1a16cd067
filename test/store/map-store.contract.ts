// The MapStore contract: one suite, run against every store (embedded-map-store.test.ts,
// neo4j-map-store.test.ts). Stores may be shared with other test files (one Neo4j database), so the
// suite only looks at the maps it created and deletes them at the end.
import type {
  AccountRecord,
  MapStore,
  MapSummary,
  SaveMapInput,
  SaveProgress,
} from '../../packages/api/src/index.js';
import { SMALL_PV_CASE_ORDER, smallListening } from './listening-fixtures.js';
import { demoMap, generatedMap, interactionRecords, smallMap } from './map-fixtures.js';

export interface ContractStore {
  store: MapStore;
  /** Accounts still stored for a map id, whatever its status (to check that nothing is left). */
  storedAccounts?: (mapId: string) => Promise<number>;
  /** Listening records (info, post rows, cases) still stored for a map id, whatever its status. */
  storedListening?: (mapId: string) => Promise<number>;
  close(): Promise<void>;
}

/** Opens a store with the given batch sizes (small ones make a save span several batches). */
export type ContractStoreFactory = (options: {
  batchSize: number;
  deleteBatchSize: number;
}) => Promise<ContractStore>;

/** Expects `promise` to reject with an error whose `code` is `code`; returns the error. */
async function rejectsWithCode(
  promise: Promise<unknown>,
  code: string,
): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    expect((error as { code?: unknown }).code).toBe(code);
    return error as Error & Record<string, unknown>;
  }
  throw new Error(`expected a rejection with code ${code}`);
}

const keysOf = (records: readonly AccountRecord[]) => records.map(({ key }) => key);

/** Expected KOL order: score descending (unscored last), key ascending by code units. */
function kolOrder(input: SaveMapInput): string[] {
  const score = (attributes: Record<string, unknown> | undefined) =>
    typeof attributes?.kolScore === 'number' ? attributes.kolScore : -1;
  return [...input.graph.nodes]
    .sort(
      (a, b) =>
        score(b.attributes) - score(a.attributes) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    )
    .map(({ key }) => key);
}

export function describeMapStoreContract(name: string, open: ContractStoreFactory): void {
  describe(`MapStore contract: ${name}`, () => {
    let opened: ContractStore;
    let store: MapStore;
    const created: string[] = [];
    let small: MapSummary;

    const save = async (input: SaveMapInput, options?: Parameters<MapStore['maps']['save']>[1]) => {
      const summary = await store.maps.save(input, options);
      created.push(summary.id);
      return summary;
    };

    beforeAll(async () => {
      opened = await open({ batchSize: 100, deleteBatchSize: 2000 });
      store = opened.store;
      await store.init();
      await store.init(); // idempotent
      small = await save(smallMap(`small ${Date.now()}`));
    });

    afterAll(async () => {
      for (const id of created) await store.maps.delete(id).catch(() => undefined);
      await opened?.close();
    });

    describe('maps', () => {
      it('answers ping', async () => {
        const { latencyMs } = await store.ping();
        expect(latencyMs).toBeGreaterThanOrEqual(0);
      });

      it('saves a map and summarises it', () => {
        expect(small.id).toMatch(/^[0-9a-z]{20}$/);
        expect(small.status).toBe('ready');
        expect(small.directed).toBe(true);
        expect(small.counts).toEqual({ accounts: 8, interactions: 7, communities: 3 });
        expect(Date.parse(small.createdAt)).not.toBeNaN();
        expect(Date.parse(small.readyAt ?? '')).not.toBeNaN();
      });

      it('gives the map with its parameters and provenance', async () => {
        const info = await store.maps.get(small.id);
        expect(info).toMatchObject({ id: small.id, name: small.name, status: 'ready' });
        expect(info.params).toEqual({
          communities: { algorithm: 'leiden', seed: 42 },
          typeWeights: { repost: 3 },
        });
        expect(info.provenance).toEqual({
          inputChecksum: 'sha256:abc',
          kolmapVersion: '0.1.0',
          createdAt: '2024-05-01T10:00:00.000Z',
        });
        expect(info.attributes).toEqual({ note: 'synthetic' });
      });

      it('lists maps newest first', async () => {
        const later = await save(smallMap('listed second'));
        const maps = await store.maps.list();
        const ours = maps.filter(({ id }) => id === small.id || id === later.id);
        expect(ours.map(({ id }) => id)).toEqual([later.id, small.id]);
        for (let i = 1; i < maps.length; i++) {
          expect((maps[i - 1] as MapSummary).createdAt >= (maps[i] as MapSummary).createdAt).toBe(
            true,
          );
        }
      });

      it('renames a map', async () => {
        const map = await save(smallMap('before'));
        const renamed = await store.maps.rename(map.id, '  after  ');
        expect(renamed).toMatchObject({ id: map.id, name: 'after', status: 'ready' });
        expect((await store.maps.get(map.id)).name).toBe('after');
        expect((await store.accounts.findKols(map.id, { limit: 1 })).items).toHaveLength(1);
        await rejectsWithCode(store.maps.rename(map.id, ''), 'INVALID_INPUT');
      });

      it('does not find unknown maps', async () => {
        await rejectsWithCode(store.maps.get('0123456789abcdefghij'), 'NOT_FOUND');
        await rejectsWithCode(store.maps.get('../../etc'), 'NOT_FOUND');
        await rejectsWithCode(store.accounts.findKols('0123456789abcdefghij'), 'NOT_FOUND');
        await rejectsWithCode(store.maps.rename('0123456789abcdefghij', 'x'), 'NOT_FOUND');
        await rejectsWithCode(store.maps.delete('0123456789abcdefghij'), 'NOT_FOUND');
      });

      it('refuses an invalid map, naming the path, and writes nothing', async () => {
        const input = smallMap('invalid');
        (input.graph.nodes[3] as { attributes: Record<string, unknown> }).attributes.kolScore = 250;
        const error = await rejectsWithCode(store.maps.save(input), 'INVALID_INPUT');
        expect(error.problems).toEqual([
          expect.objectContaining({ path: 'graph.nodes[3].attributes.kolScore' }),
        ]);
        const dangling = smallMap('dangling');
        dangling.graph.edges.push({ source: 'x:a', target: 'x:nobody', attributes: { weight: 1 } });
        const danglingError = await rejectsWithCode(store.maps.save(dangling), 'INVALID_INPUT');
        expect(danglingError.problems).toEqual([
          expect.objectContaining({ path: 'graph.edges[7].target' }),
        ]);
        const reserved = smallMap('reserved');
        (reserved.graph.nodes[0] as { attributes: Record<string, unknown> }).attributes._secret = 1;
        await rejectsWithCode(store.maps.save(reserved), 'INVALID_INPUT');
        await rejectsWithCode(
          store.maps.save({ name: ' ', graph: smallMap().graph }),
          'INVALID_INPUT',
        );
        const names = new Set(['invalid', 'dangling', 'reserved', ' ']);
        const listed = await store.maps.list({ includeBuilding: true });
        expect(listed.filter((map) => names.has(map.name))).toEqual([]);
      });
    });

    describe('consistency', () => {
      it('keeps a map invisible while it is building', async () => {
        const seen: Array<{
          stage: string;
          listed: boolean;
          listedBuilding: string | undefined;
          code: unknown;
        }> = [];
        const input = generatedMap(`building ${Date.now()}`, { accounts: 300 });
        const onProgress = async (progress: SaveProgress) => {
          if (seen.length > 0) return;
          const listed = (await store.maps.list()).some(({ id }) => id === progress.mapId);
          const building = (await store.maps.list({ includeBuilding: true })).find(
            ({ id }) => id === progress.mapId,
          );
          const code = await store.maps.get(progress.mapId).then(
            () => 'found',
            (error: { code?: unknown }) => error.code,
          );
          const queried = await store.accounts.findKols(progress.mapId).then(
            () => 'found',
            (error: { code?: unknown }) => error.code,
          );
          expect(queried).toBe('NOT_FOUND');
          seen.push({ stage: progress.stage, listed, listedBuilding: building?.status, code });
        };
        const map = await save(input, { onProgress });
        expect(seen).toEqual([
          { stage: 'accounts', listed: false, listedBuilding: 'building', code: 'NOT_FOUND' },
        ]);
        expect((await store.maps.get(map.id)).status).toBe('ready');
        expect((await store.maps.list()).some(({ id }) => id === map.id)).toBe(true);
      });

      it('leaves no ready map with partial data when a save fails midway, and can be retried', async () => {
        const name = `fails midway ${Date.now()}`;
        const input = generatedMap(name, { accounts: 500, edgesPerAccount: 3 });
        const stages: SaveProgress[] = [];
        const failure = new Error('injected failure after two interaction batches');
        const onProgress = (progress: SaveProgress) => {
          stages.push(progress);
          if (progress.stage === 'interactions' && progress.done >= 200) throw failure;
        };
        await expect(store.maps.save(input, { onProgress })).rejects.toBe(failure);
        const failedId = (stages[0] as SaveProgress).mapId;
        created.push(failedId);
        // The map's creation (done 0), then a report per batch of 100 accounts.
        expect(stages.filter(({ stage }) => stage === 'accounts').map(({ done }) => done)).toEqual([
          0, 100, 200, 300, 400, 500,
        ]);
        expect((await store.maps.list()).filter((map) => map.name === name)).toEqual([
          expect.objectContaining({ id: failedId, status: 'failed', reason: failure.message }),
        ]);
        await rejectsWithCode(store.maps.get(failedId), 'NOT_FOUND');
        await rejectsWithCode(store.accounts.findKols(failedId), 'NOT_FOUND');
        expect((await store.maps.get(failedId, { anyStatus: true })).status).toBe('failed');
        if (opened.storedAccounts) expect(await opened.storedAccounts(failedId)).toBe(0);

        const retried = await save(input);
        expect(retried.id).not.toBe(failedId);
        expect(retried.counts.accounts).toBe(500);
        const all = await store.accounts.findKols(retried.id, { limit: 1000 });
        expect(all.items).toHaveLength(500);
        const ready = (await store.maps.list()).filter((map) => map.name === name);
        expect(ready.map(({ status }) => status).sort()).toEqual(['failed', 'ready']);
      });

      it('deletes a large map in batches', async () => {
        // Written in large batches, deleted in batches of 2000 (so about 30 delete transactions).
        const large = await open({ batchSize: 10_000, deleteBatchSize: 2000 });
        const input = generatedMap(`large ${Date.now()}`, { accounts: 20_000, edgesPerAccount: 2 });
        const started = performance.now();
        const map = await large.store.maps.save(input).finally(() => large.close());
        created.push(map.id);
        const saved = performance.now();
        expect(map.counts.accounts).toBe(20_000);
        expect((await store.accounts.findKols(map.id, { limit: 3 })).items).toHaveLength(3);
        await store.maps.delete(map.id);
        const deleted = performance.now();
        process.stdout.write(
          `${name}: 20k accounts saved in ${Math.round(saved - started)} ms, deleted in ${Math.round(deleted - saved)} ms\n`,
        );
        await rejectsWithCode(store.maps.get(map.id, { anyStatus: true }), 'NOT_FOUND');
        await rejectsWithCode(store.accounts.findKols(map.id), 'NOT_FOUND');
        expect(
          (await store.maps.list({ includeBuilding: true })).some(({ id }) => id === map.id),
        ).toBe(false);
        if (opened.storedAccounts) expect(await opened.storedAccounts(map.id)).toBe(0);
        await rejectsWithCode(store.maps.delete(map.id), 'NOT_FOUND');
      }, 180_000);
    });

    describe('accounts', () => {
      it('keeps every attribute, known or not, scalar or not', async () => {
        const { account } = await store.accounts.get(small.id, 'x:a');
        const expected = (smallMap().graph.nodes[0] as { attributes: object }).attributes;
        expect(account).toEqual({ key: 'x:a', attributes: expected });
        const stub = await store.accounts.get(small.id, 'x:f');
        expect(stub.account).toEqual({
          key: 'x:f',
          attributes: { platform: 'x', id: 'f', stub: true, community: 2 },
        });
      });

      it('pages KOLs by score then key, ties and unscored accounts included', async () => {
        const page = await store.accounts.findKols(small.id);
        expect(keysOf(page.items)).toEqual(kolOrder(smallMap()));
        expect(keysOf(page.items)).toEqual([
          'x:a',
          'linkedin:d',
          'x:b',
          'x:c',
          'x:e',
          'x:g',
          'x:h',
          'x:f',
        ]);
        expect(page.nextCursor).toBeNull();
      });

      it('paginates completely and stably, without duplicates or misses', async () => {
        const input = generatedMap(`pages ${Date.now()}`, { accounts: 503 });
        const map = await save(input);
        const expected = kolOrder(input);
        for (const limit of [1, 37, 100, 503]) {
          const keys: string[] = [];
          let cursor: string | undefined;
          let pages = 0;
          do {
            const page = await store.accounts.findKols(map.id, {
              limit,
              ...(cursor ? { cursor } : {}),
            });
            keys.push(...keysOf(page.items));
            cursor = page.nextCursor ?? undefined;
            pages++;
            if (limit === 1 && pages > 3) break;
          } while (cursor);
          if (limit === 1) expect(keys).toEqual(expected.slice(0, 4));
          else {
            expect(keys).toEqual(expected);
            expect(pages).toBe(Math.ceil(503 / limit));
          }
        }
        // The same cursor gives the same page again.
        const first = await store.accounts.findKols(map.id, { limit: 50 });
        const again = await store.accounts.findKols(map.id, {
          limit: 50,
          cursor: first.nextCursor as string,
        });
        const twice = await store.accounts.findKols(map.id, {
          limit: 50,
          cursor: first.nextCursor as string,
        });
        expect(keysOf(again.items)).toEqual(keysOf(twice.items));
        expect(keysOf(again.items)).toEqual(expected.slice(50, 100));

        // Filtered pages are complete too.
        const filters: Parameters<MapStore['accounts']['findKols']>[1] = {
          community: [1, 3],
          platform: 'x',
          minScore: 10,
        };
        const nodes = new Map(
          input.graph.nodes.map((node) => [node.key, node.attributes as Record<string, unknown>]),
        );
        const filtered = expected.filter((key) => {
          const a = nodes.get(key) as Record<string, unknown>;
          return (
            (a.community === 1 || a.community === 3) &&
            a.platform === 'x' &&
            typeof a.kolScore === 'number' &&
            a.kolScore >= 10
          );
        });
        const keys: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await store.accounts.findKols(map.id, {
            ...filters,
            limit: 16,
            ...(cursor ? { cursor } : {}),
          });
          keys.push(...keysOf(page.items));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect(keys).toEqual(filtered);
        expect(filtered.length).toBeGreaterThan(40);
      });

      it('refuses a cursor from other filters or another map, and a bad limit', async () => {
        const page = await store.accounts.findKols(small.id, { limit: 2 });
        const cursor = page.nextCursor as string;
        expect(cursor).toEqual(expect.any(String));
        await rejectsWithCode(
          store.accounts.findKols(small.id, { limit: 2, cursor, community: 1 }),
          'INVALID_INPUT',
        );
        await rejectsWithCode(
          store.accounts.findKols(small.id, { cursor: 'garbage' }),
          'INVALID_INPUT',
        );
        await rejectsWithCode(store.accounts.findKols(small.id, { limit: 0 }), 'INVALID_INPUT');
        await rejectsWithCode(store.accounts.findKols(small.id, { limit: 5000 }), 'INVALID_INPUT');
        await rejectsWithCode(
          store.accounts.findKols(small.id, { role: 'king' } as unknown as Parameters<
            MapStore['accounts']['findKols']
          >[1]),
          'INVALID_INPUT',
        );
      });

      it('filters by community, actor type, platform, role, language, country, score and text', async () => {
        const find = async (query: Parameters<MapStore['accounts']['findKols']>[1]) =>
          keysOf((await store.accounts.findKols(small.id, query)).items);
        expect(await find({ community: 1 })).toEqual(['linkedin:d', 'x:c', 'x:e']);
        expect(await find({ community: [0, 2] })).toEqual(['x:a', 'x:b', 'x:g', 'x:h', 'x:f']);
        expect(await find({ actorType: 'hcp' })).toEqual(['x:a', 'x:c']);
        expect(await find({ platform: 'linkedin' })).toEqual(['linkedin:d']);
        // An actor is on each platform of its accounts.
        expect(await find({ platform: ['facebook', 'tiktok'] })).toEqual(['linkedin:d']);
        expect(await find({ role: ['bridge', 'amplifier'] })).toEqual(['linkedin:d', 'x:c']);
        expect(await find({ minScore: 50, maxScore: 80 })).toEqual([
          'linkedin:d',
          'x:b',
          'x:c',
          'x:e',
        ]);
        expect(await find({ maxScore: 10 })).toEqual(['x:g', 'x:h']);
        expect(await find({ text: 'MARIE' })).toEqual(['x:a']);
        expect(await find({ text: '@orst' })).toEqual(['linkedin:d']);
        expect(await find({ text: 'e', community: 1, actorType: 'patient' })).toEqual(['x:e']);
        expect(await find({ community: 9 })).toEqual([]);
        // Language and country in any case, as the data gives them; accounts without one never match.
        expect(await find({ language: 'fr' })).toEqual(['x:c', 'x:e']);
        expect(await find({ language: ['DA', 'Fr'], country: ['be', 'DK'] })).toEqual([
          'linkedin:d',
          'x:c',
        ]);
        expect(await find({ country: 'FR', community: 1 })).toEqual(['x:e']);
        expect(await find({ country: 'undefined' })).toEqual([]);
        const page = await store.accounts.findKols(small.id, { language: 'fr', limit: 1 });
        await rejectsWithCode(
          store.accounts.findKols(small.id, { language: 'da', cursor: page.nextCursor as string }),
          'INVALID_INPUT',
        );
      });

      it('searches keys and ids first, then names and handles, case- and accent-insensitively, prefixes first', async () => {
        const search = async (q: string, limit?: number) =>
          keysOf(await store.accounts.search(small.id, q, limit));
        expect(await search('sebastien')).toEqual(['x:a']);
        expect(await search('SÉBAST')).toEqual(['x:a']);
        expect(await search('chloe')).toEqual(['x:c']);
        expect(await search('orsted')).toEqual(['linkedin:d']);
        expect(await search('@seb_m')).toEqual(['x:a']);
        expect(await search('zol')).toEqual(['x:e']);
        // "ma": Gaëlle Martin's handle starts with g, her name with "ga"; "martin" contains it. Sébastien
        // Marieu's handle contains "ma" too. Neither starts with it: both come in KOL order.
        expect(await search('ma')).toEqual(['x:a', 'x:g']);
        // "e": prefixes first (Émile Zola, ezola), then the others that contain it in KOL order.
        expect(await search('e')).toEqual(['x:e', 'x:a', 'linkedin:d', 'x:b', 'x:c', 'x:g']);
        expect(await search('e', 2)).toEqual(['x:e', 'x:a']);
        expect(await search('nobody')).toEqual([]);
        expect(await search('a*b?"(')).toEqual([]);
        // By key, or by id on any platform, first: SNAP-style maps have no name to search.
        expect(await search('x:c')).toEqual(['x:c']);
        expect((await search('d'))[0]).toBe('linkedin:d');
        expect((await search('@d'))[0]).toBe('linkedin:d');
        await rejectsWithCode(store.accounts.search(small.id, ''), 'INVALID_INPUT');
        await rejectsWithCode(store.accounts.search(small.id, 'a', 1000), 'INVALID_INPUT');
      });

      it('gives an account with its ego network, capped by weight', async () => {
        const one = await store.accounts.get(small.id, 'x:c', { maxEdges: 2 });
        expect(one.account.key).toBe('x:c');
        expect(one.ego.edges.map(({ source, target }) => `${source}>${target}`)).toEqual([
          'x:b>x:c',
          'x:c>linkedin:d',
        ]);
        expect(one.ego.truncated).toBe(true);
        expect(keysOf(one.ego.nodes)).toEqual(['x:c', 'linkedin:d', 'x:b']);
        expect(one.ego.edges[0]?.attributes).toEqual({
          weight: 3,
          count: 3,
          mention: 3,
          firstAt: '2024-01-02T03:04:05.000Z',
          lastAt: '2024-02-03T04:05:06.000Z',
        });

        const all = await store.accounts.get(small.id, 'x:c');
        expect(all.ego.edges).toHaveLength(3);
        expect(all.ego.truncated).toBe(false);

        const inbound = await store.accounts.get(small.id, 'x:c', { direction: 'in' });
        expect(inbound.ego.edges.map(({ source }) => source)).toEqual(['x:b', 'x:a']);

        const two = await store.accounts.get(small.id, 'x:a', {
          hops: 2,
          direction: 'out',
          maxEdges: 10,
        });
        expect(two.ego.edges.map(({ source, target }) => `${source}>${target}`)).toEqual([
          'x:a>x:b',
          'x:a>x:c',
          'x:b>x:c',
          'x:c>linkedin:d',
        ]);
        expect(keysOf(two.ego.nodes)).toEqual(['x:a', 'linkedin:d', 'x:b', 'x:c']);
        expect(two.ego.edges[0]?.attributes).toMatchObject({
          weight: 5,
          repost: 2,
          via: ['x', 'web'],
        });

        const capped = await store.accounts.get(small.id, 'x:a', {
          hops: 2,
          direction: 'out',
          maxEdges: 3,
        });
        expect(capped.ego.edges.map(({ source, target }) => `${source}>${target}`)).toEqual([
          'x:a>x:b',
          'x:a>x:c',
          'x:b>x:c',
        ]);
        expect(capped.ego.truncated).toBe(true);

        const none = await store.accounts.get(small.id, 'x:h', { hops: 2 });
        expect(none.ego).toEqual({ nodes: [none.account], edges: [], truncated: false });

        await rejectsWithCode(store.accounts.get(small.id, 'x:nobody'), 'NOT_FOUND');
        await rejectsWithCode(
          store.accounts.get(small.id, 'x:a', { hops: 3 } as unknown as Parameters<
            MapStore['accounts']['get']
          >[2]),
          'INVALID_INPUT',
        );
      });

      it('finds shortest attention paths, directed by default', async () => {
        const path = await store.accounts.findPath(small.id, 'x:a', 'x:e');
        expect(path?.directed).toBe(true);
        expect(keysOf(path?.nodes ?? [])).toEqual(['x:a', 'x:c', 'linkedin:d', 'x:e']);
        expect(
          path?.edges.map(({ source, target, attributes }) => [source, target, attributes.weight]),
        ).toEqual([
          ['x:a', 'x:c', 1],
          ['x:c', 'linkedin:d', 2],
          ['linkedin:d', 'x:e', 1],
        ]);
        const back = await store.accounts.findPath(small.id, 'x:e', 'linkedin:d');
        expect(keysOf(back?.nodes ?? [])).toEqual(['x:e', 'x:a', 'x:c', 'linkedin:d']);
        const undirected = await store.accounts.findPath(small.id, 'x:e', 'linkedin:d', {
          undirected: true,
        });
        expect(undirected?.directed).toBe(false);
        expect(keysOf(undirected?.nodes ?? [])).toEqual(['x:e', 'linkedin:d']);
        expect(undirected?.edges.map(({ source, target }) => [source, target])).toEqual([
          ['linkedin:d', 'x:e'],
        ]);
        expect(await store.accounts.findPath(small.id, 'x:a', 'x:g')).toBeNull();
        expect(
          await store.accounts.findPath(small.id, 'x:a', 'x:h', { undirected: true }),
        ).toBeNull();
        expect(await store.accounts.findPath(small.id, 'x:f', 'x:g')).toBeNull();
        expect(
          keysOf(
            (await store.accounts.findPath(small.id, 'x:f', 'x:g', { undirected: true }))?.nodes ??
              [],
          ),
        ).toEqual(['x:f', 'x:g']);
        const self = await store.accounts.findPath(small.id, 'x:a', 'x:a');
        expect(self).toEqual({
          nodes: [expect.objectContaining({ key: 'x:a' })],
          edges: [],
          directed: true,
        });
        await rejectsWithCode(store.accounts.findPath(small.id, 'x:a', 'x:nobody'), 'NOT_FOUND');
      });
    });

    describe('communities', () => {
      it('lists community profiles, largest first', async () => {
        const communities = await store.accounts.listCommunities(small.id);
        expect(communities.map(({ id }) => id)).toEqual([1, 2, 0]);
        expect(communities[2]).toEqual({
          id: 0,
          label: 'Oncologists',
          size: 2,
          topMembers: ['x:a', 'x:b'],
          terms: ['#onco'],
        });
      });

      it('gives a community with its members by score', async () => {
        const community = await store.accounts.getCommunity(small.id, 2);
        expect(community.profile.label).toBe('Others');
        expect(keysOf(community.members)).toEqual(['x:g', 'x:h', 'x:f']);
        const first = await store.accounts.getCommunity(small.id, 1, { memberLimit: 2 });
        expect(keysOf(first.members)).toEqual(['linkedin:d', 'x:c']);
        await rejectsWithCode(store.accounts.getCommunity(small.id, 42), 'NOT_FOUND');
      });

      it('derives profiles from the nodes when the graph has none', async () => {
        const input = smallMap('no profiles');
        delete (input.graph.attributes as Record<string, unknown>).communities;
        const map = await save(input);
        expect(map.counts.communities).toBe(3);
        expect(await store.accounts.listCommunities(map.id)).toEqual([
          { id: 1, size: 3 },
          { id: 2, size: 3 },
          { id: 0, size: 2 },
        ]);
      });
    });

    describe('shortlists and export audit', () => {
      it('saves, lists and gives shortlists', async () => {
        const first = await store.shortlists.save(small.id, {
          name: 'Speakers',
          accountKeys: ['x:a', 'x:c', 'x:a'],
          filters: { community: [0, 1], minScore: 50 },
          createdBy: 'marie@example.com',
        });
        expect(first).toMatchObject({
          mapId: small.id,
          name: 'Speakers',
          accountKeys: ['x:a', 'x:c'],
          size: 2,
          filters: { community: [0, 1], minScore: 50 },
          createdBy: 'marie@example.com',
        });
        await new Promise((resolve) => setTimeout(resolve, 5));
        const second = await store.shortlists.save(small.id, {
          name: 'Empty',
          accountKeys: [],
          createdBy: 'paul',
        });
        expect(await store.shortlists.get(small.id, first.id)).toEqual(first);
        const listed = await store.shortlists.list(small.id);
        expect(listed.map(({ id }) => id)).toEqual([second.id, first.id]);
        expect(listed[1]).toEqual({
          ...first,
          accountKeys: undefined,
          size: 2,
        } as unknown as object);
        await rejectsWithCode(store.shortlists.get(small.id, '0123456789abcdefghij'), 'NOT_FOUND');
        await rejectsWithCode(
          store.shortlists.save(small.id, { name: 'x', accountKeys: ['x:nobody'], createdBy: 'p' }),
          'NOT_FOUND',
        );
        await rejectsWithCode(
          store.shortlists.save(small.id, { name: '', accountKeys: [], createdBy: 'p' }),
          'INVALID_INPUT',
        );
      });

      it('keeps an append-only export audit log, also after the map is deleted', async () => {
        const map = await save(smallMap('audited'));
        const a = await store.audit.append({
          mapId: map.id,
          actor: 'marie',
          what: 'kols.csv',
          filters: { community: 1 },
          at: '2024-06-01T10:00:00.000Z',
        });
        const b = await store.audit.append({
          mapId: map.id,
          actor: 'paul',
          what: 'shortlist.json',
          at: '2024-06-01T09:00:00Z',
        });
        const c = await store.audit.append({
          mapId: map.id,
          actor: 'paul',
          what: 'kols.json',
        });
        expect(a).toMatchObject({
          mapId: map.id,
          actor: 'marie',
          what: 'kols.csv',
          filters: { community: 1 },
        });
        expect(b.at).toBe('2024-06-01T09:00:00.000Z');
        expect(Date.now() - Date.parse(c.at)).toBeLessThan(60_000);
        expect(await store.audit.list(map.id)).toEqual([b, a, c]);
        await store.maps.delete(map.id);
        expect(await store.audit.list(map.id)).toEqual([b, a, c]);
        await rejectsWithCode(
          store.audit.append({ mapId: map.id, actor: 'x', what: 'y' }),
          'NOT_FOUND',
        );
        await rejectsWithCode(
          store.audit.append({ mapId: small.id, actor: '', what: 'y' }),
          'INVALID_INPUT',
        );
        const methods = new Set<string>();
        for (
          let proto = Object.getPrototypeOf(store.audit);
          proto && proto !== Object.prototype;
          proto = Object.getPrototypeOf(proto)
        ) {
          for (const name of Object.getOwnPropertyNames(proto)) methods.add(name);
        }
        expect([...methods].filter((name) => name !== 'constructor').sort()).toEqual([
          'append',
          'list',
        ]);
      });
    });

    describe('listening and the pharmacovigilance review queue', () => {
      const reviewer = (by: string) => ({ by, at: new Date().toISOString() });

      it('saves a map with its listening and gives it back', async () => {
        const listening = smallListening();
        const map = await save({ ...smallMap('listened'), listening });
        const { posts, pvCases, ...info } = listening;
        expect(await store.listening.find(map.id)).toEqual(info);
        expect(await store.listening.readPosts(map.id)).toEqual(posts);
        expect((await store.pvCases.list(map.id, { limit: 100 })).items).toHaveLength(4);
        expect(await store.pvCases.get(map.id, 'x:p1')).toEqual(
          pvCases.find(({ id }) => id === 'x:p1'),
        );
        if (opened.storedListening) expect(await opened.storedListening(map.id)).toBeGreaterThan(0);
      });

      it('says when a map has no listening', async () => {
        expect(await store.listening.find(small.id)).toBeNull();
        for (const call of [
          store.listening.readPosts(small.id),
          store.pvCases.list(small.id),
          store.pvCases.count(small.id),
          store.pvCases.get(small.id, 'x:p1'),
          store.pvCases.update(small.id, 'x:p1', { note: 'n' }, reviewer('rita')),
        ]) {
          const error = await rejectsWithCode(call, 'NOT_FOUND');
          expect(error.resource).toBe('listening');
        }
        await rejectsWithCode(store.listening.find('0123456789abcdefghij'), 'NOT_FOUND');
      });

      it('refuses an invalid listening, naming the path, and writes nothing', async () => {
        const badIndex = smallListening(3);
        (badIndex.posts[1] as { brands: number[] }).brands = [2];
        const error = await rejectsWithCode(
          store.maps.save({ ...smallMap('bad listening'), listening: badIndex }),
          'INVALID_INPUT',
        );
        expect(error.problems).toEqual([
          expect.objectContaining({ path: 'listening.posts[1].brands' }),
        ]);
        const twice = smallListening(3);
        twice.pvCases.push(twice.pvCases[0] as (typeof twice.pvCases)[number]);
        const twiceError = await rejectsWithCode(
          store.maps.save({ ...smallMap('bad listening'), listening: twice }),
          'INVALID_INPUT',
        );
        expect(twiceError.problems).toEqual([
          expect.objectContaining({ path: 'listening.pvCases[4].id' }),
        ]);
        const listed = await store.maps.list({ includeBuilding: true });
        expect(listed.filter((map) => map.name === 'bad listening')).toEqual([]);
      });

      it('pages the review queue oldest post first, filtered by status', async () => {
        const map = await save({ ...smallMap('queue'), listening: smallListening(10) });
        const first = await store.pvCases.list(map.id, { limit: 3 });
        expect(first.items.map(({ id }) => id)).toEqual(SMALL_PV_CASE_ORDER.slice(0, 3));
        expect(first.nextCursor).not.toBeNull();
        const second = await store.pvCases.list(map.id, {
          limit: 3,
          cursor: first.nextCursor as string,
        });
        expect(second).toEqual({
          items: [expect.objectContaining({ id: 'linkedin:p4' })],
          nextCursor: null,
        });
        const counts = { new: 4, in_review: 0, reported: 0, dismissed: 0 };
        expect(await store.pvCases.count(map.id)).toEqual(counts);
        await store.pvCases.update(map.id, 'x:p9', { status: 'in_review' }, reviewer('rita'));
        expect(await store.pvCases.count(map.id)).toEqual({ ...counts, new: 3, in_review: 1 });
        const reviewing = await store.pvCases.list(map.id, { status: 'in_review' });
        expect(reviewing.items.map(({ id }) => id)).toEqual(['x:p9']);
        const fresh = await store.pvCases.list(map.id, { status: ['new'], limit: 1 });
        expect(fresh.items.map(({ id }) => id)).toEqual(['x:p3']);
        const next = await store.pvCases.list(map.id, {
          status: ['new'],
          limit: 5,
          cursor: fresh.nextCursor as string,
        });
        expect(next.items.map(({ id }) => id)).toEqual(['x:p1', 'linkedin:p4']);
        const mixed = await rejectsWithCode(
          store.pvCases.list(map.id, { status: 'reported', cursor: fresh.nextCursor as string }),
          'INVALID_INPUT',
        );
        expect(mixed.problems).toEqual([expect.objectContaining({ path: 'cursor' })]);
        await rejectsWithCode(store.pvCases.list(map.id, { limit: 0 }), 'INVALID_INPUT');
        await rejectsWithCode(store.pvCases.get(map.id, 'x:nothing'), 'NOT_FOUND');
      });

      it('reviews a case by the review rules, the audit trail only growing', async () => {
        const map = await save({ ...smallMap('reviewed'), listening: smallListening(10) });
        const taken = await store.pvCases.update(
          map.id,
          'x:p1',
          { status: 'in_review', assignee: 'rita', note: 'looking' },
          reviewer('paul'),
        );
        expect(taken).toMatchObject({ status: 'in_review', assignee: 'rita' });
        expect(taken.history.map(({ action, by }) => [action, by])).toEqual([
          ['flagged', 'uploader'],
          ['status', 'paul'],
          ['assignee', 'paul'],
        ]);
        expect(taken.history[1]).toMatchObject({ from: 'new', to: 'in_review', note: 'looking' });
        const conflict = await rejectsWithCode(
          store.pvCases.update(map.id, 'x:p1', { status: 'new' }, reviewer('paul')),
          'INVALID_REVIEW_CHANGE',
        );
        expect(conflict.problems).toEqual([
          expect.objectContaining({ status: 'in_review', allowed: ['reported', 'dismissed'] }),
        ]);
        await rejectsWithCode(
          store.pvCases.update(map.id, 'x:p1', { status: 'dismissed' }, reviewer('paul')),
          'INVALID_REVIEW_CHANGE',
        );
        await rejectsWithCode(
          store.pvCases.update(map.id, 'x:p1', {}, reviewer('paul')),
          'INVALID_INPUT',
        );
        await rejectsWithCode(
          store.pvCases.update(map.id, 'x:nothing', { note: 'n' }, reviewer('paul')),
          'NOT_FOUND',
        );
        expect(await store.pvCases.get(map.id, 'x:p1')).toEqual(taken);
        const reported = await store.pvCases.update(
          map.id,
          'x:p1',
          { status: 'reported', assignee: null },
          reviewer('rita'),
        );
        expect(reported.history.slice(0, 3)).toEqual(taken.history);
        expect(reported).toMatchObject({ status: 'reported', assignee: null });
        expect(await store.pvCases.get(map.id, 'x:p1')).toEqual(reported);
        const final = await rejectsWithCode(
          store.pvCases.update(map.id, 'x:p1', { status: 'in_review' }, reviewer('rita')),
          'INVALID_REVIEW_CHANGE',
        );
        expect(final.problems).toEqual([expect.objectContaining({ allowed: [] })]);
      });

      it('loses none of several changes made to one case at once', async () => {
        const map = await save({ ...smallMap('concurrent'), listening: smallListening(10) });
        const notes = ['one', 'two', 'three', 'four', 'five'];
        await Promise.all(
          notes.map((note) =>
            store.pvCases.update(map.id, 'x:p3', { note }, reviewer(`reviewer ${note}`)),
          ),
        );
        const changed = await store.pvCases.get(map.id, 'x:p3');
        expect(changed.history).toHaveLength(1 + notes.length);
        expect(
          changed.history
            .map(({ note }) => note)
            .slice(1)
            .sort(),
        ).toEqual([...notes].sort());
      });

      it('removes the listening of a save that fails, and of a deleted map', async () => {
        const failure = new Error('injected failure while the listening is written');
        let failedId: string | undefined;
        await expect(
          store.maps.save(
            { ...smallMap('listening fails'), listening: smallListening() },
            {
              onProgress: ({ mapId, stage, done }) => {
                failedId = mapId;
                if (stage === 'listening' && done >= 100) throw failure;
              },
            },
          ),
        ).rejects.toBe(failure);
        created.push(failedId as string);
        expect((await store.maps.get(failedId as string, { anyStatus: true })).status).toBe(
          'failed',
        );
        if (opened.storedListening)
          expect(await opened.storedListening(failedId as string)).toBe(0);
        const map = await save({ ...smallMap('listened, deleted'), listening: smallListening() });
        await store.maps.delete(map.id);
        await rejectsWithCode(store.listening.find(map.id), 'NOT_FOUND');
        if (opened.storedListening) expect(await opened.storedListening(map.id)).toBe(0);
      });
    });

    describe('the demo map analysed by core', () => {
      let demo: SaveMapInput;
      let map: MapSummary;

      beforeAll(async () => {
        demo = await demoMap(`demo ${Date.now()}`);
        map = await save(demo);
      }, 120_000);

      it('keeps every account, interaction and community', async () => {
        const communities = new Set(
          demo.graph.nodes.map(({ attributes }) => attributes?.community),
        );
        expect(map.counts).toEqual({
          accounts: demo.graph.nodes.length,
          interactions: demo.graph.edges.length,
          communities: communities.size,
        });
        const listed = await store.accounts.listCommunities(map.id);
        expect(listed.reduce((total, { size }) => total + (size ?? 0), 0)).toBe(
          demo.graph.nodes.length,
        );
      });

      it('gives the whole map back: accounts in KOL order, every interaction', async () => {
        const whole = await store.accounts.readGraph(map.id);
        expect(whole.map.id).toBe(map.id);
        expect(keysOf(whole.accounts)).toEqual(kolOrder(demo));
        const pair = ({ source, target }: { source: string; target: string }) =>
          `${source}>${target}`;
        const interactions = interactionRecords(whole);
        expect(interactions.map(pair).sort()).toEqual(demo.graph.edges.map(pair).sort());
        const given = demo.graph.edges[0];
        const stored = interactions.find(
          (edge) => edge.source === given?.source && edge.target === given?.target,
        );
        expect(stored?.attributes.weight).toBe(given?.attributes?.weight);
        expect(whole.communities.map(({ id }) => id).sort((a, b) => a - b)).toEqual(
          (await store.accounts.listCommunities(map.id)).map(({ id }) => id).sort((a, b) => a - b),
        );
        await expect(store.accounts.readGraph('0'.repeat(20))).rejects.toMatchObject({
          code: 'NOT_FOUND',
        });
      });

      it('ranks the top KOLs as the analysis did, page after page', async () => {
        const expected = kolOrder(demo);
        const keys: string[] = [];
        let cursor: string | undefined;
        for (let page = 0; page < 3; page++) {
          const result = await store.accounts.findKols(map.id, {
            limit: 40,
            ...(cursor ? { cursor } : {}),
          });
          keys.push(...keysOf(result.items));
          cursor = result.nextCursor ?? undefined;
        }
        expect(keys).toEqual(expected.slice(0, 120));
        const top = await store.accounts.findKols(map.id, { limit: 1 });
        expect(top.items[0]?.attributes.rank).toBe(1);
      });

      it('finds accounts and paths among them', async () => {
        const accented = demo.graph.nodes.find(({ attributes }) =>
          /[éèêàç]/.test(String(attributes?.name ?? '')),
        );
        expect(accented).toBeDefined();
        const name = String(accented?.attributes?.name);
        const plain = name.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
        const found = await store.accounts.search(map.id, plain, 100);
        expect(keysOf(found)).toContain(accented?.key);

        // An account two attention steps away from the top KOL (x → y → top), found in the input.
        const [first] = kolOrder(demo);
        const givers = (key: string) =>
          demo.graph.edges
            .filter(({ target, source }) => target === key && source !== key)
            .map(({ source }) => source);
        const second = givers(first as string)
          .flatMap((giver) => givers(giver))
          .find((key) => key !== first && !givers(first as string).includes(key));
        expect(second).toBeDefined();
        const path = await store.accounts.findPath(map.id, second as string, first as string);
        expect(path?.nodes).toHaveLength(3);
        expect(path?.directed).toBe(true);
        expect(path?.nodes[0]?.key).toBe(second);
        expect(path?.nodes.at(-1)?.key).toBe(first);
        expect(path?.edges).toHaveLength((path?.nodes.length ?? 0) - 1);
        path?.edges.forEach((edge, i) => {
          expect([edge.source, edge.target]).toEqual([path.nodes[i]?.key, path.nodes[i + 1]?.key]);
        });
        const undirected = await store.accounts.findPath(
          map.id,
          first as string,
          second as string,
          {
            undirected: true,
          },
        );
        expect(undirected?.nodes.length).toBeLessThanOrEqual(3);
        undirected?.edges.forEach((edge, i) => {
          const ends = [undirected.nodes[i]?.key, undirected.nodes[i + 1]?.key].sort();
          expect([edge.source, edge.target].sort()).toEqual(ends);
        });
        const ego = await store.accounts.get(map.id, first as string, { hops: 2, maxEdges: 50 });
        expect(ego.ego.edges.length).toBeLessThanOrEqual(50);
        expect(ego.ego.nodes[0]?.key).toBe(first);
        const weights = ego.ego.edges.map(({ attributes }) => attributes.weight ?? 1);
        const firstHop = ego.ego.edges.filter(
          ({ source, target }) => source === first || target === first,
        );
        expect(weights.slice(0, firstHop.length)).toEqual(
          [...weights.slice(0, firstHop.length)].sort((a, b) => b - a),
        );
      });
    });
  });
}

export { rejectsWithCode };
