// The listening of the embedded store, read from the map's listening files (listening-files.ts).
import type { ListeningInfo, ListeningPostRow } from '@kolmap/core';
import { ListeningNotFoundError } from '../errors.js';
import type { ListeningResource } from '../map-store.js';
import type { EmbeddedDataFolder } from './embedded-data-folder.js';
import { readListeningInfo, readListeningPostRows } from './listening-files.js';

export class EmbeddedListening implements ListeningResource {
  private readonly folder: EmbeddedDataFolder;

  constructor(folder: EmbeddedDataFolder) {
    this.folder = folder;
  }

  async find(mapId: string): Promise<ListeningInfo | null> {
    await this.folder.readyInfo(mapId);
    return this.folder.io(() => readListeningInfo(this.folder.listeningPaths(mapId)));
  }

  async readPosts(mapId: string): Promise<ListeningPostRow[]> {
    await this.folder.readyInfo(mapId);
    const rows = await this.folder.io(() =>
      readListeningPostRows(this.folder.listeningPaths(mapId)),
    );
    if (rows === null) throw new ListeningNotFoundError(mapId);
    return rows;
  }
}
