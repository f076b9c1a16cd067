// The maps of the Neo4j store: a save creates the :Map node (`building`), writes accounts,
// relationships, communities and listening in concurrent batches, then marks it `ready`; a delete
// marks it `deleting` and removes everything of the map in bounded batches.

import {
  type AccountRecord,
  type InteractionRecord,
  type MapInfo,
  type MapSummary,
  mapNameSchema,
} from '@kolmap/model';
import type { Record as Neo4jRecord } from 'neo4j-driver';
import { MapNotFoundError } from '../errors.js';
import { prepareListening } from '../listening-model.js';
import { prepareMap, type SaveMapInput } from '../map-model.js';
import {
  type GetMapOptions,
  isStoreId,
  type ListMapsOptions,
  type MapsResource,
  newId,
  type SaveMapOptions,
  type SaveProgress,
} from '../map-store.js';
import { parseQuery } from '../queries.js';
import { toSummary } from '../summaries.js';
import * as cypher from './cypher.js';
import { mapDriverError } from './driver-errors.js';
import {
  fromMapProperties,
  toAccountProperties,
  toCommunityProperties,
  toDateTime,
  toInteger,
  toInteractionRow,
  toMapProperties,
} from './mapper.js';
import type { Neo4jDatabase } from './neo4j-database.js';
import type { Neo4jListening } from './neo4j-listening.js';

export class Neo4jMaps implements MapsResource {
  private readonly db: Neo4jDatabase;
  private readonly listening: Neo4jListening;

  /** @param listening writes and deletes the listening saved with a map. */
  constructor(db: Neo4jDatabase, listening: Neo4jListening) {
    this.db = db;
    this.listening = listening;
  }

  async save(input: SaveMapInput, options: SaveMapOptions = {}): Promise<MapSummary> {
    const prepared = prepareMap(input);
    const listening = input.listening === undefined ? null : prepareListening(input.listening);
    const mapId = newId();
    const info: MapInfo = {
      id: mapId,
      name: prepared.name,
      status: 'building',
      createdAt: new Date().toISOString(),
      directed: prepared.directed,
      counts: prepared.counts,
      params: prepared.params,
      provenance: prepared.provenance,
      attributes: prepared.attributes,
    };
    await this.db.forBatches.write((tx) =>
      tx.run(cypher.CREATE_MAP, { properties: toMapProperties(info) }),
    );
    const progress = async (stage: SaveProgress['stage'], done: number, total: number) => {
      await options.onProgress?.({ mapId, stage, done, total });
    };
    try {
      const { accounts, interactions, communities } = prepared;
      await progress('accounts', 0, accounts.length);
      const elementIds = new Map<string, string>();
      await this.writeBatches(
        accounts.length,
        async (start, end) => {
          const rows = accounts
            .slice(start, end)
            .map((account) => toAccountProperties(mapId, account));
          const result = await this.db.forBatches.write((tx) =>
            tx.run(cypher.CREATE_ACCOUNTS, { rows }),
          );
          for (const record of result.records)
            elementIds.set(record.get('key'), record.get('elementId'));
        },
        (done) => progress('accounts', done, accounts.length),
      );
      const bySource = groupBySource(accounts, interactions);
      await this.writeBatches(
        interactions.length,
        async (start, end) => {
          const rows = bySource
            .slice(start, end)
            .map((edge) =>
              toInteractionRow(
                elementIds.get(edge.source) as string,
                elementIds.get(edge.target) as string,
                edge.attributes,
              ),
            );
          await this.db.forBatches.write((tx) => tx.run(cypher.CREATE_INTERACTIONS, { rows }));
        },
        (done) => progress('interactions', done, interactions.length),
      );
      const { batchSize } = this.db;
      for (let start = 0; start < communities.length; start += batchSize) {
        const rows = communities
          .slice(start, start + batchSize)
          .map((profile) => toCommunityProperties(mapId, profile));
        await this.db.forBatches.write((tx) => tx.run(cypher.CREATE_COMMUNITIES, { rows }));
      }
      await progress('communities', communities.length, communities.length);
      if (listening) {
        const rows = listening.posts.length;
        await this.listening.save(mapId, listening, (done) => progress('listening', done, rows));
      }
      const readyAt = toDateTime(new Date());
      const ready = await this.db.forBatches.write((tx) =>
        tx.run(cypher.MARK_MAP_READY, { mapId, readyAt }),
      );
      const record = ready.records[0];
      if (!record) throw new MapNotFoundError(mapId, 'deleted while it was being saved');
      return toSummary(fromMapProperties(record.get('map')) as MapInfo);
    } catch (error) {
      await this.abandonSave(mapId, error);
      throw mapDriverError(error);
    }
  }

