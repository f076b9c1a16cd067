// What the pipeline's listening step gives of a map's listening (docs/listening.md), as the stores
// keep it: the watch list it ran with, one row per listened post for the series (no text, no post
// id), the topics and thematic communities, and the pharmacovigilance review queue.

import type {
  ListeningCounts,
  ListeningPrivacy,
  ListeningTopic,
  Platform,
  ShortlistRow,
  Tone,
} from '@kolmap/model';
import type { PvCase } from '../listen/review-queue.js';
import type { TopicCommunity } from '../listen/topic-communities.js';
import type { WatchList } from '../listen/watch-list.js';

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

/** A thematic community with the accounts that lead it (do-not-contact list honoured). */
export interface ListeningCommunity extends TopicCommunity {
  leaders: ShortlistRow[];
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
