// Conversions of text cells (CSV, edge lists) into the values the record schemas expect, and the
// cell separator of a file.

const TRUE_WORDS = new Set(['true', '1', 'yes']);
const FALSE_WORDS = new Set(['false', '0', 'no']);

/** The number written in a cell, or NaN when the cell is blank or not a number. */
export function parseNumber(cell: string): number {
  return cell.trim() === '' ? Number.NaN : Number(cell);
}

/** true for `true`/`1`/`yes`, false for `false`/`0`/`no` (any case); undefined otherwise. */
export function parseBoolean(cell: string): boolean | undefined {
  const word = cell.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  return FALSE_WORDS.has(word) ? false : undefined;
}

/** The items of a list cell: separated by `|`, trimmed, blanks dropped (`#SEP|#MS` → two items). */
export function parseList(cell: string): string[] {
  return cell
    .split('|')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** The message for a cell that does not hold what its column needs. */
export function cellMismatch(expected: string, cell: string): string {
  return `expected ${expected}, got ${JSON.stringify(cell)}`;
}

/** The cell separator of a CSV or edge-list file: a tab for `.tsv` (or `.tsv.gz`), else a comma. */
export function cellDelimiter(file: string): string {
  return /\.tsv(?:\.gz)?$/i.test(file) ? '\t' : ',';
}
