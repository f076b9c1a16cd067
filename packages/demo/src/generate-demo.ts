// The seeded demo-data generator: a year of invented pharma social media with planted communities,
// KOLs, brokers and pharmacovigilance cases, returned as kolmap records plus the ground truth.

import type { Account, Follow, Platform, Post } from '@kolmap/core';
import { accountKey, InvalidInputError } from '@kolmap/core';
import { AttentionPools } from './attention.js';
import { buildCast, type CastAccount, type ScenarioRole } from './cast.js';
import { fillTemplate, type TextSubject } from './post-text.js';
import { cumulate, Rng } from './rng.js';
import {
  AREAS,
  COMMUNITIES,
  type Language,
  ORGANISATION_TYPES,
  PLATFORM_POST_KINDS,
  PLATFORMS_WITH_VIEWS,
  POST_KINDS,
  type PostKind,
  type Product,
  type TherapeuticArea,
} from './scenario.js';
import {
  ADVERSE_EVENT_TEMPLATES,
  AUTHOR_GROUP,
  CLINICIAN_REPLY_TEMPLATES,
  NON_CASE_TEMPLATES,
  ORIGINAL_TEMPLATES,
  PV_NON_CASE_KINDS,
  type PvNonCaseKind,
  QUALITY_COMPLAINT_TEMPLATES,
  QUOTE_TEMPLATES,
  REPLY_TEMPLATES,
} from './templates.js';

/** Changes whenever the same options would give different files. */
export const GENERATOR_VERSION = '1.0.0';

export interface GenerateOptions {
  /** Seed of every random choice: the same seed and options give the same data. Default 42. */
  seed?: number;
  /** Number of accounts (at least 100). Default 3000. */
  accounts?: number;
  /** Number of posts: originals, replies, comments, reposts and quotes (at least 100). Default 21000. */
  posts?: number;
}

/** Options of the committed demo data (`data/demo`). */
export const DEFAULT_GENERATE_OPTIONS: Readonly<Required<GenerateOptions>> = {
  seed: 42,
  accounts: 3000,
  posts: 21000,
};

/** Year covered by the posts: 2024 (UTC). */
export const DEMO_PERIOD = { from: '2024-01-01', to: '2024-12-31' } as const;

export const PV_CASE_KINDS = ['adverse-event', 'quality-complaint'] as const;
export type PvCaseKind = (typeof PV_CASE_KINDS)[number];

/** A planted post that pharmacovigilance must see. */
export interface PlantedPvCase {
  postId: string;
  platform: Platform;
  /** Author's account key. */
  author: string;
  language: Language;
  kind: PvCaseKind;
  product: string;
  molecule: string;
  /** Adverse events as worded in the post (none for a quality complaint). */
  events: string[];
}

/** A planted post that looks like a pharmacovigilance case but is not one. */
export interface PlantedPvNonCase {
  postId: string;
  platform: Platform;
  kind: PvNonCaseKind;
}

export interface PlantedAccount {
  actorId: string;
  /** Planted community, e.g. `oncology-fr`. */
  community: string;
  role: ScenarioRole;
  /** Both communities of a broker. */
  communities?: [string, string];
}

export interface PlantedCommunity {
  name: string;
  therapeuticArea: TherapeuticArea;
  language: Language;
  /** Accounts planted in it (brokers count in their first community). */
  accounts: number;
}

/** What the generator planted, to check what kolmap finds. Account keys are `platform:id`. */
export interface GroundTruth {
  generator: string;
  version: string;
  options: Required<GenerateOptions>;
  period: { from: string; to: string };
  communities: PlantedCommunity[];
  /** Planted KOL account keys per community name, sorted. */
  kols: Record<string, string[]>;
  brokers: { key: string; communities: [string, string] }[];
  accounts: Record<string, PlantedAccount>;
  pvCases: PlantedPvCase[];
  pvNonCases: PlantedPvNonCase[];
}

