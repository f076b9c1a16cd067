// The maps: list, read, rename and delete them. A rename or a delete also drops the map from the
// services' caches of whole maps and listening.
import type { MapInfo, MapSummary } from '@kolmap/model';
import type { MapsResource } from '../store/map-store.js';
import type { MapGraphs } from './map-graphs.js';
import type { MapListenings } from './map-listenings.js';

export class MapsService {
  private readonly maps: MapsResource;
  private readonly graphs: MapGraphs;
  private readonly listenings: MapListenings;

  constructor(maps: MapsResource, graphs: MapGraphs, listenings: MapListenings) {
    this.maps = maps;
    this.graphs = graphs;
    this.listenings = listenings;
  }

  /** The maps, newest first; those still being saved only with `includeBuilding`. */
  list(includeBuilding: boolean): Promise<MapSummary[]> {
    return this.maps.list({ includeBuilding });
  }

  /** A ready map with its analysis parameters and provenance. */
  get(mapId: string): Promise<MapInfo> {
    return this.maps.get(mapId);
  }

  async rename(mapId: string, name: string): Promise<MapSummary> {
    const renamed = await this.maps.rename(mapId, name);
    this.graphs.forget(mapId);
    return renamed;
  }

  /** Deletes a map in any status (MapNotFoundError when there is none); its export log stays. */
  async delete(mapId: string): Promise<void> {
    await this.maps.get(mapId, { anyStatus: true });
    await this.maps.delete(mapId);
    this.graphs.forget(mapId);
    this.listenings.forget(mapId);
  }
}
