// The Neo4j map store (production): one :Map node per map, its :Account nodes, :INTERACTS
// relationships and :Community nodes, plus :Shortlist and :ExportAudit nodes and its listening, all
// tagged with the map id. Each resource lives in its own file (neo4j-maps.ts, neo4j-accounts.ts…)
// over the sessions they share (neo4j-database.ts): every call names the database and runs in
// executeRead / executeWrite (retried by the driver on transient errors); statements are constants
// (cypher.ts, listening-cypher.ts) and values parameters.
import neo4j, { type AuthToken, type Record as Neo4jRecord } from 'neo4j-driver';
import type {
  AccountsResource,
  ExportAuditResource,
  ListeningResource,
  MapStore,
  MapsResource,
  PvCasesResource,
  ShortlistsResource,
} from '../map-store.js';
import * as cypher from './cypher.js';
import { toInteger } from './mapper.js';
import { Neo4jAccounts } from './neo4j-accounts.js';
import { Neo4jDatabase } from './neo4j-database.js';
import { Neo4jExportAudit } from './neo4j-export-audit.js';
import { Neo4jListening } from './neo4j-listening.js';
import { Neo4jMaps } from './neo4j-maps.js';
import { Neo4jPvCases } from './neo4j-pv-cases.js';
import { Neo4jShortlists } from './neo4j-shortlists.js';
import { ALREADY_EXISTS_CODES, AWAIT_INDEXES, MIGRATIONS } from './schema.js';

/** How to reach Neo4j (config: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE). */
export interface Neo4jConnectionConfig {
  /** `bolt://host:7687`, `neo4j://…`, `neo4j+s://…`. */
  uri: string;
  /** Default `neo4j`; used only with a password. */
  user?: string;
  /** Unset: no authentication (a local server started with auth disabled). */
  password?: string;
  /** Default `neo4j` (the only database of Neo4j Community). */
  database?: string;
}

export interface Neo4jMapStoreOptions extends Neo4jConnectionConfig {
  /** Rows per write transaction when saving (accounts, relationships, communities). Default 5000. */
  batchSize?: number;
  /** Relationships or nodes deleted per transaction. Default 10000. */
  deleteBatchSize?: number;
  /** Write transactions running at once while saving. Default 3. */
  writeConcurrency?: number;
  /**
   * How long saves and deletes retry a transaction on transient errors (Neo4j restarting, memory
   * pressure) before giving up. Default 15000 ms.
   */
  maxTransactionRetryTimeMs?: number;
  /** Saves and deletes: timeout of a new connection (twice that to get one from the pool). Default 5000 ms. */
  connectionTimeoutMs?: number;
  /**
   * Requests (every read, and the small writes of a request): how long they retry; short, so that a
   * client hears that Neo4j is down within about a second instead of waiting. Default 500 ms.
   */
  requestRetryTimeMs?: number;
  /** Requests: timeout of a new connection (twice that to get one from the pool). Default 1000 ms. */
  requestConnectionTimeoutMs?: number;
}

export const DEFAULT_NEO4J_MAP_STORE_OPTIONS = Object.freeze({
  user: 'neo4j',
  database: 'neo4j',
  // Measured side by side (1M relationships, local Neo4j 5.26, 2 cores), in relationships/s, with
  // a 1 GB heap: 5000 rows × 3 at a time 50–54k; × 2 42–43k; × 4 49–54k; 2500 × 3 46–49k;
  // 10000 × 3 45–49k; 20000 × 2 34–35k; 10000 × 1 27k (the server idles while the client packs
  // the next batch). Neo4j's CPU per relationship grows with the transaction (a large one outlives
  // young garbage collections). With a 2 GB heap 10000 × 3 matches 5000 × 3 (50–60k), but three
  // transactions of 10000 accounts need more than 256 MiB of transaction memory (the local
  // server's limit): Neo4j refuses one (MemoryPoolOutOfMemoryError, retried) and the accounts are
  // written at half the rate.
  batchSize: 5_000,
  deleteBatchSize: 10_000,
  writeConcurrency: 3,
  maxTransactionRetryTimeMs: 15_000,
  connectionTimeoutMs: 5_000,
  // The driver waits about 1 s (±20 %) before its first retry: with 500 ms, a request to a Neo4j
  // that is down fails after one retry, in 1–1.5 s.
  requestRetryTimeMs: 500,
  requestConnectionTimeoutMs: 1_000,
});

