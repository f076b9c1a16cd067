// The build step of an analysis: the graph its options ask for (interactions, follows or both
// combined) of a loaded dataset, projected on actors when asked.
import type { AbstractGraph } from 'graphology-types';
import { projectActors } from '../build/actor-projection.js';
import { buildCombinedGraph, type CombinedGraphOptions } from '../build/combined-graph.js';
import { buildFollowerGraph, type FollowerGraphOptions } from '../build/follower-graph.js';
import { buildInteractionGraph, type InteractionGraphOptions } from '../build/interaction-graph.js';
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
 * Builds the graph `options.graph` names of `dataset`: buildInteractionGraph, buildFollowerGraph or
 * buildCombinedGraph with the options that apply to it (a follow graph takes `platforms`,
 * `undirected` and `selfLoops` only; the combined graph's checks refuse the type `follow`), then
 * projectActors when `options.actors`.
 */
export function buildMapGraph(dataset: Dataset, options: MapGraphOptions): AbstractGraph {
  const common: FollowerGraphOptions = {
    ...(options.platforms && { platforms: options.platforms }),
    ...(options.undirected && { undirected: true }),
    ...(options.selfLoops && { selfLoops: options.selfLoops }),
  };
  const built = buildGraph(dataset, options, common);
  return options.actors ? projectActors(built) : built;
}

function buildGraph(
  dataset: Dataset,
  options: MapGraphOptions,
  common: FollowerGraphOptions,
): AbstractGraph {
  if (options.graph === 'follow') return buildFollowerGraph(dataset, common);
  const interaction: InteractionGraphOptions = {
    ...common,
    ...(options.types && { types: options.types }),
    ...(options.since !== undefined && { since: options.since }),
    ...(options.until !== undefined && { until: options.until }),
    ...(options.minWeight !== undefined && { minWeight: options.minWeight }),
    ...(options.typeWeights && { typeWeights: options.typeWeights }),
  };
  return options.graph === 'interaction'
    ? buildInteractionGraph(dataset, interaction)
    : buildCombinedGraph(dataset, interaction as CombinedGraphOptions);
}
