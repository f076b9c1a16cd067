import { DirectedGraph } from 'graphology';
import type { Attributes } from 'graphology-types';
import { assignKolScores } from '../../src/analyze/score/kol-score.js';
import {
  buildShortlist,
  DEFAULT_SHORTLIST_OPTIONS,
  type ShortlistOptions,
  shortlistRowOf,
} from '../../src/shortlist/build-shortlist.js';
import { attentionGraph, expectInvalid } from '../analyze/influence/fixtures.js';

/** Scored accounts as `assignKolScores` leaves them, with their account fields; k7 is excluded. */
function scoredAccounts(): DirectedGraph {
  const graph = new DirectedGraph();
  const add = (key: string, attributes: Attributes) => graph.addNode(key, attributes);
  add('x:k1', {
    platform: 'x',
    handle: 'DrOnco',
    name: 'Dr Onco',
    actorId: 'A1',
    actorType: 'hcp',
    therapeuticAreas: ['oncology'],
    specialty: 'Oncologie médicale',
    language: 'fr',
    country: 'FR',
    followers: 5000,
    url: 'https://x.com/DrOnco',
    community: 0,
    kolScore: 90,
    rank: 1,
    role: 'leader',
  });
  add('linkedin:k2', {
    platform: 'linkedin',
    handle: 'dr-onco',
    actorId: 'A1',
    actorType: 'hcp',
    therapeuticAreas: ['oncology'],
    language: 'fr-CA',
    country: 'CA',
    followers: 800,
    community: 0,
    kolScore: 80,
    rank: 2,
    role: 'community_leader',
  });
  add('instagram:k3', {
    platform: 'instagram',
    handle: 'ms.life',
    actorType: 'patient',
    therapeuticAreas: ['multiple-sclerosis'],
    language: 'en',
    country: 'GB',
    followers: 20000,
    community: 1,
    communityLabel: '#MS · patients',
    kolScore: 70,
    rank: 3,
    role: 'amplifier',
  });
  add('x:k4', {
    platform: 'x',
    handle: 'PharmaCo',
    actorType: 'pharma',
    therapeuticAreas: ['oncology'],
    language: 'en',
    country: 'US',
    followers: 100000,
    community: 1,
    kolScore: 60,
    rank: 4,
    role: 'peripheral',
  });
  add('facebook:k5', {
    platform: 'facebook',
    handle: 'AssoSEP',
    actorType: 'patient_org',
    therapeuticAreas: ['Sclérose en plaques'],
    language: 'fr',
    country: 'FR',
    community: 2,
    kolScore: 50,
    rank: 5,
    role: 'bridge',
  });
  add('x:k6', {
    platform: 'x',
    stub: true,
    community: 2,
    kolScore: 40,
    rank: 6,
    role: 'peripheral',
  });
  add('x:k7', { platform: 'x', actorType: 'hcp', community: 0, kolScore: null, rank: null });
  return graph;
}

const keysOf = (options: ShortlistOptions) =>
  buildShortlist(scoredAccounts(), options).rows.map((row) => row.key);

