// Real datasets analysed as `kolmap analyze` does, kept on disk between test runs: analysing higgs
// (116k accounts) takes most of a minute, and the maps change only when the analysis or the data
// does. An entry is named by a hash of both (the sources of core and model, the input files' sizes
// and dates, the options), so any change to them analyses again.
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SerializedGraph } from 'graphology-types';
import {
  analyzeGraph,
  buildInteractionGraph,
  type LoadOptions,
  loadDataset,
} from '../../packages/core/src/index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Where the analysed maps are kept (git-ignored with node_modules). */
const CACHE = join(ROOT, 'node_modules/.cache/kolmap-analysed-maps');
/** The sources whose changes change an analysis (folders and files). */
const ANALYSIS_SOURCES = ['packages/core/src', 'packages/model/src', 'test/validation'];

/** A dataset to analyse. */
export interface DatasetToAnalyse {
  /** Names the cache entry. */
  name: string;
  /** The dataset's files as they are in ../shared/data. */
  files: readonly string[];
  /** The files to load (written from `files` when they need converting), asked for on a miss. */
  inputs: () => Promise<string[]>;
  options: LoadOptions;
}

/**
 * The map of a dataset loaded with its options and analysed with seed 42, from the cache when an
 * entry was made from the same sources and data files.
 */
export async function analysedMap(dataset: DatasetToAnalyse): Promise<SerializedGraph> {
  const { name, files, inputs, options } = dataset;
  const file = join(CACHE, `${name}-${analysisHash(files, options)}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as SerializedGraph;
  const graph = buildInteractionGraph(await loadDataset(await inputs(), options));
  analyzeGraph(graph, { seed: 42 });
  const serialized = graph.export();
  mkdirSync(CACHE, { recursive: true });
  for (const old of readdirSync(CACHE)) {
    if (old.startsWith(`${name}-`)) rmSync(join(CACHE, old), { force: true });
  }
  writeFileSync(file, JSON.stringify(serialized));
  return serialized;
}

/** A hash of the analysis' sources, the data files (path, size, modification time), the options. */
function analysisHash(dataFiles: readonly string[], options: LoadOptions): string {
  const hash = createHash('sha256');
  for (const folder of ANALYSIS_SOURCES) {
    const files = readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
    for (const path of files) hash.update(path.slice(ROOT.length)).update(readFileSync(path));
  }
  for (const input of dataFiles) {
    const { size, mtimeMs } = statSync(input);
    hash.update(`${input}\n${size}\n${mtimeMs}\n`);
  }
  hash.update(JSON.stringify(options));
  return hash.digest('hex').slice(0, 16);
}
