// The listening step of an analysis (docs/listening.md): retention, listening, thematic
// communities and their leaders, the pharmacovigilance review queue, privacy. Gives what the stores
// keep of it, the node attributes that let the viewer colour accounts by tonality and topic, and
// what `kolmap listen` writes its series, share of voice and marketing export from.
import type { ListeningTopic, ShortlistRow } from '@kolmap/model';
import type { AbstractGraph, Attributes } from 'graphology-types';
import { InvalidInputError } from '../errors.js';
import { DEFAULT_PRIVACY_OPTIONS, type PrivacyDefaults } from '../listen/compliance.js';
import { type ListenedPost, type Listening, listenToPosts } from '../listen/listen-to-posts.js';
import { isPrivateAccount, pseudonymOf } from '../listen/privacy.js';
import { type PurgeResult, purgeExpiredPosts } from '../listen/retention.js';
import { marketingExclusions, openPvCases } from '../listen/review-queue.js';
import {
  describeTopicCommunities,
  detectTopicCommunities,
  findCommunityLeaders,
  type TopicCommunityResult,
} from '../listen/topic-communities.js';
import type { WatchList } from '../listen/watch-list.js';
import type { AccountEntry, Dataset } from '../load/dataset.js';
import type { Post } from '../schema/records.js';
import type { ListeningCommunity, ListeningPostRow, MapListening } from './map-listening.js';

export interface ListenToDatasetOptions {
  /** The date the retention limits count back from (ISO 8601). */
  now: string;
  /** Seed of the thematic communities. */
  seed: number;
  /** Who is named on the new pharmacovigilance cases. */
  by: string;
  /** Secret of privacy-mode pseudonyms; needed when the watch list turns privacy on. */
  pseudonymKey: string | null;
  /** When listening runs, and the new cases are opened (ISO 8601). Default the current time. */
  listenedAt?: string;
}

/** What listening adds to a map node: its accounts' mean tonality, main topic and thematic community. */
export interface ListeningNodeAttributes {
  /** Mean tonality (−1…1) of the node's posts with one, reposts included. */
  tonality?: number;
  /** Label of the topic its posts name most (ties: topic key). */
  topic?: string;
  /** The described thematic community most of its posts come from (ties: lowest id). */
  topicCommunity?: number;
}

export interface ListenedDataset {
  /** What the stores keep of the listening. */
  listening: MapListening;
  /** By map node key. */
  nodeAttributes: Map<string, ListeningNodeAttributes>;
  /** The posts the retention limits kept, and how many they purged. */
  purge: PurgeResult<Post>;
  /** The kept posts as listened to (listenToPosts), for series, share of voice and exports. */
  posts: Listening;
  /** The thematic community of every author on a topic, described or not. */
  themes: TopicCommunityResult;
  /** Posts marketing outputs leave out: those with a pharmacovigilance case (marketingExclusions). */
  excluded: Set<string>;
}

/**
 * Listens to a dataset's posts for a watch list: purges the posts older than the watch list's
 * retention limits at `now`, listens (listenToPosts), finds the thematic communities (seed `seed`)
 * and who leads them in the scored `map` (do-not-contact list honoured), opens a review case per
 * flagged post, and leaves flagged posts out of the communities' top posts. In privacy mode, the top
 * posts' authors and the leaders that are private accounts (see isPrivateAccount; an account the
 * data does not describe counts as private) are shown by pseudonym only.
 *
 * @param map - the analysed graph of the same dataset (per account, or per actor).
 * @param options.listenedAt - default the current time.
 * @throws InvalidInputError (field `watch.compliance.privacy`) when privacy mode is on without a
 *   pseudonym key.
 */
