// The analysis pipeline `kolmap analyze`, `kolmap listen` and the API's jobs all run: load → build →
// analyse → provenance → listening (with a watch list), its stages named once.

import type { PipelineStage } from '@kolmap/model';
import type { AbstractGraph } from 'graphology-types';
import { graphOfNetwork } from '../analyze/account-network.js';
import { analysisAttributes, analyzeNetwork, type MapAnalysis } from '../analyze/analyze-graph.js';
import { AnalysisAbortedError } from '../errors.js';
import type { Dataset } from '../load/dataset.js';
import { inputChecksum } from '../load/input-checksum.js';
import { loadDataset } from '../load/load-dataset.js';
import { KOLMAP_VERSION } from '../version.js';
import type { RunAnalysisOptions } from './analysis-options.js';
import { buildMapNetwork } from './build-map-graph.js';
import { type ListenedDataset, listenToDataset } from './listen-to-dataset.js';

export interface AnalysisProgress {
  stage: PipelineStage;
  /** Loading only: the file being read. */
  file?: string;
  /** Within the stage, when it says: loading, the bytes of `file` read; layout, the percent done. */
  done?: number;
  /** What `done` counts up to: loading, the size of `file`; layout, 100. */
  total?: number;
}

/** How to run an analysis: progress, cancellation, and what listening needs but never stores. */
export interface RunAnalysisContext {
  /** Called as each stage starts, as files are read (stage `loading`) and as the layout goes on. */
  onProgress?: (progress: AnalysisProgress) => void;
  /** Checked between stages: once aborted, the analysis throws AnalysisAbortedError. */
  signal?: AbortSignal;
  /** Who is named on the new pharmacovigilance cases. Default `kolmap`. */
  by?: string;
  /** Secret of privacy-mode pseudonyms; needed when the watch list turns privacy on. Default none. */
  pseudonymKey?: string | null;
  /** When listening runs, and the new cases are opened (ISO 8601). Default the current time. */
  listenedAt?: string;
}

export interface AnalysisRun {
  dataset: Dataset;
  /** The analysed map, with its provenance as the graph attribute `kolmap`. */
  graph: AbstractGraph;
  analysis: MapAnalysis;
  /** With `options.watch`. */
  listened?: ListenedDataset;
}

/**
 * Runs an analysis: loads `inputs` (files or folders, see loadDataset), builds the account network
 * the options ask for (buildMapNetwork), analyses it (analyzeNetwork: communities, influence, KOL
 * scores and roles, profiles, layout), builds the map's graph once with every result on its nodes
 * (graphOfNetwork, analysisAttributes), records its provenance as the graph attribute `kolmap` ({version, seed,
 * inputChecksum, inputs: {graph, actors, undirected}, parameters}), and with `options.watch` listens
 * to the posts (listenToDataset, retention counted back from `options.now`, default now): the nodes
 * that posted get `tonality`, `topic` and `topicCommunity`, and the graph the attribute `listening`
 * ({watchList, posts, pvCases}). Same inputs and options → same map.
 *
 * @param options - see analysisOptionsSchema for each option and its default; besides, the builders'
 *   `platforms`, `types`, `since`, `until`, `selfLoops` and the KOL score's `score` (default none).
 * @param context - `onProgress` (default none), `signal` (default none), `by` (default `kolmap`),
 *   `pseudonymKey` (default null), `listenedAt` (default the current time).
 * @throws InvalidInputError for bad records (unless `options.skipInvalid`) or options, and when the
 *   watch list turns privacy mode on without `context.pseudonymKey`.
 * @throws UnreadableInputError when an input cannot be read.
 * @throws AnalysisAbortedError once `context.signal` is aborted, at the next stage.
 */
export async function runAnalysis(
  inputs: string[],
  options: RunAnalysisOptions,
  context: RunAnalysisContext = {},
): Promise<AnalysisRun> {
  const { signal } = context;
  const checkpoint = () => {
    if (signal?.aborted) throw new AnalysisAbortedError({ cause: signal.reason });
  };
  const report = (progress: AnalysisProgress) => {
    checkpoint();
    context.onProgress?.(progress);
  };
  report({ stage: 'loading' });
  const dataset = await loadDataset(inputs, {
    ...(options.format && { format: options.format }),
    ...(options.platform && { platform: options.platform }),
    ...(options.skipLines !== undefined && { skipLines: options.skipLines }),
    undirected: options.undirected,
    skipInvalid: options.skipInvalid,
    ...(options.limits && { limits: options.limits }),
    onProgress: ({ file, bytesRead, bytesTotal }) =>
      context.onProgress?.({ stage: 'loading', file, done: bytesRead, total: bytesTotal }),
  });
  report({ stage: 'building' });
  const network = buildMapNetwork(dataset, options);
  const analyzed = analyzeNetwork(
    network,
    {
      seed: options.seed,
      communities: { algorithm: options.algorithm, resolution: options.resolution },
      ...(options.score && { score: options.score }),
      layout: options.layout ? {} : false,
      posts: dataset.posts,
    },
    (stage) => report({ stage }),
    (stage, fraction) =>
      context.onProgress?.({ stage, done: Math.round(fraction * 100), total: 100 }),
  );
  checkpoint();
  const graph = graphOfNetwork(network, analysisAttributes(network, analyzed));
  graph.setAttribute('communities', analyzed.profiles);
  const { layout: _layout, ...analysis } = analyzed;
  graph.setAttribute('kolmap', {
    version: KOLMAP_VERSION,
    seed: options.seed,
    inputChecksum: await inputChecksum(inputs),
    inputs: { graph: options.graph, actors: options.actors, undirected: options.undirected },
    parameters: analysis.parameters,
  });
  if (!options.watch) return { dataset, graph, analysis };
  report({ stage: 'listening' });
  const listened = listenToDataset(dataset, graph, options.watch, {
    now: new Date(options.now ?? Date.now()).toISOString(),
    seed: options.seed,
    by: context.by ?? 'kolmap',
    pseudonymKey: context.pseudonymKey ?? null,
    ...(context.listenedAt !== undefined && { listenedAt: context.listenedAt }),
  });
  for (const [node, attributes] of listened.nodeAttributes) {
    graph.mergeNodeAttributes(node, attributes);
  }
  graph.setAttribute('listening', {
    watchList: options.watch.name ?? null,
    posts: listened.listening.counts.listened,
    pvCases: listened.listening.counts.pvCases,
  });
  return { dataset, graph, analysis, listened };
}
