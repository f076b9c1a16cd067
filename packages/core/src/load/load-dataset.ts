// The entry point of every load (CLI and API): tells each input's format, expands folders, runs the
// loaders into one DatasetCollector and fails with every problem found, or returns the Dataset.
import type { Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { RecordKind } from '@kolmap/model';
import { type InputProblem, InvalidInputError, UnreadableInputError } from '../errors.js';
import { csvRecordKind, loadCsv } from './csv.js';
import { type Dataset, DatasetCollector } from './dataset.js';
import { loadEdgeList, loadSnap } from './edge-list.js';
import { loadGml } from './gml.js';
import { loadGexf, loadGraphml } from './graph-files.js';
import { loadJsonl } from './jsonl.js';
import { INPUT_FORMATS, type InputFormat, type LoadOptions } from './options.js';
import { throttled } from './read-line-batches.js';
import { MAX_PROBLEMS } from './record-sink.js';
import { resolveLoadOptions } from './resolve-load-options.js';

type Loader = (file: string, collector: DatasetCollector, options: LoadOptions) => Promise<void>;

const LOADERS: Record<InputFormat, Loader> = {
  jsonl: loadJsonl,
  csv: loadCsv,
  edgelist: loadEdgeList,
  snap: loadSnap,
  gml: loadGml,
  gexf: loadGexf,
  graphml: loadGraphml,
};

const EXTENSION_FORMATS: Record<string, InputFormat> = {
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  txt: 'snap',
  edgelist: 'snap',
  edges: 'snap',
  gml: 'gml',
  gexf: 'gexf',
  graphml: 'graphml',
};

const KNOWN_NAMES =
  '.jsonl/.ndjson (jsonl), .csv/.tsv (csv for accounts, follows, posts, interactions.csv, else ' +
  'edgelist), .txt/.edgelist/.edges (snap), .gml, .gexf, .graphml, each optionally .gz';

/** Order of kolmap record files in a folder; other files come after them. */
const KIND_ORDER: readonly RecordKind[] = ['account', 'post', 'follow', 'interaction'];

interface InputFile {
  file: string;
  format: InputFormat;
}

/**
 * The format of a file: `format` when given, else told by its name with any `.gz` removed:
 * `.jsonl`/`.ndjson` → jsonl; `.csv`/`.tsv` → csv for the kolmap record files (accounts.csv,
 * follows.csv, posts.csv, interactions.csv, see `csvRecordKind`), else edgelist;
 * `.txt`/`.edgelist`/`.edges` → snap; `.gml`, `.gexf`, `.graphml` → their own format.
 *
 * @param file - a file name or path.
 * @param format - the format to use whatever the name says. Default: none.
 * @throws UnreadableInputError when there is no `format` and the name tells none, saying which
 *   names and formats kolmap knows.
 */
export function detectFormat(file: string, format?: InputFormat): InputFormat {
  if (format !== undefined) return format;
  const detected = formatOfName(file);
  if (detected === undefined) {
    throw new UnreadableInputError(
      file,
      `cannot tell the format from the name; kolmap reads ${KNOWN_NAMES}, or give a format (${INPUT_FORMATS.join('|')})`,
    );
  }
  return detected;
}

/**
 * Loads files and folders into one Dataset. Each input is a file, read in the format
 * {@link detectFormat} gives, or a folder: every file in it with a name kolmap knows (not
 * recursively), sorted by name, the kolmap record files first (accounts, posts, follows,
 * interactions), then the others; files and sub-folders it does not read are listed in
 * `report.warnings`. Text formats are streamed and may be gzipped.
 *
 * By default any bad record fails the load: reading goes on to gather the problems (up to 50 over
 * the whole load), then one InvalidInputError carries them all, each naming file, line and field,
 * and nothing is returned. With `skipInvalid`, bad records are skipped and every problem is listed
 * in `report.rejected`.
 *
 * @param inputs - one or more paths of files or folders.
 * @param options - `format` (default: told by each file name; in a folder it applies to the files
 *   whose name kolmap knows), `skipInvalid` (default false), `platform` (default `other`): platform
 *   of records that name none, `undirected` (default false): the dataset is undirected whatever the
 *   files say, `skipLines` (default 0): lines skipped at the top of edge lists, `onProgress`
 *   (default none): called with the bytes read of each file about every megabyte and at its end.
 * @throws UnreadableInputError when an input does not exist or cannot be read, a file's format
 *   cannot be told, or a folder holds no file kolmap reads.
 * @throws InvalidInputError for bad options or bad records.
 */
export async function loadDataset(
  inputs: string | string[],
  options: LoadOptions = {},
): Promise<Dataset> {
  const resolved = resolveLoadOptions(options);
  const collector = new DatasetCollector({
    defaultPlatform: resolved.platform,
    maxRecords: resolved.limits.maxRecords,
  });
  const files = await inputFiles(
    typeof inputs === 'string' ? [inputs] : inputs,
    resolved.format,
    collector.report.warnings,
  );
  const problems: InputProblem[] = [];
  for (const { file, format } of files) {
    collector.report.files.push(file);
    const onProgress = resolved.onProgress && throttled(resolved.onProgress);
    try {
      await LOADERS[format](file, collector, { ...resolved, onProgress });
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      problems.push(...error.problems);
      if (problems.length >= MAX_PROBLEMS) break;
    }
  }
  if (problems.length > 0) throw new InvalidInputError(problems.slice(0, MAX_PROBLEMS));
  if (resolved.undirected) collector.directed = false;
  return collector.finish();
}

/** The files to read, in order; every input is checked before any is read. */
async function inputFiles(
  inputs: string[],
  format: InputFormat | undefined,
  warnings: string[],
): Promise<InputFile[]> {
  if (inputs.length === 0) {
    throw new InvalidInputError({
      field: 'inputs',
      message: 'expected at least one file or folder',
    });
  }
  const files: InputFile[] = [];
  for (const input of inputs) {
    if ((await statOf(input)).isDirectory()) {
      files.push(...(await folderFiles(input, format, warnings)));
    } else {
      files.push({ file: input, format: detectFormat(input, format) });
    }
  }
  return files;
}

async function folderFiles(
  folder: string,
  format: InputFormat | undefined,
  warnings: string[],
): Promise<InputFile[]> {
  const names = (await namesIn(folder)).sort(byCodePoint);
  const files: InputFile[] = [];
  for (const name of names) {
    const file = join(folder, name);
    const detected = formatOfName(name);
    if (!(await statOf(file)).isFile()) {
      warnings.push(`${file}: not read (folders are not read recursively)`);
    } else if (detected === undefined) {
      warnings.push(`${file}: not read (not a format kolmap knows)`);
    } else {
      files.push({ file, format: format ?? detected });
    }
  }
  if (files.length === 0) {
    throw new UnreadableInputError(
      folder,
      `no file kolmap reads in this folder; it reads ${KNOWN_NAMES}`,
    );
  }
  return files.sort((a, b) => folderRank(a.file) - folderRank(b.file));
}

/** Position of a file among the files of a folder: record files by kind, then the rest. */
function folderRank(file: string): number {
  const kind = csvRecordKind(file);
  return kind === undefined ? KIND_ORDER.length : KIND_ORDER.indexOf(kind);
}

function formatOfName(file: string): InputFormat | undefined {
  const name = basename(file).toLowerCase().replace(/\.gz$/, '');
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const extension = name.slice(dot + 1);
  if (extension === 'csv' || extension === 'tsv') return csvRecordKind(name) ? 'csv' : 'edgelist';
  return EXTENSION_FORMATS[extension];
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function statOf(path: string): Promise<Stats> {
  try {
    return await stat(path);
  } catch (error) {
    throw new UnreadableInputError(path, ioFailure(error), { cause: error });
  }
}

async function namesIn(folder: string): Promise<string[]> {
  try {
    return await readdir(folder);
  } catch (error) {
    throw new UnreadableInputError(folder, ioFailure(error), { cause: error });
  }
}

function ioFailure(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
