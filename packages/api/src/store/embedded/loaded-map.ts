// A ready map of the embedded store held in memory: accounts in KOL order with folded names for
// search, members per community, and the interactions in columns with compressed rows of each
// account's links for ego networks and paths. Every query of the MapStore contract is answered here.

import { access } from 'node:fs/promises';
import type {
  AccountAttributes,
  AccountRecord,
  CommunityProfile,
  InteractionAttributes,
  InteractionRecord,
  MapInfo,
} from '@kolmap/model';
import { compileAccountFilter, foldHandle, foldText } from '@kolmap/model';
import { AccountNotFoundError, CommunityNotFoundError } from '../errors.js';
import { type MapInteractions, MapInteractionsBuilder } from '../map-interactions.js';
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
import { CorruptMapFileError, readInteractionsFile } from './interactions-file.js';
import { forEachLine, type MapPaths, readJson } from './map-files.js';

interface WeightedEdge extends InteractionRecord {
  edge: number;
  weight: number;
}

/** Compressed rows: the links of account `a` are `links[offsets[a]]` to `links[offsets[a + 1] - 1]`. */
interface LinkRows {
  offsets: Int32Array;
  links: Int32Array;
}

/** First-hop edge lists kept sorted per map (see `sortedEdgesOf`). */
const SORTED_EDGES_KEPT = 1000;

export class LoadedMap implements MapGraph {
  info: MapInfo;
  /** Accounts in KOL order. */
  readonly accounts: AccountRecord[];
  private readonly positions: SortPosition[];
  private readonly indexByKey: Map<string, number>;
  private readonly foldedNames: string[];
  private readonly foldedHandles: string[];
  /** Community profiles, largest first. */
  readonly communities: CommunityProfile[];
  /** Member indexes (into `accounts`, so in KOL order) per community id. */
  private readonly members: Map<number, number[]>;
  /** The interactions, their ends as indexes into `accounts`. */
  readonly interactions: MapInteractions;
  /** Each account's interactions as source, and as target, in the saved order. */
  private readonly outLinks: LinkRows;
  private readonly inLinks: LinkRows;
  /** Sorted first-hop edges by `direction:index`, least recently used first. */
  private readonly sortedEdges = new Map<string, WeightedEdge[]>();

  private constructor(
    info: MapInfo,
    accounts: AccountRecord[],
    communities: CommunityProfile[],
    interactions: MapInteractions,
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
    const kolIndex = new Int32Array(order.length);
    order.forEach((saved, index) => {
      kolIndex[saved] = index;
    });
    this.interactions = interactions.renumbered(kolIndex);
    this.outLinks = linkRows(this.interactions.source, this.accounts.length);
    this.inLinks = linkRows(this.interactions.target, this.accounts.length);
  }

  /**
   * Reads a ready map's files: the interactions from `interactions.bin`, or from
   * `interactions.jsonl` for maps saved before it. CorruptMapFileError names a file that cannot be read.
   */
  static async load(info: MapInfo, paths: MapPaths): Promise<LoadedMap> {
    const accounts: AccountRecord[] = [];
    let line = 0;
    await forEachLine(paths.accounts, (text) => {
      line++;
      accounts.push(parseLine(paths.accounts, line, text) as AccountRecord);
    });
    const interactions = (await exists(paths.interactions))
      ? await readInteractionsFile(paths.interactions, accounts.length)
      : await readInteractionLines(paths.interactionLines, accounts.length, info);
    const communities = await readJson<CommunityProfile[]>(paths.communities, []);
    return new LoadedMap(info, accounts, communities, interactions);
  }

  get map(): MapInfo {
    return this.info;
  }

