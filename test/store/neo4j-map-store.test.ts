// The MapStore contract against a real Neo4j (the jest global setup's server, or NEO4J_URI), the
// schema the migrations create, and what happens when Neo4j goes away and comes back.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { type MapSummary, Neo4jMapStore } from '../../packages/api/src/index.js';
import { freePort, neo4jLocal } from '../setup/neo4j-local.js';
import { smallMap } from './map-fixtures.js';
import { describeMapStoreContract, rejectsWithCode } from './map-store.contract.js';
import { describeWithLocalNeo4j, describeWithNeo4j } from './neo4j-test-server.js';

describeWithNeo4j('Neo4jMapStore', (config) => {
  describeMapStoreContract('neo4j', async ({ batchSize, deleteBatchSize }) => {
    const store = new Neo4jMapStore({
      ...config,
      batchSize,
      deleteBatchSize,
      maxTransactionRetryTimeMs: 2000,
    });
    const driver = neo4j.driver(
      config.uri,
      config.password === undefined
        ? undefined
        : neo4j.auth.basic(config.user ?? 'neo4j', config.password),
    );
    return {
      store,
      storedAccounts: (mapId) => store.countStoredAccounts(mapId),
      storedListening: async (mapId) => {
        const { records } = await driver.executeQuery(
          'MATCH (n) WHERE (n:Listening OR n:ListeningPosts OR n:PvCase) AND n.mapId = $mapId RETURN count(n) AS stored',
          { mapId },
          { database: config.database ?? 'neo4j' },
        );
        return (records[0]?.get('stored') as { toNumber(): number }).toNumber();
      },
      close: async () => {
        await driver.close();
        await store.close();
      },
    };
  });

  describe('schema', () => {
    it('creates its constraints and indexes, all online', async () => {
      const store = new Neo4jMapStore(config);
      await store.init();
      await store.close();
      const driver = neo4j.driver(
        config.uri,
        config.password === undefined
          ? undefined
          : neo4j.auth.basic(config.user ?? 'neo4j', config.password),
      );
      try {
        const { records } = await driver.executeQuery(
          'SHOW INDEXES YIELD name, type, state, labelsOrTypes, properties RETURN name, type, state, properties',
          {},
          { database: config.database ?? 'neo4j' },
        );
        const indexes = new Map(
          records.map((record) => [record.get('name') as string, record.toObject()]),
        );
        expect(indexes.get('account_map_key')).toMatchObject({
          type: 'RANGE',
          state: 'ONLINE',
          properties: ['mapId', 'key'],
        });
        expect(indexes.get('account_map_order')).toMatchObject({
          type: 'RANGE',
          properties: ['mapId', '_order'],
        });
        expect(indexes.get('account_map_community')).toMatchObject({
          type: 'RANGE',
          properties: ['mapId', 'community', '_order'],
        });
        expect(indexes.get('account_search')).toMatchObject({ type: 'FULLTEXT', state: 'ONLINE' });
        const constraints = await driver.executeQuery(
          'SHOW CONSTRAINTS YIELD name, type RETURN name, type',
          {},
          { database: config.database ?? 'neo4j' },
        );
        const types = Object.fromEntries(
          constraints.records.map((r) => [r.get('name'), r.get('type')]),
        );
        expect(types).toMatchObject({
          map_id: 'UNIQUENESS',
          account_map_key: 'UNIQUENESS',
          community_map_id: 'UNIQUENESS',
          shortlist_id: 'UNIQUENESS',
          export_audit_id: 'UNIQUENESS',
        });
      } finally {
        await driver.close();
      }
    });
  });
});

/**
 * Stops a Neo4j server of this test's own (never the shared one: other test files use it at the
 * same time), checks that calls fail with STORE_UNAVAILABLE while the process carries on, restarts
 * it on the same port and data folder, and checks that the next calls succeed.
 */
describeWithLocalNeo4j('Neo4jMapStore when Neo4j stops and comes back', () => {
  let folder: string;
  let port: number;
  let store: Neo4jMapStore | undefined;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    folder = await mkdtemp(join(tmpdir(), 'kolmap-fault-neo4j-'));
    port = await freePort();
  });

  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await store?.close();
    const control = await neo4jLocal();
    await control.stopNeo4j({ port, dataDir: join(folder, 'data'), log: () => undefined });
    await rm(folder, { recursive: true, force: true });
  });

  it('fails with STORE_UNAVAILABLE while Neo4j is down and works again once it is back', async () => {
    const control = await neo4jLocal();
    const options = {
      port,
      dataDir: join(folder, 'data'),
      exitWithParent: true,
      log: () => undefined,
    };
    const server = await control.startNeo4j(options);
    store = new Neo4jMapStore({
      uri: server.uri,
      batchSize: 100,
      maxTransactionRetryTimeMs: 1000,
      connectionTimeoutMs: 2000,
    });
    await store.init();
    const kept = await store.maps.save(smallMap('kept across the restart'));

    // Neo4j stops in the middle of a save: the save fails, and nothing of it becomes ready.
    let interrupted: string | undefined;
    const save = store.maps.save(smallMap('interrupted'), {
      onProgress: async ({ mapId, stage }) => {
        if (stage === 'accounts' && interrupted === undefined) {
          interrupted = mapId;
          await control.stopNeo4j(options);
        }
      },
    });
    const saveError = await rejectsWithCode(save, 'STORE_UNAVAILABLE');
    expect(saveError.retriable).toBe(true);

    const down = await rejectsWithCode(store.accounts.findKols(kept.id), 'STORE_UNAVAILABLE');
    expect(down.retriable).toBe(true);
    expect(down.name).toBe('StoreUnavailableError');
    await rejectsWithCode(store.ping(), 'STORE_UNAVAILABLE');
    await rejectsWithCode(store.maps.list(), 'STORE_UNAVAILABLE');
    await rejectsWithCode(store.maps.save(smallMap('while down')), 'STORE_UNAVAILABLE');

    await control.startNeo4j(options);
    expect((await store.ping()).latencyMs).toBeGreaterThanOrEqual(0);
    const page = await store.accounts.findKols(kept.id, { limit: 2 });
    expect(page.items.map(({ key }) => key)).toEqual(['x:a', 'linkedin:d']);
    const maps = await store.maps.list();
    expect(maps.map(({ name }) => name)).toEqual(['kept across the restart']);
    const withBuilding = await store.maps.list({ includeBuilding: true });
    expect(withBuilding.find(({ id }) => id === interrupted)).toMatchObject({ status: 'building' });
    await rejectsWithCode(store.accounts.findKols(interrupted as string), 'NOT_FOUND');
    await store.maps.delete(interrupted as string);
    expect(await store.countStoredAccounts(interrupted as string)).toBe(0);
    const again: MapSummary = await store.maps.save(smallMap('interrupted'));
    expect(again.status).toBe('ready');
    expect(unhandled).toEqual([]);
  }, 120_000);
});
