// The Neo4j fault suite: a Neo4j server of this test's own is killed (SIGKILL) in the middle of a
// save 20 times in a row; after each kill it restarts on the same data and the job queue's sweeper
// runs, and Cypher proves that no map is left half-written: no `building` or `deleting` map, and no
// node carrying the id of a map that is gone.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { JobQueue, Neo4jMapStore } from '../../packages/api/src/index.js';
import { freePort, type Neo4jLocalOptions, neo4jLocal } from '../setup/neo4j-local.js';
import { generatedMap } from './map-fixtures.js';
import { describeWithLocalNeo4j, describeWithNeo4j } from './neo4j-test-server.js';

const KILLS = 20;
/** 3,000 accounts and about 6,000 relationships by 100 rows: about 90 write transactions a save. */
const MAP = generatedMap('killed mid-save', { accounts: 3000 });
const BATCH_SIZE = 100;
/** A save must hear that Neo4j died within this (it answers STORE_UNAVAILABLE). */
const SAVE_FAILS_WITHIN_MS = 20_000;

/** What a kill left behind once Neo4j is back and the sweeper ran. */
interface Leftovers {
  /** Maps neither `ready` nor `failed`. */
  unfinished: string[];
  /** Map ids carried by nodes (accounts, communities, listening, shortlists) whose :Map is gone. */
  orphanMapIds: string[];
  /** Relationships touching such nodes. */
  orphanRelationships: number;
}

async function leftovers(driver: Driver): Promise<Leftovers> {
  const unfinished = await driver.executeQuery(
    "MATCH (m:Map) WHERE NOT m.status IN ['ready', 'failed'] RETURN m.id AS id",
  );
  const orphans = await driver.executeQuery(`
    MATCH (n) WHERE n.mapId IS NOT NULL AND NOT n:Map
      AND NOT EXISTS { MATCH (m:Map) WHERE m.id = n.mapId }
    OPTIONAL MATCH (n)-[r]-()
    RETURN collect(DISTINCT n.mapId) AS mapIds, count(DISTINCT r) AS relationships`);
  const record = orphans.records[0];
  return {
    unfinished: unfinished.records.map((r) => r.get('id') as string),
    orphanMapIds: (record?.get('mapIds') as string[] | undefined) ?? [],
    orphanRelationships: Number(record?.get('relationships') ?? 0),
  };
}

describeWithNeo4j('the sweeper after a delete that stopped half-way', (config) => {
  it('finishes deleting a map left `deleting`', async () => {
    const store = new Neo4jMapStore({ ...config, batchSize: BATCH_SIZE, deleteBatchSize: 100 });
    const driver = neo4j.driver(
      config.uri,
      config.password === undefined
        ? undefined
        : neo4j.auth.basic(config.user ?? 'neo4j', config.password),
    );
    try {
      await store.init();
      const map = await store.maps.save(generatedMap('half deleted', { accounts: 300 }));
      // What a delete leaves when Neo4j or the server dies after its first batches.
      await driver.executeQuery(
        `MATCH (m:Map {id: $mapId}) SET m.status = 'deleting'
         WITH m MATCH (a:Account {mapId: $mapId}) WITH a LIMIT 100 DETACH DELETE a`,
        { mapId: map.id },
        { database: config.database ?? 'neo4j' },
      );
      const queue = new JobQueue({ store });
      expect(await queue.sweepAbandonedMaps()).toContain(map.id);
      await queue.close();
      const { records } = await driver.executeQuery(
        `OPTIONAL MATCH (m:Map {id: $mapId}) WITH count(m) AS maps
         OPTIONAL MATCH (n {mapId: $mapId}) RETURN maps, count(n) AS nodes`,
        { mapId: map.id },
        { database: config.database ?? 'neo4j' },
      );
      expect({
        maps: Number(records[0]?.get('maps')),
        nodes: Number(records[0]?.get('nodes')),
      }).toEqual({ maps: 0, nodes: 0 });
    } finally {
      await driver.close();
      await store.close();
    }
  });
});

