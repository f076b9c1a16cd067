// What the pipeline's listening step gives of a map's listening (docs/listening.md), as the stores
// keep it: the watch list it ran with, one row per listened post for the series (no text, no post
// id), the topics and thematic communities, and the pharmacovigilance review queue.

import type { Tone } from '../listen/compute-tonality.js';
import type { PvCase } from '../listen/review-queue.js';
import type { TopicCommunity } from '../listen/topic-communities.js';
import type { WatchList } from '../listen/watch-list.js';
import type { Platform } from '../schema/vocabulary.js';
import type { ShortlistRow } from '../shortlist/build-shortlist.js';

/**
 * One listened post as the series read it: when, on which platform, by whom, what it names (indices
 * into the watch list's brands and areas, products first, and into `ListeningInfo.topics`), its
 * tonality, its author's thematic community (described communities only) and KOL score.
 */
export interface ListeningPostRow {
  /** Milliseconds since the epoch. */
  time: number;
  platform: Platform;
  /** The author's account key. */
  author: string;
  brands: number[];
  areas: number[];
  topics: number[];
  /** −1…1; null without text. */
  tonality: number | null;
  tone: Tone | null;
  /** The author's thematic community, when it is one of `ListeningInfo.communities`. */
  community: number | null;
  /** KOL score of the author in the map (its actor's on maps per actor), null when unscored. */
  kolScore: number | null;
}

/** A topic (hashtag, area keyword or brand) and how many listened posts speak of it. */
export interface ListeningTopic {
  /** Folded key: "#sep", "thrombectomie", "clotavane". */
  key: string;
  /** As first written: "#SEP". */
  label: string;
  posts: number;
}

/** A thematic community with the accounts that lead it (do-not-contact list honoured). */
export interface ListeningCommunity extends TopicCommunity {
  leaders: ShortlistRow[];
}

/** What listening counted (see `kolmap listen`'s listening.json). */
export interface ListeningCounts {
  /** Posts in the upload. */
  read: number;
  /** Left out by the watch list's retention limits. */
  purged: number;
  /** Left out by the watch list's languages. */
  otherLanguages: number;
  listened: number;
  /** Listened posts naming a watched brand. */
  naming: number;
  /** Listened posts kept as rows: those naming a brand, an area or a topic. */
  rows: number;
  pvCases: number;
  /** Listened posts marketing outputs leave out: flagged posts and their reposts. */
  excludedFromMarketing: number;
}

/** Privacy mode as applied to the communities' top posts and leaders. */
export interface ListeningPrivacy {
  followerThreshold: number;
  publicActorTypes: string[];
  /** Accounts shown by pseudonym. */
  pseudonymised: number;
}

/** A map's listening without its rows and cases (what the stores give as `findListening`). */
export interface ListeningInfo {
  watch: WatchList;
  /** The date the retention limits counted back from (ISO 8601). */
  now: string;
  /** When listening ran (ISO 8601). */
  listenedAt: string;
  /** Seed of the thematic communities. */
  seed: number;
  counts: ListeningCounts;
  /** Every topic of the listened posts, most used first (ties: key). */
  topics: ListeningTopic[];
  /** Described thematic communities, largest first; top posts leave pharmacovigilance posts out. */
  communities: ListeningCommunity[];
  /** Topics too common to link accounts (see projectTopicGraph). */
  skippedTopics: string[];
  privacy: ListeningPrivacy | null;
  /**
   * The map nodes no shortlist lists: the accounts the watch list's do-not-contact list names (by
   * key or handle) with their actors' other accounts, as nodes of the map (actor nodes on maps per
   * actor). Sorted.
   */
  doNotContact: string[];
}

/** A map's listening whole: what a map is saved with when it was listened to. */
export interface MapListening extends ListeningInfo {
  posts: ListeningPostRow[];
  /** The review queue as opened (openPvCases), one case per flagged post. */
  pvCases: PvCase[];
}
