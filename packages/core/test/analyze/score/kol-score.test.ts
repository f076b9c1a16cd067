import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DirectedGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import { detectCommunities } from '../../../src/analyze/communities/detect-communities.js';
import { computeInfluence } from '../../../src/analyze/influence/compute-influence.js';
import {
  assignKolScores,
  computeKolScores,
  DEFAULT_KOL_SCORE_OPTIONS,
  DEFAULT_SCORE_WEIGHTS,
  type KolScore,
  type KolScoreResult,
} from '../../../src/analyze/score/kol-score.js';
import { buildInteractionGraph } from '../../../src/build/interaction-graph.js';
import { loadDataset } from '../../../src/load/load-dataset.js';
import { attentionGraph, expectInvalid } from '../influence/fixtures.js';
import { influenceOf, onlyWeights } from './fixtures.js';

/** Four accounts a–d: PageRank falls from a to d, followers rise from a to d. */
function fourAccounts(): DirectedGraph {
  const graph = new DirectedGraph();
  graph.addNode('a', { followers: 100, actorType: 'hcp' });
  graph.addNode('b', { followers: 300, actorType: 'hcp' });
  graph.addNode('c', { followers: 200, actorType: 'pharma' });
  graph.addNode('d', { followers: 400, actorType: 'patient', stub: true });
  return graph;
}
const FOUR_PAGERANK = [0.4, 0.3, 0.2, 0.1];

function byKey(result: KolScoreResult): Record<string, KolScore> {
  return Object.fromEntries(result.accounts.map((account) => [account.key, account]));
}

function expectBreakdownSums(result: KolScoreResult): void {
  for (const account of result.accounts) {
    if (account.score === null) continue;
    const points = Object.values(account.scoreBreakdown ?? {}).reduce(
      (sum, value) => sum + value,
      0,
    );
    expect(Math.abs(points - account.score)).toBeLessThanOrEqual(1e-9);
    expect(account.score).toBeGreaterThanOrEqual(0);
    expect(account.score).toBeLessThanOrEqual(100);
  }
}

