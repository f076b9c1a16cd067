// The embedded map store: files under a data folder (see map-files.ts for the layout), no server.
// The default store when no Neo4j is configured. Ready maps are loaded lazily and kept in a small
// cache; every query is answered in memory (loaded-map.ts). One process per data folder.
import { access, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type PvCase, type PvCaseChange, type PvReviewer, writeFileAtomic } from '@kolmap/core';
import {
  AccountNotFoundError,
  ListeningNotFoundError,
  MapNotFoundError,
  PvCaseNotFoundError,
  ShortlistNotFoundError,
  StoreUnavailableError,
} from '../errors.js';
import {
  applyPvCaseChange,
  type ListeningInfo,
  type ListeningPostRow,
  noPvCases,
  type PvCaseCounts,
  type PvCaseQuery,
  prepareListening,
  resolvePvCaseQuery,
  type SaveListeningInput,
} from '../listening-model.js';
import {
  type AccountRecord,
  type CommunityProfile,
  type MapInfo,
  type MapSummary,
  mapNameSchema,
  type PreparedMap,
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
  type EgoQuery,
  egoQuerySchema,
  type FindKolsQuery,
  type PathQuery,
  parseQuery,
  pathQuerySchema,
  resolveFindKols,
  resolveSearch,
} from '../queries.js';
import { toSummary } from '../summaries.js';
import {
  listeningPaths,
  pagePvCases,
  readListeningInfo,
  readListeningPostRows,
  readPvCases,
  writeListening,
  writePvCases,
} from './embedded-listening.js';
import { LoadedMap } from './loaded-map.js';
import {
  appendLineDurably,
  auditFile,
  forEachLine,
  fromManifest,
  type MapPaths,
  mapPaths,
  mapsFolder,
  readJson,
  readManifest,
  toManifest,
  trashFolder,
  writeJsonLines,
  writeManifest,
} from './map-files.js';

export interface EmbeddedMapStoreOptions {
  /** The data folder. Default `./.kolmap` (config: KOLMAP_DATA_DIR). */
  dataDir: string;
  /** Ready maps kept in memory at once (least recently used ones are dropped). Default 4. */
  cacheSize?: number;
  /** Accounts or interactions written between two progress reports. Default 10000. */
  batchSize?: number;
}

export const DEFAULT_EMBEDDED_MAP_STORE_OPTIONS = Object.freeze({
  dataDir: '.kolmap',
  cacheSize: 4,
  batchSize: 10_000,
});

export class EmbeddedMapStore implements MapStore {
  readonly kind = 'embedded';
  private readonly dataDir: string;
  private readonly cacheSize: number;
  private readonly batchSize: number;
  /** Loaded maps by id, least recently used first. */
  private readonly cache = new Map<string, Promise<LoadedMap>>();
  /** Per-map queue of manifest and shortlist writes, so none is lost to a concurrent one. */
  private readonly queues = new Map<string, Promise<unknown>>();
  private closed = false;

  /**
   * @param options.dataDir the data folder (created by `init`).
   * @param options.cacheSize ready maps kept in memory, default 4.
   * @param options.batchSize records written between progress reports, default 10000.
   */
  constructor(options: EmbeddedMapStoreOptions) {
    this.dataDir = options.dataDir;
    this.cacheSize = options.cacheSize ?? DEFAULT_EMBEDDED_MAP_STORE_OPTIONS.cacheSize;
    this.batchSize = options.batchSize ?? DEFAULT_EMBEDDED_MAP_STORE_OPTIONS.batchSize;
  }

  async init(): Promise<void> {
    await this.io(async () => {
      await mkdir(mapsFolder(this.dataDir), { recursive: true });
      await mkdir(join(this.dataDir, 'audit'), { recursive: true });
      // Maps whose deletion was interrupted: finish it.
      await rm(trashFolder(this.dataDir), { recursive: true, force: true });
    });
  }

