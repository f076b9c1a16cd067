// Listening over time: volume and tonality per brand, area, topic or community and per day, week
// (ISO, from Monday, UTC) or month, and share of voice of the watched brands, by posts and weighted by
// the authors' KOL scores. Pure functions of a Listening.
import type { Period, SeriesDimension, SeriesRow, ShareOfVoiceRow } from '@kolmap/model';
import { foldText } from '@kolmap/model';
import { InvalidInputError } from '../errors.js';
import type { ListenedPost, Listening } from './listen-to-posts.js';

const DAY_MS = 86_400_000;

/**
 * The period a time falls in, as the date it starts (UTC): `2024-03-07` (day), the Monday
 * `2024-03-04` (week, ISO 8601), `2024-03` (month), `all`.
 */
export function periodOf(time: number, period: Period): string {
  if (period === 'all') return 'all';
  const date = new Date(time);
  if (period === 'month') return date.toISOString().slice(0, 7);
  if (period === 'week') {
    const sinceMonday = (date.getUTCDay() + 6) % 7;
    return new Date(Math.floor(time / DAY_MS) * DAY_MS - sinceMonday * DAY_MS)
      .toISOString()
      .slice(0, 10);
  }
  return date.toISOString().slice(0, 10);
}

/** Every period from the one of `from` to the one of `to`, both included, in order. */
export function periodsBetween(from: number, to: number, period: Period): string[] {
  if (period === 'all') return ['all'];
  const periods: string[] = [];
  const last = periodOf(to, period);
  let at = Date.parse(`${periodOf(from, period)}${period === 'month' ? '-01' : ''}T00:00:00Z`);
  for (;;) {
    const current = periodOf(at, period);
    periods.push(current);
    if (current >= last) return periods;
    if (period === 'month') {
      const date = new Date(at);
      at = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
    } else {
      at += period === 'week' ? 7 * DAY_MS : DAY_MS;
    }
  }
}

export interface SeriesOptions {
  by: SeriesDimension;
  period: Period;
  /** `community`: the community of an author's account key, undefined when it has none. */
  communityOf?: (author: string) => number | undefined;
  /** `topic`: the topics to follow, as keys or labels. Default: the `topTopics` most used. */
  topics?: readonly string[];
  /** `topic` without `topics`: how many of the most used to follow. Default 20. */
  topTopics?: number;
}

/**
 * Volume and tonality per key and period. A post counts once for each key it speaks of (a post naming
 * two brands counts for both), reposts included (they carry the tonality of what they repost). Periods
 * with no post are rows of zeros, from the first post's period to the last one's, so that every key's
 * series is continuous. Rows are ordered by key (in the watch list's order for brands and areas, by
 * volume for topics, by id for communities), then period.
 *
 * @throws InvalidInputError (field `by`) for `community` without `communityOf`.
 */
export function computeSeries(listening: Listening, options: SeriesOptions): SeriesRow[] {
  const keysOf = postKeys(listening, options);
  const cells = new Map<string, Map<string, Cell>>();
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const post of listening.posts) {
    if (!Number.isFinite(post.time)) continue;
    if (post.time < first) first = post.time;
    if (post.time > last) last = post.time;
    const keys = keysOf.of(post);
    if (keys.length === 0) continue;
    const period = periodOf(post.time, options.period);
    for (const key of keys) {
      let byPeriod = cells.get(key);
      if (!byPeriod) {
        byPeriod = new Map();
        cells.set(key, byPeriod);
      }
      let cell = byPeriod.get(period);
      if (!cell) {
        cell = emptyCell();
        byPeriod.set(period, cell);
      }
      addPost(cell, post);
    }
  }
  if (first > last) return [];
  const periods = periodsBetween(first, last, options.period);
  const rows: SeriesRow[] = [];
  for (const key of keysOf.order(cells)) {
    const byPeriod = cells.get(key);
    for (const period of periods) {
      const cell = byPeriod?.get(period) ?? emptyCell();
      rows.push({
        period,
        dimension: options.by,
        key,
        label: keysOf.label(key),
        ...cellValues(cell),
      });
    }
  }
  return rows;
}

/** One brand's voice in one period. */
export interface ShareOfVoiceOptions {
  period: Period;
  /** KOL score of an author's account key (e.g. the map's `kolScore`), undefined when unscored. */
  kolScoreOf?: (author: string) => number | undefined;
  /** Only the brands of this therapeutic area (a name of the watch list). Default all brands. */
  area?: string;
}

/**
 * Share of voice of the watched brands (products and competitors) per period: each brand's posts over
 * all brands' posts, and the same weighted by the KOL score of each post's author, so that a post by a
 * leader weighs more than one by a silent account. Reposts count: repeating is voice too. Every brand
 * has a row in every period of the data (zeros included); shares are 0 in a period without brand posts.
 */