describe('buildShortlist', () => {
  it('lists the scored accounts by score with their fields, excluded accounts never', () => {
    const { rows, candidates } = buildShortlist(scoredAccounts(), {
      communityLabels: { '0': 'Oncology · X' },
    });
    expect(candidates).toBe(6);
    expect(rows.map((row) => row.key)).toEqual([
      'x:k1',
      'linkedin:k2',
      'instagram:k3',
      'x:k4',
      'facebook:k5',
      'x:k6',
    ]);
    expect(rows[0]).toEqual({
      position: 1,
      key: 'x:k1',
      name: 'Dr Onco',
      handle: 'DrOnco',
      platform: 'x',
      actorType: 'hcp',
      community: 0,
      communityLabel: 'Oncology · X',
      kolScore: 90,
      rank: 1,
      role: 'leader',
      followers: 5000,
      url: 'https://x.com/DrOnco',
      reason: null,
      language: 'fr',
      country: 'FR',
    });
    expect(rows[2]).toMatchObject({ position: 3, communityLabel: '#MS · patients' });
    expect(rows[5]).toMatchObject({ name: null, handle: null, actorType: null, followers: null });
  });

  it('gives an account picked by hand the row buildShortlist gives it, without a reason', () => {
    const graph = scoredAccounts();
    const listed = buildShortlist(graph, { limit: 1 }).rows[0];
    expect(shortlistRowOf('x:k1', graph.getNodeAttributes('x:k1'), 1)).toEqual(listed);
    expect(shortlistRowOf('x:bare', {}, 7)).toMatchObject({
      position: 7,
      key: 'x:bare',
      kolScore: 0,
      community: null,
      language: null,
      country: null,
    });
  });

  it('finds an actor (projected map) on each platform of its accounts', () => {
    const graph = new DirectedGraph();
    graph.addNode('actor:a', { platforms: ['x', 'linkedin'], kolScore: 80 });
    graph.addNode('x:b', { platform: 'x', kolScore: 50 });
    graph.addNode('youtube:c', { platform: 'youtube', kolScore: 40 });
    const keys = (platforms: ShortlistOptions['platforms']) =>
      buildShortlist(graph, { platforms }).rows.map(({ key }) => key);
    expect(keys(['linkedin'])).toEqual(['actor:a']);
    expect(keys(['x'])).toEqual(['actor:a', 'x:b']);
    expect(keys(['youtube', 'tiktok'])).toEqual(['youtube:c']);
  });

  it('applies each filter', () => {
    expect(keysOf({ platforms: ['x'] })).toEqual(['x:k1', 'x:k4', 'x:k6']);
    expect(keysOf({ actorTypes: ['hcp', 'patient'] })).toEqual([
      'x:k1',
      'linkedin:k2',
      'instagram:k3',
    ]);
    expect(keysOf({ communities: [1] })).toEqual(['instagram:k3', 'x:k4']);
    expect(keysOf({ topics: ['ONCOLOG'] })).toEqual(['x:k1', 'linkedin:k2', 'x:k4']);
    expect(keysOf({ topics: ['sclérose'] })).toEqual(['facebook:k5']);
    expect(keysOf({ topics: ['sclero'] })).toEqual(['instagram:k3', 'facebook:k5']);
    expect(keysOf({ topics: ['medicale'] })).toEqual(['x:k1']);
    expect(keysOf({ languages: ['FR'] })).toEqual(['x:k1', 'linkedin:k2', 'facebook:k5']);
    expect(keysOf({ countries: ['fr', 'gb'] })).toEqual(['x:k1', 'instagram:k3', 'facebook:k5']);
    expect(keysOf({ followers: { min: 1000, max: 20000 } })).toEqual(['x:k1', 'instagram:k3']);
    expect(keysOf({ followers: { max: 1000 } })).toEqual(['linkedin:k2']);
    expect(keysOf({ score: { min: 60, max: 80 } })).toEqual([
      'linkedin:k2',
      'instagram:k3',
      'x:k4',
    ]);
    expect(keysOf({ roles: ['leader', 'bridge'] })).toEqual(['x:k1', 'facebook:k5']);
    expect(keysOf({ excludeActorTypes: ['pharma'] })).toHaveLength(5);
    expect(keysOf({ platforms: ['x'], actorTypes: ['hcp'] })).toEqual(['x:k1']);
  });

  it('never lists a do-not-contact account, by key or handle, nor by default its actor', () => {
    expect(keysOf({ doNotContact: ['@dronco'] })).toEqual([
      'instagram:k3',
      'x:k4',
      'facebook:k5',
      'x:k6',
    ]);
    expect(keysOf({ doNotContact: ['DRONCO'], doNotContactActors: false })).not.toContain('x:k1');
    expect(keysOf({ doNotContact: ['DRONCO'], doNotContactActors: false })).toContain(
      'linkedin:k2',
    );
    expect(keysOf({ doNotContact: ['x:k6', 'ms.life'] })).toEqual([
      'x:k1',
      'linkedin:k2',
      'x:k4',
      'facebook:k5',
    ]);
  });

  it('keeps the first N, and one account per actor when asked', () => {
    const { rows, candidates } = buildShortlist(scoredAccounts(), { limit: 2 });
    expect(candidates).toBe(6);
    expect(rows.map((row) => row.position)).toEqual([1, 2]);
    expect(keysOf({ limit: 3, onePerActor: true })).toEqual(['x:k1', 'instagram:k3', 'x:k4']);
    expect(DEFAULT_SHORTLIST_OPTIONS.limit).toBe(50);
  });

  it('throws InvalidInputError naming a bad option, or when the graph has no score', () => {
    const graph = scoredAccounts();
    expectInvalid(() => buildShortlist(graph, { limit: 0 }), 'limit');
    expectInvalid(() => buildShortlist(graph, { followers: { min: 5, max: 1 } }), 'followers.max');
    expectInvalid(() => buildShortlist(graph, { mode: 'best' as unknown as 'top' }), 'mode');
    expectInvalid(
      () => buildShortlist(graph, { platform: ['x'] } as unknown as ShortlistOptions),
      'platform',
    );
    expectInvalid(() => buildShortlist(attentionGraph(1, 10, 2, 2)), 'kolScore');
  });
});

/**
 * Community 0 on X: t1–t4 (scores 95–92) share one audience u1–u10; t5 (40) reaches z1, z2 and u1.
 * Community 1 on Instagram: i1 (60), audience v1–v5. Community 2 on LinkedIn: l1 (50), w1–w5.
 * Audience accounts have no score.
 */
