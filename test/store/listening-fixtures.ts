// A listening for the small map of the store contract (map-fixtures.ts): a two-brand watch list, post
// rows over two months (enough to span several chunks of 100), topics, a thematic community and four
// pharmacovigilance cases opened by core, whose flagged posts are not in date order.
import type { SaveListeningInput } from '../../packages/api/src/index.js';
import { openPvCases, type PvFlag } from '../../packages/core/src/index.js';

/** The flagged posts' keys in queue order (oldest post first, ties by key). */
export const SMALL_PV_CASE_ORDER = ['x:p3', 'x:p1', 'x:p9', 'linkedin:p4'];

function flag(post: string, author: string, createdAt: string): PvFlag {
  const [platform = 'x', postId = ''] = post.split(':');
  return {
    post,
    postId,
    platform,
    author,
    createdAt,
    language: 'fr',
    text: 'Depuis Clotavane ma mère a des saignements',
    kinds: ['adverse-event'],
    criteria: {
      reporter: author,
      patient: 'named',
      patientWords: ['ma mère'],
      products: ['Clotavane'],
      events: ['saignements'],
    },
  };
}

export function smallListening(rows = 250): SaveListeningInput {
  const start = Date.parse('2024-03-01T00:00:00Z');
  const authors = ['x:a', 'x:b', 'x:c', 'linkedin:d', 'x:e'];
  const posts = Array.from({ length: rows }, (_, i) => ({
    time: start + i * 5 * 3_600_000,
    platform: i % 5 === 3 ? ('linkedin' as const) : ('x' as const),
    author: authors[i % 5] as string,
    brands: i % 3 === 0 ? [0] : i % 3 === 1 ? [1] : [0, 1],
    areas: [0],
    topics: i % 2 === 0 ? [0, 1] : [0],
    tonality: i % 4 === 0 ? null : ((i % 7) - 3) / 4,
    tone:
      i % 4 === 0
        ? null
        : (i % 7) - 3 > 0
          ? ('positive' as const)
          : (i % 7) - 3 < 0
            ? ('negative' as const)
            : ('neutral' as const),
    community: i % 5 < 3 ? 0 : null,
    kolScore: i % 5 === 0 ? 90 : i % 5 === 1 ? 80 : null,
  }));
  const pvCases = openPvCases(
    [
      flag('x:p1', 'x:c', '2024-03-05T10:00:00Z'),
      flag('linkedin:p4', 'linkedin:d', '2024-04-02T08:00:00+02:00'),
      flag('x:p3', 'x:e', '2024-03-02T09:30:00.000Z'),
      flag('x:p9', 'x:c', '2024-03-05T10:00:00.000Z'),
    ],
    { by: 'uploader', at: '2024-05-01T12:00:00.000Z' },
  );
  return {
    watch: {
      name: 'Contract watch list',
      products: [{ name: 'Clotavane', molecules: ['selixaban'], therapeuticArea: 'stroke' }],
      competitors: [{ name: 'Vasclera', therapeuticArea: 'stroke' }],
      therapeuticAreas: [{ name: 'stroke', hashtags: ['AVC'] }],
      compliance: { doNotContact: ['@annedupont'] },
    },
    now: '2024-05-01T00:00:00.000Z',
    listenedAt: '2024-05-01T12:00:00.000Z',
    seed: 42,
    counts: {
      read: rows + 10,
      purged: 4,
      otherLanguages: 6,
      listened: rows,
      naming: rows,
      rows,
      pvCases: pvCases.length,
      excludedFromMarketing: pvCases.length,
    },
    topics: [
      { key: '#avc', label: '#AVC', posts: rows },
      { key: 'thrombectomie', label: 'thrombectomie', posts: Math.ceil(rows / 2) },
    ],
    communities: [
      {
        id: 0,
        label: '#AVC · thrombectomie',
        accounts: 3,
        posts: 150,
        positive: 40,
        neutral: 30,
        negative: 42,
        tonality: -0.05,
        topTerms: [{ topic: '#avc', label: '#AVC', posts: 150, share: 1, score: 1 }],
        topPosts: [
          {
            key: 'x:p2',
            author: 'x:a',
            createdAt: '2024-03-01T10:00:00Z',
            reposts: 3,
            replies: 1,
            tone: 'positive',
          },
        ],
        leaders: [
          {
            position: 1,
            key: 'x:a',
            name: 'Sébastien Marieu',
            handle: '@seb_marie',
            platform: 'x',
            actorType: 'hcp',
            community: 0,
            communityLabel: '#AVC · thrombectomie',
            kolScore: 90,
            rank: 1,
            role: 'leader',
            followers: 1200,
            url: null,
            reason: null,
            language: 'fr',
            country: 'FR',
          },
        ],
      },
    ],
    skippedTopics: [],
    privacy: null,
    doNotContact: ['x:b'],
    posts,
    pvCases,
  };
}
