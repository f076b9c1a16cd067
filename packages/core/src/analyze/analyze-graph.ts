// The analysis of a map, stage after stage, on its account network: communities → influence → KOL
// score and roles → community profiles and labels → layout and sizes, each result a per-node column;
// or the same on a graphology graph, whose nodes get every result in one pass.
import type { AnalysisStage } from '@kolmap/model';
import type { AbstractGraph, Attributes } from 'graphology-types';
import type { Post } from '../schema/records.js';
import { type AccountNetwork, networkOfGraph } from './account-network.js';
import {
  type CommunityProfile,
  profileNetworkCommunities,
} from './communities/community-profiles.js';
import {
  type CommunityOptions,
  type CommunityResult,
  detectNetworkCommunities,
} from './communities/detect-communities.js';
import {
  computeNetworkInfluence,
  INFLUENCE_ATTRIBUTES,
  type InfluenceOptionsInput,
  type InfluenceResult,
} from './influence/compute-influence.js';
import { computeNetworkLayout, type LayoutOptions } from './layout/compute-layout.js';
import { computeNodeSizes } from './layout/node-sizes.js';
import {
  computeNetworkKolScores,
  type KolScore,
  type KolScoreOptionsInput,
  type KolScoreResult,
} from './score/kol-score.js';

export interface AnalyzeOptions {
  /** Seed of every random step (community detection, sampled betweenness, layout). Default 42. */
  seed: number;
  /**
   * Community detection options (see detectCommunities); the seed is `seed`, the weights the
   * network's. Default Leiden, resolution 1.
   */
  communities: Partial<Omit<CommunityOptions, 'seed' | 'getEdgeWeight'>>;
  /** Influence options (see computeInfluence; the weights are the network's). Default its defaults. */
  influence: Omit<InfluenceOptionsInput, 'getEdgeWeight'>;
  /** KOL score options (see computeKolScores): weights, exclusions, bot discount, roles. */
  score: KolScoreOptionsInput;
  /**
   * Layout options (see assignLayout; communities and weights are the analysis's), or false to keep
   * the graph's own positions.
   */
  layout: Partial<Omit<LayoutOptions, 'seed' | 'getCommunity' | 'getEdgeWeight'>> | false;
  /** Posts of the map, for the hashtags of the community labels. Default none. */
  posts: readonly Post[];
}

export const DEFAULT_ANALYZE_OPTIONS: Readonly<AnalyzeOptions> = Object.freeze({
  seed: 42,
  communities: {},
  influence: {},
  score: {},
  layout: {},
  posts: [],
});

export interface MapAnalysis {
  communities: CommunityResult;
  influence: InfluenceResult;
  scores: KolScoreResult;
  profiles: CommunityProfile[];
  /** Everything that decided the result, as stored with the map. */
  parameters: Record<string, unknown>;
}

/** A map's analysis on its network, with the per-node columns that are not in its parts. */
export interface NetworkAnalysis extends MapAnalysis {
  /** Positions and sizes of the nodes, indexed like the network's; `null` when the layout is off. */
  layout: {
    x: Float64Array;
    y: Float64Array;
    /** `null` when some node has its own numeric `size` already (a map read from a file). */
    size: Float64Array | null;
  } | null;
}

/**
 * Analyses an account network (see analyzeGraph for every result and option) and returns each result
 * as columns indexed like the network's nodes; `analysisAttributes` turns them into node attributes.
 * Same network and options → same result.
 *
 * @param onStage called as each stage starts, for progress.
 * @param onProgress called with the fraction done (0 to 1) within the stages that report it (the
 *   layout), for a percentage.
 */
export function analyzeNetwork(
  network: AccountNetwork,
  options: Partial<AnalyzeOptions> = {},
  onStage: (stage: AnalysisStage) => void = () => undefined,
  onProgress: (stage: AnalysisStage, fraction: number) => void = () => undefined,
): NetworkAnalysis {
  const resolved = { ...DEFAULT_ANALYZE_OPTIONS, ...options };
  const { seed } = resolved;
  onStage('communities');
  const communities = detectNetworkCommunities(network, { ...resolved.communities, seed });
  const { partition } = communities;
  const community = Float64Array.from(network.keys, (key) => partition[key] as number);
  onStage('influence');
  const influence = computeNetworkInfluence(network, {
    ...resolved.influence,
    partition,
    betweenness: { seed, ...resolved.influence.betweenness },
  });
  onStage('score');
  const scores = computeNetworkKolScores(network, influence, { ...resolved.score, partition });
  onStage('profiles');
  const profiles = profileNetworkCommunities(network, community, { posts: resolved.posts });
  let layout: NetworkAnalysis['layout'] = null;
  if (resolved.layout !== false) {
    onStage('layout');
    const { x, y } = computeNetworkLayout(
      network,
      community,
      { ...resolved.layout, seed },
      (fraction) => onProgress('layout', fraction),
    );
    layout = { x, y, size: nodeSizes(network, influence) };
  }
  const parameters = {
    seed,
    communities: {
      algorithm: communities.algorithm,
      direction: communities.direction,
      resolution: communities.resolution,
      count: communities.count,
      modularity: communities.modularity,
    },
    influence: withoutPartition(influence.options),
    score: withoutPartition(scores.options),
    layout: resolved.layout,
  };
  return { communities, influence, scores, profiles, parameters, layout };
}

