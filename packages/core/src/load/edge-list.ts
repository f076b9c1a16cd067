// Loaders of plain edge lists: comma- or tab-separated `source,target[,weight][,type][,timestamp]`
// and SNAP's whitespace-separated `a b [w]`. Each line becomes an interaction record.

import type { Platform } from '@kolmap/model';
import type { InputLocation, InputProblem } from '../errors.js';
import { cellDelimiter, cellMismatch, parseNumber } from './cell-values.js';
import type { DatasetCollector } from './dataset.js';
import type { LoadOptions } from './options.js';
import { readLineBatches } from './read-line-batches.js';
import { RecordSink } from './record-sink.js';
import { resolveLoadOptions } from './resolve-load-options.js';

const EDGE_FIELDS = ['source', 'target', 'weight', 'type', 'timestamp'] as const;
type EdgeField = (typeof EDGE_FIELDS)[number];

/** The columns of an edge list without a header, or whose header does not name them all. */
const POSITIONAL: readonly EdgeField[] = EDGE_FIELDS;
const WHITESPACE = /\s+/;

interface Row {
  cells: string[];
  at: InputLocation;
}

/**
 * Reads a comma-separated edge list (tab-separated for `.tsv`; optionally `.gz`) into `collector`:
 * one interaction per line, `source,target[,weight][,type][,timestamp]`. Blank lines are skipped;
 * an empty weight, type or timestamp cell leaves the field out (weight 1, no type). Cells may be
 * quoted (`"a,b"`) but a quoted cell may not span lines.
 *
 * The first row (after `skipLines`) is a header when one of its cells names an edge column
 * (source, target, weight, type, timestamp, any case), when its third cell is present and not a
 * number (a weight must be one), or when its first two cells are not numbers while the next row's
 * are (`id_1,id_2` above numeric ids). A header naming only edge columns, source and target
 * among them, orders the columns (`source,target,type`) and every row must then have its number of
 * cells; any other header is skipped and the columns are read by position (2 to 5 cells a row).
 *
 * @param options - `skipLines` (default 0): lines to skip at the top, before the header;
 *   `platform` (default `collector.defaultPlatform`): platform of every interaction;
 *   `skipInvalid` (default false): skip bad lines and list them in `report.rejected` instead of
 *   failing; `onProgress` (default none). Other options are ignored.
 * @throws InvalidInputError with every problem found (up to 50), each naming file, line and field.
 * @throws UnreadableInputError when the file cannot be read.
 */
export async function loadEdgeList(
  file: string,
  collector: DatasetCollector,
  options: LoadOptions = {},
): Promise<void> {
  const resolved = resolveLoadOptions(options);
  const sink = new RecordSink(collector, resolved);
  const platform = resolved.platform ?? collector.defaultPlatform;
  const delimiter = cellDelimiter(file);
  let fields: readonly EdgeField[] | undefined;
  let first: Row | undefined;
  let line = 0;
  reading: for await (const lines of readLineBatches(file, resolved.onProgress, resolved.limits)) {
    for (const text of lines) {
      line++;
      if (line <= resolved.skipLines || text.trim() === '') continue;
      const at = { file, line };
      const cells = splitCells(text, delimiter);
      if (cells === undefined) {
        sink.reject([{ ...at, message: 'a quoted cell is not closed on its line' }]);
      } else if (fields !== undefined) {
        acceptEdgeRow(cells, fields, at, sink, platform);
      } else if (first === undefined) {
        first = { cells, at };
      } else {
        const header = headerFields(first.cells, cells);
        fields = header ?? POSITIONAL;
        if (header === undefined) acceptEdgeRow(first.cells, fields, first.at, sink, platform);
        acceptEdgeRow(cells, fields, at, sink, platform);
      }
      if (sink.full) break reading;
    }
  }
  if (fields === undefined && first !== undefined && headerFields(first.cells) === undefined) {
    acceptEdgeRow(first.cells, POSITIONAL, first.at, sink, platform);
  }
  sink.finish();
}

/**
 * Reads a SNAP-style edge list (`.txt`, `.edgelist`, `.edges`; optionally `.gz`) into
 * `collector`: `source target [weight]` separated by spaces or tabs, one interaction per line.
 * Blank lines and lines starting with `#` or `%` are skipped. A count header such as
 * `54836 96704` looks like an edge: skip it with `skipLines: 1`.
 *
 * @param options - `skipLines` (default 0): lines to skip at the top; `platform` (default
 *   `collector.defaultPlatform`): platform of every interaction; `skipInvalid` (default false):
 *   skip bad lines and list them in `report.rejected` instead of failing; `onProgress` (default
 *   none). Other options are ignored.
 * @throws InvalidInputError with every problem found (up to 50), each naming file, line and field.
 * @throws UnreadableInputError when the file cannot be read.
 */
