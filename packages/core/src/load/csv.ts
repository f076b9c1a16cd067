// Loader of kolmap CSV record files (accounts.csv, follows.csv, posts.csv, interactions.csv): the
// file name gives the kind, the header the fields; cells are converted, then checked by the schema.
import { basename } from 'node:path';
import { pipeline, Readable } from 'node:stream';
import type { RecordKind } from '@kolmap/model';
import { CsvError, parse } from 'csv-parse';
import type { z } from 'zod';
import {
  InputLimitError,
  type InputLocation,
  type InputProblem,
  UnreadableInputError,
} from '../errors.js';
import { recordSchemas } from '../schema/records.js';
import {
  cellDelimiter,
  cellMismatch,
  parseBoolean,
  parseList,
  parseNumber,
} from './cell-values.js';
import type { DatasetCollector } from './dataset.js';
import type { LoadOptions } from './options.js';
import { throttled } from './read-line-batches.js';
import { readTextChunks } from './read-text-chunks.js';
import { RecordSink } from './record-sink.js';
import { resolveLoadOptions } from './resolve-load-options.js';

/** How a column's cells are read: as text, a number, `true`/`false`, or a `|`-separated list. */
type CellType = 'text' | 'number' | 'boolean' | 'list';

const FILE_KINDS: Record<string, RecordKind> = {
  accounts: 'account',
  follows: 'follow',
  posts: 'post',
  interactions: 'interaction',
};
const RECORD_FILE = /(?:^|[-_.])(accounts|follows|posts|interactions)\.(?:csv|tsv)(?:\.gz)?$/i;

/**
 * The record kind a CSV file holds, told by its name: `accounts.csv`, `follows.csv`, `posts.csv`,
 * `interactions.csv` (or `.tsv`, optionally `.gz`), alone or after a `-`, `_` or `.` prefix such
 * as `ms-accounts.csv`. undefined for any other name.
 */
export function csvRecordKind(file: string): RecordKind | undefined {
  const match = RECORD_FILE.exec(basename(file));
  return match?.[1] ? FILE_KINDS[match[1].toLowerCase()] : undefined;
}

/**
 * Reads a kolmap CSV file into `collector`, as a stream. The kind comes from the file name (see
 * {@link csvRecordKind}); `.tsv` files are tab-separated. The header names the columns, exactly the
 * schema's field names (a `kind` column is allowed). Cells are converted before validation: an
 * empty cell leaves the field out; count fields (followers, likes, weight…) must hold numbers;
 * `verified` takes true/false, 1/0 or yes/no; list fields (hashtags, mentions, therapeuticAreas)
 * are separated by `|` (`#SEP|#MS`). Quoted cells may hold commas and line breaks. Line numbers are
 * the physical lines of the file (the header is line 1; a record spanning lines is named by its
 * first). A record without a `platform` gets `options.platform` when one is given.
 *
 * An unknown or repeated column, a missing required column, and broken quoting fail the load even
 * under `skipInvalid`: no single record could be skipped past them.
 *
 * @param options - `skipInvalid` (default false): skip bad rows and list them in
 *   `report.rejected` instead of failing; `platform` (default none); `onProgress` (default none).
 *   Other options are ignored.
 * @throws InvalidInputError with every problem found (up to 50), each naming file, line and field.
 * @throws UnreadableInputError when the file cannot be read or its name does not tell the kind.
 */