export function computeShareOfVoice(
  listening: Listening,
  options: ShareOfVoiceOptions,
): ShareOfVoiceRow[] {
  const { brands, areas, brandAreas } = listening.watch;
  let area: number | null = null;
  if (options.area !== undefined) {
    const wanted = foldText(options.area);
    area = areas.findIndex((name) => foldText(name) === wanted);
    if (area < 0) {
      throw new InvalidInputError({
        field: 'area',
        message: `"${options.area}" is not a therapeutic area of the watch list (${areas.join(', ')})`,
      });
    }
  }
  const included = brands.map((_, i) => area === null || brandAreas[i] === area);
  const totals = new Map<string, { posts: Float64Array; weighted: Float64Array }>();
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const post of listening.posts) {
    if (!Number.isFinite(post.time)) continue;
    if (post.time < first) first = post.time;
    if (post.time > last) last = post.time;
    if (post.brands.length === 0) continue;
    const period = periodOf(post.time, options.period);
    let total = totals.get(period);
    if (!total) {
      total = { posts: new Float64Array(brands.length), weighted: new Float64Array(brands.length) };
      totals.set(period, total);
    }
    const score = options.kolScoreOf?.(post.author) ?? 0;
    for (const brand of post.brands) {
      if (!included[brand]) continue;
      total.posts[brand] = (total.posts[brand] as number) + 1;
      total.weighted[brand] = (total.weighted[brand] as number) + score;
    }
  }
  if (first > last) return [];
  const rows: ShareOfVoiceRow[] = [];
  for (const period of periodsBetween(first, last, options.period)) {
    const total = totals.get(period);
    const sumPosts = total ? total.posts.reduce((a, b) => a + b, 0) : 0;
    const sumWeighted = total ? total.weighted.reduce((a, b) => a + b, 0) : 0;
    brands.forEach((brand, i) => {
      if (!included[i]) return;
      const posts = total?.posts[i] ?? 0;
      const weighted = total?.weighted[i] ?? 0;
      rows.push({
        period,
        brand: brand.name,
        own: brand.own,
        posts,
        share: sumPosts > 0 ? posts / sumPosts : 0,
        weighted,
        weightedShare: sumWeighted > 0 ? weighted / sumWeighted : 0,
      });
    });
  }
  return rows;
}

interface Cell {
  posts: number;
  positive: number;
  neutral: number;
  negative: number;
  toned: number;
  scoreSum: number;
}

function emptyCell(): Cell {
  return { posts: 0, positive: 0, neutral: 0, negative: 0, toned: 0, scoreSum: 0 };
}

function addPost(cell: Cell, post: ListenedPost): void {
  cell.posts++;
  if (post.tone === null || post.tonality === null) return;
  cell[post.tone]++;
  cell.toned++;
  cell.scoreSum += post.tonality;
}

function cellValues(cell: Cell): Omit<SeriesRow, 'period' | 'dimension' | 'key' | 'label'> {
  return {
    posts: cell.posts,
    positive: cell.positive,
    neutral: cell.neutral,
    negative: cell.negative,
    tonality: cell.toned > 0 ? cell.scoreSum / cell.toned : null,
    netTonality: cell.toned > 0 ? (cell.positive - cell.negative) / cell.toned : null,
  };
}

interface KeysOf {
  of: (post: ListenedPost) => readonly string[];
  order: (cells: ReadonlyMap<string, Map<string, Cell>>) => string[];
  label: (key: string) => string;
}

/** How a dimension reads a post's keys, orders them and names them. */
function postKeys(listening: Listening, options: SeriesOptions): KeysOf {
  const { brands, areas } = listening.watch;
  switch (options.by) {
    case 'brand': {
      const names = brands.map((brand) => brand.name);
      return {
        of: (post) => post.brands.map((i) => names[i] as string),
        order: () => names,
        label: (key) => key,
      };
    }
    case 'area': {
      return {
        of: (post) => post.areas.map((i) => areas[i] as string),
        order: () => [...areas],
        label: (key) => key,
      };
    }
    case 'topic': {
      const wanted = options.topics
        ? options.topics.map((topic) => topicKey(listening, topic))
        : mostUsedTopics(listening, options.topTopics ?? 20);
      const set = new Set(wanted);
      return {
        of: (post) => post.topics.filter((topic) => set.has(topic)),
        order: () => wanted,
        label: (key) => listening.topicLabels.get(key) ?? key,
      };
    }
    case 'community': {
      const { communityOf } = options;
      if (communityOf === undefined) {
        throw new InvalidInputError({
          field: 'by',
          message: 'a series by community needs communityOf (the community of each author)',
        });
      }
      return {
        of: (post) => {
          const community = communityOf(post.author);
          return community === undefined ? [] : [String(community)];
        },
        order: (cells) => [...cells.keys()].sort((a, b) => Number(a) - Number(b)),
        label: (key) => `community ${key}`,
      };
    }
  }
}

/** A topic's key from its key or label: "#SEP", "#sep" and "sep" all give "#sep" when it is a hashtag. */
function topicKey(listening: Listening, topic: string): string {
  const folded = foldText(topic.trim());
  if (folded.startsWith('#')) return folded;
  const hashtag = `#${folded}`;
  return listening.topicLabels.has(folded) || !listening.topicLabels.has(hashtag)
    ? folded
    : hashtag;
}

function mostUsedTopics(listening: Listening, count: number): string[] {
  const uses = new Map<string, number>();
  for (const post of listening.posts) {
    for (const topic of post.topics) uses.set(topic, (uses.get(topic) ?? 0) + 1);
  }
  return [...uses]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, count)
    .map(([topic]) => topic);
}
