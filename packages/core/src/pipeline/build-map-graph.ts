// The build step of an analysis: the account network its options ask for (interactions, follows or
// both combined) of a loaded dataset, projected on actors when asked; or the same as a graph.
import type { AbstractGraph } from 'graphology-types';
import { type AccountNetwork, graphOfNetwork } from '../analyze/account-network.js';
import { projectActorNetwork } from '../build/actor-projection.js';
import { buildCombinedNetwork, type CombinedGraphOptions } from '../build/combined-graph.js';
import { buildFollowerNetwork, type FollowerGraphOptions } from '../build/follower-graph.js';
import {
  buildInteractionNetwork,
  type InteractionGraphOptions,
} from '../build/interaction-graph.js';
import type { Dataset } from '../load/dataset.js';
import type { RunAnalysisOptions } from './analysis-options.js';

/** The options that choose and shape the graph. */
export type MapGraphOptions = Pick<
  RunAnalysisOptions,
  | 'graph'
  | 'actors'
  | 'undirected'
  | 'minWeight'
  | 'typeWeights'
  | 'platforms'
  | 'types'
  | 'since'
  | 'until'
  | 'selfLoops'
>;

/**
 * Builds the graph `options.graph` names of `dataset` (see buildMapNetwork), as a graphology graph.
 */
export function buildMapGraph(dataset: Dataset, options: MapGraphOptions): AbstractGraph {
  return graphOfNetwork(buildMapNetwork(dataset, options));
}

/**
 * Builds the account network `options.graph` names of `dataset`: buildInteractionNetwork,
 * buildFollowerNetwork or buildCombinedNetwork with the options that apply to it (a follow graph
 * takes `platforms`, `undirected` and `selfLoops` only; the combined graph's checks refuse the type
 * `follow`), then projectActorNetwork when `options.actors`.
 */
export function buildMapNetwork(dataset: Dataset, options: MapGraphOptions): AccountNetwork {
  const common: FollowerGraphOptions = {
    ...(options.platforms && { platforms: options.platforms }),
    ...(options.undirected && { undirected: true }),
    ...(options.selfLoops && { selfLoops: options.selfLoops }),
  };
  const built = buildNetwork(dataset, options, common);
  return options.actors ? projectActorNetwork(built) : built;
}

function buildNetwork(
  dataset: Dataset,
  options: MapGraphOptions,
  common: FollowerGraphOptions,
): AccountNetwork {
  if (options.graph === 'follow') return buildFollowerNetwork(dataset, common);
  const interaction: InteractionGraphOptions = {
    ...common,
    ...(options.types && { types: options.types }),
    ...(options.since !== undefined && { since: options.since }),
    ...(options.until !== undefined && { until: options.until }),
    ...(options.minWeight !== undefined && { minWeight: options.minWeight }),
    ...(options.typeWeights && { typeWeights: options.typeWeights }),
  };
  return options.graph === 'interaction'
    ? buildInteractionNetwork(dataset, interaction)
    : buildCombinedNetwork(dataset, interaction as CombinedGraphOptions);
}
