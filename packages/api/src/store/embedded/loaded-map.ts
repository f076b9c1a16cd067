// A ready map of the embedded store held in memory: accounts in KOL order with folded names for
// search, members per community, and a graphology graph of the interactions for ego networks and
// paths. Every query of the MapStore contract is answered here.

import type {
  AccountAttributes,
  AccountRecord,
  CommunityProfile,
  InteractionAttributes,
  InteractionRecord,
  MapInfo,
} from '@kolmap/model';
import { compileAccountFilter, foldHandle, foldText } from '@kolmap/model';
import { MultiDirectedGraph, MultiUndirectedGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import { AccountNotFoundError, CommunityNotFoundError } from '../errors.js';
import type { AccountPath, CommunityDetail, EgoNetwork, MapGraph, Page } from '../map-store.js';
import {
  comesBefore,
  compareEdgesByWeight,
  compareKolOrder,
  inKolOrder,
  matchesText,
  nextCursor,
  PATH_MAX_HOPS,
  type ResolvedEgoQuery,
  type ResolvedFindKols,
  type SortPosition,
  searchRank,
  sortScore,
} from '../queries.js';
import { forEachLine, type MapPaths, readJson } from './map-files.js';

type EdgeAttributes = InteractionAttributes;

interface WeightedEdge extends InteractionRecord {
  edge: string;
  weight: number;
}

/** First-hop edge lists kept sorted per map (see `sortedEdgesOf`). */
const SORTED_EDGES_KEPT = 1000;

export class LoadedMap {
  info: MapInfo;
  /** Accounts in KOL order. */
  private readonly accounts: AccountRecord[];
  private readonly positions: SortPosition[];
  private readonly indexByKey: Map<string, number>;
  private readonly foldedNames: string[];
  private readonly foldedHandles: string[];
  private readonly communities: CommunityProfile[];
  /** Member indexes (into `accounts`, so in KOL order) per community id. */
  private readonly members: Map<number, number[]>;
  private readonly graph: AbstractGraph<Record<string, never>, EdgeAttributes>;
  /** Sorted first-hop edges by `direction:key`, least recently used first. */
  private readonly sortedEdges = new Map<string, WeightedEdge[]>();

  private constructor(
    info: MapInfo,
    accounts: AccountRecord[],
    communities: CommunityProfile[],
    graph: AbstractGraph<Record<string, never>, EdgeAttributes>,
  ) {
    this.info = info;
    this.positions = accounts.map(({ key, attributes }) => ({
      key,
      score: sortScore(attributes.kolScore),
    }));
    const order = this.positions.map((_, index) => index);
    order.sort((a, b) =>
      compareKolOrder(this.positions[a] as SortPosition, this.positions[b] as SortPosition),
    );
    this.accounts = order.map((index) => accounts[index] as AccountRecord);
    this.positions = order.map((index) => this.positions[index] as SortPosition);
    this.indexByKey = new Map(this.accounts.map(({ key }, index) => [key, index]));
    this.foldedNames = this.accounts.map(({ attributes }) => foldText(attributes.name ?? ''));
    this.foldedHandles = this.accounts.map(({ attributes }) => foldHandle(attributes.handle ?? ''));
    this.communities = [...communities].sort(
      (a, b) => (b.size ?? 0) - (a.size ?? 0) || a.id - b.id,
    );
    this.members = new Map();
    this.accounts.forEach(({ attributes }, index) => {
      if (attributes.community === undefined) return;
      const list = this.members.get(attributes.community);
      if (list) list.push(index);
      else this.members.set(attributes.community, [index]);
    });
    this.graph = graph;
  }

  /** Reads a ready map's files. */
  static async load(info: MapInfo, paths: MapPaths): Promise<LoadedMap> {
    const accounts: AccountRecord[] = [];
    await forEachLine(paths.accounts, (line) => {
      accounts.push(JSON.parse(line) as AccountRecord);
    });
    const graph = info.directed
      ? new MultiDirectedGraph<Record<string, never>, EdgeAttributes>()
      : new MultiUndirectedGraph<Record<string, never>, EdgeAttributes>();
    for (const { key } of accounts) graph.addNode(key);
    let edge = 0;
    await forEachLine(paths.interactions, (line) => {
      const [source, target, attributes] = JSON.parse(line) as [number, number, EdgeAttributes];
      graph.addEdgeWithKey(
        String(edge++),
        (accounts[source] as AccountRecord).key,
        (accounts[target] as AccountRecord).key,
        attributes,
      );
    });
    const communities = await readJson<CommunityProfile[]>(paths.communities, []);
    return new LoadedMap(info, accounts, communities, graph);
  }

  /** Every account in KOL order and every interaction (see MapStore.readGraph). */
  readGraph(): MapGraph {
    const interactions: InteractionRecord[] = [];
    this.graph.forEachEdge((_edge, attributes, source, target) => {
      interactions.push({ source, target, attributes });
    });
    return {
      map: this.info,
      accounts: this.accounts,
      interactions,
      communities: this.communities,
    };
  }

  hasAccount(key: string): boolean {
    return this.indexByKey.has(key);
  }

  account(key: string): AccountRecord {
    const index = this.indexByKey.get(key);
    if (index === undefined) throw new AccountNotFoundError(this.info.id, key);
    return this.accounts[index] as AccountRecord;
  }

  findKols(query: ResolvedFindKols): Page<AccountRecord> {
    const items: AccountRecord[] = [];
    let start = 0;
    if (query.after) start = this.firstAfter(query.after);
    let more = false;
    const passes = compileAccountFilter(query.filter);
    for (let index = start; index < this.accounts.length; index++) {
      const position = this.positions[index] as SortPosition;
      if (query.minScore !== null && position.score < query.minScore) break;
      const account = this.accounts[index] as AccountRecord;
      const folded = {
        name: this.foldedNames[index] as string,
        handle: this.foldedHandles[index] as string,
      };
      if (!passes(account.attributes) || !matchesText(folded, query.text)) continue;
      if (items.length === query.limit) {
        more = true;
        break;
      }
      items.push(account);
    }
    const last = items[items.length - 1];
    return {
      items,
      nextCursor:
        more && last
          ? nextCursor(this.info.id, query, {
              score: sortScore(last.attributes.kolScore),
              key: last.key,
            })
          : null,
    };
  }

  /** Index of the first account after `position` in KOL order (binary search). */
  private firstAfter(position: SortPosition): number {
    let low = 0;
    let high = this.positions.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (comesBefore(position, this.positions[middle] as SortPosition)) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  listCommunities(): CommunityProfile[] {
    return this.communities;
  }

  getCommunity(id: number, memberLimit: number): CommunityDetail {
    const profile = this.communities.find((community) => community.id === id);
    if (!profile) throw new CommunityNotFoundError(this.info.id, id);
    const members = (this.members.get(id) ?? [])
      .slice(0, memberLimit)
      .map((index) => this.accounts[index] as AccountRecord);
    return { profile, members };
  }

  search(q: string, keys: readonly string[], limit: number): AccountRecord[] {
    const named = new Set<number>();
    for (const key of keys) {
      const index = this.indexByKey.get(key);
      if (index !== undefined) named.add(index);
    }
    const starts: AccountRecord[] = [];
    const contains: AccountRecord[] = [];
    for (let index = 0; index < this.accounts.length && starts.length < limit; index++) {
      if (named.has(index)) continue;
      const folded = {
        name: this.foldedNames[index] as string,
        handle: this.foldedHandles[index] as string,
      };
      if (!folded.name.includes(q) && !folded.handle.includes(q)) continue;
      const account = this.accounts[index] as AccountRecord;
      if (searchRank(folded, q) === 0) starts.push(account);
      else if (contains.length < limit) contains.push(account);
    }
    const byKey = [...named]
      .sort((a, b) => a - b)
      .map((index) => this.accounts[index] as AccountRecord);
    return [...byKey, ...starts, ...contains].slice(0, limit);
  }

  ego(key: string, query: ResolvedEgoQuery): EgoNetwork {
    const centre = this.account(key);
    const direction = this.info.directed ? query.direction : 'both';
    const first = this.sortedEdgesOf(key, direction);
    let truncated = first.length > query.maxEdges;
    const kept = first.slice(0, query.maxEdges);
    const edges = [...kept];
    if (query.hops === 2) {
      const reached = new Set<string>();
      for (const edge of kept) {
        for (const end of [edge.source, edge.target]) if (end !== key) reached.add(end);
      }
      const seen = new Set<string>();
      const second: WeightedEdge[] = [];
      for (const neighbour of reached) {
        for (const edge of this.edgesOf(neighbour, direction)) {
          if (edge.source === key || edge.target === key || seen.has(edge.edge)) continue;
          seen.add(edge.edge);
          second.push(edge);
        }
      }
      second.sort(compareEdgesByWeight);
      const room = query.maxEdges - kept.length;
      if (second.length > room) truncated = true;
      edges.push(...second.slice(0, room));
    }
    const others = new Set<string>();
    for (const edge of edges) {
      if (edge.source !== key) others.add(edge.source);
      if (edge.target !== key) others.add(edge.target);
    }
    const neighbours = [...others].map((other) => this.account(other));
    neighbours.sort((a, b) => compareKolOrder(this.positionOf(a), this.positionOf(b)));
    return {
      nodes: [centre, ...neighbours],
      edges: edges.map(({ source, target, attributes }) => ({ source, target, attributes })),
      truncated,
    };
  }

  private positionOf(account: AccountRecord): SortPosition {
    return { key: account.key, score: sortScore(account.attributes.kolScore) };
  }

  /** The edges of `node` in a direction, with their weight (absent weights count as 1). */
  /**
   * `edgesOf` heaviest first, kept for the accounts asked about lately: the hubs people open most
   * have tens of thousands of edges, too many to sort on every request.
   */
  private sortedEdgesOf(node: string, direction: 'in' | 'out' | 'both'): WeightedEdge[] {
    const id = `${direction}:${node}`;
    let sorted = this.sortedEdges.get(id);
    if (sorted) {
      this.sortedEdges.delete(id);
    } else {
      sorted = this.edgesOf(node, direction).sort(compareEdgesByWeight);
      if (this.sortedEdges.size >= SORTED_EDGES_KEPT) {
        const oldest = this.sortedEdges.keys().next().value;
        if (oldest !== undefined) this.sortedEdges.delete(oldest);
      }
    }
    this.sortedEdges.set(id, sorted);
    return sorted;
  }

  private edgesOf(node: string, direction: 'in' | 'out' | 'both'): WeightedEdge[] {
    const graph = this.graph;
    const keys =
      direction === 'out'
        ? graph.outEdges(node)
        : direction === 'in'
          ? graph.inEdges(node)
          : graph.edges(node);
    const unique = direction === 'both' ? [...new Set(keys)] : keys;
    return unique.map((edge) => {
      const attributes = graph.getEdgeAttributes(edge);
      return {
        edge,
        source: graph.source(edge),
        target: graph.target(edge),
        attributes,
        weight: attributes.weight ?? 1,
      };
    });
  }

  /** A shortest path by breadth-first search from both ends, at most PATH_MAX_HOPS edges. */
  path(fromKey: string, toKey: string, undirected: boolean): AccountPath | null {
    const from = this.account(fromKey);
    const to = this.account(toKey);
    const directed = this.info.directed && !undirected;
    if (fromKey === toKey) return { nodes: [from], edges: [], directed };
    const graph = this.graph;
    const forward = (node: string) => (directed ? graph.outNeighbors(node) : graph.neighbors(node));
    const backward = (node: string) => (directed ? graph.inNeighbors(node) : graph.neighbors(node));
    const parentsForward = new Map<string, string | null>([[fromKey, null]]);
    const parentsBackward = new Map<string, string | null>([[toKey, null]]);
    let frontierForward = [fromKey];
    let frontierBackward = [toKey];
    let meeting: string | undefined;
    for (let hops = 0; hops < PATH_MAX_HOPS && meeting === undefined; hops++) {
      if (frontierForward.length === 0 || frontierBackward.length === 0) return null;
      const expandForward = frontierForward.length <= frontierBackward.length;
      const frontier = expandForward ? frontierForward : frontierBackward;
      const parents = expandForward ? parentsForward : parentsBackward;
      const others = expandForward ? parentsBackward : parentsForward;
      const next: string[] = [];
      for (const node of frontier) {
        for (const neighbour of expandForward ? forward(node) : backward(node)) {
          if (parents.has(neighbour)) continue;
          parents.set(neighbour, node);
          if (others.has(neighbour)) {
            meeting = neighbour;
            break;
          }
          next.push(neighbour);
        }
        if (meeting !== undefined) break;
      }
      if (expandForward) frontierForward = next;
      else frontierBackward = next;
    }
    if (meeting === undefined) return null;
    const keys: string[] = [];
    for (let node: string | null | undefined = meeting; node; node = parentsForward.get(node)) {
      keys.unshift(node);
    }
    for (let node = parentsBackward.get(meeting); node; node = parentsBackward.get(node)) {
      keys.push(node);
    }
    const edges: InteractionRecord[] = [];
    for (let i = 0; i + 1 < keys.length; i++) {
      const source = keys[i] as string;
      const target = keys[i + 1] as string;
      const edge = this.edgeBetween(source, target, directed);
      edges.push({
        source: graph.source(edge),
        target: graph.target(edge),
        attributes: graph.getEdgeAttributes(edge),
      });
    }
    return { nodes: keys.map((key) => this.account(key)), edges, directed };
  }

  /** The edge source→target (or, when undirected, target→source) with the greatest weight. */
  private edgeBetween(source: string, target: string, directed: boolean): string {
    const graph = this.graph;
    const candidates = directed
      ? graph.outEdges(source, target)
      : this.info.directed
        ? [...graph.outEdges(source, target), ...graph.outEdges(target, source)]
        : graph.edges(source, target);
    let best = candidates[0] as string;
    for (const edge of candidates) {
      if (
        (graph.getEdgeAttribute(edge, 'weight') ?? 1) >
        (graph.getEdgeAttribute(best, 'weight') ?? 1)
      ) {
        best = edge;
      }
    }
    return best;
  }

  /** Which of `keys` are not accounts of the map. */
  missingAccounts(keys: readonly string[]): string[] {
    return keys.filter((key) => !this.indexByKey.has(key));
  }

  /** The attributes of an account, for callers that only need them. */
  attributes(key: string): AccountAttributes {
    return this.account(key).attributes;
  }
}
