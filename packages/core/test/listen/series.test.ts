import { InvalidInputError } from '../../src/errors.js';
import { listenToPosts } from '../../src/listen/listen-to-posts.js';
import {
  computeSeries,
  computeShareOfVoice,
  periodOf,
  periodsBetween,
} from '../../src/listen/series.js';
import { parseWatchList } from '../../src/listen/watch-list.js';
import type { Post } from '../../src/schema/records.js';

const WATCH = parseWatchList(`products:
  - { name: Clotavane, therapeuticArea: stroke }
competitors:
  - { name: Vasclera, therapeuticArea: stroke }
  - { name: Oncavera, therapeuticArea: oncology }
therapeuticAreas:
  - { name: stroke, hashtags: [AVC] }
  - { name: oncology, hashtags: [cancer] }
`);

let next = 0;
function post(createdAt: string, text: string, author = 'a', extra: Partial<Post> = {}): Post {
  next++;
  return { id: `p${next}`, platform: 'x', author, createdAt, text, language: 'en', ...extra };
}

const POSTS: Post[] = [
  post('2024-01-01T10:00:00Z', 'Clotavane is great', 'a'), // Monday, week 2024-01-01
  post('2024-01-03T10:00:00Z', 'Clotavane and Vasclera, terrible', 'b'),
  post('2024-01-07T23:59:59Z', 'Vasclera today #AVC', 'c'), // Sunday: still the week of 2024-01-01
  post('2024-01-08T00:00:00Z', 'Oncavera news', 'a'), // Monday: next week
  post('2024-01-29T12:00:00Z', 'Clotavane ok', 'c'), // two empty weeks before
];

describe('periods', () => {
  it('gives the day, the ISO week (from Monday, UTC) and the month of a time', () => {
    const sunday = Date.parse('2024-01-07T23:59:59Z');
    expect(periodOf(sunday, 'day')).toBe('2024-01-07');
    expect(periodOf(sunday, 'week')).toBe('2024-01-01');
    expect(periodOf(Date.parse('2024-01-08T00:00:00Z'), 'week')).toBe('2024-01-08');
    expect(periodOf(Date.parse('2025-01-01T12:00:00Z'), 'week')).toBe('2024-12-30');
    expect(periodOf(sunday, 'month')).toBe('2024-01');
    expect(periodOf(sunday, 'all')).toBe('all');
  });

  it('lists every period between two times, both included', () => {
    const from = Date.parse('2024-01-30T00:00:00Z');
    const to = Date.parse('2024-03-01T00:00:00Z');
    expect(periodsBetween(from, to, 'month')).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(periodsBetween(from, to, 'week')).toHaveLength(5);
    expect(periodsBetween(from, to, 'day')).toHaveLength(32); // 2024 is a leap year
    expect(periodsBetween(Date.parse('2024-12-31'), Date.parse('2025-01-01'), 'day')).toEqual([
      '2024-12-31',
      '2025-01-01',
    ]);
  });
});

