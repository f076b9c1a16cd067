// Options that choose and shape the graph built from the inputs (shared by build, communities,
// analyze), and the load → build sequence of the commands that do not analyse.
import {
  buildMapGraph,
  type Dataset,
  GRAPH_KINDS,
  type GraphKind,
  INTERACTION_TYPES,
  type InteractionGraphOptions,
  InvalidInputError,
  loadDataset,
  type MapGraphOptions,
} from '@kolmap/core';
import { type Command, Option } from 'commander';
import type { AbstractGraph } from 'graphology-types';
import { type InputFlags, toFilters, toLoadOptions, withInputOptions } from './input-options.js';
import type { Progress } from './progress.js';

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
 * Loads the inputs and builds the graph the flags ask for (buildMapGraph). The graph options are
 * checked before anything is read, so a typo does not cost a long load.
 */
export async function loadGraph(
  inputs: string[],
  flags: GraphFlags,
  progress: Progress,
): Promise<{ dataset: Dataset; graph: AbstractGraph }> {
  const options = toGraphOptions(flags);
  const dataset = await loadDataset(inputs, {
    ...toLoadOptions(flags),
    onProgress: progress.loading,
  });
  progress.stage('building the graph');
  return { dataset, graph: buildMapGraph(dataset, options) };
}

/** The graph options named by the flags, checked (an analysis' graph options, see buildMapGraph). */
export function toGraphOptions(flags: GraphFlags): MapGraphOptions {
  if (!(GRAPH_KINDS as readonly string[]).includes(flags.graph)) {
    throw new InvalidInputError({
      field: 'graph',
      message: `expected one of ${GRAPH_KINDS.join(', ')}, got "${flags.graph}"`,
    });
  }
  const options: MapGraphOptions = {
    graph: flags.graph as GraphKind,
    actors: flags.actors === true,
    undirected: flags.undirected === true,
    ...toFilters(flags),
  };
  if (flags.selfLoops !== undefined) {
    if (flags.selfLoops !== 'keep' && flags.selfLoops !== 'drop') {
      throw new InvalidInputError({
        field: 'self-loops',
        message: `expected keep or drop, got "${flags.selfLoops}"`,
      });
    }
    options.selfLoops = flags.selfLoops;
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
    return options;
  }
  if (flags.minWeight !== undefined) options.minWeight = toNumber(flags.minWeight, 'min-weight');
  if (flags.typeWeights !== undefined) options.typeWeights = toTypeWeights(flags.typeWeights);
  return options;
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