describeWithLocalNeo4j(`Neo4jMapStore when Neo4j is killed mid-save ${KILLS} times`, () => {
  let folder: string;
  let options: Neo4jLocalOptions;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kolmap-kill-neo4j-'));
    options = {
      port: await freePort(),
      dataDir: join(folder, 'data'),
      exitWithParent: true,
      log: () => undefined,
    };
  });

  afterAll(async () => {
    const control = await neo4jLocal();
    await control.stopNeo4j(options);
    await rm(folder, { recursive: true, force: true });
  });

  it(`leaves no partial map after ${KILLS} kills, once the sweeper ran`, async () => {
    const control = await neo4jLocal();
    const started = Date.now();
    let server = await control.startNeo4j(options);
    const newStore = () =>
      new Neo4jMapStore({
        uri: server.uri,
        batchSize: BATCH_SIZE,
        maxTransactionRetryTimeMs: 500,
        connectionTimeoutMs: 1000,
      });
    const setup = newStore();
    await setup.init();
    const kept = await setup.maps.save(generatedMap('kept', { accounts: 300 }));
    await setup.close();

    const startupMs: number[] = [server.startupMs];
    const saveFailureMs: number[] = [];
    let kills = 0;
    let partialMaps = 0;
    const partial: Array<Leftovers & { round: number; killAfter: number; mapId?: string }> = [];
    for (let round = 0; round < KILLS; round++) {
      const store = newStore();
      // The kill lands at a different point of each save: after 1 to 40 batches (30 of accounts,
      // then relationships).
      const killAfter = 1 + ((round * 17) % 40);
      let batches = 0;
      let killedAt: number | undefined;
      let mapId: string | undefined;
      const save = store.maps.save(MAP, {
        onProgress: ({ mapId: id, done }) => {
          mapId = id;
          if (done > 0) batches++;
          if (batches === killAfter && killedAt === undefined) {
            process.kill(server.pid, 'SIGKILL');
            killedAt = Date.now();
          }
        },
      });
      const failure = await save.then(
        () => undefined,
        (error: unknown) => error as { code?: unknown },
      );
      expect(killedAt).toBeDefined();
      expect(failure?.code).toBe('STORE_UNAVAILABLE');
      const failedAfter = Date.now() - (killedAt as number);
      expect(failedAfter).toBeLessThan(SAVE_FAILS_WITHIN_MS);
      saveFailureMs.push(failedAfter);
      kills++;
      await store.close();

      while (control.statusNeo4j(options).running) await new Promise((r) => setTimeout(r, 50));
      server = await control.startNeo4j(options);
      startupMs.push(server.startupMs);

      const swept = newStore();
      const queue = new JobQueue({ store: swept });
      await queue.sweepAbandonedMaps();
      await queue.close();
      await swept.close();

      const driver = neo4j.driver(server.uri);
      try {
        const left = await leftovers(driver);
        if (left.unfinished.length + left.orphanMapIds.length + left.orphanRelationships > 0) {
          partialMaps++;
          partial.push({ round, killAfter, mapId, ...left });
        }
      } finally {
        await driver.close();
      }
    }

    const after = newStore();
    try {
      const maps = await after.maps.list({ includeBuilding: true });
      expect(maps.map(({ id, status }) => ({ id, status }))).toEqual([
        { id: kept.id, status: 'ready' },
      ]);
      expect(await after.countStoredAccounts(kept.id)).toBe(300);
    } finally {
      await after.close();
    }
    const seconds = (ms: number) => (ms / 1000).toFixed(1);
    console.info(
      `Neo4j fault suite: ${kills}/${KILLS} kills mid-save, ${partialMaps} partial maps, ` +
        `${seconds(Date.now() - started)} s in all; Neo4j start ${seconds(Math.min(...startupMs))}–` +
        `${seconds(Math.max(...startupMs))} s, save failed ${seconds(Math.min(...saveFailureMs))}–` +
        `${seconds(Math.max(...saveFailureMs))} s after the kill`,
    );
    expect(partial).toEqual([]);
    expect({ kills, partialMaps }).toEqual({ kills: KILLS, partialMaps: 0 });
  }, 900_000);
});
