// generateDemo: determinism, valid records, references inside the data, and the planted scenario
// (communities, KOLs, brokers, platforms, languages, pharmacovigilance cases).
import {
  accountKey,
  accountSchema,
  followSchema,
  InvalidInputError,
  postSchema,
} from '@kolmap/core';
import { DEFAULT_GENERATE_OPTIONS, type DemoData, generateDemo } from '../src/generate-demo.js';

const SMALL = { seed: 7, accounts: 600, posts: 4000 };

describe('generateDemo', () => {
  let demo: DemoData;
  beforeAll(() => {
    demo = generateDemo();
  });

  it('uses the default options and records them in the ground truth', () => {
    expect(demo.options).toEqual(DEFAULT_GENERATE_OPTIONS);
    expect(demo.groundTruth.options).toEqual(DEFAULT_GENERATE_OPTIONS);
    expect(demo.accounts).toHaveLength(DEFAULT_GENERATE_OPTIONS.accounts);
    expect(demo.posts).toHaveLength(DEFAULT_GENERATE_OPTIONS.posts);
  });

  it('gives the same data for the same options and other data for another seed', () => {
    const first = generateDemo(SMALL);
    expect(generateDemo(SMALL)).toEqual(first);
    const other = generateDemo({ ...SMALL, seed: 8 });
    expect(other.posts.map((post) => post.text)).not.toEqual(first.posts.map((post) => post.text));
    expect(other.follows).not.toEqual(first.follows);
  });

  it('makes records that all pass the input schemas', () => {
    const problems: string[] = [];
    const check =
      (schema: typeof accountSchema | typeof followSchema | typeof postSchema) =>
      (record: object, index: number) => {
        const result = schema.safeParse(record);
        if (!result.success) problems.push(`${index}: ${result.error.message}`);
      };
    demo.accounts.forEach(check(accountSchema));
    demo.follows.forEach(check(followSchema));
    demo.posts.forEach(check(postSchema));
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it('keeps ids unique and every reference inside the data, on the same platform', () => {
    const accounts = new Set(demo.accounts.map((a) => accountKey(a.platform, a.id)));
    expect(accounts.size).toBe(demo.accounts.length);
    const seen = new Map<string, number>();
    demo.posts.forEach((post, index) => {
      expect(accounts.has(accountKey(post.platform, post.author))).toBe(true);
      for (const mention of post.mentions ?? []) {
        expect(accounts.has(accountKey(post.platform, mention))).toBe(true);
      }
      for (const ref of [post.replyTo, post.repostOf, post.quoteOf, post.commentOn]) {
        if (ref !== undefined) expect(seen.get(accountKey(post.platform, ref))).toBeLessThan(index);
      }
      seen.set(accountKey(post.platform, post.id), index);
    });
    expect(seen.size).toBe(demo.posts.length);
    const pairs = new Set<string>();
    for (const follow of demo.follows) {
      expect(follow.source).not.toBe(follow.target);
      expect(accounts.has(accountKey(follow.platform, follow.target))).toBe(true);
      pairs.add(`${follow.platform}:${follow.source}>${follow.target}`);
    }
    expect(pairs.size).toBe(demo.follows.length);
  });

  it('dates posts in 2024, in order', () => {
    const dates = demo.posts.map((post) => post.createdAt);
    expect(dates[0]?.startsWith('2024-01')).toBe(true);
    expect(dates[dates.length - 1]?.startsWith('2024-12')).toBe(true);
    expect([...dates].sort()).toEqual(dates);
  });

  it('plants communities for every therapeutic area, each with KOLs', () => {
    const truth = demo.groundTruth;
    const areas = new Set(truth.communities.map((community) => community.therapeuticArea));
    expect([...areas].sort()).toEqual([
      'allergy',
      'diabetes',
      'multiple-sclerosis',
      'oncology',
      'stroke',
    ]);
    expect(truth.communities.length).toBeGreaterThanOrEqual(8);
    expect(truth.communities.reduce((sum, c) => sum + c.accounts, 0)).toBe(demo.accounts.length);
    for (const community of truth.communities) {
      expect(truth.kols[community.name]?.length).toBeGreaterThan(0);
      for (const key of truth.kols[community.name] ?? []) {
        expect(truth.accounts[key]).toMatchObject({ community: community.name, role: 'kol' });
      }
    }
    expect(Object.keys(truth.accounts)).toHaveLength(demo.accounts.length);
  });

  it('makes planted KOLs receive far more attention than regular accounts', () => {
    const received = new Map<string, number>();
    const add = (key: string) => received.set(key, (received.get(key) ?? 0) + 1);
    const authorOf = new Map(demo.posts.map((post) => [post.id, post.author]));
    for (const post of demo.posts) {
      for (const mention of post.mentions ?? []) add(accountKey(post.platform, mention));
      const ref = post.replyTo ?? post.repostOf ?? post.quoteOf ?? post.commentOn;
      if (ref !== undefined) add(accountKey(post.platform, authorOf.get(ref) ?? ''));
    }
    for (const follow of demo.follows) add(accountKey(follow.platform, follow.target));
    const mean = (keys: string[]) =>
      keys.reduce((sum, key) => sum + (received.get(key) ?? 0), 0) / keys.length;
    const roles = Object.entries(demo.groundTruth.accounts);
    const kols = roles.filter(([, planted]) => planted.role === 'kol').map(([key]) => key);
    const regulars = roles.filter(([, planted]) => planted.role === 'regular').map(([key]) => key);
    expect(mean(kols)).toBeGreaterThan(10 * mean(regulars));
  });

  it('plants brokers whose attention is split between their two communities', () => {
    const truth = demo.groundTruth;
    expect(truth.brokers.length).toBeGreaterThan(5);
    const communityOf = (key: string) => truth.accounts[key]?.community;
    for (const broker of truth.brokers) {
      expect(truth.accounts[broker.key]?.role).toBe('broker');
      const [platform, id] = broker.key.split(':') as [string, string];
      const given = demo.follows
        .filter((follow) => follow.platform === platform && follow.source === id)
        .map((follow) => communityOf(accountKey(follow.platform, follow.target)));
      if (given.length < 20) continue;
      for (const community of broker.communities) {
        const share = given.filter((c) => c === community).length / given.length;
        expect(share).toBeGreaterThan(0.15);
      }
    }
  });

  it('has actors on several platforms, the usual platforms, and French and English posts', () => {
    const platformsOf = new Map<string, Set<string>>();
    for (const account of demo.accounts) {
      const set = platformsOf.get(account.actorId ?? '') ?? new Set();
      set.add(account.platform);
      platformsOf.set(account.actorId ?? '', set);
    }
    const multi = [...platformsOf.values()].filter((set) => set.size > 1).length;
    expect(multi).toBeGreaterThan(100);
    const platforms = new Set(demo.accounts.map((account) => account.platform));
    for (const platform of ['x', 'linkedin', 'facebook', 'instagram', 'youtube', 'tiktok']) {
      expect(platforms.has(platform as never)).toBe(true);
    }
    const languages = new Set(demo.posts.map((post) => post.language));
    expect(languages.has('fr')).toBe(true);
    expect(languages.has('en')).toBe(true);
    const kinds = {
      replies: demo.posts.filter((post) => post.replyTo).length,
      reposts: demo.posts.filter((post) => post.repostOf).length,
      quotes: demo.posts.filter((post) => post.quoteOf).length,
      comments: demo.posts.filter((post) => post.commentOn).length,
      mentions: demo.posts.reduce((sum, post) => sum + (post.mentions?.length ?? 0), 0),
    };
    for (const count of Object.values(kinds)) expect(count).toBeGreaterThan(500);
    expect(Object.values(kinds).reduce((a, b) => a + b, 0)).toBeGreaterThan(20000);
  });

  it('plants pharmacovigilance cases that name a product and an event, and look-alikes', () => {
    const truth = demo.groundTruth;
    const byId = new Map(demo.posts.map((post) => [post.id, post]));
    expect(truth.pvCases.length).toBeGreaterThanOrEqual(20);
    expect(truth.pvCases.length).toBeLessThanOrEqual(40);
    for (const pv of truth.pvCases) {
      const text = byId.get(pv.postId)?.text ?? '';
      expect(text.includes(pv.product) || text.includes(pv.molecule)).toBe(true);
      for (const event of pv.events) expect(text).toContain(event);
      if (pv.kind === 'adverse-event') expect(pv.events.length).toBeGreaterThan(0);
    }
    expect(new Set(truth.pvCases.map((pv) => pv.kind))).toEqual(
      new Set(['adverse-event', 'quality-complaint']),
    );
    expect(new Set(truth.pvCases.map((pv) => pv.language))).toEqual(new Set(['fr', 'en']));
    expect(new Set(truth.pvNonCases.map((pv) => pv.kind)).size).toBe(5);
    const planted = [...truth.pvCases, ...truth.pvNonCases].map((pv) => pv.postId);
    expect(new Set(planted).size).toBe(planted.length);
  });

  it('scales down and rejects bad options with INVALID_INPUT', () => {
    const small = generateDemo(SMALL);
    expect(small.accounts).toHaveLength(600);
    expect(small.posts).toHaveLength(4000);
    expect(small.groundTruth.pvCases.length).toBeGreaterThan(0);
    for (const bad of [{ seed: 1.5 }, { accounts: 10 }, { posts: Number.NaN }]) {
      let error: unknown;
      try {
        generateDemo(bad);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).code).toBe('INVALID_INPUT');
    }
  });
});