describe('computeKolScores', () => {
  it('scores 100 × the weighted sum of log-scaled components, with the points of each', () => {
    const graph = fourAccounts();
    const result = computeKolScores(graph, influenceOf(graph, { pagerank: FOUR_PAGERANK }), {
      weights: onlyWeights({ pagerank: 3, followers: 1 }),
    });
    expect(result.weights).toEqual({ pagerank: 0.75, followers: 0.25 });
    expect(result.unavailable).toEqual([]);
    // PageRank above the smallest (0.1): 0.3, 0.2, 0.1, 0 → median 0.2, largest 0.3.
    const pagerank = (s: number) => Math.log1p(s / 0.2) / Math.log1p(0.3 / 0.2);
    // Followers 100, 300, 200, 400 → median 250, largest 400.
    const followers = (s: number) => Math.log1p(s / 250) / Math.log1p(400 / 250);
    const scores = byKey(result);
    expect(scores.a?.scoreBreakdown?.pagerank).toBe(75);
    expect(scores.a?.scoreBreakdown?.followers).toBeCloseTo(25 * followers(100), 12);
    expect(scores.b?.scaled?.pagerank).toBeCloseTo(pagerank(0.2), 12);
    expect(scores.b?.scaled?.followers).toBeCloseTo(followers(300), 12);
    expect(scores.b?.score).toBeCloseTo(75 * pagerank(0.2) + 25 * followers(300), 9);
    expect(scores.c?.score).toBeCloseTo(75 * pagerank(0.1) + 25 * followers(200), 9);
    // Nothing above the floor scores nothing; the largest value scores the component's maximum.
    expect(scores.d?.scoreBreakdown).toEqual({ pagerank: 0, followers: 25 });
    expect(result.accounts.map((account) => account.rank)).toEqual([1, 2, 3, 4]);
    expectBreakdownSums(result);
  });

  it('reorders the accounts as the weights the user gives say', () => {
    const graph = fourAccounts();
    const influence = influenceOf(graph, { pagerank: FOUR_PAGERANK });
    const order = (weights: Record<string, number>) =>
      computeKolScores(graph, influence, { weights: onlyWeights(weights) })
        .accounts.slice()
        .sort((x, y) => (x.rank as number) - (y.rank as number))
        .map((account) => account.key);
    expect(order({ pagerank: 1 })).toEqual(['a', 'b', 'c', 'd']);
    expect(order({ followers: 1 })).toEqual(['d', 'b', 'c', 'a']);
    // Mostly followers, a little PageRank: b (2nd in both) comes first, d (no PageRank) third.
    expect(order({ followers: 0.6, pagerank: 0.4 })).toEqual(['b', 'a', 'd', 'c']);
  });

  it('gives the weight of a metric not computed to the others, and no points for unknown followers', () => {
    const graph = attentionGraph(5, 120, 3, 4);
    graph.forEachNode((node) => {
      const i = Number(node.slice(1));
      if (i % 2 === 0) graph.setNodeAttribute(node, 'followers', 7 * i);
    });
    const influence = computeInfluence(graph, { metrics: { betweenness: false } });
    const result = computeKolScores(graph, influence);
    expect(result.unavailable).toEqual(['betweenness']);
    const total = 0.4 + 0.2 + 0.2 + 0.1;
    expect(result.weights.pagerank).toBeCloseTo(0.4 / total, 12);
    expect(result.weights.followers).toBeCloseTo(0.1 / total, 12);
    expect(result.weights).not.toHaveProperty('betweenness');
    const scores = byKey(result);
    const without = scores.n3 as KolScore;
    expect(without.scoreBreakdown?.followers).toBe(0);
    expect(without.scaled).not.toHaveProperty('followers');
    const v = without.scaled as Record<string, number>;
    const expected =
      (100 *
        (0.4 * (v.pagerank as number) +
          0.2 * (v.inStrength as number) +
          0.2 * (v.reach as number))) /
      total;
    expect(without.score).toBeCloseTo(expected, 9);
    // No component ever gives more than its maximum, 100 × its weight.
    for (const account of result.accounts) {
      for (const [name, points] of Object.entries(account.scoreBreakdown ?? {})) {
        expect(points).toBeLessThanOrEqual(100 * (result.weights[name as 'pagerank'] ?? 0) + 1e-9);
      }
    }
    expectBreakdownSums(result);

    const noFollowers = computeKolScores(graph, influence, { weights: { followers: 0 } });
    expect(noFollowers.unavailable).toEqual(['betweenness']);
    expect(noFollowers.weights.pagerank).toBeCloseTo(0.4 / 0.8, 12);
  });

  it('gives the weight of a component nobody has to the others', () => {
    const graph = fourAccounts();
    const influence = influenceOf(graph, {
      pagerank: FOUR_PAGERANK,
      betweenness: [0, 0, 0, 0],
    });
    const result = computeKolScores(graph, influence, {
      weights: onlyWeights({ pagerank: 1, betweenness: 1 }),
    });
    expect(result.unavailable).toEqual(['betweenness']);
    expect(result.weights).toEqual({ pagerank: 1 });
    expect(byKey(result).a?.score).toBe(100);
  });

  it("sums each account's points to its score, within [0, 100]", () => {
    const graph = attentionGraph(2, 200, 4, 5);
    const partition = Object.fromEntries(graph.nodes().map((key, i) => [key, i % 4]));
    const result = computeKolScores(graph, computeInfluence(graph, { partition }), {
      weights: { authority: 0.3, hub: 0.1, coreness: 0.2 },
    });
    expect(Object.values(result.weights).reduce((sum, weight) => sum + weight, 0)).toBeCloseTo(
      1,
      12,
    );
    expectBreakdownSums(result);
    expect(result.ranked).toBe(200);
  });

  it('multiplies the score of accounts marked low quality, by key or by attribute', () => {
    const graph = fourAccounts();
    const influence = influenceOf(graph, { pagerank: FOUR_PAGERANK });
    const weights = onlyWeights({ pagerank: 3, followers: 1 });
    const plain = byKey(computeKolScores(graph, influence, { weights }));
    const marked = byKey(computeKolScores(graph, influence, { weights, lowQualityKeys: ['a'] }));
    expect(marked.a?.lowQuality).toBe(true);
    expect(marked.a?.score).toBeCloseTo((plain.a?.score as number) * 0.5, 12);
    expect(marked.a?.scoreBreakdown?.pagerank).toBe(37.5);
    expect(marked.a?.rank).toBe(3);
    for (const key of ['b', 'c', 'd']) {
      expect(marked[key]?.score).toBe(plain[key]?.score);
      expect(marked[key]?.lowQuality).toBe(false);
    }

    graph.setNodeAttribute('b', 'lowQuality', true);
    const flagged = byKey(
      computeKolScores(graph, influence, { weights, lowQualityMultiplier: 0.2 }),
    );
    expect(flagged.b?.score).toBeCloseTo((plain.b?.score as number) * 0.2, 12);
    expect(flagged.b?.rank).toBe(4);
    const ignored = byKey(
      computeKolScores(graph, influence, { weights, lowQualityAttribute: null }),
    );
    expect(ignored.b?.score).toBe(plain.b?.score);
  });

  it('leaves excluded actor types in the graph without score, rank or role', () => {
    const graph = fourAccounts();
    const influence = influenceOf(graph, { pagerank: FOUR_PAGERANK });
    const result = computeKolScores(graph, influence, {
      weights: onlyWeights({ pagerank: 1 }),
      excludeActorTypes: ['pharma'],
    });
    const scores = byKey(result);
    expect(graph.hasNode('c')).toBe(true);
    expect(scores.c).toMatchObject({
      score: null,
      scoreBreakdown: null,
      rank: null,
      communityRank: null,
      tier: null,
      role: null,
      excluded: 'actorType',
    });
    expect(result.ranked).toBe(3);
    // On the scale of the three ranked accounts: PageRank above 0.1 is 0.3, 0.2 and 0.
    expect(scores.a?.score).toBe(100);
    expect(scores.b?.score).toBeCloseTo((100 * Math.log1p(0.2 / 0.25)) / Math.log1p(0.3 / 0.25), 9);
    expect(scores.d?.score).toBe(0);
    expect([scores.a?.rank, scores.b?.rank, scores.d?.rank]).toEqual([1, 2, 3]);
  });

  it('ranks nobody when every account is excluded, or the graph is empty', () => {
    const graph = fourAccounts();
    const result = computeKolScores(graph, influenceOf(graph, { pagerank: FOUR_PAGERANK }), {
      excludeActorTypes: ['hcp', 'pharma', 'patient'],
    });
    expect(result.ranked).toBe(0);
    expect(result.accounts.map((account) => account.score)).toEqual([null, null, null, null]);
    const empty = new DirectedGraph();
    expect(computeKolScores(empty, computeInfluence(empty)).accounts).toEqual([]);
  });

  it('ranks stubs by default, marked, and leaves them out with excludeStubs', () => {
    const graph = fourAccounts();
    const influence = influenceOf(graph, { pagerank: FOUR_PAGERANK });
    const weights = onlyWeights({ pagerank: 1 });
    const kept = byKey(computeKolScores(graph, influence, { weights }));
    expect(kept.d).toMatchObject({ stub: true, excluded: null, rank: 4 });
    expect(kept.a?.stub).toBe(false);
    const left = byKey(computeKolScores(graph, influence, { weights, excludeStubs: true }));
    expect(left.d).toMatchObject({ stub: true, excluded: 'stub', score: null, rank: null });
  });

  it('gives ranks (ties by key), community ranks and tiers by the share of accounts above', () => {
    const graph = new DirectedGraph();
    const keys = Array.from({ length: 100 }, (_, i) => `k${String(i).padStart(2, '0')}`);
    for (const key of keys) graph.addNode(key);
    // k00 and k01 tie at the top.
    const pagerank = keys.map((_, i) => (i === 0 ? 99 : 100 - i));
    const partition = Object.fromEntries(keys.map((key, i) => [key, i % 2]));
    const result = computeKolScores(graph, influenceOf(graph, { pagerank }, partition), {
      weights: onlyWeights({ pagerank: 1 }),
    });
    const scores = byKey(result);
    const field = <K extends keyof KolScore>(name: K, ...at: string[]) =>
      at.map((key) => scores[key]?.[name]);
    expect(scores.k00?.score).toBe(scores.k01?.score);
    expect(field('rank', 'k00', 'k01', 'k02', 'k99')).toEqual([1, 2, 3, 100]);
    expect(field('tier', 'k00', 'k01', 'k02', 'k04', 'k05', 'k19', 'k20', 'k99')).toEqual([
      'top1',
      'top1',
      'top5',
      'top5',
      'top20',
      'top20',
      'rest',
      'rest',
    ]);
    expect(field('community', 'k00', 'k01')).toEqual([0, 1]);
    expect(field('communityRank', 'k00', 'k02', 'k04', 'k01', 'k03', 'k99')).toEqual([
      1, 2, 3, 1, 2, 50,
    ]);
  });

  it('reads the communities from the partition option, else the influence, else an attribute', () => {
    const graph = fourAccounts();
    graph.forEachNode((node) => graph.setNodeAttribute(node, 'group', node === 'a' ? 1 : 2));
    const weights = onlyWeights({ pagerank: 1 });
    const attribute = computeKolScores(graph, influenceOf(graph, { pagerank: FOUR_PAGERANK }), {
      weights,
      communityAttribute: 'group',
    });
    expect(attribute.accounts.map((account) => account.community)).toEqual([1, 2, 2, 2]);
    expect(attribute.accounts.map((account) => account.communityRank)).toEqual([1, 1, 2, 3]);
    const fromInfluence = influenceOf(
      graph,
      { pagerank: FOUR_PAGERANK },
      { a: 5, b: 5, c: 6, d: 6 },
    );
    expect(
      computeKolScores(graph, fromInfluence, { weights }).accounts.map(
        (account) => account.community,
      ),
    ).toEqual([5, 5, 6, 6]);
    expect(
      computeKolScores(graph, fromInfluence, { weights, partition: { a: 9 } }).accounts.map(
        (account) => account.community,
      ),
    ).toEqual([9, null, null, null]);
  });

  it('throws InvalidInputError naming a bad option or a mismatched influence result', () => {
    const graph = fourAccounts();
    const influence = influenceOf(graph, { pagerank: FOUR_PAGERANK });
    expectInvalid(
      () => computeKolScores(graph, influence, { weights: { pagerank: -1 } }),
      'weights.pagerank',
    );
    expectInvalid(
      () => computeKolScores(graph, influence, { roles: { hubZ: 'high' as unknown as number } }),
      'roles.hubZ',
    );
    expectInvalid(
      () => computeKolScores(graph, influence, { lowQualityMultiplier: 2 }),
      'lowQualityMultiplier',
    );
    expectInvalid(
      () => computeKolScores(graph, influence, { weights: onlyWeights({ betweenness: 1 }) }),
      'weights',
    );
    expectInvalid(() => computeKolScores(attentionGraph(1, 10, 2, 2), influence), 'influence');
    expect(DEFAULT_KOL_SCORE_OPTIONS.weights).toBe(DEFAULT_SCORE_WEIGHTS);
  });
});

