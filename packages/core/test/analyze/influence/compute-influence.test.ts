import { computeBetweenness } from '../../../src/analyze/influence/betweenness.js';
import { computeCommunityRoles } from '../../../src/analyze/influence/community-roles.js';
import {
  assignInfluence,
  computeInfluence,
  DEFAULT_INFLUENCE_OPTIONS,
  INFLUENCE_ATTRIBUTES,
} from '../../../src/analyze/influence/compute-influence.js';
import { computeCoreness } from '../../../src/analyze/influence/coreness.js';
import { computeHits } from '../../../src/analyze/influence/hits.js';
import { computePageRank } from '../../../src/analyze/influence/pagerank.js';
import { computeStrengths } from '../../../src/analyze/influence/strengths.js';
import { attentionGraph, expectInvalid } from './fixtures.js';

const record = (keys: string[], values: ArrayLike<number> | null) =>
  Object.fromEntries(keys.map((key, i) => [key, values?.[i]]));

describe('computeInfluence', () => {
  const graph = attentionGraph(3, 300, 3, 4);
  const partition = Object.fromEntries(graph.nodes().map((key, i) => [key, i % 3]));

  it("gives each metric's own values, indexed like keys", () => {
    const result = computeInfluence(graph, {
      partition,
      pagerank: { alpha: 0.8 },
      betweenness: { weighted: true },
      roles: { weighted: true },
    });
    expect(result.keys).toEqual(graph.nodes());
    const strengths = computeStrengths(graph);
    for (const name of ['inStrength', 'outStrength', 'reach', 'outDegree'] as const) {
      expect(record(result.keys, result[name])).toEqual(strengths[name]);
    }
    expect(record(result.keys, result.pagerank)).toEqual(
      computePageRank(graph, { alpha: 0.8 }).scores,
    );
    const hits = computeHits(graph);
    expect(record(result.keys, result.hub)).toEqual(hits.hubs);
    expect(record(result.keys, result.authority)).toEqual(hits.authorities);
    expect(record(result.keys, result.betweenness)).toEqual(
      computeBetweenness(graph, { weighted: true }).scores,
    );
    expect(record(result.keys, result.coreness)).toEqual(computeCoreness(graph));
    const roles = computeCommunityRoles(graph, partition, { weighted: true });
    expect(record(result.keys, result.withinCommunityZ)).toEqual(roles.withinCommunityZ);
    expect(record(result.keys, result.participation)).toEqual(roles.participation);
    expect(result.runs.pagerank).toMatchObject({ converged: true });
    expect(result.runs.hits).toMatchObject({ converged: true });
    expect(result.runs.betweenness).toEqual({
      exact: true,
      stoppedBy: 'exact',
      sources: 300,
      threads: 1,
      topK: 0,
      scaleError: 0,
      errorBound: 0,
    });
    expect(result.options.pagerank.alpha).toBe(0.8);
    expect(result.options.pagerank.tolerance).toBe(DEFAULT_INFLUENCE_OPTIONS.pagerank.tolerance);
  });

  it("leaves an account's attention to itself out of its PageRank", () => {
    const looped = graph.copy();
    const [first] = looped.nodes();
    looped.mergeEdge(first as string, first as string, { weight: 10 });
    const result = computeInfluence(looped, { metrics: { betweenness: false } });
    expect(result.options.pagerank.selfLoops).toBe(false);
    expect(record(result.keys, result.pagerank)).toEqual(computePageRank(graph).scores);
    const kept = computeInfluence(looped, {
      metrics: { betweenness: false },
      pagerank: { selfLoops: true },
    });
    expect(record(kept.keys, kept.pagerank)).toEqual(computePageRank(looped).scores);
  });

  it('skips metrics switched off, and roles without a partition', () => {
    const result = computeInfluence(graph, {
      metrics: { pagerank: false, hits: false, betweenness: false, coreness: false },
    });
    for (const name of ['pagerank', 'hub', 'authority', 'betweenness', 'coreness'] as const) {
      expect(result[name]).toBeNull();
    }
    expect(result.withinCommunityZ).toBeNull();
    expect(result.participation).toBeNull();
    expect(result.runs).toEqual({ pagerank: null, hits: null, betweenness: null });
    expect(result.inStrength).toHaveLength(300);
  });

  it('throws InvalidInputError naming the path of a bad option', () => {
    expectInvalid(() => computeInfluence(graph, { pagerank: { alpha: 2 } }), 'pagerank.alpha');
    expectInvalid(
      () => computeInfluence(graph, { hits: { maxIterations: 0 } }),
      'hits.maxIterations',
    );
    expectInvalid(
      () => computeInfluence(graph, { betweenness: { scaleError: 3 } }),
      'betweenness.scaleError',
    );
    expectInvalid(
      () => computeInfluence(graph, { metrics: { hits: 'no' as unknown as boolean } }),
      'metrics.hits',
    );
    expectInvalid(() => computeInfluence(graph, { partition: { n0: 1 } }), 'partition');
    expectInvalid(
      () => computeInfluence(graph, { pagerank: { personalization: { nobody: 1 } } }),
      'pagerank.personalization',
    );
  });

  it('keeps its defaults frozen', () => {
    expect(Object.isFrozen(DEFAULT_INFLUENCE_OPTIONS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_INFLUENCE_OPTIONS.pagerank)).toBe(true);
    expect(DEFAULT_INFLUENCE_OPTIONS.pagerank).not.toHaveProperty('getEdgeWeight');
  });
});

describe('assignInfluence', () => {
  it('writes each computed metric to the node attribute of its name', () => {
    const graph = attentionGraph(4, 100, 2, 3);
    graph.setNodeAttribute('n0', 'pagerank', 'kept?');
    const partition = Object.fromEntries(graph.nodes().map((key, i) => [key, i % 2]));
    const result = assignInfluence(graph, { partition });
    const i = result.keys.indexOf('n5');
    for (const name of INFLUENCE_ATTRIBUTES) {
      expect(graph.getNodeAttribute('n5', name)).toBe((result[name] as ArrayLike<number>)[i]);
    }
    expect(typeof graph.getNodeAttribute('n0', 'pagerank')).toBe('number');
  });

  it('leaves the attributes of skipped metrics alone', () => {
    const graph = attentionGraph(4, 50, 2, 3);
    graph.setNodeAttribute('n0', 'betweenness', 'earlier');
    assignInfluence(graph, { metrics: { betweenness: false } });
    expect(graph.getNodeAttribute('n0', 'betweenness')).toBe('earlier');
    expect(graph.getNodeAttribute('n0', 'participation')).toBeUndefined();
    expect(typeof graph.getNodeAttribute('n0', 'coreness')).toBe('number');
  });
});