/** Generated records and their ground truth. Every record passes the input schemas. */
export interface DemoData {
  options: Required<GenerateOptions>;
  accounts: Account[];
  follows: Follow[];
  posts: Post[];
  groundTruth: GroundTruth;
}

/** Planted pharmacovigilance cases, of which every sixth is a product quality complaint when the area has a device. */
const PV_CASES = 30;
const PV_NON_CASES = 25;
/** Mean number of accounts an account follows (heavy-tailed). */
const MEAN_FOLLOWING = 20;
/** Odds that a post ends with one or two more mentions ("… @a @b", "cc @a"). */
const MENTION_TAIL = { original: 0.45, other: 0.2 };
/** Posts remembered per account as reply/repost targets. */
const RECENT = 12;
const DAY_MS = 86_400_000;
const START_MS = Date.UTC(2024, 0, 1);
const DAYS = 366;
/** Relative posting activity per UTC hour. */
const HOURLY = [
  1, 0.6, 0.4, 0.3, 0.3, 0.5, 1.2, 2.5, 4, 4.5, 4.5, 4.2, 4.5, 4.3, 4, 4, 4, 4.2, 4.8, 5.2, 5.3,
  4.8, 3.5, 2,
];
/** Awareness days and congresses of 2024 (month, day, length in days): busier days. */
const BUSY_DAYS: readonly [number, number, number][] = [
  [2, 4, 1],
  [5, 15, 3],
  [5, 30, 6],
  [6, 21, 4],
  [9, 9, 12],
  [10, 29, 1],
  [11, 14, 1],
];

/** Checks and completes options; throws InvalidInputError naming the bad field. */
export function resolveGenerateOptions(options: GenerateOptions = {}): Required<GenerateOptions> {
  const resolved = { ...DEFAULT_GENERATE_OPTIONS, ...definedOnly(options) };
  if (!Number.isSafeInteger(resolved.seed)) {
    throw new InvalidInputError({ field: 'seed', message: 'must be an integer' });
  }
  for (const field of ['accounts', 'posts'] as const) {
    if (!Number.isSafeInteger(resolved[field]) || resolved[field] < 100) {
      throw new InvalidInputError({ field, message: 'must be an integer of at least 100' });
    }
  }
  return resolved;
}

/**
 * Generates the demo scenario: communities per therapeutic area and language, heavy-tailed
 * activity and attention, planted KOLs and brokers, multi-platform actors, a follower graph, a year
 * of French and English posts with mentions, replies, reposts, quotes and comments, and planted
 * pharmacovigilance cases and look-alikes. Pure: no I/O, no clock; the same options always give
 * the same data.
 *
 * @param options.seed seed of every random choice. Default 42.
 * @param options.accounts number of accounts. Default 3000.
 * @param options.posts number of posts. Default 21000.
 */
export function generateDemo(options: GenerateOptions = {}): DemoData {
  const resolved = resolveGenerateOptions(options);
  const { seed } = resolved;
  const cast = buildCast(resolved.accounts, new Rng(seed, 'cast'));
  const follows = generateFollows(cast, new AttentionPools(cast, new Rng(seed, 'follows')), seed);
  const stream = generatePosts(
    cast,
    resolved.posts,
    new AttentionPools(cast, new Rng(seed, 'posts')),
    seed,
  );
  const planted = plantPharmacovigilance(cast, stream, new Rng(seed, 'pv'));
  return {
    options: resolved,
    accounts: cast.map((entry) => entry.account),
    follows,
    posts: stream.posts,
    groundTruth: groundTruth(resolved, cast, planted),
  };
}

