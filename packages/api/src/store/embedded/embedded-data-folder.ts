// What every resource of the embedded store shares: its data folder (paths, manifests, disk errors
// as StoreUnavailableError), the per-map queue of writes, and the cache of ready maps loaded in memory.

import type { MapInfo } from '@kolmap/model';
import { MapNotFoundError, StoreUnavailableError } from '../errors.js';
import { isStoreId } from '../map-store.js';
import { type ListeningPaths, listeningPaths } from './listening-files.js';
import { LoadedMap } from './loaded-map.js';
import { fromManifest, type MapPaths, mapPaths, readManifest } from './map-files.js';

export interface EmbeddedDataFolderOptions {
  /** The data folder. */
  dataDir: string;
  /** Ready maps kept in memory at once (least recently used ones are dropped). */
  cacheSize: number;
  /** Accounts or interactions written between two progress reports. */
  batchSize: number;
}

export class EmbeddedDataFolder {
  readonly dataDir: string;
  readonly batchSize: number;
  private readonly cacheSize: number;
  /** Loaded maps by id, least recently used first. */
  private readonly cache = new Map<string, Promise<LoadedMap>>();
  /**
   * Maps dropped from the cache that may still be held elsewhere (the services keep whole maps
   * too): taken back rather than loaded a second time while they live.
   */
  private readonly dropped = new Map<string, WeakRef<LoadedMap>>();
  /** Per-map queue of manifest, shortlist and review writes, so none is lost to a concurrent one. */
  private readonly queues = new Map<string, Promise<unknown>>();
  private closed = false;

  /**
   * @param options.dataDir the data folder.
   * @param options.cacheSize ready maps kept in memory.
   * @param options.batchSize records written between progress reports.
   */
  constructor(options: EmbeddedDataFolderOptions) {
    this.dataDir = options.dataDir;
    this.cacheSize = options.cacheSize;
    this.batchSize = options.batchSize;
  }

  /** Drops the loaded maps and waits for the queued writes; every later call fails. */
  async close(): Promise<void> {
    this.closed = true;
    this.cache.clear();
    this.dropped.clear();
    await Promise.allSettled([...this.queues.values()]);
  }

  /** StoreUnavailableError once the store is closed. */
  checkOpen(): void {
    if (this.closed) throw new StoreUnavailableError('the store is closed');
  }

  mapPaths(mapId: string): MapPaths {
    return mapPaths(this.dataDir, mapId);
  }

  listeningPaths(mapId: string): ListeningPaths {
    return listeningPaths(this.mapPaths(mapId).folder);
  }

  /** A map's info from its manifest, whatever its status. */
  async readInfo(mapId: string): Promise<MapInfo> {
    this.checkOpen();
    if (!isStoreId(mapId)) throw new MapNotFoundError(mapId);
    const manifest = await this.io(() => readManifest(this.mapPaths(mapId).manifest));
    if (!manifest) throw new MapNotFoundError(mapId);
    return fromManifest(manifest);
  }

  /** A ready map's info; MapNotFoundError for any other status. */
  async readyInfo(mapId: string): Promise<MapInfo> {
    const info = await this.readInfo(mapId);
    if (info.status !== 'ready') throw new MapNotFoundError(mapId, info.status);
    return info;
  }

  /**
   * A ready map in memory: from the cache, else the copy still held elsewhere, else loaded (and the
   * least recently used one dropped).
   */
  async loaded(mapId: string): Promise<LoadedMap> {
    const info = await this.readyInfo(mapId);
    let entry = this.cache.get(mapId);
    if (entry) {
      this.cache.delete(mapId);
    } else {
      const held = this.dropped.get(mapId)?.deref();
      this.dropped.delete(mapId);
      entry = held
        ? Promise.resolve(held)
        : this.io(() => LoadedMap.load(info, this.mapPaths(mapId)));
      entry.catch(() => this.cache.delete(mapId));
    }
    this.cache.set(mapId, entry);
    while (this.cache.size > this.cacheSize) {
      const oldest = this.cache.keys().next().value as string;
      this.cache.get(oldest)?.then(
        (map) => this.dropped.set(oldest, new WeakRef(map)),
        () => undefined,
      );
      this.cache.delete(oldest);
    }
    const map = await entry;
    map.info = info;
    return map;
  }

  /** Gives a loaded map its new info (after a rename), if it is in the cache. */
  renamed(info: MapInfo): void {
    this.cache.get(info.id)?.then(
      (map) => {
        map.info = info;
      },
      () => undefined,
    );
  }

  /** Drops a map from the cache (after a delete). */
  forget(mapId: string): void {
    this.cache.delete(mapId);
    this.dropped.delete(mapId);
  }

  /** Runs `task` after the previous queued task of the same map. */
  queued<T>(mapId: string, task: () => Promise<T>): Promise<T> {
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
  async io<T>(task: () => Promise<T>): Promise<T> {
    try {
      return await task();
    } catch (error) {
      throw this.ioError(error);
    }
  }

  /** `error` as StoreUnavailableError when it says the storage itself is unavailable, else as is. */
  ioError(error: unknown): unknown {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (code !== undefined && UNAVAILABLE_CODES.has(code)) {
      return new StoreUnavailableError(`data folder ${this.dataDir}: ${code}`, { cause: error });
    }
    return error;
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
