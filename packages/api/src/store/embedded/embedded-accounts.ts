// What a ready map of the embedded store holds, read from the map loaded in memory (loaded-map.ts)
// after the query is checked.
import type { AccountRecord, CommunityProfile } from '@kolmap/model';
import { type FindKolsQuery } from '@kolmap/model';
import type {
  AccountDetail,
  AccountPath,
  AccountsResource,
  CommunityDetail,
  MapGraph,
  Page,
} from '../map-store.js';
import {
  type CommunityQuery,
  communityIdSchema,
  communityQuerySchema,
  type EgoQuery,
  egoQuerySchema,
  type PathQuery,
  parseQuery,
  pathQuerySchema,
  resolveFindKols,
  resolveSearch,
} from '../queries.js';
import type { EmbeddedDataFolder } from './embedded-data-folder.js';

export class EmbeddedAccounts implements AccountsResource {
  private readonly folder: EmbeddedDataFolder;

  constructor(folder: EmbeddedDataFolder) {
    this.folder = folder;
  }

  async readGraph(mapId: string): Promise<MapGraph> {
    return (await this.folder.loaded(mapId)).readGraph();
  }

  async findKols(mapId: string, query?: FindKolsQuery): Promise<Page<AccountRecord>> {
    const resolved = resolveFindKols(mapId, query);
    return (await this.folder.loaded(mapId)).findKols(resolved);
  }

  async listCommunities(mapId: string): Promise<CommunityProfile[]> {
    return (await this.folder.loaded(mapId)).listCommunities();
  }

  async getCommunity(
    mapId: string,
    communityId: number,
    query?: CommunityQuery,
  ): Promise<CommunityDetail> {
    const id = parseQuery(communityIdSchema, communityId);
    const { memberLimit } = parseQuery(communityQuerySchema, query ?? {});
    return (await this.folder.loaded(mapId)).getCommunity(id, memberLimit);
  }

  async get(mapId: string, key: string, query?: EgoQuery): Promise<AccountDetail> {
    const resolved = parseQuery(egoQuerySchema, query ?? {});
    const map = await this.folder.loaded(mapId);
    return { account: map.account(key), ego: map.ego(key, resolved) };
  }

  async findPath(
    mapId: string,
    fromKey: string,
    toKey: string,
    query?: PathQuery,
  ): Promise<AccountPath | null> {
    const { undirected } = parseQuery(pathQuerySchema, query ?? {});
    return (await this.folder.loaded(mapId)).path(fromKey, toKey, undirected);
  }

  async search(mapId: string, q: string, limit?: number): Promise<AccountRecord[]> {
    const resolved = resolveSearch(q, limit);
    return (await this.folder.loaded(mapId)).search(resolved.q, resolved.keys, resolved.limit);
  }
}
