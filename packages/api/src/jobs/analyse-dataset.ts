// The analysis the API runs on an upload (and on the demo data at first start): load the files,
// build the graph the options ask for, analyse it, and give the graph as the store saves it. The
// same steps as `kolmap analyze`, with options checked by zod instead of parsed from flags.
import {
  ANALYSIS_STAGES,
  analyzeGraph,
  buildCombinedGraph,
  buildFollowerGraph,
  buildInteractionGraph,
  COMMUNITY_ALGORITHMS,
  INPUT_FORMATS,
  INTERACTION_TYPES,
  inputChecksum,
  KOLMAP_VERSION,
  loadDataset,
  platformSchema,
  projectActors,
  watchListSchema,
} from '@kolmap/core';
import type { AbstractGraph, SerializedGraph } from 'graphology-types';
import { z } from 'zod';
import type { SaveListeningInput } from '../store/listening-model.js';
import { listenToDataset } from './listen-dataset.js';

export const GRAPH_KINDS = ['interaction', 'follow', 'combined'] as const;

/** What to build and how to analyse it; every field has a default. */
export const analysisOptionsSchema = z
  .strictObject({
    /** Which graph: interactions (default), follows, or both combined. */
    graph: z.enum(GRAPH_KINDS).default('interaction'),
    /** Merge the accounts of one actor (`actorId`) into one node. */
    actors: z.boolean().default(false),
    undirected: z.boolean().default(false),
    /** Format of every file; default: told from each file name. */
    format: z.enum(INPUT_FORMATS).optional(),
    /** Keep the good records and skip the bad ones instead of refusing the upload. */
    skipInvalid: z.boolean().default(false),
    /** Lines to skip at the top of edge lists. */
    skipLines: z.number().int().min(0).max(1000).optional(),
    /** Platform of records that name none. */
    platform: platformSchema.optional(),
    /** Interaction graphs: drop edges whose aggregated weight is below this. */
    minWeight: z.number().nonnegative().max(1e9).optional(),
    /** Interaction graphs: weight of each interaction type. */
    typeWeights: z
      .partialRecord(z.enum(INTERACTION_TYPES), z.number().nonnegative().max(1e6))
      .optional(),
    algorithm: z.enum(COMMUNITY_ALGORITHMS).default('leiden'),
    resolution: z.number().positive().max(100).default(1),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(42),
    /** Compute a ForceAtlas2 layout (the viewer draws the positions). */
    layout: z.boolean().default(true),
    /**
     * A watch list (docs/listening.md): listen to the posts too, and save the series, topics and
     * pharmacovigilance cases with the map.
     */
    watch: watchListSchema.optional(),
    /** With `watch`: the date the retention limits count back from (ISO 8601); default now. */
    now: z.union([z.iso.datetime({ offset: true }), z.iso.date()]).optional(),
  })
  .refine((options) => options.now === undefined || options.watch !== undefined, {
    message: 'now is the date of the watch list’s retention limits: give it with watch',
    path: ['now'],
  });
export type AnalysisOptionsInput = z.input<typeof analysisOptionsSchema>;
export type AnalysisOptions = z.output<typeof analysisOptionsSchema>;

/** The stages of an analysis, in order, as a job reports them. */
export const ANALYSIS_JOB_STAGES = [
  'loading',
  'building',
  ...ANALYSIS_STAGES,
  'listening',
] as const;
export type AnalysisJobStage = (typeof ANALYSIS_JOB_STAGES)[number];

export interface AnalysisProgress {
  stage: AnalysisJobStage;
  /** Loading only: bytes read of all files so far, and in total. */
  done?: number;
  total?: number;
}

/** What an analysis needs besides its options, and never stores with the map. */
export interface AnalysisContext {
  /** Who asked (the API key's name): named on the new pharmacovigilance cases. */
  by: string;
  /** Secret of privacy-mode pseudonyms (KOLMAP_PSEUDONYM_KEY), null when the server has none. */
  pseudonymKey: string | null;
}

export interface AnalysisResult {
  graph: SerializedGraph;
  /** Records skipped as invalid (with `skipInvalid`). */
  rejected: number;
  /** With `watch`: what the store saves of the listening. */
  listening?: SaveListeningInput;
}

/**
 * Loads `files`, builds and analyses the graph, and gives `graph.export()` with the provenance
 * attribute `kolmap` that `kolmap analyze` writes. Bad records throw core's InvalidInputError
 * (naming file, line and field) unless `skipInvalid`.
 *
 * With `watch`, also listens to the posts (listenToDataset) and gives what the store saves of it; the
 * graph then has the node attributes `tonality`, `topic` and `topicCommunity` of the accounts that
 * posted, and the graph attribute `listening` ({watchList, posts, pvCases}).
 */
export async function analyseDataset(
  files: string[],
  options: AnalysisOptions,
  onProgress: (progress: AnalysisProgress) => void = () => undefined,
  context: AnalysisContext = { by: 'kolmap', pseudonymKey: null },
): Promise<AnalysisResult> {
  onProgress({ stage: 'loading' });
  const dataset = await loadDataset(files, {
    ...(options.format && { format: options.format }),
    ...(options.platform && { platform: options.platform }),
    ...(options.skipLines !== undefined && { skipLines: options.skipLines }),
    undirected: options.undirected,
    skipInvalid: options.skipInvalid,
    onProgress: ({ bytesRead, bytesTotal }) =>
      onProgress({ stage: 'loading', done: bytesRead, total: bytesTotal }),
  });
  onProgress({ stage: 'building' });
  const built = buildGraph(dataset, options);
  const graph = options.actors ? projectActors(built) : built;
  const analysis = analyzeGraph(
    graph,
    {
      seed: options.seed,
      communities: { algorithm: options.algorithm, resolution: options.resolution },
      layout: options.layout ? {} : false,
      posts: dataset.posts,
    },
    (stage) => onProgress({ stage }),
  );
  graph.setAttribute('kolmap', {
    version: KOLMAP_VERSION,
    seed: options.seed,
    inputChecksum: await inputChecksum(files),
    inputs: { graph: options.graph, actors: options.actors, undirected: options.undirected },
    parameters: analysis.parameters,
  });
  const rejected = dataset.report.rejected.length;
  if (!options.watch) return { graph: graph.export(), rejected };
  onProgress({ stage: 'listening' });
  const { listening, nodeAttributes } = listenToDataset(dataset, graph, options.watch, {
    now: new Date(options.now ?? Date.now()).toISOString(),
    seed: options.seed,
    by: context.by,
    pseudonymKey: context.pseudonymKey,
  });
  for (const [node, attributes] of nodeAttributes) graph.mergeNodeAttributes(node, attributes);
  graph.setAttribute('listening', {
    watchList: options.watch.name ?? null,
    posts: listening.counts.listened,
    pvCases: listening.counts.pvCases,
  });
  return { graph: graph.export(), rejected, listening };
}

function buildGraph(
  dataset: Parameters<typeof buildInteractionGraph>[0],
  options: AnalysisOptions,
): AbstractGraph {
  const common = { undirected: options.undirected };
  if (options.graph === 'follow') return buildFollowerGraph(dataset, common);
  const interaction = {
    ...common,
    ...(options.minWeight !== undefined && { minWeight: options.minWeight }),
    ...(options.typeWeights && { typeWeights: options.typeWeights }),
  };
  return options.graph === 'interaction'
    ? buildInteractionGraph(dataset, interaction)
    : buildCombinedGraph(dataset, interaction);
}
