// The map page's calls to the API: the map's graph with the list of maps for the menu, the map's
// description, and whether the caller may read the PV queue.
import { type MapGraphResponse, type MapInfo, type MapSummary } from '@kolmap/model';
import type { ApiClient } from '../../api/api-client.js';

/** Performance mark set when the map's graph is fetched and parsed. */
export const GRAPH_LOADED_MARK = 'kolmap:graph-loaded';
/** Performance mark set when the viewer's graph is built from it (the accounts, and the links unless they come after the first frame). */
export const GRAPH_BUILT_MARK = 'kolmap:graph-built';

/** The map's graph and the server's maps; the maps are none when they could not be listed. */
export async function loadMapPage(
  api: ApiClient,
  mapId: string,
): Promise<{ response: MapGraphResponse; maps: MapSummary[] }> {
  const [response, maps] = await Promise.all([
    api.getGraph(mapId).then((graph) => {
      performance.mark(GRAPH_LOADED_MARK);
      return graph;
    }),
    api.listMaps().catch(() => []),
  ]);
  return { response, maps };
}

/** The map's description (parameters, whether it has listening); null when it could not be read. */
export function describeMap(api: ApiClient, mapId: string): Promise<MapInfo | null> {
  return api.getMap(mapId).catch(() => null);
}

/** Whether the caller's role may read the PV queue (analysts and admins: `GET /me` tells). */
export async function mayReviewPv(api: ApiClient): Promise<boolean> {
  return (await api.me()).role !== 'viewer';
}
