// Reading a map: the graph the viewer draws (from the cache of whole maps), KOL pages, communities,
// accounts with their ego network, paths and search (from the store).
import {
  type AccountRecord,
  type CommunityProfile,
  type DrawnGraph,
  type DrawnLinks,
  type FindKolsQuery,
  type MapGraphResponse,
  toDrawnAccounts,
} from '@kolmap/model';
import type { MapInteractions } from '../store/map-interactions.js';
import type {
  AccountDetail,
  AccountPath,
  AccountsResource,
  CommunityDetail,
  MapGraph,
  Page,
} from '../store/map-store.js';
import type { EgoQuery, PathQuery } from '../store/queries.js';
import type { MapGraphs } from './map-graphs.js';

/** Which part of a map to draw. */
export interface DrawnGraphQuery {
  /** Only the N accounts of highest KOL score (and the interactions among them). */
  top?: number;
  /** Only the accounts of this community. */
  community?: number;
}

export class AccountsService {
  private readonly accounts: AccountsResource;
  private readonly graphs: MapGraphs;
  /** The drawn graph of each whole map the cache holds (what the viewer asks for), made once. */
  private readonly wholeDrawn = new WeakMap<MapGraph, DrawnGraph>();

  constructor(accounts: AccountsResource, graphs: MapGraphs) {
    this.accounts = accounts;
    this.graphs = graphs;
  }

  /**
   * The accounts (with the attributes of DRAWN_ATTRIBUTES) and interactions to draw, in columns,
   * made from the map's columns without an object per link.
   */
  async drawnGraph(mapId: string, query: DrawnGraphQuery): Promise<MapGraphResponse> {
    const whole = await this.graphs.get(mapId);
    const { params: _params, provenance: _provenance, attributes: _attributes, ...map } = whole.map;
    const wholeMap = query.community === undefined && query.top === undefined;
    let graph = wholeMap ? this.wholeDrawn.get(whole) : undefined;
    if (graph === undefined) {
      // The drawn index of each account of the map, −1 when it is not drawn.
      const drawnIndex = new Int32Array(whole.accounts.length).fill(-1);
      const accounts: AccountRecord[] = [];
      const limit = query.top ?? whole.accounts.length;
      for (const [index, account] of whole.accounts.entries()) {
        if (accounts.length === limit) break;
        if (query.community !== undefined && account.attributes.community !== query.community) {
          continue;
        }
        drawnIndex[index] = accounts.length;
        accounts.push(account);
      }
      graph = {
        type: whole.map.directed ? 'directed' : 'undirected',
        communities: whole.communities,
        accounts: toDrawnAccounts(accounts),
        links: drawnLinks(whole.interactions, drawnIndex),
      };
      if (wholeMap) this.wholeDrawn.set(whole, graph);
    }
    return { map, graph };
  }

  /** Accounts by KOL score, filtered, one page at a time. */
  findKols(mapId: string, query: FindKolsQuery): Promise<Page<AccountRecord>> {
    return this.accounts.findKols(mapId, query);
  }

  /** Community profiles, largest first. */
  listCommunities(mapId: string): Promise<CommunityProfile[]> {
    return this.accounts.listCommunities(mapId);
  }

  /** A community's profile and its first `memberLimit` members (default: the store's). */
  getCommunity(mapId: string, communityId: number, memberLimit?: number): Promise<CommunityDetail> {
    return this.accounts.getCommunity(
      mapId,
      communityId,
      memberLimit === undefined ? {} : { memberLimit },
    );
  }

  /** An account with its metrics and ego network. */
  getAccount(mapId: string, key: string, query: EgoQuery): Promise<AccountDetail> {
    return this.accounts.get(mapId, key, withoutUndefined(query));
  }

  /** A shortest path from one account to another, or null. */
  findPath(
    mapId: string,
    fromKey: string,
    toKey: string,
    undirected?: boolean,
  ): Promise<AccountPath | null> {
    const query: PathQuery = undirected === undefined ? {} : { undirected };
    return this.accounts.findPath(mapId, fromKey, toKey, query);
  }

  /** Accounts by name or handle. */
  search(mapId: string, q: string, limit?: number): Promise<AccountRecord[]> {
    return this.accounts.search(mapId, q, limit);
  }
}

/** The interactions whose two ends are drawn, in the map's order, as drawn indexes. */
function drawnLinks(interactions: MapInteractions, drawnIndex: Int32Array): DrawnLinks {
  const links: DrawnLinks = { source: [], target: [], weight: [] };
  for (let i = 0; i < interactions.count; i++) {
    const from = drawnIndex[interactions.source[i] as number] as number;
    const to = drawnIndex[interactions.target[i] as number] as number;
    if (from === -1 || to === -1) continue;
    links.source.push(from);
    links.target.push(to);
    links.weight.push(interactions.weight(i));
  }
  return links;
}

/** The object without its undefined fields (the store's schemas are strict about them). */
function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, field]) => field !== undefined),
  ) as Partial<T>;
}
