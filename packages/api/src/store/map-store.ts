// The map store contract: what the API asks of a store, one facade (MapStore) over one interface
// per resource, implemented by Neo4jMapStore (neo4j/) and EmbeddedMapStore (embedded/) and checked
// against both by one contract test suite (test/store/map-store.contract.ts).
import { randomBytes } from 'node:crypto';
import type {
  ListeningInfo,
  ListeningPostRow,
  PvCase,
  PvCaseChange,
  PvReviewer,
} from '@kolmap/core';
import type {
  AccountRecord,
  CommunityProfile,
  FindKolsQuery,
  InteractionRecord,
  MapInfo,
  MapSummary,
} from '@kolmap/model';
import { z } from 'zod';
import type { PvCaseCounts, PvCaseQuery } from './listening-model.js';
import type { MapInteractions } from './map-interactions.js';
import type { SaveMapInput } from './map-model.js';
import type { CommunityQuery, EgoQuery, PathQuery } from './queries.js';

/**
 * A whole map: every account (KOL order), every interaction (in columns, their ends as indexes
 * into `accounts`) and the community profiles.
 */
export interface MapGraph {
  map: MapInfo;
  accounts: AccountRecord[];
  interactions: MapInteractions;
  communities: CommunityProfile[];
}

/** A page of results and the cursor of the next one (null on the last page). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A community's profile and its first members in KOL order. */
export interface CommunityDetail {
  profile: CommunityProfile;
  members: AccountRecord[];
}

/** An account's neighbourhood, capped by weight (see `egoQuerySchema` for how edges are chosen). */
export interface EgoNetwork {
  /** The account first, then the other endpoints in KOL order. */
  nodes: AccountRecord[];
  /** Heaviest first (ties: source key, then target key), first-hop edges before second-hop ones. */
  edges: InteractionRecord[];
  /** Whether edges were left out by `maxEdges`. */
  truncated: boolean;
}

/** An account with every metric and its score breakdown, and its ego network. */
export interface AccountDetail {
  account: AccountRecord;
  ego: EgoNetwork;
}

/** A shortest path: `nodes[0]` is `from`, the last is `to`; `edges[i]` joins nodes i and i+1. */
export interface AccountPath {
  nodes: AccountRecord[];
  /** The stored edges, in their stored direction (which may run backwards when undirected). */
  edges: InteractionRecord[];
  /** Whether the search followed edge direction. */
  directed: boolean;
}

export const SHORTLIST_MAX_ACCOUNTS = 10_000;

const filtersSchema = z.record(z.string(), z.json());

/** What `shortlists.save` takes. Every account key must be an account of the map. */
export const saveShortlistInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  accountKeys: z.array(z.string().min(1)).max(SHORTLIST_MAX_ACCOUNTS),
  /** The filters the shortlist was built with (as the client sent them), kept for the record. */
  filters: filtersSchema.default({}),
  createdBy: z.string().trim().min(1).max(200),
});
export type SaveShortlistInput = z.input<typeof saveShortlistInputSchema>;

export interface ShortlistSummary {
  id: string;
  mapId: string;
  name: string;
  filters: Record<string, unknown>;
  createdBy: string;
  createdAt: string;
  size: number;
}

export interface Shortlist extends ShortlistSummary {
  /** In the order given, duplicates removed. */
  accountKeys: string[];
}

/** What `audit.append` takes: who exported what from which map, with which filters, when. */
export const exportAuditInputSchema = z.strictObject({
  mapId: z.string().min(1),
  actor: z.string().trim().min(1).max(200),
  what: z.string().trim().min(1).max(500),
  filters: filtersSchema.default({}),
  /** ISO 8601 date-time; default now. */
  at: z.iso.datetime({ offset: true }).optional(),
});
export type ExportAuditInput = z.input<typeof exportAuditInputSchema>;

export interface ExportAuditEntry {
  id: string;
  mapId: string;
  actor: string;
  what: string;
  filters: Record<string, unknown>;
  at: string;
}

