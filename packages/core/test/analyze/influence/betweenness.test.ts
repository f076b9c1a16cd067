import { DirectedGraph, UndirectedGraph } from 'graphology';
import {
  betweennessChecks,
  betweennessPivots,
  computeBetweenness,
  DEFAULT_BETWEENNESS_OPTIONS,
  networkBetweenness,
} from '../../../src/analyze/influence/betweenness.js';
import { toInfluenceNetwork } from '../../../src/analyze/influence/influence-network.js';
import { logScaledValues } from '../../../src/analyze/score/log-scaled-values.js';
import { describeWithSharedData } from '../../shared-data.js';
import {
  attentionGraph,
  expectInvalid,
  maxDifference,
  randomDirectedGraph,
  readReference,
  sharedGraph,
  type Values,
} from './fixtures.js';

describe('computeBetweenness', () => {
  it('normalises by (N − 1)(N − 2) as networkx (a → b → c: b = 0.5)', () => {
    const graph = new DirectedGraph();
    graph.mergeEdge('a', 'b');
    graph.mergeEdge('b', 'c');
    expect(computeBetweenness(graph)).toEqual({
      scores: { a: 0, b: 0.5, c: 0 },
      exact: true,
      stoppedBy: 'exact',
      sources: 3,
      threads: 1,
      topK: 0,
      scaleError: 0,
      errorBound: 0,
    });
  });

  it('splits between equal shortest paths and ignores self-loops', () => {
    const graph = new UndirectedGraph();
    for (const [s, t] of ['ab', 'ac', 'bd', 'cd', 'bb']) graph.mergeEdge(s as string, t as string);
    // Undirected 4-cycle a-b-d-c: the pair (a, d) goes half through b, half through c.
    const { scores } = computeBetweenness(graph);
    expect(scores).toEqual({ a: 1 / 6, b: 1 / 6, c: 1 / 6, d: 1 / 6 });
  });

  it('with weighted: true, follows strong ties (length 1 / weight)', () => {
    const graph = new DirectedGraph();
    graph.mergeEdge('a', 'c', { weight: 1 });
    graph.mergeEdge('a', 'b', { weight: 4 });
    graph.mergeEdge('b', 'c', { weight: 4 });
    expect(computeBetweenness(graph).scores.b).toBe(0);
    expect(computeBetweenness(graph, { weighted: true }).scores.b).toBe(0.5);
  });

  it("equals networkx's exact values on a random directed graph, by hops and by 1 / weight", () => {
    const reference = readReference('random-directed.tsv');
    const graph = randomDirectedGraph();
    const hops = computeBetweenness(graph).scores;
    expect(maxDifference(hops, reference.betweenness as Values)).toBeLessThan(1e-9);
    const weighted = computeBetweenness(graph, { weighted: true }).scores;
    expect(maxDifference(weighted, reference.betweennessWeighted as Values)).toBeLessThan(1e-9);
  });

  it('chooses k from ε and δ by the Hoeffding bound', () => {
    expect(betweennessPivots(100_000, 0.05, 0.1)).toBe(2903);
    expect(betweennessPivots(10_000, 0.1, 0.1)).toBe(612);
  });

  it('checks at pivot counts fixed in advance, whole batches about 1.25× apart, the last the cap', () => {
    const checks = betweennessChecks(2000);
    expect(checks.slice(0, 4)).toEqual([128, 160, 208, 256]);
    expect(checks[checks.length - 1]).toBe(2000);
    for (let c = 1; c < checks.length - 1; c++) {
      const [previous, check] = [checks[c - 1] as number, checks[c] as number];
      expect(check % 16).toBe(0);
      expect(check / previous).toBeGreaterThan(1.1);
      expect(check / previous).toBeLessThan(1.35);
    }
    expect(betweennessChecks(100)).toEqual([100]);
  });

  it('throws InvalidInputError naming a bad option', () => {
    const graph = new DirectedGraph();
    expectInvalid(() => computeBetweenness(graph, { scaleError: 0 }), 'scaleError');
    expectInvalid(() => computeBetweenness(graph, { maxTop: 0 }), 'maxTop');
    expectInvalid(() => computeBetweenness(graph, { delta: 1 }), 'delta');
    expectInvalid(() => computeBetweenness(graph, { samples: 1 }), 'samples');
    expectInvalid(() => computeBetweenness(graph, { topShare: 1 }), 'topShare');
    expectInvalid(() => computeBetweenness(graph, { maxSources: 1 }), 'maxSources');
    expectInvalid(() => computeBetweenness(graph, { maxWork: 0 }), 'maxWork');
    expectInvalid(() => computeBetweenness(graph, { maxSeconds: 0 }), 'maxSeconds');
    expectInvalid(() => computeBetweenness(graph, { threads: 0 }), 'threads');
    expectInvalid(() => computeBetweenness(graph, { exactThreshold: -1 }), 'exactThreshold');
    expectInvalid(() => computeBetweenness(graph, { seed: 0.5 }), 'seed');
    expectInvalid(
      () => computeBetweenness(graph, { weighted: 'yes' as unknown as boolean }),
      'weighted',
    );
  });
});

