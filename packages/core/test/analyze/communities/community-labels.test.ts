import { foldText } from '@kolmap/model';
import { DirectedGraph } from 'graphology';
import {
  type CommunityLabel,
  labelCommunities,
} from '../../../src/analyze/communities/community-labels.js';
import {
  ENGLISH_STOP_WORDS,
  FRENCH_STOP_WORDS,
} from '../../../src/analyze/communities/distinctive-terms.js';
import type { Post } from '../../../src/schema/records.js';

interface Member {
  community: number;
  actorType?: string;
  platform?: string;
  language?: string;
  bio?: string;
  hashtags?: string[][];
}

/** A graph of the given members (keys `${platform}:m${i}`, no edges), its partition and posts. */
function map(members: Member[]): {
  graph: DirectedGraph;
  partition: Record<string, number>;
  posts: Post[];
} {
  const graph = new DirectedGraph();
  const partition: Record<string, number> = {};
  const posts: Post[] = [];
  members.forEach((member, i) => {
    const platform = (member.platform ?? 'x') as Post['platform'];
    const key = `${platform}:m${i}`;
    const { community, hashtags, ...attributes } = member;
    graph.addNode(key, { ...attributes, platform, id: `m${i}` });
    partition[key] = community;
    for (const tags of hashtags ?? []) {
      posts.push({
        id: `p${posts.length}`,
        platform,
        author: `m${i}`,
        createdAt: '2024-01-01',
        hashtags: tags,
      });
    }
  });
  return { graph, partition, posts };
}

const times = <T>(count: number, make: (i: number) => T): T[] =>
  Array.from({ length: count }, (_, i) => make(i));
const labelsOf = (labels: CommunityLabel[]) => labels.map((label) => label.label);
const STOP_KEYS = new Set([...FRENCH_STOP_WORDS, ...ENGLISH_STOP_WORDS].map(foldText));