export async function loadCsv(
  file: string,
  collector: DatasetCollector,
  options: LoadOptions = {},
): Promise<void> {
  const resolved = resolveLoadOptions(options);
  const kind = csvRecordKind(file);
  if (kind === undefined) {
    throw new UnreadableInputError(
      file,
      'the file name does not tell the record kind (accounts, follows, posts or interactions.csv)',
    );
  }
  const sink = new RecordSink(collector, resolved);
  const parser = parse({
    delimiter: cellDelimiter(file),
    relax_column_count: true,
    max_record_size: resolved.limits.maxLineLength,
  });
  const text = Readable.from(
    readTextChunks(
      file,
      resolved.onProgress && throttled(resolved.onProgress),
      resolved.limits.maxBytes,
    ),
  );
  const rows: AsyncIterable<string[]> = pipeline(text, parser, () => undefined);
  let columns: Column[] | undefined;
  let line = 0;
  try {
    for await (const cells of rows) {
      const at = { file, line: line + 1 };
      line += 1 + lineBreaks(cells);
      if (cells.length === 1 && cells[0] === '') continue;
      if (columns === undefined) columns = headerColumns(kind, cells, at, sink);
      else acceptRow(kind, columns, cells, at, sink);
      if (sink.full) break;
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    if (error.code === 'CSV_MAX_RECORD_SIZE') {
      throw new InputLimitError(
        'maxLineLength',
        resolved.limits.maxLineLength,
        { file, line: line + 1 },
        'the row is longer than allowed',
      );
    }
    const reason = error.message.replace(/ at line \d+/, '');
    sink.fail([{ file, line: line + 1, message: `malformed CSV: ${reason}` }]);
  }
  sink.finish();
}

interface Column {
  field: string;
  type: CellType;
}

/** The columns named by a header row; fails the load on an unknown, repeated or missing column. */
function headerColumns(
  kind: RecordKind,
  cells: string[],
  at: InputLocation,
  sink: RecordSink,
): Column[] {
  const shape: Record<string, z.ZodType> = recordSchemas[kind].shape;
  const fields = Object.keys(shape);
  const names = cells.map((cell) => cell.trim());
  const problems: InputProblem[] = [];
  for (const [index, name] of names.entries()) {
    if (!fields.includes(name)) {
      problems.push({
        ...at,
        field: name,
        message: `unknown column; expected some of ${fields.join('|')}`,
      });
    } else if (names.indexOf(name) !== index) {
      problems.push({ ...at, field: name, message: 'column appears twice' });
    }
  }
  for (const field of fields) {
    if (!shape[field]?.isOptional() && !names.includes(field)) {
      problems.push({ ...at, field, message: `missing column; ${kind} records require it` });
    }
  }
  if (problems.length > 0) sink.fail(problems);
  return names.map((field) => ({ field, type: cellType(shape[field]) }));
}

/** Converts a row's cells to the record's fields and hands the record to the sink. */
function acceptRow(
  kind: RecordKind,
  columns: Column[],
  cells: string[],
  at: InputLocation,
  sink: RecordSink,
): void {
  if (cells.length !== columns.length) {
    sink.reject([{ ...at, message: `expected ${columns.length} cells, got ${cells.length}` }]);
    return;
  }
  const fields: Record<string, unknown> = {};
  const problems: InputProblem[] = [];
  columns.forEach((column, index) => {
    const cell = cells[index] ?? '';
    if (cell.trim() === '') return;
    const value = cellValue(column.type, cell);
    if (value === undefined) {
      problems.push({
        ...at,
        field: column.field,
        message: cellMismatch(EXPECTED[column.type], cell),
      });
    } else fields[column.field] = value;
  });
  sink.accept(kind, fields, at, problems);
}

const EXPECTED: Record<CellType, string> = {
  text: 'text',
  number: 'a number',
  boolean: 'true or false (also 1/0, yes/no)',
  list: 'a |-separated list',
};

/** The value of a non-empty cell, or undefined when it does not hold what the column needs. */
function cellValue(type: CellType, cell: string): unknown {
  switch (type) {
    case 'number': {
      const number = parseNumber(cell);
      return Number.isNaN(number) ? undefined : number;
    }
    case 'boolean':
      return parseBoolean(cell);
    case 'list':
      return parseList(cell);
    case 'text':
      return cell;
  }
}

/** How a schema field is written in a cell, told by its zod type (optional wrappers removed). */
function cellType(schema: z.ZodType | undefined): CellType {
  let type = schema?.def.type;
  let inner: z.ZodType | undefined = schema;
  while (type === 'optional' && inner) {
    inner = (inner as z.ZodOptional<z.ZodType>).unwrap();
    type = inner.def.type;
  }
  if (type === 'number') return 'number';
  if (type === 'boolean') return 'boolean';
  return type === 'array' ? 'list' : 'text';
}

/** Line breaks inside quoted cells: how many more physical lines the record spans. */
function lineBreaks(cells: string[]): number {
  let count = 0;
  for (const cell of cells) {
    for (let index = cell.indexOf('\n'); index !== -1; index = cell.indexOf('\n', index + 1))
      count++;
  }
  return count;
}
