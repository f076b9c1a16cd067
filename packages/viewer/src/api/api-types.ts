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
  /** Mean tonality (−1…1) of the account's posts (maps analysed with a watch list). */
  tonality?: number;
  /** Label of the topic its posts name most. */
  topic?: string;
  /** The thematic community (an id of `/topics`) most of its posts come from. */
  topicCommunity?: number;
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

/** What the listening series are of. */
export const LISTENING_DIMENSIONS = ['brand', 'area', 'topic', 'community'] as const;
export type ListeningDimension = (typeof LISTENING_DIMENSIONS)[number];

/** The periods the listening series are counted per. */
export const LISTENING_PERIODS = ['day', 'week', 'month'] as const;
export type ListeningPeriod = (typeof LISTENING_PERIODS)[number];

/** Posts of one series (a brand, area, topic or thematic community) in one period. */
export interface ListeningSeriesRow {
  /** `2024-03`, `2024-03-04` (a week, from its Monday), `2024-03-05`. */
  period: string;
  dimension: ListeningDimension;
  key: string;
  label: string;
  posts: number;
  positive: number;
  neutral: number;
  negative: number;
  /** Mean tonality of the posts (−1…1), null without posts. */
  tonality: number | null;
  netTonality: number | null;
}

/** One brand's share of the posts naming a brand in one period, by posts and by authors' KOL scores. */
export interface ShareOfVoiceRow {
  period: string;
  brand: string;
  own: boolean;
  posts: number;
  share: number;
  weighted: number;
  weightedShare: number;
}

export interface ListeningBrand {
  name: string;
  /** The laboratory's own product (else a competitor's). */
  own: boolean;
  therapeuticArea: string | null;
}

/** `GET /maps/:id/listening`. */
export interface Listening {
  by: ListeningDimension;
  period: ListeningPeriod | 'all';
  watchList: string | null;
  now: string;
  listenedAt: string;
  counts: { listened: number; rows: number; pvCases: number; excludedFromMarketing: number };
  brands: ListeningBrand[];
  areas: string[];
  series: ListeningSeriesRow[];
  shareOfVoice: ShareOfVoiceRow[];
}

/** An account leading a thematic community. */
export interface TopicLeader {
  key: string;
  name: string | null;
  handle: string | null;
  actorType: string | null;
  kolScore: number;
  role: string | null;
}

/** A post that spread most in a thematic community (its text is not kept). */
export interface TopPost {
  key: string;
  /** The author's account key. */
  author: string;
  createdAt: string;
  reposts: number;
  replies: number;
  tone: 'positive' | 'neutral' | 'negative' | null;
}

/** Accounts linked by the topics they share, with what they talk about and who leads them. */
export interface ThematicCommunity {
  id: number;
  label: string;
  accounts: number;
  posts: number;
  positive: number;
  neutral: number;
  negative: number;
  tonality: number | null;
  topTerms: Array<{ topic: string; label: string; posts: number; share: number }>;
  topPosts: TopPost[];
  leaders: TopicLeader[];
}

/** `GET /maps/:id/topics`. */
export interface Topics {
  topics: Array<{ key: string; label: string; posts: number }>;
  communities: ThematicCommunity[];
}

/** The review statuses of a pharmacovigilance case, in the order a case goes through them. */
export const PV_STATUSES = ['new', 'in_review', 'reported', 'dismissed'] as const;
export type PvStatus = (typeof PV_STATUSES)[number];

/** One line of a case's audit trail. */
export interface PvAuditEntry {
  at: string;
  by: string;
  action: 'flagged' | 'status' | 'assignee' | 'note';
  from: string | null;
  to: string | null;
  note: string | null;
}

/** A post that may report an adverse event or a quality complaint, and its review. */
export interface PvCase {
  /** The flagged post's key. */
  id: string;
  flag: {
    post: string;
    platform: string;
    /** The author's account key: the reporter. */
    author: string;
    createdAt: string;
    language: string | null;
    text: string;
    kinds: string[];
    criteria: {
      reporter: string;
      patient: 'named' | 'author';
      patientWords: string[];
      products: string[];
      events: string[];
    };
  };
  status: PvStatus;
  /** The status changes the review rules allow now, and whether each needs a note. */
  allowedChanges: Array<{ status: PvStatus; needsNote: boolean }>;
  assignee: string | null;
  /** Oldest first. */
  history: PvAuditEntry[];
}

export interface PvCasePage {
  items: PvCase[];
  nextCursor: string | null;
  /** How many of the map's cases are in each status, whatever the filter. */
  byStatus: Record<PvStatus, number>;
}

/** A reviewer's change to a case. */
export interface PvCaseChange {
  status?: PvStatus;
  /** Null unassigns. */
  assignee?: string | null;
  note?: string;
}

/** The caller of the API (`GET /api/v1/me`). */
export interface Caller {
  name: string;
  role: 'viewer' | 'analyst' | 'admin';
}