export async function loadSnap(
  file: string,
  collector: DatasetCollector,
  options: LoadOptions = {},
): Promise<void> {
  const resolved = resolveLoadOptions(options);
  const sink = new RecordSink(collector, resolved);
  const platform = resolved.platform ?? collector.defaultPlatform;
  let line = 0;
  reading: for await (const lines of readLineBatches(file, resolved.onProgress, resolved.limits)) {
    for (const text of lines) {
      line++;
      if (line <= resolved.skipLines) continue;
      const trimmed = text.trim();
      const start = trimmed.charCodeAt(0);
      if (trimmed === '' || start === 35 /* # */ || start === 37 /* % */) continue;
      const cells = trimmed.split(WHITESPACE);
      const at = { file, line };
      if (cells.length === 2 || cells.length === 3)
        acceptEdgeRow(cells, POSITIONAL, at, sink, platform);
      else sink.reject([{ ...at, message: snapColumnsMessage(cells.length) }]);
      if (sink.full) break reading;
    }
  }
  sink.finish();
}

function snapColumnsMessage(count: number): string {
  const hint = count === 1 ? '; for comma-separated lines use the edgelist format' : '';
  return `expected 2 or 3 columns (source target [weight]), got ${count}${hint}`;
}

/**
 * Hands one row to the sink as an interaction. Plain `source target [weight]` rows with non-blank
 * ids and a positive finite weight take a fast path that skips zod: they are exactly the rows the
 * interaction schema accepts unchanged (ids trimmed). Every other row goes through the schema, so
 * its problems are the schema's.
 */
function acceptEdgeRow(
  cells: readonly string[],
  fields: readonly EdgeField[],
  at: InputLocation,
  sink: RecordSink,
  platform: Platform,
): void {
  const positional = fields === POSITIONAL;
  if (
    positional ? cells.length < 2 || cells.length > fields.length : cells.length !== fields.length
  ) {
    const expected = positional ? `2 to ${fields.length}` : String(fields.length);
    sink.reject([{ ...at, message: `expected ${expected} cells, got ${cells.length}` }]);
    return;
  }
  const plain =
    cells.length <= 3 &&
    fields[0] === 'source' &&
    fields[1] === 'target' &&
    (cells.length === 2 || fields[2] === 'weight');
  if (plain) {
    const source = (cells[0] as string).trim();
    const target = (cells[1] as string).trim();
    const weight = cells.length === 3 ? parseNumber(cells[2] as string) : 1;
    if (source !== '' && target !== '' && weight > 0 && weight !== Number.POSITIVE_INFINITY) {
      sink.acceptInteraction({ platform, source, target, weight }, at);
      return;
    }
  }
  const record: Record<string, unknown> = { platform };
  const problems: InputProblem[] = [];
  fields.forEach((field, index) => {
    const cell = cells[index] ?? '';
    if (field === 'source' || field === 'target') record[field] = cell;
    else if (cell.trim() === '') return;
    else if (field !== 'weight') record[field] = cell;
    else if (isNumber(cell)) record.weight = parseNumber(cell);
    else problems.push({ ...at, field, message: cellMismatch('a number', cell) });
  });
  sink.accept('interaction', record, at, problems);
}

/**
 * The fields named by the first row when it is a header (see {@link loadEdgeList} for the rule):
 * its own columns when it names only edge columns, {@link POSITIONAL} otherwise. undefined when
 * the first row is an edge. `next` is the second row, if any.
 */
function headerFields(
  first: readonly string[],
  next?: readonly string[],
): readonly EdgeField[] | undefined {
  const names = first.map((cell) => cell.trim().toLowerCase());
  const known = names.filter((name): name is EdgeField =>
    (EDGE_FIELDS as readonly string[]).includes(name),
  );
  const ordersColumns =
    known.length === names.length &&
    new Set(known).size === known.length &&
    known.includes('source') &&
    known.includes('target');
  if (ordersColumns) return known;
  const third = first[2]?.trim();
  const isHeader =
    known.length > 0 ||
    (third !== undefined && third !== '' && Number.isNaN(parseNumber(third))) ||
    (next !== undefined &&
      !isNumber(first[0]) &&
      !isNumber(first[1]) &&
      isNumber(next[0]) &&
      isNumber(next[1]));
  return isHeader ? POSITIONAL : undefined;
}

function isNumber(cell: string | undefined): boolean {
  return cell !== undefined && !Number.isNaN(parseNumber(cell));
}

/** The cells of a line; quoted cells (`"a,b"`, `""` for a quote) are unquoted. undefined when a quote is left open. */
function splitCells(text: string, delimiter: string): string[] | undefined {
  if (!text.includes('"')) return text.split(delimiter);
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    if (quoted && char === '"' && text[index + 1] === '"') {
      cell += '"';
      index++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (char === delimiter && !quoted) {
      cells.push(cell);
      cell = '';
    } else {
      cell += char;
    }
  }
  if (quoted) return undefined;
  cells.push(cell);
  return cells;
}