describe('assignKolScores', () => {
  it('computes the influence with the community attribute and writes the scores on the nodes', () => {
    const graph = attentionGraph(3, 90, 3, 4);
    graph.forEachNode((node) =>
      graph.setNodeAttribute(node, 'community', Number(node.slice(1)) % 3),
    );
    graph.setNodeAttribute('n5', 'actorType', 'pharma');
    const result = assignKolScores(graph, { excludeActorTypes: ['pharma'] });
    const influence = computeInfluence(graph, {
      partition: Object.fromEntries(
        graph.mapNodes((node, attributes) => [node, attributes.community]),
      ),
    });
    expect(result).toEqual(computeKolScores(graph, influence, { excludeActorTypes: ['pharma'] }));
    const n0 = result.accounts.find((account) => account.key === 'n0') as KolScore;
    expect(graph.getNodeAttributes('n0')).toMatchObject({
      kolScore: n0.score,
      scoreBreakdown: n0.scoreBreakdown,
      rank: n0.rank,
      communityRank: n0.communityRank,
      tier: n0.tier,
      role: n0.role,
      community: 0,
    });
    expect(graph.getNodeAttributes('n5')).toMatchObject({
      kolScore: null,
      rank: null,
      role: null,
    });
  });

  it('uses the influence result it is given, and writes the community of the partition option', () => {
    const graph = fourAccounts();
    const influence = influenceOf(graph, { pagerank: FOUR_PAGERANK });
    assignKolScores(graph, {
      influence,
      weights: onlyWeights({ pagerank: 1 }),
      partition: { a: 0, b: 0, c: 1, d: 1 },
    });
    expect(graph.mapNodes((_node, attributes) => [attributes.rank, attributes.community])).toEqual([
      [1, 0],
      [2, 0],
      [3, 1],
      [4, 1],
    ]);
  });
});

