// The Neo4j map store (production): one :Map node per map, its :Account nodes, :INTERACTS
// relationships and :Community nodes, plus :Shortlist and :ExportAudit nodes and its listening
// (neo4j-listening.ts), all tagged with the map id. Every call names the database and runs in
// executeRead / executeWrite (retried by the driver on transient errors); statements are constants
// (cypher.ts) and values parameters.
import type { PvCase, PvCaseChange, PvReviewer } from '@kolmap/core';
import neo4j, {
  type AuthToken,
  type Driver,
  type ManagedTransaction,
  type Record as Neo4jRecord,
  type Session,
} from 'neo4j-driver';
import {
  AccountNotFoundError,
  CommunityNotFoundError,
  MapNotFoundError,
  ShortlistNotFoundError,
} from '../errors.js';
import {
  type ListeningInfo,
  type ListeningPostRow,
  type PvCaseCounts,
  type PvCaseQuery,
  prepareListening,
} from '../listening-model.js';
import {
  type AccountRecord,
  type CommunityProfile,
  type InteractionRecord,
  type MapInfo,
  type MapSummary,
  mapNameSchema,
  prepareMap,
  type SaveMapInput,
} from '../map-model.js';
import {
  type AccountDetail,
  type AccountPath,
  type CommunityDetail,
  type ExportAuditEntry,
  type ExportAuditInput,
  exportAuditInputSchema,
  type GetMapOptions,
  isStoreId,
  type ListMapsOptions,
  type MapGraph,
  type MapStore,
  newId,
  type Page,
  type SaveMapOptions,
  type SaveProgress,
  type SaveShortlistInput,
  type Shortlist,
  type ShortlistSummary,
  saveShortlistInputSchema,
} from '../map-store.js';
import {
  type CommunityQuery,
  communityIdSchema,
  communityQuerySchema,
  compareKolOrder,
  type EgoQuery,
  egoQuerySchema,
  type FindKolsQuery,
  nextCursor,
  orderString,
  type PathQuery,
  parseQuery,
  pathQuerySchema,
  resolveFindKols,
  resolveSearch,
  scorePrefix,
  scorePrefixAfter,
  sortScore,
} from '../queries.js';
import { toSummary } from '../summaries.js';
import * as cypher from './cypher.js';
import { mapDriverError } from './driver-errors.js';
import {
  fromAccountProperties,
  fromCommunityProperties,
  fromExportAuditProperties,
  fromInteractionProperties,
  fromMapProperties,
  fromShortlistProperties,
  type StoredMapInfo,
  toAccountProperties,
  toCommunityProperties,
  toDateTime,
  toExportAuditProperties,
  toInteger,
  toInteractionRow,
  toMapProperties,
  toShortlistProperties,
} from './mapper.js';
import { Neo4jListening } from './neo4j-listening.js';
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
  /** How long the driver retries a transaction on transient errors before giving up. Default 15000 ms. */
  maxTransactionRetryTimeMs?: number;
  /** Timeout of a new connection (and of acquiring one from the pool). Default 5000 ms. */
  connectionTimeoutMs?: number;
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
});

/** The token of a server with authentication disabled (`auth.none()` exists but is not typed in 5.x). */
const NO_AUTH: AuthToken = { scheme: 'none', principal: '', credentials: '' };

/** How long `init` waits for new indexes to come online. */
const AWAIT_INDEXES_SECONDS = 300;