  /**
   * Every account in KOL order and every interaction (see MapStore.readGraph): the loaded map
   * itself, so that whoever keeps the whole map keeps this one copy.
   */
  readGraph(): MapGraph {
    return this;
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
    const centre = this.indexOf(key);
    const direction = this.info.directed ? query.direction : 'both';
    const first = this.sortedEdgesOf(centre, direction);
    let truncated = first.length > query.maxEdges;
    const kept = first.slice(0, query.maxEdges);
    const edges = [...kept];
    if (query.hops === 2) {
      const reached = new Set<number>();
      for (const edge of kept) {
        for (const end of this.endsOf(edge.edge)) if (end !== centre) reached.add(end);
      }
      const seen = new Set<number>();
      const second: WeightedEdge[] = [];
      for (const neighbour of reached) {
        for (const edge of this.edgesOf(neighbour, direction)) {
          const [source, target] = this.endsOf(edge.edge);
          if (source === centre || target === centre || seen.has(edge.edge)) continue;
          seen.add(edge.edge);
          second.push(edge);
        }
      }
      second.sort(compareEdgesByWeight);
      const room = query.maxEdges - kept.length;
      if (second.length > room) truncated = true;
      edges.push(...second.slice(0, room));
    }
    const others = new Set<number>();
    for (const edge of edges) {
      for (const end of this.endsOf(edge.edge)) if (end !== centre) others.add(end);
    }
    // Account indexes are in KOL order.
    const neighbours = [...others].sort((a, b) => a - b).map((index) => this.accounts[index]);
    return {
      nodes: [this.accounts[centre] as AccountRecord, ...(neighbours as AccountRecord[])],
      edges: edges.map(({ source, target, attributes }) => ({ source, target, attributes })),
      truncated,
    };
  }

  private indexOf(key: string): number {
    const index = this.indexByKey.get(key);
    if (index === undefined) throw new AccountNotFoundError(this.info.id, key);
    return index;
  }

  /** The account indexes at the ends of interaction `edge`: source, target. */
  private endsOf(edge: number): [number, number] {
    return [this.interactions.source[edge] as number, this.interactions.target[edge] as number];
  }

