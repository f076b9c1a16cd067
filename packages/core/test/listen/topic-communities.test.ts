import { DirectedGraph } from 'graphology';
import { listenToPosts } from '../../src/listen/listen-to-posts.js';
import {
  buildTopicGraph,
  describeTopicCommunities,
  detectTopicCommunities,
  findCommunityLeaders,
  projectTopicGraph,
} from '../../src/listen/topic-communities.js';
import { parseWatchList } from '../../src/listen/watch-list.js';
import type { Post } from '../../src/schema/records.js';

const WATCH = parseWatchList(`products:
  - { name: Clotavane }
therapeuticAreas:
  - { name: stroke, keywords: [thrombectomie] }
`);

let next = 0;
const post = (author: string, text: string, extra: Partial<Post> = {}): Post => ({
  id: `p${++next}`,
  platform: 'x',
  author,
  createdAt: '2024-03-01',
  text,
  ...extra,
});

describe('the account × topic graph and its projection', () => {
  const listening = listenToPosts(
    [
      post('a', '#SEP et #fatigue'),
      post('a', '#SEP encore'),
      post('b', '#sep #fatigue'),
      post('c', '#SEP'),
      post('d', 'Clotavane après une thrombectomie'),
    ],
    WATCH,
  );
  const bipartite = buildTopicGraph(listening);

  it('links each account to its topics, weighted by posts', () => {
    expect(bipartite.getNodeAttributes('topic:#sep')).toEqual({ part: 'topic', label: '#SEP' });
    expect(bipartite.getEdgeAttribute('x:a', 'topic:#sep', 'weight')).toBe(2);
    expect(bipartite.neighbors('x:d').sort()).toEqual(['topic:clotavane', 'topic:thrombectomie']);
  });

  it('weighs each shared topic 1/(n − 1), n its accounts (Newman 2001)', () => {
    const { graph, skippedTopics } = projectTopicGraph(bipartite);
    // #sep: a, b, c (1/2 each pair); #fatigue: a, b (1 for the pair)
    expect(graph.getEdgeAttribute('x:a', 'x:b', 'weight')).toBeCloseTo(1.5, 12);
    expect(graph.getEdgeAttribute('x:a', 'x:c', 'weight')).toBeCloseTo(0.5, 12);
    expect(graph.degree('x:d')).toBe(0);
    expect(skippedTopics).toEqual([]);
  });

  it('leaves out topics used by too many accounts', () => {
    const { graph, skippedTopics } = projectTopicGraph(bipartite, { maxAccountsPerTopic: 2 });
    expect(skippedTopics).toEqual(['#sep']);
    expect(graph.getEdgeAttribute('x:a', 'x:b', 'weight')).toBe(1);
    expect(graph.hasEdge('x:a', 'x:c')).toBe(false);
  });
});

describe('thematic communities', () => {
  // Two groups of five accounts: one on #SEP, one on #diabete; one post spreads in each.
  const posts: Post[] = [];
  for (const [group, tag] of [
    ['s', '#SEP #fatigue'],
    ['d', '#diabete #capteur'],
  ] as const) {
    for (let i = 0; i < 5; i++)
      posts.push(post(`${group}${i}`, `${tag} merci`, { language: 'fr' }));
  }
  posts.push(post('s0', '#SEP le fil à lire absolument', { shares: 40, comments: 3 }));
  posts.push(post('s1', '#SEP hors sujet', { shares: 1 }));
  const listening = listenToPosts(posts, WATCH);
  const themes = detectTopicCommunities(listening, { seed: 1 });

  it('finds the groups of accounts that share topics', () => {
    expect(themes.count).toBe(2);
    expect(themes.partition['x:s0']).toBe(themes.partition['x:s4']);
    expect(themes.partition['x:s0']).not.toBe(themes.partition['x:d0']);
  });

  it('describes each with its own terms first, its tonality and the posts that spread', () => {
    const offTopic = `x:${posts[11]?.id}`; // a PV post, say: never shown
    const described = describeTopicCommunities(listening, themes.partition, {
      excludedPosts: new Set([offTopic]),
    });
    const sep = described.find((community) => community.topTerms[0]?.topic === '#sep');
    expect(sep).toEqual(
      expect.objectContaining({ accounts: 5, posts: 7, label: '#SEP · #fatigue', positive: 5 }),
    );
    expect(sep?.topPosts[0]).toEqual(
      expect.objectContaining({ author: 'x:s0', reposts: 40, replies: 3 }),
    );
    expect(sep?.topPosts.map((item) => item.key)).not.toContain(offTopic);
    expect(describeTopicCommunities(listening, themes.partition, { minAccounts: 6 })).toEqual([]);
  });

  it('names the leaders of each by KOL score, honouring the do-not-contact list', () => {
    const map = new DirectedGraph();
    ['s0', 's1', 's2', 'd0'].forEach((id, i) =>
      map.addNode(`x:${id}`, {
        kolScore: 90 - i * 10,
        handle: `h_${id}`,
        actorId: id === 's0' || id === 's2' ? 'actor-s0' : id,
        platform: 'x',
      }),
    );
    const communities = [{ id: themes.partition['x:s0'] as number, label: '#SEP' }];
    const leaders = findCommunityLeaders(map, themes.partition, communities);
    expect(leaders.get(communities[0]?.id ?? -1)?.map((row) => row.key)).toEqual([
      'x:s0',
      'x:s1',
      'x:s2',
    ]);
    const honoured = findCommunityLeaders(map, themes.partition, communities, {
      doNotContact: ['@H_S0'],
    });
    // s2 belongs to the same actor as s0: left out too.
    expect(honoured.get(communities[0]?.id ?? -1)?.map((row) => row.key)).toEqual(['x:s1']);
  });
});