describe('betweenness above the exact threshold, on a 6,000-node attention graph', () => {
  const network = toInfluenceNetwork(attentionGraph(1, 6000, 20, 5), 'weight');
  const exact = networkBetweenness(network, {
    ...DEFAULT_BETWEENNESS_OPTIONS,
    exactThreshold: 6000,
  });
  const sampledOptions = { ...DEFAULT_BETWEENNESS_OPTIONS, exactThreshold: 1000 };
  const topShare = (scores: Float64Array, share: number) =>
    [...scores.keys()]
      .sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b)
      .slice(0, Math.ceil(share * scores.length));
  const overlap = (scores: Float64Array, share: number) => {
    const exactTop = new Set(topShare(exact.scores, share));
    const top = topShare(scores, share);
    return top.filter((node) => exactTop.has(node)).length / top.length;
  };

  // The KOL score's betweenness points at the default weight 0.1: 10 × the log-scaled value.
  const points = (scores: Float64Array) =>
    (logScaledValues(scores) as Float64Array).map((v) => 10 * v);
  const exactTop = topShare(exact.scores, 0.01);

  it('stops once the top 1 % is precise enough for the score: their points within 3 standard errors of exact, every value within the bound', () => {
    expect(exact).toMatchObject({ exact: true, stoppedBy: 'exact', sources: 6000 });
    const exactPoints = points(exact.scores);
    for (const seed of [1, 2]) {
      const sampled = networkBetweenness(network, { ...sampledOptions, seed });
      expect(sampled).toMatchObject({ exact: false, stoppedBy: 'scaleError', topK: 60 });
      expect(sampled.scaleError).toBeLessThanOrEqual(DEFAULT_BETWEENNESS_OPTIONS.scaleError);
      expect(betweennessChecks(DEFAULT_BETWEENNESS_OPTIONS.maxSources)).toContain(sampled.sources);
      expect(sampled.sources).toBeLessThan(DEFAULT_BETWEENNESS_OPTIONS.maxSources);
      const sampledPoints = points(sampled.scores);
      const tolerance = 3 * 10 * DEFAULT_BETWEENNESS_OPTIONS.scaleError;
      for (const i of exactTop) {
        expect(Math.abs((sampledPoints[i] as number) - (exactPoints[i] as number))).toBeLessThan(
          tolerance,
        );
      }
      let worst = 0;
      sampled.scores.forEach((value, i) => {
        worst = Math.max(worst, Math.abs(value - (exact.scores[i] as number)));
      });
      expect(worst).toBeLessThan(sampled.errorBound);
    }
  });

  it('keeps ≥ 90 % of the exact top 1 % with scaleError 0.025, at more pivots than the default', () => {
    for (const seed of [1, 2]) {
      const loose = networkBetweenness(network, { ...sampledOptions, seed });
      const sampled = networkBetweenness(network, { ...sampledOptions, seed, scaleError: 0.025 });
      expect(sampled.stoppedBy).toBe('scaleError');
      expect(sampled.sources).toBeGreaterThan(loose.sources);
      expect(overlap(sampled.scores, 0.01)).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('stops at maxSources when the top cannot be made precise enough', () => {
    const capped = networkBetweenness(network, {
      ...sampledOptions,
      scaleError: 0.001,
      maxSources: 300,
    });
    expect(capped).toMatchObject({ stoppedBy: 'maxSources', sources: 300 });
    expect(capped.scaleError).toBeGreaterThan(0.001);
  });

  it('stops at maxWork pivots × (nodes + arcs), never below the first check', () => {
    const size = network.keys.length + network.outTargets.length;
    const capped = networkBetweenness(network, {
      ...sampledOptions,
      scaleError: 0.001,
      maxWork: 200.5 * size,
    });
    expect(capped).toMatchObject({ stoppedBy: 'maxWork', sources: 200 });
    const floor = networkBetweenness(network, { ...sampledOptions, scaleError: 0.001, maxWork: 1 });
    expect(floor).toMatchObject({ stoppedBy: 'maxWork', sources: 128 });
  });

  it('is reproducible from its seed', () => {
    const options = { ...sampledOptions, scaleError: 0.001, maxSources: 256 };
    const first = networkBetweenness(network, options);
    expect(first).toMatchObject({ stoppedBy: 'maxSources', sources: 256 });
    expect(networkBetweenness(network, options).scores).toEqual(first.scores);
    expect(networkBetweenness(network, { ...options, seed: 7 }).scores).not.toEqual(first.scores);
  });

  it('gives the same values in this thread and spread over worker threads', () => {
    const options = { ...sampledOptions, scaleError: 0.001, maxSources: 200 };
    const { threads: one, ...alone } = networkBetweenness(network, { ...options, threads: 1 });
    expect(one).toBe(1);
    for (const threads of [2, 3]) {
      const spread = networkBetweenness(network, { ...options, threads });
      expect(spread).toEqual({ ...alone, threads });
    }
  });

  it('uses exactly `samples` pivots when given, with the Hoeffding bound', () => {
    const fixed = networkBetweenness(network, { ...sampledOptions, samples: 50 });
    expect(fixed).toMatchObject({ exact: false, stoppedBy: 'samples', sources: 50, topK: 60 });
    expect(fixed.scaleError).toBeGreaterThan(DEFAULT_BETWEENNESS_OPTIONS.scaleError);
    expect(fixed.errorBound).toBeCloseTo(Math.sqrt(Math.log((2 * 6000) / 0.1) / 98), 12);
  });

  it('stops at the first check after maxSeconds', () => {
    const timed = networkBetweenness(network, {
      ...sampledOptions,
      scaleError: 0.001,
      maxSeconds: 1e-9,
    });
    expect(timed).toMatchObject({ stoppedBy: 'maxSeconds', sources: 128 });
  });
});

describeWithSharedData("computeBetweenness against networkx's exact values", () => {
  it('karate club (undirected)', async () => {
    const graph = await sharedGraph('karate/karate_newman.gml');
    const reference = readReference('karate.tsv');
    const { scores } = computeBetweenness(graph);
    expect(maxDifference(scores, reference.betweenness as Values)).toBeLessThan(1e-9);
  });

  it('Congress (directed), by hops and by 1 / weight', async () => {
    const graph = await sharedGraph('congress_twitter_117/congress.edgelist');
    const reference = readReference('congress.tsv');
    const hops = computeBetweenness(graph).scores;
    expect(maxDifference(hops, reference.betweenness as Values)).toBeLessThan(1e-9);
    const weighted = computeBetweenness(graph, { weighted: true }).scores;
    expect(maxDifference(weighted, reference.betweennessWeighted as Values)).toBeLessThan(1e-9);
  });
});
