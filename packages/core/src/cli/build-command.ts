// `kolmap build`: load the inputs, build one graph, write it as graphology JSON, GEXF or GraphML.
import type { AbstractGraph } from 'graphology-types';
import { projectActors } from '../build/actor-projection.js';
import { buildCombinedGraph, type CombinedGraphOptions } from '../build/combined-graph.js';
import { buildFollowerGraph, type FollowerGraphOptions } from '../build/follower-graph.js';
import { buildInteractionGraph, type InteractionGraphOptions } from '../build/interaction-graph.js';
import { InvalidInputError } from '../errors.js';
import { graphFileFormatOf, writeGraphFile } from '../export/graph-file.js';
import type { Dataset } from '../load/dataset.js';
import { loadDataset } from '../load/load-dataset.js';
import { INTERACTION_TYPES } from '../schema/vocabulary.js';
import { type InputFlags, toFilters, toLoadOptions } from './input-options.js';
import { createProgress } from './progress.js';
import { writeRejectedReport } from './rejected-report.js';

const GRAPH_KINDS = ['interaction', 'follow', 'combined'] as const;

interface BuildFlags extends InputFlags {
  out: string;
  graph: string;
  actors?: boolean;
  minWeight?: string;
  selfLoops?: string;
  typeWeights?: string;
  json?: boolean;
}

export async function runBuild(inputs: string[], flags: BuildFlags): Promise<void> {
  const format = graphFileFormatOf(flags.out);
  const build = planBuild(flags);
  const progress = createProgress();
  const dataset = await loadDataset(inputs, {
    ...toLoadOptions(flags),
    onProgress: progress.loading,
  });
  progress.stage('building the graph');
  const built = build(dataset);
  const graph = flags.actors ? projectActors(built) : built;
  progress.stage(`writing ${flags.out}`);
  await writeGraphFile(graph, flags.out, format);
  if (flags.skipInvalid) {
    await writeRejectedReport(
      dataset.report.rejected,
      flags.rejected ?? `${flags.out}.rejected.csv`,
    );
  }
  progress.done();
  const summary = {
    out: flags.out,
    graph: flags.graph,
    type: graph.type,
    nodes: graph.order,
    edges: graph.size,
    rejected: dataset.report.rejected.length,
    duplicates: dataset.report.duplicates.length,
    warnings: dataset.report.warnings,
  };
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return;
  }
  process.stdout.write(
    `${summary.type} ${flags.graph} graph: ${summary.nodes} nodes, ${summary.edges} edges → ${flags.out}\n`,
  );
  if (summary.rejected > 0)
    process.stdout.write(`${summary.rejected} records rejected (see the rejected report)\n`);
  for (const warning of summary.warnings) process.stdout.write(`warning: ${warning}\n`);
}

/** Checks the graph options before anything is read, and returns the builder to run. */
function planBuild(flags: BuildFlags): (dataset: Dataset) => AbstractGraph {
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
    const misplaced = ['types', 'since', 'until', 'minWeight', 'typeWeights'].find(
      (flag) => flags[flag as keyof BuildFlags] !== undefined,
    );
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
