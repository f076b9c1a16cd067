// Thematic communities: the account × topic bipartite graph, its projection on accounts (accounts
// linked by the topics they share), the communities of that projection, and what each says — its top
// terms, the posts that spread most, and who leads it (a shortlist, so the do-not-contact list holds).
// Projection weights after Newman (2001), "Scientific collaboration networks. II", Phys. Rev. E 64,
// 016132: a topic used by n accounts adds 1/(n − 1) to each pair of them, so a niche topic binds more
// than a hashtag everyone uses. Term scores are tf-idf (Salton & Buckley 1988).

import type { ShortlistRow, Tone } from '@kolmap/model';
import { DirectedGraph, UndirectedGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import {
  type CommunityOptions,
  detectCommunities,
} from '../analyze/communities/detect-communities.js';
import { buildShortlist } from '../shortlist/build-shortlist.js';
import type { Listening } from './listen-to-posts.js';

/** Prefix of topic node keys in the bipartite graph: `topic:#sep`. */
export const TOPIC_NODE_PREFIX = 'topic:';

/**
 * The account × topic bipartite graph: account nodes (their key, `part: 'account'`), topic nodes
 * (`topic:<key>`, `part: 'topic'`, `label`), and an undirected edge between an account and each topic
 * it posted about, `weight` = its posts on the topic (reposts included).
 */
export function buildTopicGraph(listening: Listening): UndirectedGraph {
  const graph = new UndirectedGraph();
  for (const post of listening.posts) {
    if (post.topics.length === 0) continue;
    graph.mergeNode(post.author, { part: 'account' });
    for (const topic of post.topics) {
      const node = `${TOPIC_NODE_PREFIX}${topic}`;
      graph.mergeNode(node, { part: 'topic', label: listening.topicLabels.get(topic) ?? topic });
      graph.updateEdge(post.author, node, (attributes: { weight?: number }) => ({
        weight: (attributes.weight ?? 0) + 1,
      }));
    }
  }
  return graph;
}

export interface ProjectionOptions {
  /**
   * Topics used by more accounts than this are left out of the projection (they would add n²/2 links
   * and bind everyone alike). Default 2000.
   */
  maxAccountsPerTopic: number;
}

export const DEFAULT_PROJECTION_OPTIONS: Readonly<ProjectionOptions> = Object.freeze({
  maxAccountsPerTopic: 2000,
});

/**
 * Projects the bipartite topic graph on its accounts: an undirected edge between two accounts that
 * share topics, `weight` = Σ over shared topics of 1/(n − 1), n the topic's accounts (Newman 2001).
 * Every account of the bipartite graph is a node, linked or not.
 *
 * @returns the projection and the topics left out (more than `maxAccountsPerTopic` accounts).
 */
export function projectTopicGraph(
  bipartite: AbstractGraph,
  options: Partial<ProjectionOptions> = {},
): { graph: UndirectedGraph; skippedTopics: string[] } {
  const { maxAccountsPerTopic } = { ...DEFAULT_PROJECTION_OPTIONS, ...options };
  const accounts: string[] = [];
  const index = new Map<string, number>();
  bipartite.forEachNode((node, attributes) => {
    if (attributes.part !== 'account') return;
    index.set(node, accounts.length);
    accounts.push(node);
  });
  const weights = new Map<number, number>();
  const size = accounts.length;
  const skippedTopics: string[] = [];
  bipartite.forEachNode((node, attributes) => {
    if (attributes.part !== 'topic') return;
    const members = bipartite.neighbors(node).map((account) => index.get(account) as number);
    const n = members.length;
    if (n < 2) return;
    if (n > maxAccountsPerTopic) {
      skippedTopics.push(node.slice(TOPIC_NODE_PREFIX.length));
      return;
    }
    members.sort((a, b) => a - b);
    const share = 1 / (n - 1);
    for (let i = 0; i < n; i++) {
      const base = (members[i] as number) * size;
      for (let j = i + 1; j < n; j++) {
        const pair = base + (members[j] as number);
        weights.set(pair, (weights.get(pair) ?? 0) + share);
      }
    }
  });
  const graph = new UndirectedGraph();
  for (const account of accounts) graph.addNode(account);
  for (const [pair, weight] of weights) {
    graph.addEdge(accounts[Math.floor(pair / size)], accounts[pair % size], { weight });
  }
  return { graph, skippedTopics };
}

export interface TopicCommunityResult {
  /** Community of each account that posted on a topic. */
  partition: Record<string, number>;
  count: number;
  modularity: number;
  skippedTopics: string[];
}

/**
 * Thematic communities: the communities (detectCommunities, default Leiden, seed 42) of the accounts
 * projected from the bipartite topic graph. Accounts sharing no topic with anyone are communities of
 * their own.
 */
export function detectTopicCommunities(
  listening: Listening,
  options: Partial<CommunityOptions> & Partial<ProjectionOptions> = {},
): TopicCommunityResult {
  const { maxAccountsPerTopic, ...communityOptions } = options;
  const { graph, skippedTopics } = projectTopicGraph(
    buildTopicGraph(listening),
    maxAccountsPerTopic === undefined ? {} : { maxAccountsPerTopic },
  );
  const result = detectCommunities(graph, communityOptions);
  return {
    partition: result.partition,
    count: result.count,
    modularity: result.modularity,
    skippedTopics,
  };
}

/** A term of a community and how much it is its own. */
export interface CommunityTerm {
  topic: string;
  label: string;
  /** Posts of the community's members on the topic. */
  posts: number;
  /** posts / the community's posts with a topic. */
  share: number;
  /** tf-idf: share × (ln((1 + C) / (1 + c)) + 1), c of the C described communities using it. */
  score: number;
}

/** A post that spread: reposts and replies it received. */
export interface SpreadPost {
  key: string;
  author: string;
  createdAt: string;
  reposts: number;
  replies: number;
  tone: Tone | null;
}

/** What a thematic community talks about and which of its messages spread. */
export interface TopicCommunity {
  id: number;
  /** Its three best terms. */
  label: string;
  accounts: number;
  /** Posts by its members (reposts included). */
  posts: number;
  positive: number;
  neutral: number;
  negative: number;
  /** Mean tonality (−1…1) of its posts with text; null when none has. */
  tonality: number | null;
  topTerms: CommunityTerm[];
  /** Its members' own posts (not reposts) by reposts + replies received, then key. */
  topPosts: SpreadPost[];
}

export interface DescribeOptions {
  /** Communities with fewer accounts are not described. Default 5. */
  minAccounts: number;
  /** Terms per community. Default 10. */
  topTerms: number;
  /** Posts per community. Default 5. */
  topPosts: number;
  /** Post keys never shown (e.g. the pharmacovigilance exclusions, see marketingExclusions). */
  excludedPosts: ReadonlySet<string>;
}

export const DEFAULT_DESCRIBE_OPTIONS: Readonly<DescribeOptions> = Object.freeze({
  minAccounts: 5,
  topTerms: 10,
  topPosts: 5,
  excludedPosts: new Set<string>(),
});

/**
 * Describes thematic communities from their members' posts: volume, tonality, top terms (by tf-idf
 * across the described communities, each community one document) and top posts (the messages that
 * spread: most reposts and replies received). Largest communities first.
 *
 * @param partition - community of each author (see detectTopicCommunities).
 */
export function describeTopicCommunities(
  listening: Listening,
  partition: Readonly<Record<string, number>>,
  options: Partial<DescribeOptions> = {},
): TopicCommunity[] {
  const resolved = { ...DEFAULT_DESCRIBE_OPTIONS, ...options };
  const members = new Map<number, number>();
  for (const community of Object.values(partition)) {
    members.set(community, (members.get(community) ?? 0) + 1);
  }
  const described = new Map<number, Draft>();
  for (const [id, accounts] of members) {
    if (accounts >= resolved.minAccounts) described.set(id, emptyDraft(id, accounts));
  }
  for (const post of listening.posts) {
    const community = partition[post.author];
    const draft = community === undefined ? undefined : described.get(community);
    if (!draft) continue;
    draft.posts++;
    if (post.tone !== null && post.tonality !== null) {
      draft[post.tone]++;
      draft.toned++;
      draft.scoreSum += post.tonality;
    }
    if (post.topics.length > 0) draft.topical++;
    for (const topic of post.topics) draft.terms.set(topic, (draft.terms.get(topic) ?? 0) + 1);
    if (post.repostOf === null && !resolved.excludedPosts.has(post.key)) {
      draft.candidates.push({
        key: post.key,
        author: post.author,
        createdAt: post.createdAt,
        reposts: post.reposts,
        replies: post.replies,
        tone: post.tone,
      });
    }
  }
  const usedBy = new Map<string, number>();
  for (const draft of described.values()) {
    for (const topic of draft.terms.keys()) usedBy.set(topic, (usedBy.get(topic) ?? 0) + 1);
  }
  const total = described.size;
  return [...described.values()]
    .sort((a, b) => b.accounts - a.accounts || a.id - b.id)
    .map((draft) => {
      const terms = [...draft.terms].map(([topic, posts]): CommunityTerm => {
        const share = draft.topical > 0 ? posts / draft.topical : 0;
        const idf = Math.log((1 + total) / (1 + (usedBy.get(topic) ?? 0))) + 1;
        return {
          topic,
          label: listening.topicLabels.get(topic) ?? topic,
          posts,
          share,
          score: share * idf,
        };
      });
      terms.sort((a, b) => b.score - a.score || b.posts - a.posts || (a.topic < b.topic ? -1 : 1));
      const topTerms = terms.slice(0, resolved.topTerms);
      const topPosts = draft.candidates
        .sort((a, b) => b.reposts + b.replies - (a.reposts + a.replies) || (a.key < b.key ? -1 : 1))
        .slice(0, resolved.topPosts);
      return {
        id: draft.id,
        label: topTerms
          .slice(0, 3)
          .map((term) => term.label)
          .join(' · '),
        accounts: draft.accounts,
        posts: draft.posts,
        positive: draft.positive,
        neutral: draft.neutral,
        negative: draft.negative,
        tonality: draft.toned > 0 ? draft.scoreSum / draft.toned : null,
        topTerms,
        topPosts,
      };
    });
}

/**
 * Who leads each thematic community: a shortlist per community (buildShortlist, top mode) of its members
 * found in a scored map, by KOL score, honouring the do-not-contact list like every shortlist
 * (the accounts named and, by default, their actors' other accounts).
 *
 * @param map - a graph scored by assignKolScores, whose node keys are account keys.
 * @param communities - the communities to staff, with their labels.
 * @param options.limit - leaders per community, default 5.
 * @param options.doNotContact - account keys or handles never listed, default none.
 */
export function findCommunityLeaders(
  map: AbstractGraph,
  partition: Readonly<Record<string, number>>,
  communities: ReadonlyArray<{ id: number; label: string }>,
  options: { limit?: number; doNotContact?: readonly string[] } = {},
): Map<number, ShortlistRow[]> {
  const members = new DirectedGraph();
  map.forEachNode((node, attributes) => {
    const community = partition[node];
    if (community !== undefined)
      members.addNode(node, { ...attributes, topicCommunity: community });
  });
  const labels = Object.fromEntries(communities.map(({ id, label }) => [String(id), label]));
  const leaders = new Map<number, ShortlistRow[]>();
  for (const { id } of communities) {
    const { rows } = buildShortlist(members, {
      communities: [id],
      communityAttribute: 'topicCommunity',
      communityLabels: labels,
      limit: options.limit ?? 5,
      ...(options.doNotContact && { doNotContact: options.doNotContact }),
    });
    leaders.set(id, rows);
  }
  return leaders;
}

interface Draft {
  id: number;
  accounts: number;
  posts: number;
  topical: number;
  positive: number;
  neutral: number;
  negative: number;
  toned: number;
  scoreSum: number;
  terms: Map<string, number>;
  candidates: SpreadPost[];
}

function emptyDraft(id: number, accounts: number): Draft {
  return {
    id,
    accounts,
    posts: 0,
    topical: 0,
    positive: 0,
    neutral: 0,
    negative: 0,
    toned: 0,
    scoreSum: 0,
    terms: new Map(),
    candidates: [],
  };
}