describe('labelCommunities', () => {
  /** Three communities of four: MS patients on Instagram, oncology HCPs on X, mixed diabetes. */
  const members: Member[] = [
    ...times(4, (i) => ({
      community: 0,
      actorType: 'patient',
      platform: 'instagram',
      language: 'fr',
      bio: `Je vis avec la SEP depuis ${2015 + i}${i < 2 ? ' et je suis ici pour partager' : ''}`,
      hashtags: [['santé', 'SEP'], ['santé'], ['santé', 'fatigue']],
    })),
    ...times(4, (i) => ({
      community: 1,
      actorType: i < 3 ? 'hcp' : 'journalist',
      platform: 'x',
      language: 'en',
      bio: `Oncologist at ${['the hospital', 'a clinic', 'the institute', 'home'][i]}. Views my own`,
      hashtags: [['santé', 'cancer'], ['santé'], ['santé', 'ASCO24']],
    })),
    ...times(4, (i) => ({
      community: 2,
      actorType: ['patient', 'hcp', 'caregiver', 'media'][i] as string,
      platform: ['facebook', 'x', 'instagram', 'linkedin'][i] as string,
      language: 'fr',
      bio: 'Diabète de type 1, ici pour les infos',
      hashtags: [['santé', 'diabète'], ['santé'], ['santé', 'DT1']],
    })),
  ];
  const { graph, partition, posts } = map(members);
  const labels = labelCommunities(graph, partition, { posts });

  it('leads with the distinctive hashtags, never the one every community uses', () => {
    expect(labelsOf(labels)).toEqual([
      '#fatigue · #SEP · patients · Instagram',
      '#ASCO24 · #cancer · HCPs · X',
      '#diabète · #DT1',
    ]);
    for (const label of labels) {
      expect(label.label).not.toContain('#santé');
      expect(label.terms.map((term) => term.key)).not.toContain('#sante');
    }
  });

  it('returns the distinctive terms with their scores, best first, bio words included', () => {
    const [first] = labels;
    // Each kind has its own tf: 'sep' and 'vis' are in every bio (2/5); the three others tie at
    // 1/5 and go by count, then key.
    expect(first?.terms.map((term) => [term.term, term.kind])).toEqual([
      ['sep', 'bio'],
      ['vis', 'bio'],
      ['#fatigue', 'hashtag'],
      ['#SEP', 'hashtag'],
      ['partager', 'bio'],
    ]);
    expect(first?.terms[0]?.frequency).toBeCloseTo(0.4, 12);
    for (const label of labels) {
      const scores = label.terms.map((term) => term.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(Math.min(...scores)).toBeGreaterThan(0);
    }
    expect(labelCommunities(graph, partition, { posts, terms: 1 })[0]?.terms).toHaveLength(1);
  });

  it('never keeps a stop word among the terms', () => {
    for (const label of labels) {
      for (const term of label.terms) expect(STOP_KEYS.has(term.key)).toBe(false);
    }
  });

  it('names actor types and platforms only when they reach their share', () => {
    const strict = labelCommunities(graph, partition, {
      posts,
      actorTypeShare: 0.8,
      platformShare: 1,
      labelHashtags: 1,
    });
    expect(labelsOf(strict)).toEqual([
      '#fatigue · patients · Instagram',
      '#ASCO24 · X',
      '#diabète',
    ]);
  });

  it('falls back to a bio word without posts, and to the id when there is nothing to say', () => {
    expect(labelsOf(labelCommunities(graph, partition))).toEqual([
      'sep · patients · Instagram',
      'oncologist · HCPs · X',
      'diabète',
    ]);
    const silent = map([{ community: 7, actorType: 'other', platform: 'other' }]);
    expect(labelsOf(labelCommunities(silent.graph, silent.partition))).toEqual(['community 7']);
  });

  it('reads the #tags of the text of posts that have no hashtags', () => {
    const { graph: one, partition: alone } = map([{ community: 0, platform: 'x' }]);
    const textOnly: Post[] = [
      { id: 'p1', platform: 'x', author: 'm0', createdAt: '2024-01-01', text: 'Go #WorldMSDay!' },
    ];
    expect(labelCommunities(one, alone, { posts: textOnly })[0]?.label).toBe('#WorldMSDay');
  });

  it('names the most attended members when there are no hashtags or bios, not the platform all share', () => {
    // Two X communities of retweets, as in a retweet network without posts or bios.
    const graph = new DirectedGraph();
    const partition: Record<string, number> = {};
    const add = (key: string, community: number, attributes: Record<string, unknown>) => {
      graph.addNode(key, { platform: 'x', ...attributes });
      partition[key] = community;
    };
    add('x:1', 0, { name: 'SenSanders' });
    add('x:2', 0, { handle: 'OurRevolution' });
    add('x:3', 0, { name: 'fan' });
    add('x:4', 0, { name: 'quiet' });
    add('x:5', 1, {});
    add('x:6', 1, { name: 'reader' });
    add('x:7', 2, { name: 'loner' });
    graph.addEdge('x:3', 'x:1', { weight: 5 });
    graph.addEdge('x:4', 'x:1', { weight: 1 });
    graph.addEdge('x:3', 'x:2', { weight: 2 });
    graph.addEdge('x:4', 'x:3', { weight: 1 });
    graph.addEdge('x:6', 'x:5', { weight: 1 });
    graph.addEdge('x:7', 'x:7', { weight: 9 });
    expect(labelsOf(labelCommunities(graph, partition))).toEqual([
      'SenSanders · @OurRevolution',
      'x:5',
      'community 2',
    ]);
    expect(labelsOf(labelCommunities(graph, partition, { labelMembers: 1 }))[0]).toBe('SenSanders');
    expect(labelsOf(labelCommunities(graph, partition, { getEdgeWeight: null }))[0]).toBe(
      'SenSanders · @OurRevolution',
    );
    graph.mergeNodeAttributes('x:5', { platform: 'instagram' });
    graph.mergeNodeAttributes('x:6', { platform: 'instagram' });
    expect(labelsOf(labelCommunities(graph, partition))).toEqual([
      'SenSanders · @OurRevolution · X',
      'x:5 · Instagram',
      'X',
    ]);
  });

  it('tells colliding labels apart by language, then by a term, then by id', () => {
    const twin = (community: number, language: string, bio: string): Member[] =>
      times(3, () => ({
        community,
        actorType: 'patient',
        platform: 'instagram',
        language,
        bio,
        hashtags: [['SEP']],
      }));
    const other = times(3, () => ({ community: 9, hashtags: [['cancer']] }));
    const byLanguage = map([...twin(0, 'fr', 'fatigue'), ...twin(1, 'en', 'fatigue'), ...other]);
    expect(
      labelsOf(labelCommunities(byLanguage.graph, byLanguage.partition, byLanguage)).slice(0, 2),
    ).toEqual(['#SEP · patients · Instagram · fr', '#SEP · patients · Instagram · en']);
    const byTerm = map([...twin(0, 'fr', 'fatigue'), ...twin(1, 'fr', 'grossesse'), ...other]);
    expect(labelsOf(labelCommunities(byTerm.graph, byTerm.partition, byTerm)).slice(0, 2)).toEqual([
      '#SEP · patients · Instagram · fatigue',
      '#SEP · patients · Instagram · grossesse',
    ]);
    const same = map([...twin(0, 'fr', 'fatigue'), ...twin(1, 'fr', 'fatigue'), ...other]);
    expect(labelsOf(labelCommunities(same.graph, same.partition, same)).slice(0, 2)).toEqual([
      '#SEP · patients · Instagram (0)',
      '#SEP · patients · Instagram (1)',
    ]);
  });

  it('is deterministic, whatever the order of nodes and posts', () => {
    expect(labelCommunities(graph, partition, { posts })).toEqual(labels);
    const reversed = map([...members].reverse());
    const relabelled = labelCommunities(reversed.graph, reversed.partition, {
      posts: [...reversed.posts].reverse(),
    });
    expect(
      relabelled.map(({ label, terms }) => [label, terms.map((term) => [term.key, term.score])]),
    ).toEqual(
      labels.map(({ label, terms }) => [label, terms.map((term) => [term.key, term.score])]),
    );
  });

  it('throws InvalidInputError naming a bad option or a node without community', () => {
    expect(() => labelCommunities(graph, partition, { labelHashtags: -1 })).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        problems: [expect.objectContaining({ field: 'labelHashtags' })],
      }),
    );
    expect(() => labelCommunities(graph, partition, { labelMembers: 1.5 })).toThrow(
      expect.objectContaining({ problems: [expect.objectContaining({ field: 'labelMembers' })] }),
    );
    expect(() => labelCommunities(graph, partition, { platformShare: Number.NaN })).toThrow(
      expect.objectContaining({ problems: [expect.objectContaining({ field: 'platformShare' })] }),
    );
    expect(() => labelCommunities(graph, {})).toThrow(
      expect.objectContaining({ problems: [expect.objectContaining({ field: 'partition' })] }),
    );
  });
});
