// The analysis of a map, stage after stage: communities → influence → KOL score and roles →
// community profiles and labels → layout. Pure apart from the graph it annotates in place.
import type { AnalysisStage } from '@kolmap/model';
import type { AbstractGraph } from 'graphology-types';
import type { Post } from '../schema/records.js';
import { type CommunityProfile, profileCommunities } from './communities/community-profiles.js';
import {
  type CommunityOptions,
  type CommunityResult,
  detectCommunities,
} from './communities/detect-communities.js';
import {
  assignInfluence,
  type InfluenceOptionsInput,
  type InfluenceResult,
} from './influence/compute-influence.js';
import { assignLayout, type LayoutOptions } from './layout/compute-layout.js';
import { assignNodeSizes } from './layout/node-sizes.js';
import {
  assignKolScores,
  type KolScoreOptionsInput,
  type KolScoreResult,
} from './score/kol-score.js';

export interface AnalyzeOptions {
  /** Seed of every random step (community detection, sampled betweenness, layout). Default 42. */
  seed: number;
  /** Community detection options (see detectCommunities); the seed is `seed`. Default Leiden, resolution 1. */
  communities: Partial<Omit<CommunityOptions, 'seed'>>;
  /** Influence options (see computeInfluence). Default its defaults. */
  influence: InfluenceOptionsInput;
  /** KOL score options (see computeKolScores): weights, exclusions, bot discount, roles. */
  score: KolScoreOptionsInput;
  /** Layout options (see assignLayout), or false to keep the graph's own positions. */
  layout: Partial<Omit<LayoutOptions, 'seed'>> | false;
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

/**
 * Analyses a graph built by the builders and writes the results onto its nodes: `community`,
 * `communityLabel`, the influence metrics (`pagerank`, `inStrength`, `reach`, `betweenness`…),
 * `kolScore`, `scoreBreakdown`, `rank`, `communityRank`, `tier`, `role`, and `x`, `y`, `size`
 * (from PageRank, see assignNodeSizes) unless the layout is off. The graph's
 * attribute `communities` gets the community profiles. Same graph and options → same result.
 *
 * @param onStage called as each stage starts, for progress.
 * @param onProgress called with the fraction done (0 to 1) within the stages that report it (the
 *   layout), for a percentage.
 */
export function analyzeGraph(
  graph: AbstractGraph,
  options: Partial<AnalyzeOptions> = {},
  onStage: (stage: AnalysisStage) => void = () => undefined,
  onProgress: (stage: AnalysisStage, fraction: number) => void = () => undefined,
): MapAnalysis {
  const resolved = { ...DEFAULT_ANALYZE_OPTIONS, ...options };
  const { seed } = resolved;
  onStage('communities');
  const communities = detectCommunities(graph, { ...resolved.communities, seed });
  const { partition } = communities;
  graph.updateEachNodeAttributes((node, attributes) => ({
    ...attributes,
    community: partition[node],
  }));
  onStage('influence');
  const influenceOptions: InfluenceOptionsInput = {
    ...resolved.influence,
    partition,
    betweenness: { seed, ...resolved.influence.betweenness },
  };
  const influence = assignInfluence(graph, influenceOptions);
  onStage('score');
  const scores = assignKolScores(graph, { ...resolved.score, partition, influence });
  onStage('profiles');
  const profiles = profileCommunities(graph, partition, { posts: resolved.posts });
  const labels = new Map(profiles.map((profile) => [profile.id, profile.label]));
  graph.updateEachNodeAttributes((node, attributes) => ({
    ...attributes,
    communityLabel: labels.get(partition[node] as number),
  }));
  graph.setAttribute('communities', profiles);
  if (resolved.layout !== false) {
    onStage('layout');
    assignLayout(graph, { ...resolved.layout, seed }, (fraction) => onProgress('layout', fraction));
    assignNodeSizes(graph);
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
  return { communities, influence, scores, profiles, parameters };
}

/** Options as stored with the map: the partition is on the nodes already. */
function withoutPartition<T extends { partition?: unknown }>(options: T): Omit<T, 'partition'> {
  const { partition: _partition, ...rest } = options;
  return rest;
}
