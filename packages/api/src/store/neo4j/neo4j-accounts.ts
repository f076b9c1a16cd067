// What a ready map of the Neo4j store holds, read with the statements of cypher.ts: the whole graph,
// KOL pages (range seeks on the order index), communities, ego networks, paths and full-text search.

import type { AccountRecord, CommunityProfile } from '@kolmap/model';
import { type FindKolsQuery } from '@kolmap/model';
import type { ManagedTransaction, Record as Neo4jRecord } from 'neo4j-driver';
import { AccountNotFoundError, CommunityNotFoundError, MapNotFoundError } from '../errors.js';
import { MapInteractionsBuilder } from '../map-interactions.js';
import {
  type AccountDetail,
  type AccountPath,
  type AccountsResource,
  type CommunityDetail,
  isStoreId,
  type MapGraph,
  type Page,
} from '../map-store.js';
import {
  type CommunityQuery,
  communityIdSchema,
  communityQuerySchema,
  compareKolOrder,
  type EgoQuery,
  egoQuerySchema,
  inKolOrder,
  nextCursor,
  orderString,
  type PathQuery,
  parseQuery,
  pathQuerySchema,
  resolveFindKols,
  resolveSearch,
  scorePrefix,
  scorePrefixAfter,
  sortScore,
} from '../queries.js';
import * as cypher from './cypher.js';
import {
  fromAccountProperties,
  fromCommunityProperties,
  fromInteractionProperties,
  type StoredMapInfo,
  toInteger,
} from './mapper.js';
import { checkStatus, type Neo4jDatabase } from './neo4j-database.js';