  async ping(): Promise<{ latencyMs: number }> {
    this.checkOpen();
    const started = performance.now();
    await this.io(() => access(mapsFolder(this.dataDir)));
    return { latencyMs: performance.now() - started };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.cache.clear();
    await Promise.allSettled([...this.queues.values()]);
  }

  async saveMap(input: SaveMapInput, options: SaveMapOptions = {}): Promise<MapSummary> {
    this.checkOpen();
    const prepared = prepareMap(input);
    const listening = input.listening === undefined ? null : prepareListening(input.listening);
    const id = newId();
    const paths = mapPaths(this.dataDir, id);
    const info: MapInfo = {
      id,
      name: prepared.name,
      status: 'building',
      createdAt: new Date().toISOString(),
      directed: prepared.directed,
      counts: prepared.counts,
      params: prepared.params,
      provenance: prepared.provenance,
      attributes: prepared.attributes,
    };
    await this.io(async () => {
      await mkdir(paths.folder, { recursive: true });
      await writeManifest(paths.manifest, toManifest(info));
    });
    const progress = async (stage: SaveProgress['stage'], done: number, total: number) => {
      await options.onProgress?.({ mapId: id, stage, done, total });
    };
    // Queued on the map: a deleteMap of this id waits until the save has finished or failed.
    return this.queued(id, () => this.writeMap(prepared, listening, info, paths, progress));
  }

  private async writeMap(
    prepared: PreparedMap,
    listening: SaveListeningInput | null,
    info: MapInfo,
    paths: MapPaths,
    progress: (stage: SaveProgress['stage'], done: number, total: number) => Promise<void>,
  ): Promise<MapSummary> {
    try {
      const indexByKey = new Map(prepared.accounts.map(({ key }, index) => [key, index]));
      const accounts = prepared.accounts.length;
      await progress('accounts', 0, accounts);
      await writeJsonLines(
        paths.accounts,
        prepared.accounts,
        (account) => account,
        this.batchSize,
        (done) => progress('accounts', done, accounts),
      );
      const interactions = prepared.interactions.length;
      await writeJsonLines(
        paths.interactions,
        prepared.interactions,
        (edge) => [indexByKey.get(edge.source), indexByKey.get(edge.target), edge.attributes],
        this.batchSize,
        (done) => progress('interactions', done, interactions),
      );
      await writeFileAtomic(paths.communities, `${JSON.stringify(prepared.communities)}\n`);
      await progress('communities', prepared.communities.length, prepared.communities.length);
      if (listening) {
        const rows = listening.posts.length;
        await writeListening(listeningPaths(paths.folder), listening, this.batchSize, (done) =>
          progress('listening', done, rows),
        );
      }
      const ready: MapInfo = { ...info, status: 'ready', readyAt: new Date().toISOString() };
      await writeManifest(paths.manifest, toManifest(ready));
      return toSummary(ready);
    } catch (error) {
      await this.markFailed(paths, info, error);
      throw this.mapIoError(error);
    }
  }

  /** Marks a failed save and removes its data files; the manifest (status failed) stays. */
  private async markFailed(paths: MapPaths, info: MapInfo, error: unknown): Promise<void> {
    const reason = error instanceof Error ? error.message : String(error);
    try {
      const listening = listeningPaths(paths.folder);
      for (const file of [
        paths.accounts,
        paths.interactions,
        paths.communities,
        listening.info,
        listening.posts,
        listening.pvCases,
      ]) {
        await rm(file, { force: true });
      }
      await writeManifest(paths.manifest, toManifest({ ...info, status: 'failed', reason }));
    } catch {
      // The disk failed too: the map stays `building` (hidden) until it is deleted.
    }
  }

