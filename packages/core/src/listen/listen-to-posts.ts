// Listening to the posts of a dataset, post by post, in one pass over each text: which watched brands,
// areas and topics it speaks of, its tonality, the attention it received, and whether it may be a
// pharmacovigilance case. The aggregates (series, share of voice, communities) are computed from this.

import type { ActorType, Platform, Tone } from '@kolmap/model';
import { foldText } from '@kolmap/model';
import { z } from 'zod';
import { accountKey } from '../load/dataset.js';
import { mergeOptions, parseOptions } from '../options.js';
import { toEpochMs } from '../schema/dates.js';
import type { Post } from '../schema/records.js';
import {
  computeTonality,
  DEFAULT_TONALITY_OPTIONS,
  TONALITY_LEXICONS,
  type TonalityOptions,
  tonalityLanguage,
} from './compute-tonality.js';
import {
  detectPvCase,
  type PvFinding,
  type PvIntakeOptions,
  pvIntakeOptionsSchema,
  resolvePvIntakeOptions,
} from './detect-pv-cases.js';
import {
  type Brand,
  compileWatchList,
  matchWatchList,
  type WatchMatcher,
  type WatchMatches,
} from './match-watch-list.js';
import type { PvFlag } from './review-queue.js';
import { CLAUSE_BREAK, tokenize } from './text-tokens.js';
import type { TonalityLanguage } from './tonality-lexicon.js';
import type { WatchList } from './watch-list.js';

/** What listening needs to know of an account. */
export interface AuthorInfo {
  actorType?: ActorType | undefined;
  followers?: number | undefined;
}

/** One post as listening reads it. Reposts carry what they repost (see `listenToPosts`). */
export interface ListenedPost {
  /** `platform:id`. */
  key: string;
  id: string;
  platform: Platform;
  /** Author's account key. */
  author: string;
  createdAt: string;
  /** Milliseconds since the epoch. */
  time: number;
  /** Language the tonality was read in; null without text. */
  language: TonalityLanguage | null;
  /** Watched brands named (indices into `Listening.watch.brands`), ascending. */
  brands: number[];
  /** Watched therapeutic areas (indices into `Listening.watch.areas`), by keyword, hashtag or brand. */
  areas: number[];
  /** Topic keys: folded hashtags ("#avc"), watch keywords and brand names found (see `topicLabels`). */
  topics: string[];
  /** −1…1; null when there is no text to read. */
  tonality: number | null;
  tone: Tone | null;
  /** Reposts and quotes received: the most of those in the data and the platform's `shares` count. */
  reposts: number;
  /** Replies and comments received: the most of those in the data and the platform's `comments` count. */
  replies: number;
  /** Key of the post this one reposts, when it is a repost. */
  repostOf: string | null;
  /** Set when the post meets the four criteria of a reportable case. */
  pv: PvFinding | null;
}

/** Everything listening found, post by post. */
export interface Listening {
  watch: WatchMatcher;
  posts: ListenedPost[];
  /** The posts that may be pharmacovigilance cases, as they are now (see `openPvCases`). */
  pvFlags: PvFlag[];
  /** How each topic key is shown: the watch list's spelling, else the first spelling met. */
  topicLabels: Map<string, string>;
  /** Posts left out because their language is not among the watch list's `languages`. */
  otherLanguages: number;
}

export const listenOptionsSchema = z.strictObject({
  pv: pvIntakeOptionsSchema.optional(),
  tonality: z
    .strictObject({
      neutralBand: z.number().min(0).max(1).optional(),
      negationWindow: z.number().int().nonnegative().optional(),
      negationShift: z.number().min(-1).max(1).optional(),
      beforeContrast: z.number().min(0).optional(),
    })
    .optional(),
});
/** Listening options (see `listenToPosts`). */
export type ListenOptions = z.infer<typeof listenOptionsSchema>;

const EMPTY: never[] = [];
const HASHTAG = /#[\p{L}\p{N}_]+/gu;

/**
 * Listens to posts for a watch list. For each post with text: the brands and areas it names (see
 * compileWatchList), its topics (hashtags, from the text and the `hashtags` field, plus the watch-list
 * keywords and brands found), its tonality (computeTonality, in the post's language when French or
 * English, else the one its words suggest) and, when it names a watched brand, whether it is a
 * pharmacovigilance case (detectPvCase). A repost has no text of its own: it carries the brands, areas,
 * topics, tonality and language of the post it reposts when that post is in the data, and is never a
 * case itself (the case is the original). Posts in a language outside the watch list's `languages`
 * (when given) are left out; posts without a language are kept.
 *
 * @param posts - the posts, e.g. `Dataset.posts`.
 * @param watch - the watch list.
 * @param authors - account key → actor type (for pharmacovigilance intake), default none known.
 * @param options.pv - intake options, see `DEFAULT_PV_INTAKE_OPTIONS`.
 * @param options.tonality - see `DEFAULT_TONALITY_OPTIONS`.
 * @throws InvalidInputError on a bad option.
 */
