// A map's listening in Neo4j, tagged with the map id like everything of a map: one `:Listening`
// node (the info as JSON), `:ListeningPosts` chunks of post rows (JSON arrays: the series read every
// row and no query looks for one, so a node per post would cost a million nodes for nothing), and one
// `:PvCase` node per pharmacovigilance case (read and reviewed by neo4j-pv-cases.ts). Neo4jMaps saves
// and deletes it with its map.
import type { ListeningInfo, ListeningPostRow } from '@kolmap/core';
import type { ManagedTransaction } from 'neo4j-driver';
import { ListeningNotFoundError } from '../errors.js';
import {
  fromPostTuple,
  type ListeningPostTuple,
  type SaveListeningInput,
  toPostTuple,
} from '../listening-model.js';
import type { ListeningResource } from '../map-store.js';
import * as cypher from './listening-cypher.js';
import { toInteger, toPvCaseProperties } from './mapper.js';
import type { Neo4jDatabase } from './neo4j-database.js';

/** Chunks of post rows deleted per transaction (each holds a batch of rows as JSON). */
const POST_CHUNKS_DELETED_PER_TRANSACTION = 10;

export class Neo4jListening implements ListeningResource {
  private readonly db: Neo4jDatabase;

  constructor(db: Neo4jDatabase) {
    this.db = db;
  }

  /**
   * Writes a map's listening (its map still `building`): rows chunk by chunk (`batchSize` rows to a
   * chunk), cases (`batchSize` to a transaction), then the info.
   */
  async save(
    mapId: string,
    listening: SaveListeningInput,
    onBatch: (done: number) => Promise<void>,
  ): Promise<void> {
    const { batchSize } = this.db;
    const { posts, pvCases, ...info } = listening;
    for (let start = 0; start < posts.length; start += batchSize) {
      const end = Math.min(start + batchSize, posts.length);
      const properties = {
        mapId,
        chunk: toInteger(start / batchSize),
        rows: JSON.stringify(posts.slice(start, end).map(toPostTuple)),
      };
      await this.db.forBatches.write((tx) => tx.run(cypher.CREATE_LISTENING_POSTS, { properties }));
      await onBatch(end);
    }
    for (let start = 0; start < pvCases.length; start += batchSize) {
      const rows = pvCases
        .slice(start, start + batchSize)
        .map((item) => toPvCaseProperties(mapId, item));
      await this.db.forBatches.write((tx) => tx.run(cypher.CREATE_PV_CASES, { rows }));
    }
    const properties = { mapId, info: JSON.stringify(info) };
    await this.db.forBatches.write((tx) => tx.run(cypher.CREATE_LISTENING, { properties }));
  }

  /** Deletes a map's listening in batches (nothing happens when it has none). */
  async delete(mapId: string): Promise<void> {
    await this.db.forBatches.deleteAll(
      cypher.DELETE_LISTENING_POSTS_BATCH,
      mapId,
      POST_CHUNKS_DELETED_PER_TRANSACTION,
    );
    await this.db.forBatches.deleteAll(cypher.DELETE_PV_CASES_BATCH, mapId);
    await this.db.forBatches.write((tx) => tx.run(cypher.DELETE_LISTENING, { mapId }));
  }

  async find(mapId: string): Promise<ListeningInfo | null> {
    return this.db.read(async (tx) => {
      await this.db.requireMap(tx, mapId);
      return listeningInfoIn(tx, mapId);
    });
  }

  async readPosts(mapId: string): Promise<ListeningPostRow[]> {
    const chunks = await this.db.read(async (tx) => {
      await requireListening(this.db, tx, mapId);
      return (await tx.run(cypher.LISTENING_POSTS, { mapId })).records;
    });
    const rows: ListeningPostRow[] = [];
    for (const record of chunks) {
      for (const tuple of JSON.parse(record.get('rows') as string) as ListeningPostTuple[]) {
        rows.push(fromPostTuple(tuple));
      }
    }
    return rows;
  }
}

/** The listening info of `mapId` read in `tx`, or null when the map has none. */
export async function listeningInfoIn(
  tx: ManagedTransaction,
  mapId: string,
): Promise<ListeningInfo | null> {
  const record = (await tx.run(cypher.GET_LISTENING, { mapId })).records[0];
  return record ? (JSON.parse(record.get('info') as string) as ListeningInfo) : null;
}

/** MapNotFoundError unless `mapId` is a ready map, ListeningNotFoundError unless it has listening. */
export async function requireListening(
  db: Neo4jDatabase,
  tx: ManagedTransaction,
  mapId: string,
): Promise<void> {
  await db.requireMap(tx, mapId);
  if ((await listeningInfoIn(tx, mapId)) === null) throw new ListeningNotFoundError(mapId);
}
