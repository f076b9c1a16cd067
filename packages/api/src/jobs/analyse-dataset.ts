// The analysis the API runs on an upload (and on the demo data at first start): core's pipeline
// (runAnalysis, as `kolmap analyze` and `kolmap listen` run it), its map given as the store saves it.
import {
  type AnalysisOptions,
  type AnalysisProgress,
  type InputLimits,
  type MapListening,
  runAnalysis,
} from '@kolmap/core';
import type { SerializedGraph } from 'graphology-types';

/** What an analysis needs besides its options, and never stores with the map. */
export interface AnalysisContext {
  /** Who asked (the API key's name): named on the new pharmacovigilance cases. */
  by: string;
  /** Secret of privacy-mode pseudonyms (KOLMAP_PSEUDONYM_KEY), null when the server has none. */
  pseudonymKey: string | null;
  /** Bounds of the load (KOLMAP_MAX_*); default core's DEFAULT_INPUT_LIMITS. */
  limits?: Partial<InputLimits>;
}

export interface AnalysisResult {
  graph: SerializedGraph;
  /** Records skipped as invalid (with `skipInvalid`). */
  rejected: number;
  /** With `watch`: what the store saves of the listening. */
  listening?: MapListening;
}

/**
 * Runs core's runAnalysis on `files` and gives `graph.export()` (with the provenance attribute
 * `kolmap`), the number of records skipped and, with `watch`, the listening the store saves (the
 * graph then has the node attributes `tonality`, `topic` and `topicCommunity` of the accounts that
 * posted, and the graph attribute `listening`). Bad records throw core's InvalidInputError (naming
 * file, line and field) unless `skipInvalid`.
 */
export async function analyseDataset(
  files: string[],
  options: AnalysisOptions,
  onProgress: (progress: AnalysisProgress) => void = () => undefined,
  context: AnalysisContext = { by: 'kolmap', pseudonymKey: null },
): Promise<AnalysisResult> {
  const limited = context.limits ? { ...options, limits: context.limits } : options;
  const { dataset, graph, listened } = await runAnalysis(files, limited, {
    onProgress,
    by: context.by,
    pseudonymKey: context.pseudonymKey,
  });
  return {
    graph: graph.export(),
    rejected: dataset.report.rejected.length,
    ...(listened && { listening: listened.listening }),
  };
}