/** Follows, mostly towards attractive accounts of the follower's community; sets followers/following. */
function generateFollows(cast: CastAccount[], pools: AttentionPools, seed: number): Follow[] {
  const rng = new Rng(seed, 'follow-degrees');
  const follows: Follow[] = [];
  const inDegree = new Int32Array(cast.length);
  const outDegree = new Int32Array(cast.length);
  const sinceFrom = Date.UTC(2012, 0, 1);
  const sinceSpan = Date.UTC(2024, 11, 31) - sinceFrom;
  cast.forEach((entry, source) => {
    const scale = ORGANISATION_TYPES.has(entry.type) ? 0.4 : 1;
    const wanted = Math.round(rng.lognormal(Math.log(MEAN_FOLLOWING) - 0.5, 1) * scale);
    const targets = new Set<number>();
    for (let attempt = 0; targets.size < wanted && attempt < wanted * 3; attempt++) {
      const target = pools.receiver(source, pools.focus(source));
      if (target >= 0) targets.add(target);
    }
    for (const target of targets) {
      const since = sinceFrom + Math.sqrt(rng.next()) * sinceSpan;
      follows.push({
        platform: entry.account.platform,
        source: entry.account.id,
        target: (cast[target] as CastAccount).account.id,
        since: new Date(since).toISOString().slice(0, 10),
      });
      inDegree[target] = (inDegree[target] ?? 0) + 1;
      outDegree[source] = (outDegree[source] ?? 0) + 1;
    }
  });
  const boost: Partial<Record<string, number>> = {
    media: 4,
    public_figure: 10,
    influencer: 4,
    pharma: 3,
    institution: 3,
    patient_org: 2,
  };
  cast.forEach((entry, index) => {
    const followers = ((inDegree[index] ?? 0) + 1) * rng.lognormal(Math.log(25), 0.5);
    entry.account.followers = Math.round(followers * (boost[entry.type] ?? 1));
    entry.account.following = Math.round((outDegree[index] ?? 0) * rng.lognormal(Math.log(6), 0.5));
  });
  return follows;
}

/** The post stream with, per post, its author, kind and the community it speaks to. */
interface PostStream {
  posts: Post[];
  author: Int32Array;
  kind: Uint8Array;
  focus: Uint8Array;
}

const KIND_INDEX = Object.fromEntries(POST_KINDS.map((kind, index) => [kind, index])) as Record<
  PostKind,
  number
>;
const LINK_FIELD = {
  reply: 'replyTo',
  comment: 'commentOn',
  repost: 'repostOf',
  quote: 'quoteOf',
} as const;

