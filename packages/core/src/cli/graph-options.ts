// Options that choose and shape the graph built from the inputs (shared by build, communities…),
// and the load → build → project sequence every graph command runs.
import { type Command, Option } from 'commander';
import type { AbstractGraph } from 'graphology-types';
import { projectActors } from '../build/actor-projection.js';
import { buildCombinedGraph, type CombinedGraphOptions } from '../build/combined-graph.js';
import { buildFollowerGraph, type FollowerGraphOptions } from '../build/follower-graph.js';
import { buildInteractionGraph, type InteractionGraphOptions } from '../build/interaction-graph.js';
import { InvalidInputError } from '../errors.js';
import type { Dataset } from '../load/dataset.js';
import { loadDataset } from '../load/load-dataset.js';
import { INTERACTION_TYPES } from '../schema/vocabulary.js';
import { type InputFlags, toFilters, toLoadOptions, withInputOptions } from './input-options.js';
import type { Progress } from './progress.js';

const GRAPH_KINDS = ['interaction', 'follow', 'combined'] as const;

export interface GraphFlags extends InputFlags {
  graph: string;
  actors?: boolean;
  minWeight?: string;
  selfLoops?: string;
  typeWeights?: string;
}

/** Adds the input options and the graph options to a command. */
export function withGraphOptions(command: Command): Command {
  return withInputOptions(command)
    .addOption(
      new Option('--graph <kind>', 'which graph to build')
        .choices(GRAPH_KINDS)
        .default('interaction'),
    )
    .option('--actors', 'merge the accounts of one actor (actorId) into one node')
    .option('--min-weight <w>', 'drop edges whose aggregated weight is below w')
    .option('--self-loops <policy>', 'keep (default) | drop edges from an account to itself')
    .option('--type-weights <list>', 'weights per interaction type, e.g. repost=3,like=0.5');
}

/**
 * Loads the inputs and builds the graph the flags ask for. The graph options are checked before
 * anything is read, so a typo does not cost a long load.
 */
export async function loadGraph(
  inputs: string[],
  flags: GraphFlags,
  progress: Progress,
): Promise<{ dataset: Dataset; graph: AbstractGraph }> {
  const build = planBuild(flags);
  const dataset = await loadDataset(inputs, {
    ...toLoadOptions(flags),
    onProgress: progress.loading,
  });
  progress.stage('building the graph');
  const built = build(dataset);
  return { dataset, graph: flags.actors ? projectActors(built) : built };
}

/** Checks the graph options before anything is read, and returns the builder to run. */
function planBuild(flags: GraphFlags): (dataset: Dataset) => AbstractGraph {
  if (!(GRAPH_KINDS as readonly string[]).includes(flags.graph)) {
    throw new InvalidInputError({
      field: 'graph',
      message: `expected one of ${GRAPH_KINDS.join(', ')}, got "${flags.graph}"`,
    });
  }
  const { platforms, ...interactionFilters } = toFilters(flags);
  const common: FollowerGraphOptions = { ...(platforms && { platforms }) };
  if (flags.undirected) common.undirected = true;
  if (flags.selfLoops !== undefined) {
    if (flags.selfLoops !== 'keep' && flags.selfLoops !== 'drop') {
      throw new InvalidInputError({
        field: 'self-loops',
        message: `expected keep or drop, got "${flags.selfLoops}"`,
      });
    }
    common.selfLoops = flags.selfLoops;
  }
  if (flags.graph === 'follow') {
    const interactionOnly = ['types', 'since', 'until', 'minWeight', 'typeWeights'] as const;
    const misplaced = interactionOnly.find((flag) => flags[flag] !== undefined);
    if (misplaced) {
      throw new InvalidInputError({
        field: misplaced,
        message: 'applies to interaction and combined graphs, not to the follow graph',
      });
    }
    return (dataset) => buildFollowerGraph(dataset, common);
  }
  const options: InteractionGraphOptions = { ...common, ...interactionFilters };
  if (flags.minWeight !== undefined) options.minWeight = toNumber(flags.minWeight, 'min-weight');
  if (flags.typeWeights !== undefined) options.typeWeights = toTypeWeights(flags.typeWeights);
  return flags.graph === 'interaction'
    ? (dataset) => buildInteractionGraph(dataset, options)
    : (dataset) => buildCombinedGraph(dataset, options as CombinedGraphOptions);
}

function toTypeWeights(list: string): NonNullable<InteractionGraphOptions['typeWeights']> {
  const weights: Record<string, number> = {};
  for (const pair of list.split(',')) {
    const [type = '', value = ''] = pair.split('=').map((part) => part.trim());
    if (!(INTERACTION_TYPES as readonly string[]).includes(type)) {
      throw new InvalidInputError({
        field: 'type-weights',
        message: `unknown interaction type "${type}"; expected ${INTERACTION_TYPES.join(', ')}`,
      });
    }
    weights[type] = toNumber(value, 'type-weights');
  }
  return weights;
}

function toNumber(value: string, field: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number)) {
    throw new InvalidInputError({ field, message: `expected a number, got "${value}"` });
  }
  return number;
}