export function listenToDataset(
  dataset: Dataset,
  map: AbstractGraph,
  watch: WatchList,
  options: ListenToDatasetOptions,
): ListenedDataset {
  const compliance = watch.compliance ?? {};
  const { pseudonymKey } = options;
  if (compliance.privacy && pseudonymKey === null) {
    throw new InvalidInputError({
      field: 'watch.compliance.privacy',
      message:
        'the watch list turns privacy mode on and no pseudonym key was given: give one, or leave compliance.privacy out',
    });
  }
  const listenedAt = options.listenedAt ?? new Date().toISOString();
  const purge = purgeExpiredPosts(dataset.posts, compliance.retentionDays ?? {}, options.now);
  const accounts = new Map<string, AccountEntry>(
    dataset.accounts.map((account) => [account.key, account]),
  );
  const listening = listenToPosts(purge.kept, watch, accounts);
  const themes = detectTopicCommunities(listening, { seed: options.seed });
  const pvCases = openPvCases(listening.pvFlags, { by: options.by, at: listenedAt });
  const excluded = marketingExclusions(pvCases);
  const described = describeTopicCommunities(listening, themes.partition, {
    excludedPosts: excluded,
  });
  const describedIds = new Set(described.map(({ id }) => id));
  const communityOf = (author: string): number | null => {
    const community = themes.partition[author];
    return community !== undefined && describedIds.has(community) ? community : null;
  };
  const nodeOf = accountNodes(map);
  const topics = topicTable(listening);
  const nodeAttributes = listeningNodeAttributes(listening, nodeOf, communityOf);
  const nodeCommunities: Record<string, number> = {};
  for (const [node, attributes] of nodeAttributes) {
    if (attributes.topicCommunity !== undefined) nodeCommunities[node] = attributes.topicCommunity;
  }
  const doNotContact = doNotContactNodes(compliance.doNotContact ?? [], dataset.accounts, nodeOf);
  const leaders = findCommunityLeaders(map, nodeCommunities, described, { doNotContact });
  let communities: ListeningCommunity[] = described.map((community) => ({
    ...community,
    leaders: leaders.get(community.id) ?? [],
  }));
  let privacy: MapListening['privacy'] = null;
  if (compliance.privacy && pseudonymKey !== null) {
    const settings: PrivacyDefaults = { ...DEFAULT_PRIVACY_OPTIONS, ...compliance.privacy };
    const shown = hidePrivateAccounts(communities, {
      key: pseudonymKey,
      settings,
      author: (key) => accounts.get(key),
      leader: (key) => (map.hasNode(key) ? map.getNodeAttributes(key) : undefined),
    });
    communities = shown.communities;
    privacy = {
      followerThreshold: settings.followerThreshold,
      publicActorTypes: [...settings.publicActorTypes],
      pseudonymised: shown.pseudonymised,
    };
  }
  const posts = postRows(listening, topics, communityOf, (author) => {
    const node = nodeOf.get(author);
    const score = node === undefined ? undefined : map.getNodeAttribute(node, 'kolScore');
    return typeof score === 'number' ? score : null;
  });
  return {
    listening: {
      watch,
      now: options.now,
      listenedAt,
      seed: options.seed,
      counts: {
        read: dataset.posts.length,
        purged: purge.purged,
        otherLanguages: listening.otherLanguages,
        listened: listening.posts.length,
        naming: listening.posts.filter((post) => post.brands.length > 0).length,
        rows: posts.length,
        pvCases: pvCases.length,
        excludedFromMarketing: listening.posts.filter(
          (post) =>
            excluded.has(post.key) || (post.repostOf !== null && excluded.has(post.repostOf)),
        ).length,
      },
      topics,
      communities,
      skippedTopics: themes.skippedTopics,
      privacy,
      doNotContact,
      posts,
      pvCases,
    },
    nodeAttributes,
    purge,
    posts: listening,
    themes,
    excluded,
  };
}

/** The map node of each account key: the account itself, or on maps per actor its actor's node. */
function accountNodes(map: AbstractGraph): Map<string, string> {
  const nodes = new Map<string, string>();
  map.forEachNode((node, attributes) => {
    if (Array.isArray(attributes.accounts)) {
      for (const account of attributes.accounts as string[]) nodes.set(account, node);
    } else {
      nodes.set(node, node);
    }
  });
  return nodes;
}

/**
 * The map nodes of the accounts a do-not-contact list names, by key or handle (with or without `@`,
 * any case, on every platform), and of their actors' other accounts: buildShortlist's rule, read on
 * the dataset's accounts so that maps per actor, whose nodes have no handle, honour it too.
 */
function doNotContactNodes(
  entries: readonly string[],
  accounts: readonly AccountEntry[],
  nodeOf: ReadonlyMap<string, string>,
): string[] {
  if (entries.length === 0) return [];
  const keys = new Set(entries);
  const handles = new Set(entries.map((entry) => entry.replace(/^@/, '').toLowerCase()));
  const actors = new Set<string>();
  const named = (account: AccountEntry) =>
    keys.has(account.key) ||
    (account.handle !== undefined && handles.has(account.handle.toLowerCase()));
  for (const account of accounts) {
    if (named(account) && account.actorId !== undefined) actors.add(account.actorId);
  }
  const nodes = new Set<string>();
  for (const account of accounts) {
    if (named(account) || (account.actorId !== undefined && actors.has(account.actorId))) {
      nodes.add(nodeOf.get(account.key) ?? account.key);
    }
  }
  return [...nodes].sort();
}