function generatePosts(
  cast: CastAccount[],
  count: number,
  pools: AttentionPools,
  seed: number,
): PostStream {
  const rng = new Rng(seed, 'post-stream');
  const times = postTimes(count, new Rng(seed, 'post-times'));
  const activity = cumulate(cast.map((entry) => entry.activity));
  const kindOdds = new Map<string, Float64Array>();
  const oddsFor = (platform: Platform, organisation: boolean): Float64Array => {
    const key = `${platform}|${organisation}`;
    let odds = kindOdds.get(key);
    if (!odds) {
      const base = PLATFORM_POST_KINDS[platform] ?? [1, 0, 0, 0, 0];
      odds = cumulate(
        base.map((value, index) => (organisation && index === 0 ? value * 2 : value)),
      );
      kindOdds.set(key, odds);
    }
    return odds;
  };
  const recent = new Int32Array(cast.length * RECENT);
  const recentCount = new Int32Array(cast.length);
  const stream: PostStream = {
    posts: new Array<Post>(count),
    author: new Int32Array(count),
    kind: new Uint8Array(count),
    focus: new Uint8Array(count),
  };
  for (let i = 0; i < count; i++) {
    const author = rng.pickCumulative(activity);
    const entry = cast[author] as CastAccount;
    const { platform } = entry.account;
    let kind = POST_KINDS[
      rng.pickCumulative(oddsFor(platform, ORGANISATION_TYPES.has(entry.type)))
    ] as PostKind;
    const focus = pools.focus(author);
    const spec = COMMUNITIES[focus] as (typeof COMMUNITIES)[number];
    const group = AUTHOR_GROUP[entry.type];
    const language: Language =
      group === 'clinician' && spec.language === 'fr' && rng.chance(0.06) ? 'en' : spec.language;
    let target = -1;
    if (kind !== 'original') {
      for (let attempt = 0; attempt < 5 && target < 0; attempt++) {
        const receiver = pools.receiver(author, focus);
        const known = receiver >= 0 ? (recentCount[receiver] ?? 0) : 0;
        if (known > 0) target = recent[receiver * RECENT + rng.int(Math.min(known, RECENT))] ?? -1;
      }
      if (target < 0) kind = 'original';
    }
    const mentions: string[] = [];
    const subject: TextSubject = {
      rng,
      area: AREAS[spec.area],
      language,
      mention: () => {
        let receiver = -1;
        for (let attempt = 0; attempt < 8; attempt++) {
          receiver = pools.receiver(author, focus);
          if (receiver < 0 || !mentions.includes(cast[receiver]?.account.id ?? '')) break;
        }
        if (receiver < 0) return language === 'fr' ? 'tous' : 'everyone';
        const mentioned = (cast[receiver] as CastAccount).account;
        if (!mentions.includes(mentioned.id)) mentions.push(mentioned.id);
        return `@${mentioned.handle}`;
      },
    };
    const post: Post = {
      id: `p${i + 1}`,
      platform,
      author: entry.account.id,
      createdAt: isoSeconds(times[i] ?? START_MS),
    };
    if (kind !== 'repost') {
      post.language = language;
      const templates =
        kind === 'original'
          ? ORIGINAL_TEMPLATES[group][language]
          : kind === 'quote'
            ? QUOTE_TEMPLATES[language]
            : group === 'clinician' && rng.chance(0.3)
              ? CLINICIAN_REPLY_TEMPLATES[language]
              : REPLY_TEMPLATES[language];
      const filled = fillTemplate(rng.pick(templates), subject);
      post.text = filled.text;
      if (rng.chance(kind === 'original' ? MENTION_TAIL.original : MENTION_TAIL.other)) {
        const tail = [subject.mention()];
        if (rng.chance(0.3)) tail.push(subject.mention());
        const fresh = [...new Set(tail)].filter((handle) => !filled.text.includes(handle));
        if (fresh.length > 0) post.text += ` ${kind === 'original' ? '' : 'cc '}${fresh.join(' ')}`;
      }
      if (filled.hashtags.length > 0) post.hashtags = filled.hashtags;
      if (mentions.length > 0) post.mentions = mentions;
      const followers = entry.account.followers ?? 0;
      const likes = Math.floor(
        kind === 'original'
          ? followers * rng.lognormal(Math.log(0.01), 1) * (entry.role === 'kol' ? 2 : 1)
          : followers * rng.lognormal(Math.log(0.001), 1.2),
      );
      post.likes = likes;
      post.shares = kind === 'original' ? Math.floor(likes * rng.lognormal(Math.log(0.1), 0.8)) : 0;
      post.comments =
        kind === 'original' ? Math.floor(likes * rng.lognormal(Math.log(0.05), 0.8)) : 0;
      if (kind === 'original' && PLATFORMS_WITH_VIEWS.has(platform)) {
        post.views = Math.floor((likes + 1) * rng.lognormal(Math.log(50), 0.7));
      }
    }
    if (kind !== 'original') {
      const linked = stream.posts[target] as Post;
      post[LINK_FIELD[kind]] = linked.id;
      if (kind === 'reply' || kind === 'comment') linked.comments = (linked.comments ?? 0) + 1;
      else linked.shares = (linked.shares ?? 0) + 1;
    }
    if (kind !== 'repost') {
      recent[author * RECENT + ((recentCount[author] ?? 0) % RECENT)] = i;
      recentCount[author] = (recentCount[author] ?? 0) + 1;
    }
    stream.posts[i] = post;
    stream.author[i] = author;
    stream.kind[i] = KIND_INDEX[kind];
    stream.focus[i] = focus;
  }
  return stream;
}

/**
 * Sorted post times over the year: a Poisson stream (running sums of exponential gaps) warped so
 * that weekends are quieter, awareness days and congresses busier, and nights quiet.
 */
