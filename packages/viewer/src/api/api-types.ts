// The shapes the viewer reads from kolmap's HTTP API (`/api/v1`), as the API writes them.

export type MapStatus = 'building' | 'ready' | 'failed';

export interface MapCounts {
  accounts: number;
  interactions: number;
  communities: number;
}

export interface MapSummary {
  id: string;
  name: string;
  status: MapStatus;
  reason?: string;
  createdAt: string;
  readyAt?: string;
  directed: boolean;
  counts: MapCounts;
}

export interface MapInfo extends MapSummary {
  params: Record<string, unknown>;
  provenance: Record<string, unknown>;
  attributes: Record<string, unknown>;
}

/** An account as the analysis describes it; every field may be missing. */
export interface AccountAttributes {
  name?: string;
  handle?: string;
  platform?: string;
  /** Platforms of an actor's merged accounts (maps projected on actors). */
  platforms?: string[];
  /** Keys of an actor's merged accounts (maps projected on actors). */
  accounts?: string[];
  actorType?: string;
  language?: string;
  country?: string;
  specialty?: string;
  bio?: string;
  url?: string;
  verified?: boolean;
  followers?: number;
  community?: number;
  communityLabel?: string;
  kolScore?: number;
  scoreBreakdown?: Record<string, number>;
  rank?: number;
  communityRank?: number;
  role?: string;
  pagerank?: number;
  inStrength?: number;
  outStrength?: number;
  inDegree?: number;
  outDegree?: number;
  x?: number;
  y?: number;
  [name: string]: unknown;
}

export interface AccountRecord {
  key: string;
  attributes: AccountAttributes;
}

export interface InteractionAttributes {
  weight?: number;
  count?: number;
  [name: string]: unknown;
}

export interface InteractionRecord {
  source: string;
  target: string;
  attributes: InteractionAttributes;
}

/** A member named in a community profile: its key, or the key with a few attributes. */
export type CommunityMember = string | { key: string; name?: string; handle?: string };

/** A share of a community's members having one value (`actorTypes`, `platforms`…). */
export interface ValueShare {
  value: string;
  count: number;
  share: number;
}

export interface CommunityProfile {
  id: number;
  label?: string;
  size?: number;
  topMembers?: CommunityMember[];
  actorTypes?: ValueShare[];
  /** The group the analysis draws the community in: its own (the largest ones), or `'other'`. */
  displayGroup?: number | 'other';
  [name: string]: unknown;
}

/** `graph.export()` of a map, with the community profiles in its attributes. */
export interface SerializedMapGraph {
  attributes: { communities?: CommunityProfile[]; [name: string]: unknown };
  options: { type: 'directed' | 'undirected'; multi: boolean; allowSelfLoops: boolean };
  nodes: Array<{ key: string; attributes?: AccountAttributes }>;
  edges: Array<{
    key?: string;
    source: string;
    target: string;
    attributes?: InteractionAttributes;
    undirected?: boolean;
  }>;
}

export interface MapGraphResponse {
  map: MapSummary;
  graph: SerializedMapGraph;
}

export interface AccountDetail {
  account: AccountRecord;
  ego: { nodes: AccountRecord[]; edges: InteractionRecord[]; truncated: boolean };
}

export interface Shortlist {
  id: string;
  mapId: string;
  name: string;
  filters: Record<string, unknown>;
  createdBy: string;
  createdAt: string;
  size: number;
  accountKeys: string[];
}