/** The token of a server with authentication disabled (`auth.none()` exists but is not typed in 5.x). */
const NO_AUTH: AuthToken = { scheme: 'none', principal: '', credentials: '' };

/** How long `init` waits for new indexes to come online. */
const AWAIT_INDEXES_SECONDS = 300;

export class Neo4jMapStore implements MapStore {
  readonly kind = 'neo4j';
  readonly maps: MapsResource;
  readonly accounts: AccountsResource;
  readonly shortlists: ShortlistsResource;
  readonly listening: ListeningResource;
  readonly pvCases: PvCasesResource;
  readonly audit: ExportAuditResource;
  private readonly db: Neo4jDatabase;

  /**
   * @param options.uri Neo4j URI; `user` (default neo4j) and `password` (unset: no auth).
   * @param options.database default `neo4j`.
   * @param options.batchSize rows per write transaction, default 5000.
   * @param options.deleteBatchSize rows per delete transaction, default 10000.
   * @param options.writeConcurrency write transactions at once while saving, default 3.
   * @param options.maxTransactionRetryTimeMs saves and deletes: retries on transient errors, default 15000.
   * @param options.connectionTimeoutMs saves and deletes: connection timeout, default 5000.
   * @param options.requestRetryTimeMs requests: retries, default 500.
   * @param options.requestConnectionTimeoutMs requests: connection timeout, default 1000.
   */
  constructor(options: Neo4jMapStoreOptions) {
    const d = DEFAULT_NEO4J_MAP_STORE_OPTIONS;
    const auth =
      options.password === undefined
        ? NO_AUTH
        : neo4j.auth.basic(options.user ?? d.user, options.password);
    const driver = (retryMs: number, timeoutMs: number) =>
      neo4j.driver(options.uri, auth, {
        maxTransactionRetryTime: retryMs,
        connectionTimeout: timeoutMs,
        connectionAcquisitionTimeout: timeoutMs * 2,
        userAgent: 'kolmap-api',
      });
    this.db = new Neo4jDatabase({
      driver: driver(
        options.requestRetryTimeMs ?? d.requestRetryTimeMs,
        options.requestConnectionTimeoutMs ?? d.requestConnectionTimeoutMs,
      ),
      batchDriver: driver(
        options.maxTransactionRetryTimeMs ?? d.maxTransactionRetryTimeMs,
        options.connectionTimeoutMs ?? d.connectionTimeoutMs,
      ),
      database: options.database ?? d.database,
      batchSize: options.batchSize ?? d.batchSize,
      deleteBatchSize: options.deleteBatchSize ?? d.deleteBatchSize,
      writeConcurrency: Math.max(1, options.writeConcurrency ?? d.writeConcurrency),
    });
    const listening = new Neo4jListening(this.db);
    this.maps = new Neo4jMaps(this.db, listening);
    this.accounts = new Neo4jAccounts(this.db);
    this.shortlists = new Neo4jShortlists(this.db);
    this.listening = listening;
    this.pvCases = new Neo4jPvCases(this.db);
    this.audit = new Neo4jExportAudit(this.db);
  }

  async init(): Promise<void> {
    for (const { statement } of MIGRATIONS) {
      try {
        await this.db.forBatches.write((tx) => tx.run(statement));
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (typeof code === 'string' && ALREADY_EXISTS_CODES.has(code)) continue;
        throw error;
      }
    }
    await this.db.forBatches.read((tx) =>
      tx.run(AWAIT_INDEXES, { timeoutSeconds: toInteger(AWAIT_INDEXES_SECONDS) }),
    );
  }

  async ping(): Promise<{ latencyMs: number }> {
    const started = performance.now();
    await this.db.readOnce(cypher.PING);
    return { latencyMs: performance.now() - started };
  }

  close(): Promise<void> {
    return this.db.close();
  }

  /** Accounts stored for a map id, whatever its status (tests check that nothing is left behind). */
  async countStoredAccounts(mapId: string): Promise<number> {
    const result = await this.db.read((tx) => tx.run(cypher.COUNT_ACCOUNTS, { mapId }));
    return (
      (result.records[0] as Neo4jRecord).get('accounts') as { toNumber(): number }
    ).toNumber();
  }
}
