// The posts marketing may export: pharmacovigilance posts left out (and the reposts that repeat them),
// private accounts pseudonymised in privacy mode, with what listening found in each.
import { csvRow } from '../export/csv.js';
import { accountKey } from '../load/dataset.js';
import type { Post } from '../schema/records.js';
import type { Listening } from './listen-to-posts.js';
import type { Pseudonyms } from './privacy.js';

/** One exported post. */
export interface MarketingPost {
  key: string;
  platform: string;
  /** Author's account key, or its pseudonym. */
  author: string;
  createdAt: string;
  language: string | null;
  /** The text, with the @handles of private accounts pseudonymised in privacy mode. */
  text: string;
  brands: string[];
  topics: string[];
  tone: string | null;
  tonality: number | null;
  reposts: number;
  replies: number;
}

export interface MarketingPostsOptions {
  /** Post keys left out, e.g. marketingExclusions(cases). Reposts of these posts are left out too. */
  excluded: ReadonlySet<string>;
  /** Privacy mode: the pseudonyms to write authors and mentions with. Default none (privacy off). */
  pseudonyms?: Pseudonyms;
}

/**
 * The listened posts that marketing may export, in the data's order: those in `excluded` (the
 * pharmacovigilance posts, see marketingExclusions) and the reposts of them are left out.
 *
 * @param posts - the raw posts listened to (for their text).
 */
export function toMarketingPosts(
  posts: readonly Post[],
  listening: Listening,
  options: MarketingPostsOptions,
): MarketingPost[] {
  const { excluded, pseudonyms } = options;
  const texts = new Map<string, Post>();
  for (const post of posts) texts.set(accountKey(post.platform, post.id), post);
  const { brands } = listening.watch;
  const rows: MarketingPost[] = [];
  for (const post of listening.posts) {
    if (excluded.has(post.key) || (post.repostOf !== null && excluded.has(post.repostOf))) continue;
    const raw = texts.get(post.key);
    const text = raw?.text ?? '';
    rows.push({
      key: post.key,
      platform: post.platform,
      author: pseudonyms ? pseudonyms.of(post.author) : post.author,
      createdAt: post.createdAt,
      language: raw?.language ?? null,
      text: pseudonyms ? pseudonyms.maskText(text, post.platform) : text,
      brands: post.brands.map((i) => brands[i]?.name ?? ''),
      topics: post.topics.map((topic) => listening.topicLabels.get(topic) ?? topic),
      tone: post.tone,
      tonality: post.tonality,
      reposts: post.reposts,
      replies: post.replies,
    });
  }
  return rows;
}

export const MARKETING_POST_COLUMNS = [
  'key',
  'platform',
  'author',
  'createdAt',
  'language',
  'text',
  'brands',
  'topics',
  'tone',
  'tonality',
  'reposts',
  'replies',
] as const;

/** CSV of exported posts: a header, one row per post, lists joined with `|`. */
export function marketingPostsToCsv(rows: readonly MarketingPost[]): string {
  return [
    csvRow(MARKETING_POST_COLUMNS),
    ...rows.map((row) => csvRow(MARKETING_POST_COLUMNS.map((column) => row[column]))),
  ].join('');
}