/** Lucene query syntax characters, escaped in search text. */
const LUCENE_SPECIAL = /[\\+\-!():^[\]"{}~*?|&/\s]/g;

export class Neo4jAccounts implements AccountsResource {
  private readonly db: Neo4jDatabase;

  constructor(db: Neo4jDatabase) {
    this.db = db;
  }

  async readGraph(mapId: string): Promise<MapGraph> {
    return this.db.read(async (tx) => {
      const map = await this.db.mapIn(tx, mapId);
      const accounts = await tx.run(cypher.ALL_ACCOUNTS, { mapId });
      const interactions = await tx.run(cypher.ALL_INTERACTIONS, { mapId });
      const communities = await tx.run(cypher.LIST_COMMUNITIES, { mapId });
      const records = accounts.records.map((record) =>
        fromAccountProperties(record.get('account')),
      );
      const indexByKey = new Map(records.map(({ key }, index) => [key, index]));
      const columns = new MapInteractionsBuilder(interactions.records.length);
      for (const record of interactions.records) {
        columns.add(
          indexByKey.get(record.get('source') as string) as number,
          indexByKey.get(record.get('target') as string) as number,
          fromInteractionProperties(record.get('attributes')),
        );
      }
      return {
        map,
        accounts: records,
        interactions: columns.build(),
        communities: communities.records.map((record) =>
          fromCommunityProperties(record.get('community')),
        ),
      };
    });
  }

  async findKols(mapId: string, query?: FindKolsQuery): Promise<Page<AccountRecord>> {
    const r = resolveFindKols(mapId, query);
    const scored = r.minScore !== null || r.maxScore !== null;
    const parameters = {
      mapId,
      after: r.after ? orderString(r.after) : '',
      from: r.maxScore !== null ? scorePrefix(r.maxScore) : '',
      // With a score bound, accounts without a score (sort score -1) are out.
      until: scorePrefixAfter(r.minScore ?? (scored ? 0 : -1)),
      communities: r.communities?.map(toInteger) ?? null,
      community: r.communities?.length === 1 ? toInteger(r.communities[0] as number) : null,
      actorTypes: r.actorTypes,
      platforms: r.platforms,
      roles: r.roles,
      languages: r.languages,
      countries: r.countries,
      text: r.text,
      limit: toInteger(r.limit + 1),
    };
    const statement = !r.communities
      ? cypher.FIND_KOLS
      : r.communities.length === 1
        ? cypher.FIND_KOLS_IN_COMMUNITY
        : cypher.FIND_KOLS_IN_COMMUNITIES;
    if (!isStoreId(mapId)) throw new MapNotFoundError(mapId);
    const record = (await this.db.read((tx) => tx.run(statement, parameters))).records[0];
    const status = record?.get('status') as StoredMapInfo['status'] | null | undefined;
    if (!status) throw new MapNotFoundError(mapId);
    checkStatus(mapId, status, false);
    const accounts = (record as Neo4jRecord).get('accounts') as Array<Record<string, unknown>>;
    const items = accounts.slice(0, r.limit).map(fromAccountProperties);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor:
        accounts.length > r.limit && last
          ? nextCursor(mapId, r, { score: sortScore(last.attributes.kolScore), key: last.key })
          : null,
    };
  }

  async listCommunities(mapId: string): Promise<CommunityProfile[]> {
    const records = await this.db.read(async (tx) => {
      await this.db.requireMap(tx, mapId);
      return (await tx.run(cypher.LIST_COMMUNITIES, { mapId })).records;
    });
    return records.map((record) => fromCommunityProperties(record.get('community')));
  }

  async getCommunity(
    mapId: string,
    communityId: number,
    query?: CommunityQuery,
  ): Promise<CommunityDetail> {
    const id = toInteger(parseQuery(communityIdSchema, communityId));
    const { memberLimit } = parseQuery(communityQuerySchema, query ?? {});
    return this.db.read(async (tx) => {
      await this.db.requireMap(tx, mapId);
      const community = (await tx.run(cypher.GET_COMMUNITY, { mapId, id })).records[0];
      if (!community) throw new CommunityNotFoundError(mapId, communityId);
      const members = await tx.run(cypher.COMMUNITY_MEMBERS, {
        mapId,
        id,
        limit: toInteger(memberLimit),
      });
      return {
        profile: fromCommunityProperties(community.get('community')),
        members: members.records.map((record) => fromAccountProperties(record.get('account'))),
      };
    });
  }

  async get(mapId: string, key: string, query?: EgoQuery): Promise<AccountDetail> {
    const { hops, direction: asked, maxEdges } = parseQuery(egoQuerySchema, query ?? {});
    return this.db.read(async (tx) => {
      const { directed } = await this.db.requireMap(tx, mapId);
      const direction = directed ? asked : 'both';
      const found = (
        await tx.run(cypher.EGO_NETWORK[direction], {
          mapId,
          key,
          hops: toInteger(hops),
          maxEdges: toInteger(maxEdges),
          limit: toInteger(maxEdges + 1),
        })
      ).records[0];
      if (!found) throw new AccountNotFoundError(mapId, key);
      const account = fromAccountProperties(found.get('account'));
      const edges = (
        found.get('edges') as Array<{
          source: string;
          target: string;
          attributes: Record<string, unknown>;
        }>
      ).map(({ source, target, attributes }) => ({
        source,
        target,
        attributes: fromInteractionProperties(attributes),
      }));
      const neighbours = (found.get('neighbours') as Array<Record<string, unknown>>).map(
        fromAccountProperties,
      );
      neighbours.sort((a, b) =>
        compareKolOrder(
          { key: a.key, score: sortScore(a.attributes.kolScore) },
          { key: b.key, score: sortScore(b.attributes.kolScore) },
        ),
      );
      const truncated = found.get('truncated') as boolean;
      return { account, ego: { nodes: [account, ...neighbours], edges, truncated } };
    });
  }

  async findPath(
    mapId: string,
    fromKey: string,
    toKey: string,
    query?: PathQuery,
  ): Promise<AccountPath | null> {
    const { undirected } = parseQuery(pathQuerySchema, query ?? {});
    return this.db.read(async (tx) => {
      const info = await this.db.requireMap(tx, mapId);
      const directed = info.directed && !undirected;
      const found = await accountsIn(tx, mapId, [fromKey, toKey]);
      const from = found.find(({ key }) => key === fromKey);
      if (!from) throw new AccountNotFoundError(mapId, fromKey);
      if (!found.some(({ key }) => key === toKey)) throw new AccountNotFoundError(mapId, toKey);
      if (fromKey === toKey) return { nodes: [from], edges: [], directed };
      const statement = directed ? cypher.SHORTEST_PATH.directed : cypher.SHORTEST_PATH.undirected;
      const record = (await tx.run(statement, { mapId, from: fromKey, to: toKey })).records[0];
      if (!record) return null;
      const accounts = record.get('accounts') as Array<Record<string, unknown>>;
      const edges = record.get('edges') as Array<{
        source: string;
        target: string;
        attributes: Record<string, unknown>;
      }>;
      return {
        nodes: accounts.map(fromAccountProperties),
        edges: edges.map(({ source, target, attributes }) => ({
          source,
          target,
          attributes: fromInteractionProperties(attributes),
        })),
        directed,
      };
    });
  }

  async search(mapId: string, q: string, limit?: number): Promise<AccountRecord[]> {
    const resolved = resolveSearch(q, limit);
    const text = resolved.q.replace(LUCENE_SPECIAL, (character) => `\\${character}`);
    const { named, records } = await this.db.read(async (tx) => {
      await this.db.requireMap(tx, mapId);
      const lucene = `+mapId:${mapId} +(_searchName:*${text}* _searchHandle:*${text}*)`;
      const parameters = { lucene, q: resolved.q, limit: toInteger(resolved.limit) };
      return {
        named: await accountsIn(tx, mapId, resolved.keys),
        records: (await tx.run(cypher.SEARCH_ACCOUNTS, parameters)).records,
      };
    });
    const keys = new Set(named.map((account) => account.key));
    const found = records
      .map((record) => fromAccountProperties(record.get('account')))
      .filter((account) => !keys.has(account.key));
    return [...inKolOrder(named), ...found].slice(0, resolved.limit);
  }
}

/** The accounts of `keys` that the map has, read in `tx`. */
async function accountsIn(
  tx: ManagedTransaction,
  mapId: string,
  keys: string[],
): Promise<AccountRecord[]> {
  if (keys.length === 0) return [];
  const result = await tx.run(cypher.GET_ACCOUNTS, { mapId, keys });
  return result.records.map((record) => fromAccountProperties(record.get('account')));
}
