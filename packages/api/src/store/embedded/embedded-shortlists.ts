// The shortlists of the embedded store: one JSON file per map (maps/<id>/shortlists.json), rewritten
// whole on each save, in the map's write queue.
import { writeFileAtomic } from '@kolmap/core';
import { AccountNotFoundError, ShortlistNotFoundError } from '../errors.js';
import {
  newId,
  type SaveShortlistInput,
  type Shortlist,
  type ShortlistSummary,
  type ShortlistsResource,
  saveShortlistInputSchema,
} from '../map-store.js';
import { parseQuery } from '../queries.js';
import type { EmbeddedDataFolder } from './embedded-data-folder.js';
import { readJson } from './map-files.js';

export class EmbeddedShortlists implements ShortlistsResource {
  private readonly folder: EmbeddedDataFolder;

  constructor(folder: EmbeddedDataFolder) {
    this.folder = folder;
  }

  async save(mapId: string, input: SaveShortlistInput): Promise<Shortlist> {
    const parsed = parseQuery(saveShortlistInputSchema, input);
    const map = await this.folder.loaded(mapId);
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
    await this.folder.queued(mapId, async () => {
      const paths = this.folder.mapPaths(mapId);
      await this.folder.readyInfo(mapId);
      const shortlists = await this.folder.io(() => readJson<Shortlist[]>(paths.shortlists, []));
      shortlists.push(shortlist);
      await this.folder.io(() =>
        writeFileAtomic(paths.shortlists, `${JSON.stringify(shortlists)}\n`),
      );
    });
    return shortlist;
  }

  async list(mapId: string): Promise<ShortlistSummary[]> {
    const shortlists = await this.read(mapId);
    return shortlists
      .map(({ accountKeys: _keys, ...summary }) => summary)
      .sort(
        (a, b) =>
          (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0) ||
          (a.id < b.id ? -1 : 1),
      );
  }

  async get(mapId: string, shortlistId: string): Promise<Shortlist> {
    const shortlist = (await this.read(mapId)).find(({ id }) => id === shortlistId);
    if (!shortlist) throw new ShortlistNotFoundError(mapId, shortlistId);
    return shortlist;
  }

  private async read(mapId: string): Promise<Shortlist[]> {
    await this.folder.readyInfo(mapId);
    return this.folder.io(() => readJson<Shortlist[]>(this.folder.mapPaths(mapId).shortlists, []));
  }
}