describe('computeKolScores on the demo data', () => {
  const folder = fileURLToPath(new URL('../../../../../data/demo', import.meta.url));
  const truth = JSON.parse(readFileSync(`${folder}/ground-truth.json`, 'utf8')) as {
    kols: Record<string, string[]>;
    accounts: Record<string, { actorId: string; community: string }>;
  };
  const kolKeys = Object.values(truth.kols).flat();
  let graph: AbstractGraph;
  let scores: Map<string, KolScore>;
  /** Ranked accounts per detected community. */
  const detectedSize = new Map<number, number>();
  /** Planted community → its ranked accounts by decreasing score. */
  const planted = new Map<string, string[]>();

  beforeAll(async () => {
    graph = buildInteractionGraph(await loadDataset(folder));
    const { partition } = detectCommunities(graph);
    const result = computeKolScores(graph, computeInfluence(graph, { partition }));
    scores = new Map(result.accounts.map((account) => [account.key, account]));
    const ranked = result.accounts
      .filter((account) => account.rank !== null)
      .sort((a, b) => (a.rank as number) - (b.rank as number));
    for (const account of ranked) {
      const community = account.community as number;
      detectedSize.set(community, (detectedSize.get(community) ?? 0) + 1);
      const name = truth.accounts[account.key]?.community as string;
      planted.set(name, [...(planted.get(name) ?? []), account.key]);
    }
  });

  /** Rank in the detected community over its size: ≤ 0.05 is the top 5 %. */
  const detectedShare = (key: string) => {
    const account = scores.get(key) as KolScore;
    return (
      (account.communityRank as number) / (detectedSize.get(account.community as number) as number)
    );
  };
  const plantedShare = (key: string) => {
    const members = planted.get(truth.accounts[key]?.community as string) as string[];
    return (members.indexOf(key) + 1) / members.length;
  };
  /** The best-scoring account of each planted KOL actor. */
  const bestAccounts = () => {
    const best = new Map<string, string>();
    for (const key of kolKeys) {
      const actor = truth.accounts[key]?.actorId as string;
      const current = best.get(actor);
      const rank = scores.get(key)?.rank as number;
      if (current === undefined || rank < (scores.get(current)?.rank as number))
        best.set(actor, key);
    }
    return [...best.values()];
  };
  const within = (shares: number[], limit: number) =>
    shares.filter((share) => share <= limit).length;

  // The planted communities are area + language across platforms; follows and interactions stay on
  // one platform, so the detected communities are platform × area, languages merged. An actor's
  // accounts on its secondary platforms receive less attention (median global rank 85 of 2,921).
  it("ranks every planted KOL actor's best account in the top 5 % of its planted community", () => {
    const best = bestAccounts();
    expect(best).toHaveLength(36);
    const shares = best.map(plantedShare);
    // Measured: 36 of 36, the worst at 4.0 %.
    expect(within(shares, 0.05)).toBe(36);
  });

  it("ranks nearly every KOL actor's best account in the top 5 % of its detected community", () => {
    const shares = bestAccounts().map(detectedShare);
    // Measured: 33 of 36; the other three at 5.6 %, 6.6 % and 7.2 %.
    expect(within(shares, 0.05)).toBeGreaterThanOrEqual(33);
    expect(within(shares, 0.08)).toBe(36);
  });

  it('ranks most planted KOL accounts in the top 5 % of their community, detected or planted', () => {
    // Detected: 9 KOL accounts in YouTube's 142-account community cannot all be in its top 7, so
    // at most 83 of the 94 fit; measured 71 (87 in the top 10 %). Planted: measured 81 of 94.
    // The misses are secondary-platform accounts (e.g. a YouTube channel receiving 7.5 of weight).
    const detected = kolKeys.map(detectedShare);
    const plantedShares = kolKeys.map(plantedShare);
    expect(kolKeys).toHaveLength(94);
    expect(within(detected, 0.05)).toBeGreaterThanOrEqual(70);
    expect(within(detected, 0.1)).toBeGreaterThanOrEqual(85);
    expect(within(plantedShares, 0.05)).toBeGreaterThanOrEqual(80);
    expect(within(plantedShares, 0.1)).toBeGreaterThanOrEqual(88);
  });
});