export function listenToPosts(
  posts: readonly Post[],
  watch: WatchList,
  authors: ReadonlyMap<string, AuthorInfo> = new Map(),
  options: ListenOptions = {},
): Listening {
  const given = parseOptions(listenOptionsSchema, options);
  const pvOptions = resolvePvIntakeOptions(given.pv);
  const tonalityOptions: TonalityOptions = mergeOptions(DEFAULT_TONALITY_OPTIONS, given.tonality);
  const matcher = compileWatchList(watch);
  const languages = watch.languages?.map((code) => code.toLowerCase());
  const topicLabels = new Map<string, string>(matcher.keywords);
  matcher.brands.forEach((brand, i) => {
    topicLabels.set(matcher.brandKeys[i] as string, brand.name);
  });
  const listened: ListenedPost[] = [];
  /** The platform's own counts of each listened post: shares, comments. */
  const counters: number[] = [];
  const byKey = new Map<string, ListenedPost>();
  const reposts: Array<{ post: ListenedPost; of: string }> = [];
  const pvFlags: PvFlag[] = [];
  let otherLanguages = 0;
  for (const post of posts) {
    if (languages && post.language && !speaks(post.language, languages)) {
      otherLanguages++;
      continue;
    }
    const key = accountKey(post.platform, post.id);
    const author = accountKey(post.platform, post.author);
    const entry: ListenedPost = {
      key,
      id: post.id,
      platform: post.platform,
      author,
      createdAt: post.createdAt,
      time: toEpochMs(post.createdAt),
      language: null,
      brands: EMPTY,
      areas: EMPTY,
      topics: EMPTY,
      tonality: null,
      tone: null,
      reposts: 0,
      replies: 0,
      repostOf: post.repostOf === undefined ? null : accountKey(post.platform, post.repostOf),
      pv: null,
    };
    const text = post.text ?? '';
    const tags = post.hashtags ?? EMPTY;
    if (text !== '' || tags.length > 0) {
      const tokens = tokenize(text);
      for (const tag of tags) {
        if (!text.includes(tag)) tokens.push(CLAUSE_BREAK, `#${foldText(tag.replace(/^#+/, ''))}`);
      }
      const found = matchWatchList(tokens, matcher);
      entry.brands = found.brands;
      entry.areas = found.areas;
      entry.topics = postTopics(text, tokens, tags, found, matcher, topicLabels);
      if (text !== '') {
        entry.language = tonalityLanguage(post.language, tokens);
        const tonality = computeTonality(
          tokens,
          TONALITY_LEXICONS[entry.language],
          tonalityOptions,
        );
        entry.tonality = tonality.score;
        entry.tone = tonality.tone;
      }
      if (entry.brands.length > 0 && entry.repostOf === null) {
        entry.pv = detectPvCase(
          tokens,
          {
            author,
            actorType: authors.get(author)?.actorType,
            brands: entry.brands.map((index) => ({
              name: (matcher.brands[index] as Brand).name,
              own: (matcher.brands[index] as Brand).own,
              fuzzy: found.fuzzyBrands.includes(index),
            })),
          },
          pvOptions,
        );
        if (entry.pv !== null) {
          pvFlags.push({
            post: key,
            postId: post.id,
            platform: post.platform,
            author,
            createdAt: post.createdAt,
            language: post.language ?? null,
            text,
            ...entry.pv,
          });
        }
      }
    } else if (entry.repostOf !== null) {
      reposts.push({ post: entry, of: entry.repostOf });
    }
    listened.push(entry);
    counters.push(post.shares ?? 0, post.comments ?? 0);
    byKey.set(key, entry);
  }
  countReceived(posts, byKey);
  listened.forEach((entry, i) => {
    entry.reposts = Math.max(entry.reposts, counters[2 * i] as number);
    entry.replies = Math.max(entry.replies, counters[2 * i + 1] as number);
  });
  for (const { post, of } of reposts) {
    const original = byKey.get(of);
    if (original === undefined) continue;
    post.language = original.language;
    post.brands = original.brands;
    post.areas = original.areas;
    post.topics = original.topics;
    post.tonality = original.tonality;
    post.tone = original.tone;
  }
  return { watch: matcher, posts: listened, pvFlags, topicLabels, otherLanguages };
}

/** Adds to each listened post the reposts and quotes, replies and comments it receives in the data. */
function countReceived(posts: readonly Post[], byKey: ReadonlyMap<string, ListenedPost>): void {
  const add = (platform: Platform, id: string | undefined, field: 'reposts' | 'replies') => {
    if (id === undefined) return;
    const target = byKey.get(accountKey(platform, id));
    if (target !== undefined) target[field]++;
  };
  for (const post of posts) {
    add(post.platform, post.repostOf, 'reposts');
    add(post.platform, post.quoteOf, 'reposts');
    add(post.platform, post.replyTo, 'replies');
    add(post.platform, post.commentOn, 'replies');
  }
}

/**
 * A post's topic keys: its hashtags, the watch-list keywords and brands found. The first spelling of
 * each new hashtag in the text (or `hashtags`) becomes its label.
 */
function postTopics(
  text: string,
  tokens: readonly string[],
  tags: readonly string[],
  found: WatchMatches,
  matcher: WatchMatcher,
  labels: Map<string, string>,
): string[] {
  let topics: string[] | null = null;
  const add = (topic: string) => {
    if (topics === null) topics = [topic];
    else if (!topics.includes(topic)) topics.push(topic);
  };
  for (const token of tokens) {
    if (token.charCodeAt(0) !== 35 /* # */) continue;
    add(token);
    if (!labels.has(token)) labels.set(token, hashtagSpelling(token, text, tags));
  }
  for (const keyword of found.keywords) add(keyword);
  for (const brand of found.brands) add(matcher.brandKeys[brand] as string);
  return topics ?? EMPTY;
}

/** How a post spells the hashtag of folded key `key`: "#SEP" for "#sep". */
function hashtagSpelling(key: string, text: string, tags: readonly string[]): string {
  for (const [tag] of text.matchAll(HASHTAG)) if (foldText(tag) === key) return tag;
  for (const tag of tags) {
    const bare = tag.replace(/^#+/, '');
    if (`#${foldText(bare)}` === key) return `#${bare}`;
  }
  return key;
}

function speaks(language: string, languages: readonly string[]): boolean {
  const code = language.toLowerCase();
  return languages.some((wanted) => code === wanted || code.startsWith(`${wanted}-`));
}