  /**
   * Runs `write(start, end)` for each batch of `total` rows, `writeConcurrency` at a time; reports
   * progress after each batch (in completion order). On the first failure it starts no more
   * batches, waits for those running, and throws that failure.
   */
  private async writeBatches(
    total: number,
    write: (start: number, end: number) => Promise<void>,
    onBatch: (done: number) => Promise<void>,
  ): Promise<void> {
    const { batchSize, writeConcurrency } = this.db;
    let next = 0;
    let done = 0;
    let failure: { error: unknown } | undefined;
    // Progress is reported one batch at a time, in order, even when batches finish together.
    let reported: Promise<void> = Promise.resolve();
    const worker = async () => {
      while (!failure && next < total) {
        const start = next;
        const end = Math.min(start + batchSize, total);
        next = end;
        try {
          await write(start, end);
          done += end - start;
          const count = done;
          reported = reported.then(() => (failure ? undefined : onBatch(count)));
          await reported;
        } catch (error) {
          failure ??= { error };
        }
      }
    };
    await Promise.all(Array.from({ length: writeConcurrency }, worker));
    if (failure) throw failure.error;
  }

  /**
   * After a failed save: removes what was written and marks the map failed with the reason. If
   * Neo4j cannot be reached either, the map stays `building` (hidden) until someone deletes it.
   */
  private async abandonSave(mapId: string, error: unknown): Promise<void> {
    const reason = error instanceof Error ? error.message : String(error);
    try {
      await this.deleteMapData(mapId);
      await this.db.forBatches.write((tx) => tx.run(cypher.MARK_MAP_FAILED, { mapId, reason }));
    } catch {
      // Left as `building`: invisible, and delete removes it.
    }
  }

  async list(options: ListMapsOptions = {}): Promise<MapSummary[]> {
    const statuses = options.includeBuilding
      ? ['ready', 'failed', 'building', 'deleting']
      : ['ready', 'failed'];
    const result = await this.db.read((tx) => tx.run(cypher.LIST_MAPS, { statuses }));
    return result.records.map((record) => {
      const { status, ...info } = fromMapProperties(record.get('map'));
      // A delete that stopped half-way (Neo4j or the server died) is as unfinished as a save: listed
      // as `building`, so that the sweeper finishes deleting it.
      return toSummary({ ...info, status: status === 'deleting' ? 'building' : status });
    });
  }

  async get(mapId: string, options: GetMapOptions = {}): Promise<MapInfo> {
    return this.db.read((tx) => this.db.mapIn(tx, mapId, options.anyStatus ?? false));
  }

  async rename(mapId: string, name: string): Promise<MapSummary> {
    const newName = parseQuery(mapNameSchema, name);
    return this.db.write(async (tx) => {
      await this.db.requireMap(tx, mapId);
      const result = await tx.run(cypher.RENAME_MAP, { mapId, name: newName });
      return toSummary(fromMapProperties((result.records[0] as Neo4jRecord).get('map')) as MapInfo);
    });
  }

  async delete(mapId: string): Promise<void> {
    if (!isStoreId(mapId)) throw new MapNotFoundError(mapId);
    const marked = await this.db.forBatches.write((tx) =>
      tx.run(cypher.MARK_MAP_DELETING, { mapId }),
    );
    if (marked.records.length === 0) throw new MapNotFoundError(mapId);
    await this.deleteMapData(mapId);
    await this.db.forBatches.deleteAll(cypher.DELETE_SHORTLISTS_BATCH, mapId);
    await this.db.forBatches.write((tx) => tx.run(cypher.DELETE_MAP_NODE, { mapId }));
  }

  /**
   * Deletes a map's accounts, relationships and communities, at most `deleteBatchSize` of them per
   * transaction: relationships first, by windows of accounts in key order, then accounts and
   * communities. Memory on both sides stays bounded by the batch size, whatever the map's size.
   */
  private async deleteMapData(mapId: string): Promise<void> {
    const { deleteBatchSize } = this.db;
    const batch = toInteger(deleteBatchSize);
    let from = '';
    let inclusive = true;
    while (true) {
      const result = await this.db.forBatches.write((tx) =>
        tx.run(cypher.DELETE_INTERACTIONS_BATCH, { mapId, from, inclusive, batch }),
      );
      const record = result.records[0] as Neo4jRecord;
      const rows = (record.get('rows') as { toNumber(): number }).toNumber();
      if (rows === 0) break;
      from = record.get('last') as string;
      // A full batch may have stopped inside the last account's relationships: look at it again.
      inclusive = rows >= deleteBatchSize;
    }
    await this.db.forBatches.deleteAll(cypher.DELETE_ACCOUNTS_BATCH, mapId);
    await this.db.forBatches.deleteAll(cypher.DELETE_COMMUNITIES_BATCH, mapId);
    await this.listening.delete(mapId);
  }
}

/**
 * The interactions grouped by source account, in the order the accounts were written. Each write
 * transaction then covers a run of source accounts, all the relationships of each: Neo4j links a
 * node's new relationships in one go and concurrent transactions rarely lock the same node. Its
 * CPU per relationship written fell by about half (1M relationships, input in random order).
 */
function groupBySource(
  accounts: readonly AccountRecord[],
  interactions: readonly InteractionRecord[],
): InteractionRecord[] {
  const indexOf = new Map(accounts.map(({ key }, index) => [key, index]));
  const groups = accounts.map((): InteractionRecord[] => []);
  for (const edge of interactions) groups[indexOf.get(edge.source) as number]?.push(edge);
  return groups.flat();
}