/**
 * The attributes of node `i` after an analysis: its own, then `community`, the influence metrics
 * computed (`pagerank`, `inStrength`, `reach`, `betweenness`…), `kolScore`, `scoreBreakdown`,
 * `rank`, `communityRank`, `tier`, `role`, `communityLabel`, and with the layout `x`, `y` and `size`.
 */
export function analysisAttributes(
  network: AccountNetwork,
  analysis: NetworkAnalysis,
): (node: number) => Attributes {
  const { influence, scores, layout } = analysis;
  const written = INFLUENCE_ATTRIBUTES.filter((name) => influence[name] !== null);
  const labels = new Map(analysis.profiles.map((profile) => [profile.id, profile.label]));
  const { partition } = analysis.communities;
  return (node) => {
    const key = network.keys[node] as string;
    const attributes: Attributes = {
      ...network.nodes[node],
      community: partition[key],
    };
    for (const name of written) {
      attributes[name] = (influence[name] as ArrayLike<number>)[node] as number;
    }
    const account = scores.accounts[node] as KolScore;
    attributes.kolScore = account.score;
    attributes.scoreBreakdown = account.scoreBreakdown;
    attributes.rank = account.rank;
    attributes.communityRank = account.communityRank;
    attributes.tier = account.tier;
    attributes.role = account.role;
    if (account.community !== null) attributes.community = account.community;
    attributes.communityLabel = labels.get(partition[key] as number);
    if (layout !== null) {
      attributes.x = layout.x[node];
      attributes.y = layout.y[node];
      if (layout.size !== null) attributes.size = layout.size[node];
    }
    return attributes;
  };
}

/**
 * Analyses a graph built by the builders and writes the results onto its nodes, in one pass once every
 * stage is done: `community`, `communityLabel`, the influence metrics (`pagerank`, `inStrength`,
 * `reach`, `betweenness`…), `kolScore`, `scoreBreakdown`, `rank`, `communityRank`, `tier`, `role`, and
 * `x`, `y`, `size` (from PageRank, see computeNodeSizes; unless some node has a numeric `size`
 * already) unless the layout is off. Edge weights are the `weight` attribute (1 when missing). The
 * graph's attribute `communities` gets the community profiles. Same graph and options → same result.
 *
 * @param onStage called as each stage starts, for progress.
 * @param onProgress called with the fraction done (0 to 1) within the stages that report it (the
 *   layout), for a percentage.
 * @throws InvalidInputError (field `weight`) on a negative, NaN or infinite weight, or naming a bad
 *   option.
 */
export function analyzeGraph(
  graph: AbstractGraph,
  options: Partial<AnalyzeOptions> = {},
  onStage: (stage: AnalysisStage) => void = () => undefined,
  onProgress: (stage: AnalysisStage, fraction: number) => void = () => undefined,
): MapAnalysis {
  const network = networkOfGraph(graph, 'weight');
  const analysis = analyzeNetwork(network, options, onStage, onProgress);
  const attributesOf = analysisAttributes(network, analysis);
  graph.updateEachNodeAttributes((node) => attributesOf(network.index.get(node) as number));
  graph.setAttribute('communities', analysis.profiles);
  const { layout: _layout, ...parts } = analysis;
  return parts;
}

/** Node sizes from PageRank (see computeNodeSizes), `null` when some node has a numeric `size`. */
function nodeSizes(network: AccountNetwork, influence: InfluenceResult): Float64Array | null {
  if (network.nodes.some((attributes) => typeof attributes.size === 'number')) return null;
  const values =
    influence.pagerank ??
    Float64Array.from(network.nodes, (attributes) =>
      typeof attributes.pagerank === 'number' ? attributes.pagerank : Number.NaN,
    );
  return computeNodeSizes(values);
}

/** Options as stored with the map: the partition is on the nodes already. */
function withoutPartition<T extends { partition?: unknown }>(options: T): Omit<T, 'partition'> {
  const { partition: _partition, ...rest } = options;
  return rest;
}
