// Reading a map: the graph the viewer draws (from the cache of whole maps), KOL pages, communities,
// accounts with their ego network, paths and search (from the store).
import type { AccountRecord, CommunityProfile, FindKolsQuery, MapSummary } from '@kolmap/model';
import type {
  AccountDetail,
  AccountPath,
  AccountsResource,
  CommunityDetail,
  Page,
} from '../store/map-store.js';
import type { EgoQuery, PathQuery } from '../store/queries.js';
import type { MapGraphs } from './map-graphs.js';

/** The node attributes the viewer draws with (the rest is read per account). */
export const DRAWN_ATTRIBUTES = [
  'name',
  'handle',
  'platform',
  /** Per-actor maps: the platforms of the actor's accounts. */
  'platforms',
  'actorType',
  'language',
  'country',
  'role',
  'community',
  'communityLabel',
  'kolScore',
  'rank',
  'communityRank',
  'pagerank',
  'followers',
  'inStrength',
  'inDegree',
  'outDegree',
  'x',
  'y',
  'tonality',
  'topic',
  'topicCommunity',
] as const;

/** Which part of a map to draw. */
export interface DrawnGraphQuery {
  /** Only the N accounts of highest KOL score (and the interactions among them). */
  top?: number;
  /** Only the accounts of this community. */
  community?: number;
}

/** A map as the viewer draws it: its summary and a graphology serialised graph. */
export interface DrawnGraph {
  map: MapSummary;
  graph: {
    attributes: { communities: CommunityProfile[] };
    options: { type: 'directed' | 'undirected'; multi: false; allowSelfLoops: true };
    nodes: Array<{ key: string; attributes: Record<string, unknown> }>;
    edges: Array<{ source: string; target: string; attributes: { weight: number } }>;
  };
}

export class AccountsService {
  private readonly accounts: AccountsResource;
  private readonly graphs: MapGraphs;

  constructor(accounts: AccountsResource, graphs: MapGraphs) {
    this.accounts = accounts;
    this.graphs = graphs;
  }

  /** The accounts (with the attributes of DRAWN_ATTRIBUTES) and interactions to draw. */
  async drawnGraph(mapId: string, query: DrawnGraphQuery): Promise<DrawnGraph> {
    const { whole } = await this.graphs.get(mapId);
    let accounts = whole.accounts;
    if (query.community !== undefined) {
      accounts = accounts.filter(({ attributes }) => attributes.community === query.community);
    }
    if (query.top !== undefined) accounts = accounts.slice(0, query.top);
    const kept = new Set(accounts.map(({ key }) => key));
    const { params: _params, provenance: _provenance, attributes: _attributes, ...map } = whole.map;
    return {
      map,
      graph: {
        attributes: { communities: whole.communities },
        options: {
          type: whole.map.directed ? 'directed' : 'undirected',
          multi: false,
          allowSelfLoops: true,
        },
        nodes: accounts.map(drawnAccount),
        edges: whole.interactions
          .filter(({ source, target }) => kept.has(source) && kept.has(target))
          .map(({ source, target, attributes }) => ({
            source,
            target,
            attributes: { weight: attributes.weight ?? 1 },
          })),
      },
    };
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

function drawnAccount({ key, attributes }: AccountRecord) {
  const drawn: Record<string, unknown> = {};
  for (const name of DRAWN_ATTRIBUTES) {
    if (attributes[name] !== undefined) drawn[name] = attributes[name];
  }
  return { key, attributes: drawn };
}

/** The object without its undefined fields (the store's schemas are strict about them). */
function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, field]) => field !== undefined),
  ) as Partial<T>;
}
