// Fixtures of the score tests: influence results with chosen metric values, so that scores and ranks
// have answers worked out by hand.
import type { AbstractGraph } from 'graphology-types';
import type { Partition } from '../../../src/analyze/communities/quality.js';
import {
  type InfluenceResult,
  resolveInfluenceOptions,
} from '../../../src/analyze/influence/compute-influence.js';

type Metric = Exclude<keyof InfluenceResult, 'keys' | 'runs' | 'zeroWeightEdges' | 'options'>;

/**
 * An influence result for the graph's nodes (in graph order) with the given values; the strengths
 * missing are 0 everywhere, the other metrics missing are `null` (not computed).
 */
export function influenceOf(
  graph: AbstractGraph,
  metrics: Partial<Record<Metric, number[]>>,
  partition: Partition | null = null,
): InfluenceResult {
  const keys = graph.nodes();
  const zeros = keys.map(() => 0);
  const floats = (name: Metric) => {
    const values = metrics[name];
    return values ? Float64Array.from(values) : null;
  };
  return {
    keys,
    inStrength: Float64Array.from(metrics.inStrength ?? zeros),
    outStrength: Float64Array.from(metrics.outStrength ?? zeros),
    reach: Int32Array.from(metrics.reach ?? zeros),
    outDegree: Int32Array.from(metrics.outDegree ?? zeros),
    pagerank: floats('pagerank'),
    hub: floats('hub'),
    authority: floats('authority'),
    betweenness: floats('betweenness'),
    coreness: metrics.coreness ? Int32Array.from(metrics.coreness) : null,
    withinCommunityZ: floats('withinCommunityZ'),
    participation: floats('participation'),
    runs: { pagerank: null, hits: null, betweenness: null },
    zeroWeightEdges: 0,
    options: resolveInfluenceOptions({ partition }),
  };
}

/** Weights that use only the given components (every default weight set to 0 first). */
export function onlyWeights(weights: Record<string, number>): Record<string, number> {
  return {
    pagerank: 0,
    inStrength: 0,
    reach: 0,
    authority: 0,
    betweenness: 0,
    followers: 0,
    ...weights,
  };
}