/** Lucene query syntax characters, escaped in search text. */
const LUCENE_SPECIAL = /[\\+\-!():^[\]"{}~*?|&/\s]/g;

export class Neo4jMapStore implements MapStore {
  readonly kind = 'neo4j';
  private readonly driver: Driver;
  private readonly database: string;
  private readonly batchSize: number;
  private readonly deleteBatchSize: number;
  private readonly writeConcurrency: number;
  private readonly listening: Neo4jListening;

  /**
   * @param options.uri Neo4j URI; `user` (default neo4j) and `password` (unset: no auth).
   * @param options.database default `neo4j`.
   * @param options.batchSize rows per write transaction, default 5000.
   * @param options.deleteBatchSize rows per delete transaction, default 10000.
   * @param options.writeConcurrency write transactions at once while saving, default 3.
   * @param options.maxTransactionRetryTimeMs driver retries on transient errors, default 15000.
   * @param options.connectionTimeoutMs default 5000.
   */
  constructor(options: Neo4jMapStoreOptions) {
    const d = DEFAULT_NEO4J_MAP_STORE_OPTIONS;
    const auth =
      options.password === undefined
        ? NO_AUTH
        : neo4j.auth.basic(options.user ?? d.user, options.password);
    const connectionTimeout = options.connectionTimeoutMs ?? d.connectionTimeoutMs;
    this.driver = neo4j.driver(options.uri, auth, {
      maxTransactionRetryTime: options.maxTransactionRetryTimeMs ?? d.maxTransactionRetryTimeMs,
      connectionTimeout,
      connectionAcquisitionTimeout: connectionTimeout * 2,
      userAgent: 'kolmap-api',
    });
    this.database = options.database ?? d.database;
    this.batchSize = options.batchSize ?? d.batchSize;
    this.deleteBatchSize = options.deleteBatchSize ?? d.deleteBatchSize;
    this.writeConcurrency = Math.max(1, options.writeConcurrency ?? d.writeConcurrency);
    this.listening = new Neo4jListening(
      {
        read: (work) => this.read(work),
        write: (work) => this.write(work),
        requireMap: (tx, mapId) => this.requireMap(tx, mapId),
      },
      { batchSize: this.batchSize, deleteBatchSize: this.deleteBatchSize },
    );
  }

  async init(): Promise<void> {
    for (const { statement } of MIGRATIONS) {
      try {
        await this.write((tx) => tx.run(statement));
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (typeof code === 'string' && ALREADY_EXISTS_CODES.has(code)) continue;
        throw error;
      }
    }
    await this.read((tx) =>
      tx.run(AWAIT_INDEXES, { timeoutSeconds: toInteger(AWAIT_INDEXES_SECONDS) }),
    );
  }

  async ping(): Promise<{ latencyMs: number }> {
    const started = performance.now();
    await this.read((tx) => tx.run(cypher.PING));
    return { latencyMs: performance.now() - started };
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  async saveMap(input: SaveMapInput, options: SaveMapOptions = {}): Promise<MapSummary> {
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
    await this.write((tx) => tx.run(cypher.CREATE_MAP, { properties: toMapProperties(info) }));
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
          const result = await this.write((tx) => tx.run(cypher.CREATE_ACCOUNTS, { rows }));
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
          await this.write((tx) => tx.run(cypher.CREATE_INTERACTIONS, { rows }));
        },
        (done) => progress('interactions', done, interactions.length),
      );
      for (let start = 0; start < communities.length; start += this.batchSize) {
        const rows = communities
          .slice(start, start + this.batchSize)
          .map((profile) => toCommunityProperties(mapId, profile));
        await this.write((tx) => tx.run(cypher.CREATE_COMMUNITIES, { rows }));
      }
      await progress('communities', communities.length, communities.length);
      if (listening) {
        const rows = listening.posts.length;
        await this.listening.save(mapId, listening, (done) => progress('listening', done, rows));
      }
      const readyAt = toDateTime(new Date());
      const ready = await this.write((tx) => tx.run(cypher.MARK_MAP_READY, { mapId, readyAt }));
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
    let next = 0;
    let done = 0;
    let failure: { error: unknown } | undefined;
    // Progress is reported one batch at a time, in order, even when batches finish together.
    let reported: Promise<void> = Promise.resolve();
    const worker = async () => {
      while (!failure && next < total) {
        const start = next;
        const end = Math.min(start + this.batchSize, total);
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
    await Promise.all(Array.from({ length: this.writeConcurrency }, worker));
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
      await this.write((tx) => tx.run(cypher.MARK_MAP_FAILED, { mapId, reason }));
    } catch {
      // Left as `building`: invisible, and deleteMap removes it.
    }
  }

  async listMaps(options: ListMapsOptions = {}): Promise<MapSummary[]> {
    const statuses = options.includeBuilding
      ? ['ready', 'failed', 'building']
      : ['ready', 'failed'];
    const result = await this.read((tx) => tx.run(cypher.LIST_MAPS, { statuses }));
    return result.records.map((record) =>
      toSummary(fromMapProperties(record.get('map')) as MapInfo),
    );
  }

  async getMap(mapId: string, options: GetMapOptions = {}): Promise<MapInfo> {
    return this.read((tx) => this.mapIn(tx, mapId, options.anyStatus ?? false));
  }

  /** The map `mapId` read in `tx`; MapNotFoundError if it is missing, deleting, or not ready (unless `anyStatus`). */
  private async mapIn(tx: ManagedTransaction, mapId: string, anyStatus = false): Promise<MapInfo> {
    if (!isStoreId(mapId)) throw new MapNotFoundError(mapId);
    const record = (await tx.run(cypher.GET_MAP, { mapId })).records[0];
    if (!record) throw new MapNotFoundError(mapId);
    const info: StoredMapInfo = fromMapProperties(record.get('map'));
    checkStatus(mapId, info.status, anyStatus);
    return info as MapInfo;
  }

  /** Whether the map `mapId` is directed, read in `tx`; MapNotFoundError unless it is ready. */
  private async requireMap(tx: ManagedTransaction, mapId: string): Promise<{ directed: boolean }> {
    if (!isStoreId(mapId)) throw new MapNotFoundError(mapId);
    const record = (await tx.run(cypher.MAP_STATE, { mapId })).records[0];
    if (!record) throw new MapNotFoundError(mapId);
    checkStatus(mapId, record.get('status') as StoredMapInfo['status'], false);
    return { directed: record.get('directed') as boolean };
  }

  async renameMap(mapId: string, name: string): Promise<MapSummary> {
    const newName = parseQuery(mapNameSchema, name);
    return this.write(async (tx) => {
      await this.requireMap(tx, mapId);
      const result = await tx.run(cypher.RENAME_MAP, { mapId, name: newName });
      return toSummary(fromMapProperties((result.records[0] as Neo4jRecord).get('map')) as MapInfo);
    });
  }

  async deleteMap(mapId: string): Promise<void> {
    if (!isStoreId(mapId)) throw new MapNotFoundError(mapId);
    const marked = await this.write((tx) => tx.run(cypher.MARK_MAP_DELETING, { mapId }));
    if (marked.records.length === 0) throw new MapNotFoundError(mapId);
    await this.deleteMapData(mapId);
    await this.deleteAll(cypher.DELETE_SHORTLISTS_BATCH, mapId);
    await this.write((tx) => tx.run(cypher.DELETE_MAP_NODE, { mapId }));
  }

  /**
   * Deletes a map's accounts, relationships and communities, at most `deleteBatchSize` of them per
   * transaction: relationships first, by windows of accounts in key order, then accounts and
   * communities. Memory on both sides stays bounded by the batch size, whatever the map's size.
   */
  private async deleteMapData(mapId: string): Promise<void> {
    const batch = toInteger(this.deleteBatchSize);
    let from = '';
    let inclusive = true;
    while (true) {
      const result = await this.write((tx) =>
        tx.run(cypher.DELETE_INTERACTIONS_BATCH, { mapId, from, inclusive, batch }),
      );
      const record = result.records[0] as Neo4jRecord;
      const rows = (record.get('rows') as { toNumber(): number }).toNumber();
      if (rows === 0) break;
      from = record.get('last') as string;
      // A full batch may have stopped inside the last account's relationships: look at it again.
      inclusive = rows >= this.deleteBatchSize;
    }
    await this.deleteAll(cypher.DELETE_ACCOUNTS_BATCH, mapId);
    await this.deleteAll(cypher.DELETE_COMMUNITIES_BATCH, mapId);
    await this.listening.delete(mapId);
  }

  /** Runs a `… LIMIT $batch … RETURN count(*) AS deleted` statement until it deletes nothing. */
  private async deleteAll(statement: string, mapId: string): Promise<void> {
    const batch = toInteger(this.deleteBatchSize);
    while (true) {
      const result = await this.write((tx) => tx.run(statement, { mapId, batch }));
      const deleted = (
        (result.records[0] as Neo4jRecord).get('deleted') as { toNumber(): number }
      ).toNumber();
      if (deleted === 0) break;
    }
  }

  async readGraph(mapId: string): Promise<MapGraph> {
    return this.read(async (tx) => {
      const map = await this.mapIn(tx, mapId);
      const accounts = await tx.run(cypher.ALL_ACCOUNTS, { mapId });
      const interactions = await tx.run(cypher.ALL_INTERACTIONS, { mapId });
      const communities = await tx.run(cypher.LIST_COMMUNITIES, { mapId });
      return {
        map,
        accounts: accounts.records.map((record) => fromAccountProperties(record.get('account'))),
        interactions: interactions.records.map((record) => ({
          source: record.get('source') as string,
          target: record.get('target') as string,
          attributes: fromInteractionProperties(record.get('attributes')),
        })),
        communities: communities.records.map((record) =>
          fromCommunityProperties(record.get('community')),
        ),
      };
    });
  }

  async findKols(mapId: string, query?: FindKolsQuery): Promise<Page<AccountRecord>> {
    const r = resolveFindKols(mapId, query);
    const scored = r.minScore !== null || r.maxScore !== null;
    const parameters = {
      mapId,
      after: r.after ? orderString(r.after) : '',
      from: r.maxScore !== null ? scorePrefix(r.maxScore) : '',
      // With a score bound, accounts without a score (sort score -1) are out.
      until: scorePrefixAfter(r.minScore ?? (scored ? 0 : -1)),
      communities: r.communities?.map(toInteger) ?? null,
      community: r.communities?.length === 1 ? toInteger(r.communities[0] as number) : null,
      actorTypes: r.actorTypes,
      platforms: r.platforms,
      roles: r.roles,
      languages: r.languages,
      countries: r.countries,
      text: r.text,
      limit: toInteger(r.limit + 1),
    };
    const statement = !r.communities
      ? cypher.FIND_KOLS
      : r.communities.length === 1
        ? cypher.FIND_KOLS_IN_COMMUNITY
        : cypher.FIND_KOLS_IN_COMMUNITIES;
    if (!isStoreId(mapId)) throw new MapNotFoundError(mapId);
    const record = (await this.read((tx) => tx.run(statement, parameters))).records[0];
    const status = record?.get('status') as StoredMapInfo['status'] | null | undefined;
    if (!status) throw new MapNotFoundError(mapId);
    checkStatus(mapId, status, false);
    const accounts = (record as Neo4jRecord).get('accounts') as Array<Record<string, unknown>>;
    const items = accounts.slice(0, r.limit).map(fromAccountProperties);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor:
        accounts.length > r.limit && last
          ? nextCursor(mapId, r, { score: sortScore(last.attributes.kolScore), key: last.key })
          : null,
    };
  }

  async listCommunities(mapId: string): Promise<CommunityProfile[]> {
    const records = await this.read(async (tx) => {
      await this.requireMap(tx, mapId);
      return (await tx.run(cypher.LIST_COMMUNITIES, { mapId })).records;
    });
    return records.map((record) => fromCommunityProperties(record.get('community')));
  }

  async getCommunity(
    mapId: string,
    communityId: number,
    query?: CommunityQuery,
  ): Promise<CommunityDetail> {
    const id = toInteger(parseQuery(communityIdSchema, communityId));
    const { memberLimit } = parseQuery(communityQuerySchema, query ?? {});
    return this.read(async (tx) => {
      await this.requireMap(tx, mapId);
      const community = (await tx.run(cypher.GET_COMMUNITY, { mapId, id })).records[0];
      if (!community) throw new CommunityNotFoundError(mapId, communityId);
      const members = await tx.run(cypher.COMMUNITY_MEMBERS, {
        mapId,
        id,
        limit: toInteger(memberLimit),
      });
      return {
        profile: fromCommunityProperties(community.get('community')),
        members: members.records.map((record) => fromAccountProperties(record.get('account'))),
      };
    });
  }

  async getAccount(mapId: string, key: string, query?: EgoQuery): Promise<AccountDetail> {
    const { hops, direction: asked, maxEdges } = parseQuery(egoQuerySchema, query ?? {});
    return this.read(async (tx) => {
      const { directed } = await this.requireMap(tx, mapId);
      const direction = directed ? asked : 'both';
      const found = (
        await tx.run(cypher.EGO_NETWORK[direction], {
          mapId,
          key,
          hops: toInteger(hops),
          maxEdges: toInteger(maxEdges),
          limit: toInteger(maxEdges + 1),
        })
      ).records[0];
      if (!found) throw new AccountNotFoundError(mapId, key);
      const account = fromAccountProperties(found.get('account'));
      const edges = (
        found.get('edges') as Array<{
          source: string;
          target: string;
          attributes: Record<string, unknown>;
        }>
      ).map(({ source, target, attributes }) => ({
        source,
        target,
        attributes: fromInteractionProperties(attributes),
      }));
      const neighbours = (found.get('neighbours') as Array<Record<string, unknown>>).map(
        fromAccountProperties,
      );
      neighbours.sort((a, b) =>
        compareKolOrder(
          { key: a.key, score: sortScore(a.attributes.kolScore) },
          { key: b.key, score: sortScore(b.attributes.kolScore) },
        ),
      );
      const truncated = found.get('truncated') as boolean;
      return { account, ego: { nodes: [account, ...neighbours], edges, truncated } };
    });
  }

  private async accountsIn(
    tx: ManagedTransaction,
    mapId: string,
    keys: string[],
  ): Promise<AccountRecord[]> {
    if (keys.length === 0) return [];
    const result = await tx.run(cypher.GET_ACCOUNTS, { mapId, keys });
    return result.records.map((record) => fromAccountProperties(record.get('account')));
  }

  async findPath(
    mapId: string,
    fromKey: string,
    toKey: string,
    query?: PathQuery,
  ): Promise<AccountPath | null> {
    const { undirected } = parseQuery(pathQuerySchema, query ?? {});
    return this.read(async (tx) => {
      const info = await this.requireMap(tx, mapId);
      const directed = info.directed && !undirected;
      const found = await this.accountsIn(tx, mapId, [fromKey, toKey]);
      const from = found.find(({ key }) => key === fromKey);
      if (!from) throw new AccountNotFoundError(mapId, fromKey);
      if (!found.some(({ key }) => key === toKey)) throw new AccountNotFoundError(mapId, toKey);
      if (fromKey === toKey) return { nodes: [from], edges: [], directed };
      const statement = directed ? cypher.SHORTEST_PATH.directed : cypher.SHORTEST_PATH.undirected;
      const record = (await tx.run(statement, { mapId, from: fromKey, to: toKey })).records[0];
      if (!record) return null;
      const accounts = record.get('accounts') as Array<Record<string, unknown>>;
      const edges = record.get('edges') as Array<{
        source: string;
        target: string;
        attributes: Record<string, unknown>;
      }>;
      return {
        nodes: accounts.map(fromAccountProperties),
        edges: edges.map(({ source, target, attributes }) => ({
          source,
          target,
          attributes: fromInteractionProperties(attributes),
        })),
        directed,
      };
    });
  }

  async searchAccounts(mapId: string, q: string, limit?: number): Promise<AccountRecord[]> {
    const resolved = resolveSearch(q, limit);
    const text = resolved.q.replace(LUCENE_SPECIAL, (character) => `\\${character}`);
    const records = await this.read(async (tx) => {
      await this.requireMap(tx, mapId);
      const lucene = `+mapId:${mapId} +(_searchName:*${text}* _searchHandle:*${text}*)`;
      const parameters = { lucene, q: resolved.q, limit: toInteger(resolved.limit) };
      return (await tx.run(cypher.SEARCH_ACCOUNTS, parameters)).records;
    });
    return records.map((record) => fromAccountProperties(record.get('account')));
  }

  async saveShortlist(mapId: string, input: SaveShortlistInput): Promise<Shortlist> {
    const parsed = parseQuery(saveShortlistInputSchema, input);
    const accountKeys = [...new Set(parsed.accountKeys)];
    const shortlist: Shortlist = {
      id: newId(),
      mapId,
      name: parsed.name,
      filters: parsed.filters,
      createdBy: parsed.createdBy,
      createdAt: new Date().toISOString(),
      size: accountKeys.length,
      accountKeys,
    };
    await this.write(async (tx) => {
      await this.requireMap(tx, mapId);
      const missing = (await tx.run(cypher.MISSING_ACCOUNTS, { mapId, keys: accountKeys }))
        .records[0];
      if (missing) throw new AccountNotFoundError(mapId, missing.get('key') as string);
      await tx.run(cypher.CREATE_SHORTLIST, { properties: toShortlistProperties(shortlist) });
    });
    return shortlist;
  }

  async listShortlists(mapId: string): Promise<ShortlistSummary[]> {
    const records = await this.read(async (tx) => {
      await this.requireMap(tx, mapId);
      return (await tx.run(cypher.LIST_SHORTLISTS, { mapId })).records;
    });
    return records.map((record) => {
      const { accountKeys: _keys, ...summary } = fromShortlistProperties(record.get('shortlist'));
      return summary;
    });
  }

  async getShortlist(mapId: string, shortlistId: string): Promise<Shortlist> {
    const record = await this.read(async (tx) => {
      await this.requireMap(tx, mapId);
      return (await tx.run(cypher.GET_SHORTLIST, { mapId, id: shortlistId })).records[0];
    });
    if (!record) throw new ShortlistNotFoundError(mapId, shortlistId);
    return fromShortlistProperties(record.get('shortlist'));
  }

  findListening(mapId: string): Promise<ListeningInfo | null> {
    return this.listening.find(mapId);
  }

  readListeningPosts(mapId: string): Promise<ListeningPostRow[]> {
    return this.listening.readPosts(mapId);
  }

  listPvCases(mapId: string, query?: PvCaseQuery): Promise<Page<PvCase>> {
    return this.listening.listPvCases(mapId, query);
  }

  countPvCases(mapId: string): Promise<PvCaseCounts> {
    return this.listening.countPvCases(mapId);
  }

  getPvCase(mapId: string, caseId: string): Promise<PvCase> {
    return this.listening.getPvCase(mapId, caseId);
  }

  updatePvCase(
    mapId: string,
    caseId: string,
    change: PvCaseChange,
    reviewer: PvReviewer,
  ): Promise<PvCase> {
    return this.listening.updatePvCase(mapId, caseId, change, reviewer);
  }

  async appendExportAudit(input: ExportAuditInput): Promise<ExportAuditEntry> {
    const parsed = parseQuery(exportAuditInputSchema, input);
    const entry: ExportAuditEntry = {
      id: newId(),
      mapId: parsed.mapId,
      actor: parsed.actor,
      what: parsed.what,
      filters: parsed.filters,
      at: new Date(parsed.at ?? Date.now()).toISOString(),
    };
    await this.write(async (tx) => {
      await this.requireMap(tx, parsed.mapId);
      await tx.run(cypher.CREATE_EXPORT_AUDIT, { properties: toExportAuditProperties(entry) });
    });
    return entry;
  }

  async listExportAudit(mapId: string): Promise<ExportAuditEntry[]> {
    if (!isStoreId(mapId)) return [];
    const result = await this.read((tx) => tx.run(cypher.LIST_EXPORT_AUDIT, { mapId }));
    return result.records.map((record) => fromExportAuditProperties(record.get('entry')));
  }

  /** Accounts stored for a map id, whatever its status (tests check that nothing is left behind). */
  async countStoredAccounts(mapId: string): Promise<number> {
    const result = await this.read((tx) => tx.run(cypher.COUNT_ACCOUNTS, { mapId }));
    return (
      (result.records[0] as Neo4jRecord).get('accounts') as { toNumber(): number }
    ).toNumber();
  }

  private read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.inSession(neo4j.session.READ, (session) => session.executeRead(work));
  }

  private write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.inSession(neo4j.session.WRITE, (session) => session.executeWrite(work));
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
function checkStatus(mapId: string, status: StoredMapInfo['status'], anyStatus: boolean): void {
  if (status === 'deleting') throw new MapNotFoundError(mapId, 'being deleted');
  if (status !== 'ready' && !anyStatus) throw new MapNotFoundError(mapId, status);
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