function crowdedGraph(): DirectedGraph {
  const graph = new DirectedGraph();
  const account = (key: string, platform: string, community: number, kolScore: number) =>
    graph.addNode(key, { platform, community, kolScore, communityLabel: `group ${community}` });
  const audience = (target: string, sources: string[]) => {
    for (const source of sources) {
      if (!graph.hasNode(source)) graph.addNode(source, { platform: 'x' });
      graph.addEdge(source, target, { weight: 1 });
    }
  };
  const u = Array.from({ length: 10 }, (_, i) => `u${i + 1}`);
  for (const [key, score] of [
    ['t1', 95],
    ['t2', 94],
    ['t3', 93],
    ['t4', 92],
  ] as const) {
    account(key, 'x', 0, score);
    audience(key, u);
  }
  account('t5', 'x', 0, 40);
  audience('t5', ['z1', 'z2', 'u1']);
  account('i1', 'instagram', 1, 60);
  audience('i1', ['v1', 'v2', 'v3', 'v4', 'v5']);
  account('l1', 'linkedin', 2, 50);
  audience('l1', ['w1', 'w2', 'w3', 'w4', 'w5']);
  return graph;
}

describe('buildShortlist in diverse mode', () => {
  it('covers more communities and platforms than the top by score, and says why', () => {
    const graph = crowdedGraph();
    const top = buildShortlist(graph, { limit: 3 }).rows;
    const diverse = buildShortlist(graph, { limit: 3, mode: 'diverse' }).rows;
    const spread = (rows: typeof top) => [
      new Set(rows.map((row) => row.community)).size,
      new Set(rows.map((row) => row.platform)).size,
    ];
    expect(top.map((row) => row.key)).toEqual(['t1', 't2', 't3']);
    expect(spread(top)).toEqual([1, 1]);
    expect(diverse.map((row) => row.key)).toEqual(['t1', 'i1', 'l1']);
    expect(spread(diverse)).toEqual([3, 3]);
    expect(diverse.map((row) => row.reason)).toEqual([
      'new community 0 · group 0, new platform X, 0 % audience overlap',
      'new community 1 · group 1, new platform Instagram, 0 % audience overlap',
      'new community 2 · group 2, new platform LinkedIn, 0 % audience overlap',
    ]);
    expect(diverse.map((row) => row.position)).toEqual([1, 2, 3]);
  });

  it('prefers a new audience to a covered one, and reports the overlap', () => {
    const graph = crowdedGraph();
    const rows = buildShortlist(graph, { limit: 5, mode: 'diverse' }).rows;
    // t5 gains 0.4 × (1 − 1/3); t2, whose audience is all covered, gains 0.
    expect(rows.map((row) => row.key)).toEqual(['t1', 'i1', 'l1', 't5', 't2']);
    expect(rows[3]?.reason).toBe(
      'community already covered: 0 · group 0, platform already covered: X, 33 % audience overlap',
    );
    expect(rows[4]?.reason).toContain('100 % audience overlap');
    expect(buildShortlist(graph, { limit: 5, mode: 'diverse' }).rows).toEqual(rows);
  });

  it('weighs the bonuses and the overlap as told', () => {
    const graph = crowdedGraph();
    // Without bonuses nor penalty, the gain is the score: the same list as the top mode.
    const plain = buildShortlist(graph, {
      limit: 4,
      mode: 'diverse',
      communityBonus: 0,
      platformBonus: 0,
      overlapPenalty: 0,
    });
    expect(plain.rows.map((row) => row.key)).toEqual(['t1', 't2', 't3', 't4']);
    // A large community bonus alone still spreads the list.
    const spread = buildShortlist(graph, {
      limit: 3,
      mode: 'diverse',
      communityBonus: 2,
      platformBonus: 0,
      overlapPenalty: 0,
    });
    expect(spread.rows.map((row) => row.key)).toEqual(['t1', 'i1', 'l1']);
  });

  it('applies the filters first, and one account per actor when asked', () => {
    const graph = crowdedGraph();
    graph.setNodeAttribute('t1', 'actorId', 'same');
    graph.setNodeAttribute('i1', 'actorId', 'same');
    const rows = buildShortlist(graph, {
      limit: 3,
      mode: 'diverse',
      onePerActor: true,
      platforms: ['x', 'instagram'],
    }).rows;
    expect(rows.map((row) => row.key)).toEqual(['t1', 't5', 't2']);
  });

  it('shortlists a graph scored by assignKolScores', () => {
    const graph = attentionGraph(4, 200, 4, 4);
    graph.forEachNode((node) => {
      const i = Number(node.slice(1));
      graph.mergeNodeAttributes(node, { community: i % 4, platform: i % 8 < 4 ? 'x' : 'linkedin' });
    });
    assignKolScores(graph);
    const top = buildShortlist(graph, { limit: 8 }).rows;
    const diverse = buildShortlist(graph, { limit: 8, mode: 'diverse' }).rows;
    const cover = (rows: typeof top) => [
      new Set(rows.map((row) => row.community)).size,
      new Set(rows.map((row) => row.platform)).size,
    ];
    expect(cover(diverse)).toEqual([4, 2]);
    expect(diverse.every((row) => row.reason?.endsWith('audience overlap'))).toBe(true);
    expect(top.map((row) => row.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
