// The maps of the embedded store: a save writes the map's folder (manifest `building` first, `ready`
// last), deletes move the folder to the trash before removing it.
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '@kolmap/core';
import { type MapInfo, type MapSummary, mapNameSchema } from '@kolmap/model';
import { MapNotFoundError } from '../errors.js';
import { prepareListening, type SaveListeningInput } from '../listening-model.js';
import { MapInteractionsBuilder } from '../map-interactions.js';
import { type PreparedMap, prepareMap, type SaveMapInput } from '../map-model.js';
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
import type { EmbeddedDataFolder } from './embedded-data-folder.js';
import { writeInteractionsFile } from './interactions-file.js';
import { listeningPaths, writeListening } from './listening-files.js';
import {
  fromManifest,
  type MapPaths,
  mapsFolder,
  readManifest,
  toManifest,
  trashFolder,
  writeJsonLines,
  writeManifest,
} from './map-files.js';

type ReportProgress = (stage: SaveProgress['stage'], done: number, total: number) => Promise<void>;

export class EmbeddedMaps implements MapsResource {
  private readonly folder: EmbeddedDataFolder;

  constructor(folder: EmbeddedDataFolder) {
    this.folder = folder;
  }

  async save(input: SaveMapInput, options: SaveMapOptions = {}): Promise<MapSummary> {
    this.folder.checkOpen();
    const prepared = prepareMap(input);
    const listening = input.listening === undefined ? null : prepareListening(input.listening);
    const id = newId();
    const paths = this.folder.mapPaths(id);
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
    await this.folder.io(async () => {
      await mkdir(paths.folder, { recursive: true });
      await writeManifest(paths.manifest, toManifest(info));
    });
    const progress: ReportProgress = async (stage, done, total) => {
      await options.onProgress?.({ mapId: id, stage, done, total });
    };
    // Queued on the map: a delete of this id waits until the save has finished or failed.
    return this.folder.queued(id, () => this.write(prepared, listening, info, paths, progress));
  }

  private async write(
    prepared: PreparedMap,
    listening: SaveListeningInput | null,
    info: MapInfo,
    paths: MapPaths,
    progress: ReportProgress,
  ): Promise<MapSummary> {
    const { batchSize } = this.folder;
    try {
      const indexByKey = new Map(prepared.accounts.map(({ key }, index) => [key, index]));
      const accounts = prepared.accounts.length;
      await progress('accounts', 0, accounts);
      await writeJsonLines(
        paths.accounts,
        prepared.accounts,
        (account) => account,
        batchSize,
        (done) => progress('accounts', done, accounts),
      );
      const interactions = prepared.interactions.length;
      const columns = new MapInteractionsBuilder(interactions);
      for (const [index, { source, target, attributes }] of prepared.interactions.entries()) {
        columns.add(indexByKey.get(source) as number, indexByKey.get(target) as number, attributes);
        if ((index + 1) % batchSize === 0 || index + 1 === interactions) {
          await progress('interactions', index + 1, interactions);
        }
      }
      await writeInteractionsFile(paths.interactions, columns.build());
      await writeFileAtomic(paths.communities, `${JSON.stringify(prepared.communities)}\n`);
      await progress('communities', prepared.communities.length, prepared.communities.length);
      if (listening) {
        const rows = listening.posts.length;
        await writeListening(listeningPaths(paths.folder), listening, batchSize, (done) =>
          progress('listening', done, rows),
        );
      }
      const ready: MapInfo = { ...info, status: 'ready', readyAt: new Date().toISOString() };
      await writeManifest(paths.manifest, toManifest(ready));
      return toSummary(ready);
    } catch (error) {
      await markFailed(paths, info, error);
      throw this.folder.ioError(error);
    }
  }

  async list(options: ListMapsOptions = {}): Promise<MapSummary[]> {
    this.folder.checkOpen();
    const { dataDir } = this.folder;
    const ids = await this.folder.io(async () => {
      try {
        return await readdir(mapsFolder(dataDir));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
    });
    const maps: MapSummary[] = [];
    for (const id of ids) {
      if (!isStoreId(id)) continue;
      const manifest = await this.folder.io(() => readManifest(this.folder.mapPaths(id).manifest));
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

  async get(mapId: string, options: GetMapOptions = {}): Promise<MapInfo> {
    return options.anyStatus ? this.folder.readInfo(mapId) : this.folder.readyInfo(mapId);
  }

  async rename(mapId: string, name: string): Promise<MapSummary> {
    const newName = parseQuery(mapNameSchema, name);
    return this.folder.queued(mapId, async () => {
      const info = await this.folder.readyInfo(mapId);
      const renamed = { ...info, name: newName };
      await this.folder.io(() =>
        writeManifest(this.folder.mapPaths(mapId).manifest, toManifest(renamed)),
      );
      this.folder.renamed(renamed);
      return toSummary(renamed);
    });
  }

  async delete(mapId: string): Promise<void> {
    this.folder.checkOpen();
    if (!isStoreId(mapId)) throw new MapNotFoundError(mapId);
    const trashDir = trashFolder(this.folder.dataDir);
    await this.folder.queued(mapId, async () => {
      const paths = this.folder.mapPaths(mapId);
      const trash = join(trashDir, `${mapId}-${newId()}`);
      await this.folder.io(async () => {
        await mkdir(trashDir, { recursive: true });
        try {
          await rename(paths.folder, trash);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new MapNotFoundError(mapId);
          throw error;
        }
      });
      this.folder.forget(mapId);
      // Removing files reads none of them: memory stays flat whatever the map's size.
      await this.folder.io(() => rm(trash, { recursive: true, force: true }));
    });
  }
}

/** Marks a failed save and removes its data files; the manifest (status failed) stays. */
async function markFailed(paths: MapPaths, info: MapInfo, error: unknown): Promise<void> {
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