/** Progress of a save, reported after each written batch. */
export interface SaveProgress {
  mapId: string;
  stage: 'accounts' | 'interactions' | 'communities' | 'listening';
  done: number;
  total: number;
}

export interface SaveMapOptions {
  /**
   * Called once the map exists (stage `accounts`, done 0: its id is known, its status `building`),
   * then after each written batch. If it throws (or rejects), the save stops: the map is marked
   * `failed` with the error's message as reason, its partial data removed, and the error rethrown.
   */
  onProgress?: (progress: SaveProgress) => void | Promise<void>;
}

export interface ListMapsOptions {
  /**
   * Also list maps whose save (or, in Neo4j, whose delete) has not finished, with status
   * `building`. Default false.
   */
  includeBuilding?: boolean;
}

export interface GetMapOptions {
  /** Also give maps that are `building` or `failed`. Default false: only ready maps are found. */
  anyStatus?: boolean;
}

/**
 * The maps themselves: saved whole, listed, read, renamed, deleted. Maps are immutable snapshots:
 * only their name changes after the save.
 */
export interface MapsResource {
  /**
   * Validates and writes a map, with its listening when given; resolves once it is `ready`.
   * InvalidMapError writes nothing.
   */
  save(input: SaveMapInput, options?: SaveMapOptions): Promise<MapSummary>;
  /** Ready and failed maps (and building ones if asked), newest first (ties: id). */
  list(options?: ListMapsOptions): Promise<MapSummary[]>;
  get(mapId: string, options?: GetMapOptions): Promise<MapInfo>;
  rename(mapId: string, name: string): Promise<MapSummary>;
  /**
   * Deletes a map in any status, with its accounts, interactions, communities, shortlists and
   * listening (rows and pharmacovigilance cases), in batches (memory stays flat whatever the map's
   * size). The export audit log is kept.
   */
  delete(mapId: string): Promise<void>;
}

/** What a ready map holds: its accounts, interactions and communities, read in every useful way. */
export interface AccountsResource {
  /**
   * The whole map, for drawing and exports: accounts in KOL order, interactions in no promised
   * order, community profiles largest first. Holds the map in memory: meant for maps a viewer can draw.
   */
  readGraph(mapId: string): Promise<MapGraph>;
  /** Accounts in KOL order (score descending, key ascending), filtered, one page at a time. */
  findKols(mapId: string, query?: FindKolsQuery): Promise<Page<AccountRecord>>;
  /** Community profiles, largest first (ties: id). */
  listCommunities(mapId: string): Promise<CommunityProfile[]>;
  getCommunity(
    mapId: string,
    communityId: number,
    query?: CommunityQuery,
  ): Promise<CommunityDetail>;
  /** An account with every metric and its ego network (AccountNotFoundError when it is not one). */
  get(mapId: string, key: string, query?: EgoQuery): Promise<AccountDetail>;
  /** A shortest path from `fromKey` to `toKey`, or null when there is none within PATH_MAX_HOPS. */
  findPath(
    mapId: string,
    fromKey: string,
    toKey: string,
    query?: PathQuery,
  ): Promise<AccountPath | null>;
  /** Accounts by name or handle, case- and accent-insensitive (see `searchQuerySchema`). */
  search(mapId: string, q: string, limit?: number): Promise<AccountRecord[]>;
}

/** Shortlists saved with a map (deleted with it). */
export interface ShortlistsResource {
  /** Saves a shortlist of accounts of the map (AccountNotFoundError names the first that is not). */
  save(mapId: string, input: SaveShortlistInput): Promise<Shortlist>;
  /** The map's shortlists, newest first. */
  list(mapId: string): Promise<ShortlistSummary[]>;
  get(mapId: string, shortlistId: string): Promise<Shortlist>;
}

/** The listening saved with a map analysed with a watch list. */
export interface ListeningResource {
  /**
   * The listening saved with a ready map (watch list, counts, topics, thematic communities), or null
   * when the map was analysed without a watch list.
   */
  find(mapId: string): Promise<ListeningInfo | null>;
  /** Every listened post row of the map, in the saved order (ListeningNotFoundError without one). */
  readPosts(mapId: string): Promise<ListeningPostRow[]>;
}

