// Helpers of the loader tests: fixture files in a fresh temp folder, loading into a dataset, and
// catching the InvalidInputError of a failed load.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type InputProblem, InvalidInputError } from '../../src/errors.js';
import { type Dataset, DatasetCollector } from '../../src/load/dataset.js';
import type { LoadOptions } from '../../src/load/options.js';

type Loader = (file: string, collector: DatasetCollector, options?: LoadOptions) => Promise<void>;

/** A new empty temp folder. */
export function tempFolder(): string {
  return mkdtempSync(join(tmpdir(), 'kolmap-load-'));
}

/** Writes `text` at `name` in `folder` (gzipped when the name ends in .gz) and returns the path. */
export function writeFixture(folder: string, name: string, text: string): string {
  const file = join(folder, name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, name.endsWith('.gz') ? gzipSync(text) : text);
  return file;
}

/** Runs one loader on one file into a new collector and returns the finished dataset. */
export async function loadWith(
  loader: Loader,
  file: string,
  options: LoadOptions = {},
): Promise<Dataset> {
  const collector = new DatasetCollector({ defaultPlatform: options.platform });
  await loader(file, collector, options);
  return collector.finish();
}

/** The error a promise rejects with, checked to be an InvalidInputError. */
export async function invalidInput(promise: Promise<unknown>): Promise<InvalidInputError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InvalidInputError);
  expect((error as InvalidInputError).code).toBe('INVALID_INPUT');
  return error as InvalidInputError;
}

/** Where each problem is: `file:line:field` with the file's base name. */
export function places(problems: InputProblem[]): string[] {
  return problems.map(
    (problem) => `${problem.file?.split('/').pop()}:${problem.line}:${problem.field ?? ''}`,
  );
}

/** The edges of a dataset as `source>target:type:weight` with account ids. */
export function edgeList(dataset: Dataset): string[] {
  const ids = dataset.accounts.map((account) => account.id);
  return Array.from({ length: dataset.edges.length }, (_, row) => {
    const edge = dataset.edges.row(row);
    return `${ids[edge.source]}>${ids[edge.target]}:${edge.type ?? ''}:${edge.weight}`;
  });
}
