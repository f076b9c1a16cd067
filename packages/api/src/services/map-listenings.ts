// Maps' listening as the services read it: the info (watch list, topics, communities, the
// do-not-contact list) and the post rows rebuilt for the series. Both are snapshots of the map (only
// the review queue changes, and it is read from the store each time), so the last few read are
// kept; a delete drops them.
import type { ListeningInfo } from '@kolmap/core';
import type { ListeningResource } from '../store/map-store.js';
import { type SeriesSource, toSeriesSource } from './listening-series.js';

export class MapListenings {
  private readonly listening: ListeningResource;
  private readonly size: number;
  /** By map id, least recently used first. */
  private readonly infos = new Map<string, Promise<ListeningInfo | null>>();
  private readonly sources = new Map<string, Promise<SeriesSource | null>>();

  /** @param size maps whose rows are kept at once, default 2 (their info: 8 times as many). */
  constructor(listening: ListeningResource, size = 2) {
    this.listening = listening;
    this.size = size;
  }

  /** The listening info of a ready map, null when it has none. */
  info(mapId: string): Promise<ListeningInfo | null> {
    return cached(this.infos, mapId, this.size * 8, () => this.listening.find(mapId));
  }

  /** The map nodes the do-not-contact list of the map's watch list names (none without listening). */
  async doNotContact(mapId: string): Promise<string[]> {
    return (await this.info(mapId))?.doNotContact ?? [];
  }

  /** The listening of a ready map ready for series, null when it has none. */
  series(mapId: string): Promise<SeriesSource | null> {
    return cached(this.sources, mapId, this.size, async () => {
      const info = await this.info(mapId);
      if (info === null) return null;
      return toSeriesSource(info, await this.listening.readPosts(mapId));
    });
  }

  forget(mapId: string): void {
    this.infos.delete(mapId);
    this.sources.delete(mapId);
  }
}

/** The value of `key` in a least-recently-used cache of `size` entries; failures are not kept. */
function cached<T>(
  cache: Map<string, Promise<T>>,
  key: string,
  size: number,
  load: () => Promise<T>,
): Promise<T> {
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const loading = load();
  cache.set(key, loading);
  loading.catch(() => cache.delete(key));
  for (const id of cache.keys()) {
    if (cache.size <= size) break;
    cache.delete(id);
  }
  return loading;
}