  /**
   * `edgesOf` heaviest first, kept for the accounts asked about lately: the hubs people open most
   * have tens of thousands of edges, too many to sort on every request.
   */
  private sortedEdgesOf(node: number, direction: 'in' | 'out' | 'both'): WeightedEdge[] {
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

  /** The edges of `node` in a direction, with their weight (absent weights count as 1). */
  private edgesOf(node: number, direction: 'in' | 'out' | 'both'): WeightedEdge[] {
    const edges: WeightedEdge[] = [];
    if (direction !== 'in') {
      for (const edge of rowOf(this.outLinks, node)) edges.push(this.weightedEdge(edge));
    }
    if (direction !== 'out') {
      for (const edge of rowOf(this.inLinks, node)) {
        // A self-loop is among the out-edges already.
        if (direction === 'both' && this.interactions.source[edge] === node) continue;
        edges.push(this.weightedEdge(edge));
      }
    }
    return edges;
  }

  private weightedEdge(edge: number): WeightedEdge {
    return { edge, ...this.interactionRecord(edge), weight: this.interactions.weight(edge) };
  }

  private interactionRecord(edge: number): InteractionRecord {
    const [source, target] = this.endsOf(edge);
    return {
      source: (this.accounts[source] as AccountRecord).key,
      target: (this.accounts[target] as AccountRecord).key,
      attributes: this.interactions.attributes(edge),
    };
  }

  /** The accounts at the other end of `node`'s edges in a direction (repeated when linked twice). */
  private *neighboursOf(node: number, direction: 'in' | 'out' | 'both'): Generator<number> {
    if (direction !== 'in') {
      for (const edge of rowOf(this.outLinks, node)) yield this.interactions.target[edge] as number;
    }
    if (direction !== 'out') {
      for (const edge of rowOf(this.inLinks, node)) yield this.interactions.source[edge] as number;
    }
  }

  /** A shortest path by breadth-first search from both ends, at most PATH_MAX_HOPS edges. */
  path(fromKey: string, toKey: string, undirected: boolean): AccountPath | null {
    const from = this.indexOf(fromKey);
    const to = this.indexOf(toKey);
    const directed = this.info.directed && !undirected;
    const accountAt = (index: number) => this.accounts[index] as AccountRecord;
    if (from === to) return { nodes: [accountAt(from)], edges: [], directed };
    const parentsForward = new Map<number, number>([[from, -1]]);
    const parentsBackward = new Map<number, number>([[to, -1]]);
    let frontierForward = [from];
    let frontierBackward = [to];
    let meeting: number | undefined;
    for (let hops = 0; hops < PATH_MAX_HOPS && meeting === undefined; hops++) {
      if (frontierForward.length === 0 || frontierBackward.length === 0) return null;
      const expandForward = frontierForward.length <= frontierBackward.length;
      const frontier = expandForward ? frontierForward : frontierBackward;
      const parents = expandForward ? parentsForward : parentsBackward;
      const others = expandForward ? parentsBackward : parentsForward;
      const direction = !directed ? 'both' : expandForward ? 'out' : 'in';
      const next: number[] = [];
      for (const node of frontier) {
        for (const neighbour of this.neighboursOf(node, direction)) {
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
    const nodes: number[] = [];
    for (let node = meeting; node !== -1; node = parentsForward.get(node) as number) {
      nodes.unshift(node);
    }
    for (let node = parentsBackward.get(meeting) as number; node !== -1; ) {
      nodes.push(node);
      node = parentsBackward.get(node) as number;
    }
    const edges: InteractionRecord[] = [];
    for (let i = 0; i + 1 < nodes.length; i++) {
      edges.push(
        this.interactionRecord(
          this.edgeBetween(nodes[i] as number, nodes[i + 1] as number, directed),
        ),
      );
    }
    return { nodes: nodes.map(accountAt), edges, directed };
  }

  /** The edge source→target (or, when undirected, target→source) with the greatest weight. */
  private edgeBetween(source: number, target: number, directed: boolean): number {
    let best = -1;
    const consider = (from: number, to: number) => {
      for (const edge of rowOf(this.outLinks, from)) {
        if (this.interactions.target[edge] !== to) continue;
        if (best === -1 || this.interactions.weight(edge) > this.interactions.weight(best)) {
          best = edge;
        }
      }
    };
    consider(source, target);
    if (!directed) consider(target, source);
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

/** Compressed rows of the interactions by one of their ends (`ends[i]` is interaction i's end). */
function linkRows(ends: Int32Array, accounts: number): LinkRows {
  const offsets = new Int32Array(accounts + 1);
  for (const end of ends) offsets[end + 1] = (offsets[end + 1] as number) + 1;
  for (let a = 0; a < accounts; a++)
    offsets[a + 1] = (offsets[a + 1] as number) + (offsets[a] as number);
  const next = offsets.slice(0, accounts);
  const links = new Int32Array(ends.length);
  for (let edge = 0; edge < ends.length; edge++) {
    const end = ends[edge] as number;
    links[next[end] as number] = edge;
    next[end] = (next[end] as number) + 1;
  }
  return { offsets, links };
}

/** The interactions of account `node` in `rows`. */
function rowOf({ offsets, links }: LinkRows, node: number): Int32Array {
  return links.subarray(offsets[node] as number, offsets[node + 1] as number);
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** One line of a JSON-lines file, CorruptMapFileError naming the file and line when it is not JSON. */
function parseLine(file: string, line: number, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new CorruptMapFileError(file, `line ${line} is not JSON`);
  }
}

/**
 * The interactions of a map saved before `interactions.bin`: `[sourceIndex, targetIndex,
 * attributes]` per line of `interactions.jsonl`, as many as the manifest counts.
 */
async function readInteractionLines(
  file: string,
  accounts: number,
  info: MapInfo,
): Promise<MapInteractions> {
  const count = info.counts.interactions;
  const builder = new MapInteractionsBuilder(count);
  let line = 0;
  await forEachLine(file, (text) => {
    line++;
    const row = parseLine(file, line, text);
    if (line > count)
      throw new CorruptMapFileError(file, `it has more than the ${count} interactions of the map`);
    const [source, target, attributes] = Array.isArray(row) ? row : [];
    if (!isAccountIndex(source, accounts) || !isAccountIndex(target, accounts)) {
      throw new CorruptMapFileError(file, `line ${line} does not name two of the map's accounts`);
    }
    builder.add(source, target, (attributes ?? {}) as InteractionAttributes);
  });
  if (line !== count) {
    throw new CorruptMapFileError(file, `it has ${line} of the map's ${count} interactions`);
  }
  return builder.build();
}

function isAccountIndex(value: unknown, accounts: number): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) < accounts;
}
