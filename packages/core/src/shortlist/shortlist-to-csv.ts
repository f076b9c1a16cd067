// Shortlist files: CSV with stable columns (plain RFC 4180, or for Excel: BOM, semicolons, CRLF,
// decimal commas; formula-like cells neutralised in both) and JSON.

import type { ShortlistRow } from '@kolmap/model';
import { z } from 'zod';
import { csvRow } from '../export/csv.js';
import { parseOptions } from '../options.js';

/** The columns of a shortlist CSV, in this order; new columns are only ever added at the end. */
export const SHORTLIST_COLUMNS = [
  'position',
  'key',
  'name',
  'handle',
  'platform',
  'actorType',
  'community',
  'communityLabel',
  'kolScore',
  'rank',
  'role',
  'followers',
  'url',
  'reason',
  'language',
  'country',
] as const satisfies ReadonlyArray<keyof ShortlistRow>;

export const shortlistCsvOptionsSchema = z.strictObject({ excel: z.boolean().optional() });

export interface ShortlistCsvOptions {
  /** Write for Excel (see `shortlistToCsv`). Default false. */
  excel: boolean;
}

export const DEFAULT_SHORTLIST_CSV_OPTIONS: Readonly<ShortlistCsvOptions> = Object.freeze({
  excel: false,
});

/**
 * A shortlist as CSV text (UTF-8 when written), yielded row by row: a header row of
 * `SHORTLIST_COLUMNS`, then one row per account. `kolScore` has 2 decimals; empty cells are absent
 * values. The options are checked at the call.
 *
 * Default: RFC 4180, comma-separated, `\n` line ends, `.` decimals, no BOM — for code (pandas, R).
 * `excel: true` writes for Excel as it is set up in France and much of Europe, where a CSV opened by a
 * double click is split on `;` and `,` is the decimal separator: a UTF-8 byte order mark (without it
 * Excel reads the file as the local code page and garbles accents), `;` between cells, CRLF line
 * ends, and decimal commas. An Excel set up with `,` as list separator (US, UK) opens the default
 * output correctly. In both, a text cell that a spreadsheet would run as a formula (starting with
 * `=`, `+`, `-`, `@`, also after spaces, or a tab) gets a leading apostrophe (`csvCell`).
 *
 * @param options.excel write for Excel, default false.
 * @throws InvalidInputError (field `excel`) on a bad option.
 */
export function shortlistToCsv(
  rows: Iterable<ShortlistRow>,
  options: Partial<ShortlistCsvOptions> = {},
): Generator<string> {
  const excel =
    parseOptions(shortlistCsvOptionsSchema, options).excel ?? DEFAULT_SHORTLIST_CSV_OPTIONS.excel;
  return csvChunks(rows, excel);
}

function* csvChunks(rows: Iterable<ShortlistRow>, excel: boolean): Generator<string> {
  const separator = excel ? ';' : ',';
  const newline = excel ? '\r\n' : '\n';
  const cell = (row: ShortlistRow, column: (typeof SHORTLIST_COLUMNS)[number]): unknown => {
    const value = row[column];
    if (column === 'kolScore') {
      const fixed = (value as number).toFixed(2);
      return excel ? fixed.replace('.', ',') : fixed;
    }
    return value;
  };
  yield `${excel ? '\uFEFF' : ''}${csvRow(SHORTLIST_COLUMNS, separator, newline)}`;
  for (const row of rows) {
    yield csvRow(
      SHORTLIST_COLUMNS.map((column) => cell(row, column)),
      separator,
      newline,
    );
  }
}

/** A shortlist as JSON text: an array of rows with every field of `ShortlistRow`, full precision. */
export function shortlistToJson(rows: readonly ShortlistRow[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}