/** Every topic of the listened posts with its posts, most used first (ties: key). */
function topicTable(listening: Listening): ListeningTopic[] {
  const uses = new Map<string, number>();
  for (const post of listening.posts) {
    for (const topic of post.topics) uses.set(topic, (uses.get(topic) ?? 0) + 1);
  }
  return [...uses]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([key, posts]) => ({ key, label: listening.topicLabels.get(key) ?? key, posts }));
}

/** A row per listened post that names a brand, an area or a topic (the others count in no series). */
function postRows(
  listening: Listening,
  topics: readonly ListeningTopic[],
  communityOf: (author: string) => number | null,
  kolScoreOf: (author: string) => number | null,
): ListeningPostRow[] {
  const topicIndex = new Map(topics.map(({ key }, index) => [key, index]));
  const rows: ListeningPostRow[] = [];
  for (const post of listening.posts) {
    if (!Number.isFinite(post.time) || !speaksOfSomething(post)) continue;
    rows.push({
      time: post.time,
      platform: post.platform,
      author: post.author,
      brands: post.brands,
      areas: post.areas,
      topics: post.topics.map((topic) => topicIndex.get(topic) as number),
      tonality: post.tonality,
      tone: post.tone,
      community: communityOf(post.author),
      kolScore: kolScoreOf(post.author),
    });
  }
  return rows;
}

function speaksOfSomething(post: ListenedPost): boolean {
  return post.brands.length > 0 || post.areas.length > 0 || post.topics.length > 0;
}

/** Mean tonality, main topic and main thematic community of each map node that posted. */
function listeningNodeAttributes(
  listening: Listening,
  nodeOf: ReadonlyMap<string, string>,
  communityOf: (author: string) => number | null,
): Map<string, ListeningNodeAttributes> {
  const tallies = new Map<
    string,
    { toned: number; sum: number; topics: Map<string, number>; communities: Map<number, number> }
  >();
  for (const post of listening.posts) {
    const node = nodeOf.get(post.author);
    if (node === undefined) continue;
    let tally = tallies.get(node);
    if (!tally) {
      tally = { toned: 0, sum: 0, topics: new Map(), communities: new Map() };
      tallies.set(node, tally);
    }
    if (post.tonality !== null) {
      tally.toned++;
      tally.sum += post.tonality;
    }
    for (const topic of post.topics) tally.topics.set(topic, (tally.topics.get(topic) ?? 0) + 1);
    const community = communityOf(post.author);
    if (community !== null) {
      tally.communities.set(community, (tally.communities.get(community) ?? 0) + 1);
    }
  }
  const attributes = new Map<string, ListeningNodeAttributes>();
  for (const [node, tally] of tallies) {
    const topic = mostUsed(tally.topics);
    const community = mostUsed(tally.communities);
    attributes.set(node, {
      ...(tally.toned > 0 && { tonality: tally.sum / tally.toned }),
      ...(topic !== undefined && { topic: listening.topicLabels.get(topic) ?? topic }),
      ...(community !== undefined && { topicCommunity: community }),
    });
  }
  return attributes;
}

/** The key counted most, ties broken by the smallest key. */
function mostUsed<K extends string | number>(counts: ReadonlyMap<K, number>): K | undefined {
  let best: K | undefined;
  let most = 0;
  for (const [key, count] of counts) {
    if (count > most || (count === most && best !== undefined && key < best)) {
      best = key;
      most = count;
    }
  }
  return best;
}

/**
 * The communities with their private accounts shown by pseudonym: top posts' authors (accounts of the
 * data) and leaders (map nodes), whose name, handle and link are dropped.
 */
function hidePrivateAccounts(
  communities: readonly ListeningCommunity[],
  privacy: {
    key: string;
    settings: PrivacyDefaults;
    author: (key: string) => Pick<AccountEntry, 'actorType' | 'followers'> | undefined;
    leader: (key: string) => Attributes | undefined;
  },
): { communities: ListeningCommunity[]; pseudonymised: number } {
  const hidden = new Set<string>();
  const shown = (key: string, account: Attributes | undefined): string => {
    if (!isPrivateAccount(account ?? {}, privacy.settings)) return key;
    hidden.add(key);
    return pseudonymOf(key, privacy.key);
  };
  const result = communities.map((community) => ({
    ...community,
    topPosts: community.topPosts.map((post) => ({
      ...post,
      author: shown(post.author, privacy.author(post.author)),
    })),
    leaders: community.leaders.map((row): ShortlistRow => {
      const key = shown(row.key, privacy.leader(row.key));
      return key === row.key ? row : { ...row, key, name: null, handle: null, url: null };
    }),
  }));
  return { communities: result, pseudonymised: hidden.size };
}
