// What every resource of the Neo4j store shares: sessions on the named database (executeRead /
// executeWrite, driver errors mapped to the stores' errors), the check that a map may be read, the
// batch sizes, and batched deletes. Two drivers: requests give up quickly when Neo4j is down (a
// client gets its 503 within about a second), saves and deletes retry patiently through transient
// errors (`forBatches`).

import type { MapInfo } from '@kolmap/model';
import neo4j, {
  type Driver,
  type ManagedTransaction,
  type Record as Neo4jRecord,
  type Session,
} from 'neo4j-driver';
import { MapNotFoundError } from '../errors.js';
import { isStoreId } from '../map-store.js';
import * as cypher from './cypher.js';
import { mapDriverError } from './driver-errors.js';
import { fromMapProperties, type StoredMapInfo, toInteger } from './mapper.js';

export interface Neo4jDatabaseOptions {
  /** The driver of requests: short connection timeouts and retries. */
  driver: Driver;
  /** The driver of saves and deletes: patient retries (default: `driver`). */
  batchDriver?: Driver;
  /** The database every session names. */
  database: string;
  /** Rows per write transaction when saving. */
  batchSize: number;
  /** Rows deleted per transaction. */
  deleteBatchSize: number;
  /** Write transactions running at once while saving. */
  writeConcurrency: number;
}

export class Neo4jDatabase {
  readonly batchSize: number;
  readonly deleteBatchSize: number;
  readonly writeConcurrency: number;
  /** The same database through the patient driver, for saves and deletes (itself when there is one driver). */
  readonly forBatches: Neo4jDatabase;
  private readonly driver: Driver;
  private readonly database: string;

  /**
   * @param options.driver the driver of requests (closed by `close`).
   * @param options.batchDriver the driver of saves and deletes (closed by `close`), default `driver`.
   * @param options.database the database every session names.
   * @param options.batchSize rows per write transaction.
   * @param options.deleteBatchSize rows per delete transaction.
   * @param options.writeConcurrency write transactions at once while saving.
   */
  constructor(options: Neo4jDatabaseOptions) {
    this.driver = options.driver;
    this.database = options.database;
    this.batchSize = options.batchSize;
    this.deleteBatchSize = options.deleteBatchSize;
    this.writeConcurrency = options.writeConcurrency;
    const { batchDriver, ...rest } = options;
    this.forBatches =
      batchDriver === undefined || batchDriver === options.driver
        ? this
        : new Neo4jDatabase({ ...rest, driver: batchDriver });
  }

  /** Runs `work` in a read transaction (retried by the driver on transient errors). */
  read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.inSession(neo4j.session.READ, (session) => session.executeRead(work));
  }

  /** Runs `work` in a write transaction (retried by the driver on transient errors). */
  write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.inSession(neo4j.session.WRITE, (session) => session.executeWrite(work));
  }

  /**
   * Runs one read statement once, without the driver's retries (readiness checks answer at once
   * whether Neo4j is there).
   */
  async readOnce(statement: string): Promise<void> {
    await this.inSession(neo4j.session.READ, (session) => session.run(statement));
  }

  async close(): Promise<void> {
    if (this.forBatches !== this) await this.forBatches.close();
    await this.driver.close();
  }

  /** The map `mapId` read in `tx`; MapNotFoundError if it is missing, deleting, or not ready (unless `anyStatus`). */
  async mapIn(tx: ManagedTransaction, mapId: string, anyStatus = false): Promise<MapInfo> {
    if (!isStoreId(mapId)) throw new MapNotFoundError(mapId);
    const record = (await tx.run(cypher.GET_MAP, { mapId })).records[0];
    if (!record) throw new MapNotFoundError(mapId);
    const info: StoredMapInfo = fromMapProperties(record.get('map'));
    checkStatus(mapId, info.status, anyStatus);
    return info as MapInfo;
  }

  /** Whether the map `mapId` is directed, read in `tx`; MapNotFoundError unless it is ready. */
  async requireMap(tx: ManagedTransaction, mapId: string): Promise<{ directed: boolean }> {
    if (!isStoreId(mapId)) throw new MapNotFoundError(mapId);
    const record = (await tx.run(cypher.MAP_STATE, { mapId })).records[0];
    if (!record) throw new MapNotFoundError(mapId);
    checkStatus(mapId, record.get('status') as StoredMapInfo['status'], false);
    return { directed: record.get('directed') as boolean };
  }

  /**
   * Runs a `… LIMIT $batch … RETURN count(*) AS deleted` statement until it deletes nothing, `batch`
   * (default `deleteBatchSize`) at a time.
   */
  async deleteAll(statement: string, mapId: string, batch = this.deleteBatchSize): Promise<void> {
    while (true) {
      const result = await this.write((tx) =>
        tx.run(statement, { mapId, batch: toInteger(batch) }),
      );
      const deleted = (
        (result.records[0] as Neo4jRecord).get('deleted') as { toNumber(): number }
      ).toNumber();
      if (deleted === 0) break;
    }
  }

  /** Opens a session on the named database (causally chained by the driver's bookmark manager). */
  private async inSession<T>(
    mode: 'READ' | 'WRITE',
    use: (session: Session) => Promise<T>,
  ): Promise<T> {
    let session: Session | undefined;
    try {
      session = this.driver.session({
        database: this.database,
        defaultAccessMode: mode,
        bookmarkManager: this.driver.executeQueryBookmarkManager,
      });
      return await use(session);
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session?.close().catch(() => undefined);
    }
  }
}

/** MapNotFoundError unless a map of this status can be read (any status but deleting, if `anyStatus`). */
export function checkStatus(
  mapId: string,
  status: StoredMapInfo['status'],
  anyStatus: boolean,
): void {
  if (status === 'deleting') throw new MapNotFoundError(mapId, 'being deleted');
  if (status !== 'ready' && !anyStatus) throw new MapNotFoundError(mapId, status);
}