/**
 * The pharmacovigilance review queue of a map's listening. Every method throws
 * ListeningNotFoundError when the map has no listening.
 */
export interface PvCasesResource {
  /**
   * Cases, oldest flagged post first (ties: case id), filtered by status, one page at a time (see
   * `pvCaseQuerySchema`).
   */
  list(mapId: string, query?: PvCaseQuery): Promise<Page<PvCase>>;
  /** How many cases are in each review status. */
  count(mapId: string): Promise<PvCaseCounts>;
  /** One case (PvCaseNotFoundError when the map has no such case). */
  get(mapId: string, caseId: string): Promise<PvCase>;
  /**
   * Applies a reviewer's change with core's review rules (`applyPvCaseChange`) to the case as stored,
   * in the write that saves it: changes of one case run one after the other, each on the case the one
   * before left, so none is lost. The audit trail only grows: stores append the new entries, never
   * rewrite the old ones. PvReviewConflictError (INVALID_REVIEW_CHANGE) when the rules forbid it,
   * and nothing is written.
   */
  update(
    mapId: string,
    caseId: string,
    change: PvCaseChange,
    reviewer: PvReviewer,
  ): Promise<PvCase>;
}

/** The export audit log: append-only, kept after its map is deleted. */
export interface ExportAuditResource {
  /** Records an export of a ready map. Nothing updates or deletes an entry. */
  append(input: ExportAuditInput): Promise<ExportAuditEntry>;
  /** The export log of a map, oldest first (by `at`, then id); kept after the map is deleted. */
  list(mapId: string): Promise<ExportAuditEntry[]>;
}

/**
 * A store of computed maps, one facade over its resources: `maps`, `accounts` (what a map holds),
 * `shortlists`, `listening`, `pvCases` and the export `audit` log.
 *
 * Visibility: a map is `building` while its save runs and becomes `ready` only once every account,
 * interaction and community is written; a save that fails is marked `failed` with the reason and
 * its partial data removed. A save interrupted without a chance to mark it (process killed, store
 * down) stays `building`. Only `ready` maps answer queries (`MapNotFoundError` otherwise);
 * `maps.list` hides `building` maps unless asked; `maps.delete` removes a map in any status. A
 * failed save is retried by saving again (a new id).
 *
 * Errors: `MapNotFoundError`, `AccountNotFoundError`, `CommunityNotFoundError`,
 * `ShortlistNotFoundError`, `ListeningNotFoundError`, `PvCaseNotFoundError` (code NOT_FOUND);
 * `InvalidMapError`, `InvalidQueryError` (INVALID_INPUT, naming the path of each problem);
 * `PvReviewConflictError` (INVALID_REVIEW_CHANGE); `StoreUnavailableError` (STORE_UNAVAILABLE,
 * retriable).
 */
export interface MapStore {
  readonly kind: 'neo4j' | 'embedded';
  readonly maps: MapsResource;
  readonly accounts: AccountsResource;
  readonly shortlists: ShortlistsResource;
  readonly listening: ListeningResource;
  readonly pvCases: PvCasesResource;
  readonly audit: ExportAuditResource;
  /** Prepares the store (Neo4j: constraints and indexes; embedded: folders). Idempotent. */
  init(): Promise<void>;
  /** Checks that the store answers; resolves with the round trip time, else StoreUnavailableError. */
  ping(): Promise<{ latencyMs: number }>;
  /** Releases connections and caches. The store is unusable afterwards. */
  close(): Promise<void>;
}

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
export const ID_LENGTH = 20;

/** A new random id: 20 characters of [0-9a-z] (about 103 bits), URL-safe. */
export function newId(): string {
  const bytes = randomBytes(ID_LENGTH);
  let id = '';
  for (const byte of bytes) id += ID_ALPHABET[byte % 36];
  return id;
}

/** Whether `id` could be an id of this store (checked before it reaches a query or a path). */
export function isStoreId(id: string): boolean {
  return id.length === ID_LENGTH && /^[0-9a-z]+$/.test(id);
}
