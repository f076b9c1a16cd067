// A map's listening in Neo4j, tagged with the map id like everything of a map: one `:Listening`
// node (the info as JSON), `:ListeningPosts` chunks of post rows (JSON arrays: the series read every
// row and no query looks for one, so a node per post would cost a million nodes for nothing), and one
// `:PvCase` node per pharmacovigilance case, whose audit trail is a list that statements only append
// to. Used by Neo4jMapStore, in its sessions and transactions.
import type { PvCase, PvCaseChange, PvReviewer, PvReviewStatus } from '@kolmap/core';
import type { ManagedTransaction, Record as Neo4jRecord } from 'neo4j-driver';
import { ListeningNotFoundError, PvCaseNotFoundError } from '../errors.js';
import {
  applyPvCaseChange,
  fromPostTuple,
  type ListeningInfo,
  type ListeningPostRow,
  type ListeningPostTuple,
  noPvCases,
  type PvCaseCounts,
  type PvCaseQuery,
  pvCaseCursor,
  pvCaseOrder,
  resolvePvCaseQuery,
  type SaveListeningInput,
  toPostTuple,
} from '../listening-model.js';
import type { Page } from '../map-store.js';
import * as cypher from './listening-cypher.js';
import { fromNeo4j, toInteger } from './mapper.js';

/** What the listening needs of the store: its transactions and its check of the map. */
export interface Neo4jListeningRunner {
  read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T>;
  write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T>;
  /** Throws MapNotFoundError unless `mapId` is a ready map. */
  requireMap(tx: ManagedTransaction, mapId: string): Promise<unknown>;
}

/** Chunks of post rows deleted per transaction (each holds a batch of rows as JSON). */
const POST_CHUNKS_DELETED_PER_TRANSACTION = 10;

export class Neo4jListening {
  private readonly runner: Neo4jListeningRunner;
  private readonly batchSize: number;
  private readonly deleteBatchSize: number;

  /**
   * @param options.batchSize post rows per chunk, and cases per write transaction.
   * @param options.deleteBatchSize cases deleted per transaction.
   */
  constructor(
    runner: Neo4jListeningRunner,
    options: { batchSize: number; deleteBatchSize: number },
  ) {
    this.runner = runner;
    this.batchSize = options.batchSize;
    this.deleteBatchSize = options.deleteBatchSize;
  }

  /** Writes a map's listening (its map still `building`): rows chunk by chunk, cases, then the info. */
  async save(
    mapId: string,
    listening: SaveListeningInput,
    onBatch: (done: number) => Promise<void>,
  ): Promise<void> {
    const { posts, pvCases, ...info } = listening;
    for (let start = 0; start < posts.length; start += this.batchSize) {
      const end = Math.min(start + this.batchSize, posts.length);
      const properties = {
        mapId,
        chunk: toInteger(start / this.batchSize),
        rows: JSON.stringify(posts.slice(start, end).map(toPostTuple)),
      };
      await this.runner.write((tx) => tx.run(cypher.CREATE_LISTENING_POSTS, { properties }));
      await onBatch(end);
    }
    for (let start = 0; start < pvCases.length; start += this.batchSize) {
      const rows = pvCases
        .slice(start, start + this.batchSize)
        .map((item) => toPvCaseProperties(mapId, item));
      await this.runner.write((tx) => tx.run(cypher.CREATE_PV_CASES, { rows }));
    }
    const properties = { mapId, info: JSON.stringify(info) };
    await this.runner.write((tx) => tx.run(cypher.CREATE_LISTENING, { properties }));
  }

  /** Deletes a map's listening in batches (nothing happens when it has none). */
  async delete(mapId: string): Promise<void> {
    await this.deleteAll(
      cypher.DELETE_LISTENING_POSTS_BATCH,
      mapId,
      POST_CHUNKS_DELETED_PER_TRANSACTION,
    );
    await this.deleteAll(cypher.DELETE_PV_CASES_BATCH, mapId, this.deleteBatchSize);
    await this.runner.write((tx) => tx.run(cypher.DELETE_LISTENING, { mapId }));
  }

  async find(mapId: string): Promise<ListeningInfo | null> {
    return this.runner.read(async (tx) => {
      await this.runner.requireMap(tx, mapId);
      return this.infoIn(tx, mapId);
    });
  }