function postTimes(count: number, rng: Rng): Float64Array {
  const days = new Float64Array(DAYS).map((_, day) => (day % 7 >= 5 ? 0.65 : 1));
  for (const [month, date, length] of BUSY_DAYS) {
    const first = (Date.UTC(2024, month - 1, date) - START_MS) / DAY_MS;
    for (let day = first; day < first + length; day++) days[day] = (days[day] ?? 1) * 1.8;
  }
  const dayWarp = cumulate(Array.from(days));
  const hourWarp = cumulate(HOURLY);
  const times = new Float64Array(count);
  let sum = 0;
  for (let i = 0; i < count; i++) {
    sum += rng.exponential();
    times[i] = sum;
  }
  const total = sum + rng.exponential();
  for (let i = 0; i < count; i++) {
    const day = warp(dayWarp, (times[i] ?? 0) / total);
    const whole = Math.floor(day);
    const hour = warp(hourWarp, day - whole);
    times[i] = START_MS + whole * DAY_MS + Math.floor(hour * 3_600_000);
  }
  return times;
}

/** Inverse of a piecewise-uniform distribution given by running sums: maps [0,1) onto [0, n). */
function warp(cumulative: Float64Array, u: number): number {
  const total = cumulative[cumulative.length - 1] ?? 1;
  const x = u * total;
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((cumulative[mid] ?? 0) > x) high = mid;
    else low = mid + 1;
  }
  const before = low > 0 ? (cumulative[low - 1] ?? 0) : 0;
  const width = (cumulative[low] ?? 0) - before;
  return Math.min(low + (width > 0 ? (x - before) / width : 0), cumulative.length - 1e-9);
}