describe('computeSeries', () => {
  const listening = listenToPosts(POSTS, WATCH);

  it('counts each post once per brand it names, week by week, with the empty weeks', () => {
    const rows = computeSeries(listening, { by: 'brand', period: 'week' });
    const clotavane = rows.filter((row) => row.key === 'Clotavane');
    expect(clotavane.map((row) => [row.period, row.posts])).toEqual([
      ['2024-01-01', 2],
      ['2024-01-08', 0],
      ['2024-01-15', 0],
      ['2024-01-22', 0],
      ['2024-01-29', 1],
    ]);
    expect(rows.map((row) => row.key).filter((key, i, all) => all.indexOf(key) === i)).toEqual([
      'Clotavane',
      'Vasclera',
      'Oncavera',
    ]);
    const total = rows.reduce((sum, row) => sum + row.posts, 0);
    expect(total).toBe(6); // 5 posts, one naming two brands
  });

  it('adds up tonality: tone counts, mean score and net tonality', () => {
    const [all] = computeSeries(listening, { by: 'brand', period: 'all' });
    expect(all).toEqual(
      expect.objectContaining({
        period: 'all',
        key: 'Clotavane',
        posts: 3,
        positive: 2,
        negative: 1,
      }),
    );
    const scores = listening.posts
      .filter((p) => p.brands.includes(0))
      .map((p) => p.tonality as number);
    expect(all?.tonality).toBeCloseTo(scores.reduce((a, b) => a + b, 0) / 3, 12);
    expect(all?.netTonality).toBeCloseTo(1 / 3, 12);
    expect(computeSeries(listening, { by: 'brand', period: 'week' })[1]?.tonality).toBeNull();
  });

  it('counts areas through brands and hashtags, and follows chosen topics', () => {
    const areas = computeSeries(listening, { by: 'area', period: 'all' });
    expect(areas.map((row) => [row.key, row.posts])).toEqual([
      ['stroke', 4],
      ['oncology', 1],
    ]);
    const topics = computeSeries(listening, { by: 'topic', period: 'all', topics: ['#AVC'] });
    expect(topics).toEqual([expect.objectContaining({ key: '#avc', label: '#AVC', posts: 1 })]);
  });

  it('counts communities from the authors, and needs communityOf to do so', () => {
    const communities = { 'x:a': 0, 'x:b': 1, 'x:c': 1 } as Record<string, number>;
    const rows = computeSeries(listening, {
      by: 'community',
      period: 'month',
      communityOf: (author) => communities[author],
    });
    expect(rows.map((row) => [row.key, row.period, row.posts])).toEqual([
      ['0', '2024-01', 2],
      ['1', '2024-01', 3],
    ]);
    expect(() => computeSeries(listening, { by: 'community', period: 'all' })).toThrow(
      InvalidInputError,
    );
  });

  it('carries the tonality of the reposted post to its reposts', () => {
    const withRepost = listenToPosts(
      [
        ...POSTS,
        post('2024-01-02T00:00:00Z', '', 'd', { text: undefined, repostOf: POSTS[0]?.id }),
      ],
      WATCH,
    );
    const [all] = computeSeries(withRepost, { by: 'brand', period: 'all' });
    expect(all).toEqual(expect.objectContaining({ posts: 4, positive: 3 }));
  });
});

describe('computeShareOfVoice', () => {
  const listening = listenToPosts(POSTS, WATCH);
  const scores: Record<string, number> = { 'x:a': 90, 'x:b': 10 };

  it('shares posts among brands (summing to 1 per period) and weights them by KOL score', () => {
    const rows = computeShareOfVoice(listening, {
      period: 'all',
      kolScoreOf: (author) => scores[author],
    });
    expect(rows.map((row) => [row.brand, row.own, row.posts])).toEqual([
      ['Clotavane', true, 3],
      ['Vasclera', false, 2],
      ['Oncavera', false, 1],
    ]);
    expect(rows.reduce((sum, row) => sum + row.share, 0)).toBeCloseTo(1, 12);
    expect(rows.map((row) => row.weighted)).toEqual([100, 10, 90]);
    expect(rows[0]?.weightedShare).toBeCloseTo(100 / 200, 12);
  });

  it('gives every brand a row in every period, zero shares where no brand is named', () => {
    const rows = computeShareOfVoice(listening, { period: 'week' });
    expect(rows).toHaveLength(5 * 3);
    const empty = rows.filter((row) => row.period === '2024-01-15');
    expect(empty.map((row) => row.share)).toEqual([0, 0, 0]);
    expect(rows.every((row) => row.weightedShare === 0)).toBe(true);
  });

  it('can keep to the brands of one therapeutic area', () => {
    const rows = computeShareOfVoice(listening, { period: 'all', area: 'Stroke' });
    expect(rows.map((row) => [row.brand, row.share])).toEqual([
      ['Clotavane', 0.6],
      ['Vasclera', 0.4],
    ]);
    expect(() => computeShareOfVoice(listening, { period: 'all', area: 'cardiology' })).toThrow(
      InvalidInputError,
    );
  });
});
