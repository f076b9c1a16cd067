// Local attention counts: weighted in- and out-strength, distinct accounts reached (in-neighbours) and
// addressed (out-neighbours). Self-loops are an account's attention to itself and count for none of them.
import type { AbstractGraph } from 'graphology-types';
import { checkEdgeWeightGetter, mergeOptions } from '../../options.js';
import type { EdgeWeightGetter } from '../communities/weighted-network.js';
import { type InfluenceNetwork, toInfluenceNetwork, toNodeRecord } from './influence-network.js';

/** Per node, indexed like the network's keys. */
export interface NetworkStrengths {
  /** Σ weight of the edges received from other nodes: attention received. */
  inStrength: Float64Array;
  /** Σ weight of the edges given to other nodes: attention given. */
  outStrength: Float64Array;
  /** Distinct other nodes giving attention (in-neighbours): reach. */
  reach: Int32Array;
  /** Distinct other nodes receiving attention (out-neighbours). */
  outDegree: Int32Array;
}

/** Strengths and distinct neighbours of every node of a network (see `NetworkStrengths`). */
export function networkStrengths(network: InfluenceNetwork): NetworkStrengths {
  const n = network.keys.length;
  const inStrength = new Float64Array(n);
  const outStrength = new Float64Array(n);
  const reach = new Int32Array(n);
  const outDegree = new Int32Array(n);
  const { outOffsets, outTargets, outWeights } = network;
  for (let i = 0; i < n; i++) {
    const end = outOffsets[i + 1] as number;
    for (let k = outOffsets[i] as number; k < end; k++) {
      const j = outTargets[k] as number;
      if (j === i) continue;
      const weight = outWeights[k] as number;
      outStrength[i]! += weight;
      outDegree[i]!++;
      inStrength[j]! += weight;
      reach[j]!++;
    }
  }
  return { inStrength, outStrength, reach, outDegree };
}

export interface StrengthOptions {
  /** Edge weight attribute name, function or `null` (every edge weighs 1). Default `'weight'`. */
  getEdgeWeight: EdgeWeightGetter;
}

export const DEFAULT_STRENGTH_OPTIONS: Readonly<StrengthOptions> = Object.freeze({
  getEdgeWeight: 'weight',
});

/**
 * Weighted in- and out-strength and distinct in- and out-neighbours of every node, keyed by node.
 * Self-loops are left out; parallel edges count once as neighbours and add up as strength; an
 * undirected edge counts both ways. Edges of weight 0 count for nothing.
 *
 * @param options.getEdgeWeight attribute name, function or null; default `'weight'`.
 * @throws InvalidInputError on a negative, NaN or infinite weight.
 */
export function computeStrengths(
  graph: AbstractGraph,
  options: Partial<StrengthOptions> = {},
): Record<keyof NetworkStrengths, Record<string, number>> {
  const { getEdgeWeight } = mergeOptions(DEFAULT_STRENGTH_OPTIONS, options);
  checkEdgeWeightGetter(getEdgeWeight);
  const network = toInfluenceNetwork(graph, getEdgeWeight);
  const strengths = networkStrengths(network);
  return {
    inStrength: toNodeRecord(network.keys, strengths.inStrength),
    outStrength: toNodeRecord(network.keys, strengths.outStrength),
    reach: toNodeRecord(network.keys, strengths.reach),
    outDegree: toNodeRecord(network.keys, strengths.outDegree),
  };
}