  async listMaps(options: ListMapsOptions = {}): Promise<MapSummary[]> {
    this.checkOpen();
    const ids = await this.io(async () => {
      try {
        return await readdir(mapsFolder(this.dataDir));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
    });
    const maps: MapSummary[] = [];
    for (const id of ids) {
      if (!isStoreId(id)) continue;
      const manifest = await this.io(() => readManifest(mapPaths(this.dataDir, id).manifest));
      if (!manifest) continue;
      if (manifest.status === 'building' && !options.includeBuilding) continue;
      maps.push(toSummary(fromManifest(manifest)));
    }
    return maps.sort(
      (a, b) =>
        (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  }

  async getMap(mapId: string, options: GetMapOptions = {}): Promise<MapInfo> {
    const info = await this.readInfo(mapId);
    if (info.status !== 'ready' && !options.anyStatus)
      throw new MapNotFoundError(mapId, info.status);
    return info;
  }

  async renameMap(mapId: string, name: string): Promise<MapSummary> {
    const newName = parseQuery(mapNameSchema, name);
    return this.queued(mapId, async () => {
      const info = await this.readInfo(mapId);
      if (info.status !== 'ready') throw new MapNotFoundError(mapId, info.status);
      const renamed = { ...info, name: newName };
      await this.io(() =>
        writeManifest(mapPaths(this.dataDir, mapId).manifest, toManifest(renamed)),
      );
      const cached = this.cache.get(mapId);
      if (cached) {
        cached.then(
          (map) => {
            map.info = renamed;
          },
          () => undefined,
        );
      }
      return toSummary(renamed);
    });
  }

  async deleteMap(mapId: string): Promise<void> {
    this.checkOpen();
    if (!isStoreId(mapId)) throw new MapNotFoundError(mapId);
    await this.queued(mapId, async () => {
      const paths = mapPaths(this.dataDir, mapId);
      const trash = join(trashFolder(this.dataDir), `${mapId}-${newId()}`);
      await this.io(async () => {
        await mkdir(trashFolder(this.dataDir), { recursive: true });
        try {
          await rename(paths.folder, trash);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new MapNotFoundError(mapId);
          throw error;
        }
      });
      this.cache.delete(mapId);
      // Removing files reads none of them: memory stays flat whatever the map's size.
      await this.io(() => rm(trash, { recursive: true, force: true }));
    });
  }

  async readGraph(mapId: string): Promise<MapGraph> {
    return (await this.loaded(mapId)).readGraph();
  }

  async findKols(mapId: string, query?: FindKolsQuery): Promise<Page<AccountRecord>> {
    const resolved = resolveFindKols(mapId, query);
    return (await this.loaded(mapId)).findKols(resolved);
  }

  async listCommunities(mapId: string): Promise<CommunityProfile[]> {
    return (await this.loaded(mapId)).listCommunities();
  }

  async getCommunity(
    mapId: string,
    communityId: number,
    query?: CommunityQuery,
  ): Promise<CommunityDetail> {
    const id = parseQuery(communityIdSchema, communityId);
    const { memberLimit } = parseQuery(communityQuerySchema, query ?? {});
    return (await this.loaded(mapId)).getCommunity(id, memberLimit);
  }

  async getAccount(mapId: string, key: string, query?: EgoQuery): Promise<AccountDetail> {
    const resolved = parseQuery(egoQuerySchema, query ?? {});
    const map = await this.loaded(mapId);
    return { account: map.account(key), ego: map.ego(key, resolved) };
  }

  async findPath(
    mapId: string,
    fromKey: string,
    toKey: string,
    query?: PathQuery,
  ): Promise<AccountPath | null> {
    const { undirected } = parseQuery(pathQuerySchema, query ?? {});
    return (await this.loaded(mapId)).path(fromKey, toKey, undirected);
  }

  async searchAccounts(mapId: string, q: string, limit?: number): Promise<AccountRecord[]> {
    const resolved = resolveSearch(q, limit);
    return (await this.loaded(mapId)).search(resolved.q, resolved.limit);
  }

  async saveShortlist(mapId: string, input: SaveShortlistInput): Promise<Shortlist> {
    const parsed = parseQuery(saveShortlistInputSchema, input);
    const map = await this.loaded(mapId);
    const accountKeys = [...new Set(parsed.accountKeys)];
    const missing = map.missingAccounts(accountKeys);
    if (missing.length > 0) throw new AccountNotFoundError(mapId, missing[0] as string);
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
    await this.queued(mapId, async () => {
      const paths = mapPaths(this.dataDir, mapId);
      const info = await this.readInfo(mapId);
      if (info.status !== 'ready') throw new MapNotFoundError(mapId, info.status);
      const shortlists = await this.io(() => readJson<Shortlist[]>(paths.shortlists, []));
      shortlists.push(shortlist);
      await this.io(() => writeFileAtomic(paths.shortlists, `${JSON.stringify(shortlists)}\n`));
    });
    return shortlist;
  }

  async listShortlists(mapId: string): Promise<ShortlistSummary[]> {
    const shortlists = await this.readShortlists(mapId);
    return shortlists
      .map(({ accountKeys: _keys, ...summary }) => summary)
      .sort(
        (a, b) =>
          (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0) ||
          (a.id < b.id ? -1 : 1),
      );
  }

  async getShortlist(mapId: string, shortlistId: string): Promise<Shortlist> {
    const shortlist = (await this.readShortlists(mapId)).find(({ id }) => id === shortlistId);
    if (!shortlist) throw new ShortlistNotFoundError(mapId, shortlistId);
    return shortlist;
  }

  private async readShortlists(mapId: string): Promise<Shortlist[]> {
    await this.getMap(mapId);
    return this.io(() => readJson<Shortlist[]>(mapPaths(this.dataDir, mapId).shortlists, []));
  }

  async findListening(mapId: string): Promise<ListeningInfo | null> {
    await this.getMap(mapId);
    return this.io(() => readListeningInfo(this.listeningPaths(mapId)));
  }

  async readListeningPosts(mapId: string): Promise<ListeningPostRow[]> {
    await this.getMap(mapId);
    const rows = await this.io(() => readListeningPostRows(this.listeningPaths(mapId)));
    if (rows === null) throw new ListeningNotFoundError(mapId);
    return rows;
  }

  async listPvCases(mapId: string, query?: PvCaseQuery): Promise<Page<PvCase>> {
    const resolved = resolvePvCaseQuery(mapId, query);
    return pagePvCases(mapId, await this.pvCases(mapId), resolved);
  }

  async countPvCases(mapId: string): Promise<PvCaseCounts> {
    const counts = noPvCases();
    for (const { status } of await this.pvCases(mapId)) counts[status]++;
    return counts;
  }

  async getPvCase(mapId: string, caseId: string): Promise<PvCase> {
    const found = (await this.pvCases(mapId)).find(({ id }) => id === caseId);
    if (!found) throw new PvCaseNotFoundError(mapId, caseId);
    return found;
  }

  async updatePvCase(
    mapId: string,
    caseId: string,
    change: PvCaseChange,
    reviewer: PvReviewer,
  ): Promise<PvCase> {
    // Queued on the map: the read, the change and the write of one update before the next starts.
    return this.queued(mapId, async () => {
      const cases = await this.pvCases(mapId);
      const index = cases.findIndex(({ id }) => id === caseId);
      if (index < 0) throw new PvCaseNotFoundError(mapId, caseId);
      const changed = applyPvCaseChange(cases[index] as PvCase, change, reviewer);
      cases[index] = changed;
      await this.io(() => writePvCases(this.listeningPaths(mapId), cases));
      return changed;
    });
  }

  /** The review queue of a ready map, in queue order. */
  private async pvCases(mapId: string): Promise<PvCase[]> {
    await this.getMap(mapId);
    const cases = await this.io(() => readPvCases(this.listeningPaths(mapId)));
    if (cases === null) throw new ListeningNotFoundError(mapId);
    return cases;
  }

  private listeningPaths(mapId: string) {
    return listeningPaths(mapPaths(this.dataDir, mapId).folder);
  }

  async appendExportAudit(input: ExportAuditInput): Promise<ExportAuditEntry> {
    const parsed = parseQuery(exportAuditInputSchema, input);
    await this.getMap(parsed.mapId);
    const entry: ExportAuditEntry = {
      id: newId(),
      mapId: parsed.mapId,
      actor: parsed.actor,
      what: parsed.what,
      filters: parsed.filters,
      at: new Date(parsed.at ?? Date.now()).toISOString(),
    };
    await this.io(() =>
      appendLineDurably(auditFile(this.dataDir, parsed.mapId), JSON.stringify(entry)),
    );
    return entry;
  }

  async listExportAudit(mapId: string): Promise<ExportAuditEntry[]> {
    this.checkOpen();
    if (!isStoreId(mapId)) return [];
    const entries: ExportAuditEntry[] = [];
    await this.io(async () => {
      try {
        await forEachLine(auditFile(this.dataDir, mapId), (line) => {
          try {
            entries.push(JSON.parse(line) as ExportAuditEntry);
          } catch {
            // A line torn by a crash while it was appended: it was never acknowledged.
          }
        });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    });
    return entries.sort(
      (a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0) || (a.id < b.id ? -1 : 1),
    );
  }

  /** A map's info from its manifest, whatever its status. */
  private async readInfo(mapId: string): Promise<MapInfo> {
    this.checkOpen();
    if (!isStoreId(mapId)) throw new MapNotFoundError(mapId);
    const manifest = await this.io(() => readManifest(mapPaths(this.dataDir, mapId).manifest));
    if (!manifest) throw new MapNotFoundError(mapId);
    return fromManifest(manifest);
  }

  /** A ready map in memory: from the cache, else loaded (and the least recently used one dropped). */
  private async loaded(mapId: string): Promise<LoadedMap> {
    const info = await this.getMap(mapId);
    let entry = this.cache.get(mapId);
    if (entry) {
      this.cache.delete(mapId);
    } else {
      entry = this.io(() => LoadedMap.load(info, mapPaths(this.dataDir, mapId)));
      entry.catch(() => this.cache.delete(mapId));
    }
    this.cache.set(mapId, entry);
    while (this.cache.size > this.cacheSize) {
      const oldest = this.cache.keys().next().value as string;
      this.cache.delete(oldest);
    }
    const map = await entry;
    map.info = info;
    return map;
  }

  /** Runs `task` after the previous queued task of the same map. */
  private queued<T>(mapId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(mapId) ?? Promise.resolve();
    const run = previous.then(task, task);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(mapId, settled);
    settled.then(() => {
      if (this.queues.get(mapId) === settled) this.queues.delete(mapId);
    });
    return run;
  }

  /** Runs file-system work; disk failures (full, read-only, unreachable) become StoreUnavailableError. */
  private async io<T>(task: () => Promise<T>): Promise<T> {
    try {
      return await task();
    } catch (error) {
      throw this.mapIoError(error);
    }
  }

  private mapIoError(error: unknown): unknown {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (code !== undefined && UNAVAILABLE_CODES.has(code)) {
      return new StoreUnavailableError(`data folder ${this.dataDir}: ${code}`, { cause: error });
    }
    return error;
  }

  private checkOpen(): void {
    if (this.closed) throw new StoreUnavailableError('the store is closed');
  }
}

/** File-system error codes that say the storage itself is unavailable, not that a file is missing. */
const UNAVAILABLE_CODES = new Set([
  'ENOSPC',
  'EROFS',
  'EIO',
  'EACCES',
  'EPERM',
  'EMFILE',
  'ENFILE',
  'EDQUOT',
]);