function isoSeconds(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

interface PlantedPosts {
  cases: PlantedPvCase[];
  nonCases: PlantedPvNonCase[];
}

/**
 * Rewrites some original posts into pharmacovigilance cases (patients and carers telling an adverse
 * event or a device problem with a named product) and into look-alikes that are not cases,
 * spread over the communities in turn.
 */
function plantPharmacovigilance(cast: CastAccount[], stream: PostStream, rng: Rng): PlantedPosts {
  const used = new Set<number>();
  const candidates = (accepts: (entry: CastAccount) => boolean): number[][] => {
    const lists: number[][] = COMMUNITIES.map(() => []);
    stream.posts.forEach((post, index) => {
      const entry = cast[stream.author[index] ?? 0] as CastAccount;
      if (stream.kind[index] !== KIND_INDEX.original || post.platform === 'linkedin') return;
      if (accepts(entry)) lists[stream.focus[index] ?? 0]?.push(index);
    });
    return lists.map((list) => rng.shuffle(list));
  };
  const take = (lists: number[][], turn: number): number => {
    for (let step = 0; step < lists.length; step++) {
      const list = lists[(turn + step) % lists.length] as number[];
      while (list.length > 0) {
        const index = list.pop() as number;
        if (!used.has(index)) {
          used.add(index);
          return index;
        }
      }
    }
    return -1;
  };
  const rewrite = (index: number, templates: readonly string[], product?: Product) => {
    const post = stream.posts[index] as Post;
    const spec = COMMUNITIES[stream.focus[index] ?? 0] as (typeof COMMUNITIES)[number];
    const subject: TextSubject = {
      rng,
      area: AREAS[spec.area],
      language: spec.language,
      mention: () => '',
    };
    if (product) subject.product = product;
    const filled = fillTemplate(rng.pick(templates), subject);
    post.text = filled.text;
    post.language = spec.language;
    if (filled.hashtags.length > 0) post.hashtags = filled.hashtags;
    else delete post.hashtags;
    delete post.mentions;
    return { post, spec, filled };
  };

  const sufferers = candidates((entry) => entry.type === 'patient' || entry.type === 'caregiver');
  const cases: PlantedPvCase[] = [];
  for (let k = 0; k < PV_CASES; k++) {
    const index = take(sufferers, k);
    if (index < 0) break;
    const area =
      AREAS[(COMMUNITIES[stream.focus[index] ?? 0] as (typeof COMMUNITIES)[number]).area];
    const devices = area.products.filter((product) => product.device);
    const complaint = k % 6 === 5 && devices.length > 0;
    const language = (COMMUNITIES[stream.focus[index] ?? 0] as (typeof COMMUNITIES)[number])
      .language;
    const { post, filled } = rewrite(
      index,
      (complaint ? QUALITY_COMPLAINT_TEMPLATES : ADVERSE_EVENT_TEMPLATES)[language],
      rng.pick(complaint ? devices : area.products.filter((product) => product.course)),
    );
    const product = filled.product as Product;
    cases.push({
      postId: post.id,
      platform: post.platform,
      author: accountKey(post.platform, post.author),
      language,
      kind: complaint ? 'quality-complaint' : 'adverse-event',
      product: product.brand,
      molecule: product.molecule,
      events: filled.events,
    });
  }

  const writers = candidates((entry) => entry.type === 'media' || entry.type === 'journalist');
  const nonCases: PlantedPvNonCase[] = [];
  for (let k = 0; k < PV_NON_CASES; k++) {
    const kind = PV_NON_CASE_KINDS[k % PV_NON_CASE_KINDS.length] as PvNonCaseKind;
    const index = take(kind === 'news-about-side-effects' ? writers : sufferers, k);
    if (index < 0) continue;
    const language = (COMMUNITIES[stream.focus[index] ?? 0] as (typeof COMMUNITIES)[number])
      .language;
    const { post } = rewrite(index, NON_CASE_TEMPLATES[kind][language]);
    nonCases.push({ postId: post.id, platform: post.platform, kind });
  }
  const byPost = (a: { postId: string }, b: { postId: string }) =>
    Number(a.postId.slice(1)) - Number(b.postId.slice(1));
  return { cases: cases.sort(byPost), nonCases: nonCases.sort(byPost) };
}

function groundTruth(
  options: Required<GenerateOptions>,
  cast: CastAccount[],
  planted: PlantedPosts,
): GroundTruth {
  const kols: Record<string, string[]> = {};
  for (const spec of COMMUNITIES) kols[spec.name] = [];
  const brokers: GroundTruth['brokers'] = [];
  const accounts: Record<string, PlantedAccount> = {};
  const sizes = new Array<number>(COMMUNITIES.length).fill(0);
  for (const entry of cast) {
    const key = accountKey(entry.account.platform, entry.account.id);
    const community = (COMMUNITIES[entry.community] as (typeof COMMUNITIES)[number]).name;
    const planted: PlantedAccount = { actorId: entry.actorId, community, role: entry.role };
    sizes[entry.community] = (sizes[entry.community] ?? 0) + 1;
    if (entry.role === 'kol') kols[community]?.push(key);
    if (entry.second >= 0) {
      const pair: [string, string] = [
        community,
        (COMMUNITIES[entry.second] as (typeof COMMUNITIES)[number]).name,
      ];
      planted.communities = pair;
      brokers.push({ key, communities: pair });
    }
    accounts[key] = planted;
  }
  for (const list of Object.values(kols)) list.sort();
  brokers.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    generator: 'kolmap generate',
    version: GENERATOR_VERSION,
    options,
    period: { ...DEMO_PERIOD },
    communities: COMMUNITIES.map((spec, index) => ({
      name: spec.name,
      therapeuticArea: spec.area,
      language: spec.language,
      accounts: sizes[index] ?? 0,
    })),
    kols,
    brokers,
    accounts,
    pvCases: planted.cases,
    pvNonCases: planted.nonCases,
  };
}

function definedOnly(options: GenerateOptions): GenerateOptions {
  return Object.fromEntries(
    Object.entries(options).filter(([, value]) => value !== undefined),
  ) as GenerateOptions;
}