  async readPosts(mapId: string): Promise<ListeningPostRow[]> {
    const chunks = await this.runner.read(async (tx) => {
      await this.requireListening(tx, mapId);
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

  async listPvCases(mapId: string, query?: PvCaseQuery): Promise<Page<PvCase>> {
    const resolved = resolvePvCaseQuery(mapId, query);
    const records = await this.runner.read(async (tx) => {
      await this.requireListening(tx, mapId);
      const parameters = {
        mapId,
        after: resolved.after,
        statuses: resolved.statuses,
        limit: toInteger(resolved.limit + 1),
      };
      return (await tx.run(cypher.LIST_PV_CASES, parameters)).records;
    });
    const items = records.slice(0, resolved.limit).map(pvCaseOf);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor:
        records.length > resolved.limit && last
          ? pvCaseCursor(mapId, resolved, pvCaseOrder(last))
          : null,
    };
  }

  async countPvCases(mapId: string): Promise<PvCaseCounts> {
    const records = await this.runner.read(async (tx) => {
      await this.requireListening(tx, mapId);
      return (await tx.run(cypher.COUNT_PV_CASES, { mapId })).records;
    });
    const counts = noPvCases();
    for (const record of records) {
      counts[record.get('status') as PvReviewStatus] = fromNeo4j(record.get('cases')) as number;
    }
    return counts;
  }

  async getPvCase(mapId: string, caseId: string): Promise<PvCase> {
    return this.runner.read(async (tx) => {
      await this.runner.requireMap(tx, mapId);
      const record = (await tx.run(cypher.GET_PV_CASE, { mapId, id: caseId })).records[0];
      if (!record) throw await this.caseNotFound(tx, mapId, caseId);
      return pvCaseOf(record);
    });
  }

  /**
   * Locks the case, reads it, applies the change and appends its audit entries, in one write
   * transaction: a concurrent update of the case waits for the lock and sees this one's result.
   */
  async updatePvCase(
    mapId: string,
    caseId: string,
    change: PvCaseChange,
    reviewer: PvReviewer,
  ): Promise<PvCase> {
    return this.runner.write(async (tx) => {
      await this.runner.requireMap(tx, mapId);
      const record = (await tx.run(cypher.LOCK_PV_CASE, { mapId, id: caseId })).records[0];
      if (!record) throw await this.caseNotFound(tx, mapId, caseId);
      const current = pvCaseOf(record);
      const changed = applyPvCaseChange(current, change, reviewer);
      await tx.run(cypher.UPDATE_PV_CASE, {
        mapId,
        id: caseId,
        status: changed.status,
        assignee: changed.assignee,
        entries: changed.history
          .slice(current.history.length)
          .map((entry) => JSON.stringify(entry)),
      });
      return changed;
    });
  }

  private async infoIn(tx: ManagedTransaction, mapId: string): Promise<ListeningInfo | null> {
    const record = (await tx.run(cypher.GET_LISTENING, { mapId })).records[0];
    return record ? (JSON.parse(record.get('info') as string) as ListeningInfo) : null;
  }

  private async requireListening(tx: ManagedTransaction, mapId: string): Promise<void> {
    await this.runner.requireMap(tx, mapId);
    if ((await this.infoIn(tx, mapId)) === null) throw new ListeningNotFoundError(mapId);
  }

  /** The error for a case not found: the map has no listening at all, or not this case. */
  private async caseNotFound(tx: ManagedTransaction, mapId: string, caseId: string) {
    return (await this.infoIn(tx, mapId)) === null
      ? new ListeningNotFoundError(mapId)
      : new PvCaseNotFoundError(mapId, caseId);
  }

  /** Runs a `… LIMIT $batch … RETURN count(*) AS deleted` statement until it deletes nothing. */
  private async deleteAll(statement: string, mapId: string, batch: number): Promise<void> {
    while (true) {
      const result = await this.runner.write((tx) =>
        tx.run(statement, { mapId, batch: toInteger(batch) }),
      );
      const deleted = (
        (result.records[0] as Neo4jRecord).get('deleted') as { toNumber(): number }
      ).toNumber();
      if (deleted === 0) break;
    }
  }
}

function toPvCaseProperties(mapId: string, item: PvCase): Record<string, unknown> {
  return {
    mapId,
    id: item.id,
    _order: pvCaseOrder(item),
    status: item.status,
    ...(item.assignee !== null && { assignee: item.assignee }),
    flag: JSON.stringify(item.flag),
    history: item.history.map((entry) => JSON.stringify(entry)),
  };
}

function pvCaseOf(record: Neo4jRecord): PvCase {
  const properties = record.get('pvCase') as Record<string, unknown>;
  return {
    id: properties.id as string,
    flag: JSON.parse(properties.flag as string) as PvCase['flag'],
    status: properties.status as PvCase['status'],
    assignee: (properties.assignee as string | undefined) ?? null,
    history: (properties.history as string[]).map(
      (entry) => JSON.parse(entry) as PvCase['history'][number],
    ),
  };
}
