// CSV writing as RFC 4180 says: comma-separated (or another separator), cells quoted when they hold
// the separator, a quote or a newline; and safe to open in a spreadsheet: a text cell that would be
// read as a formula is neutralised. Every CSV kolmap writes goes through `csvRow`.

/**
 * Text a spreadsheet would run as a formula (OWASP's CSV injection list): starting with `=`, `+`,
 * `-` or `@`, also after spaces (Excel skips them), or with a tab or a carriage return.
 */
const FORMULA_START = /^(?:[ ]*[=+\-@]|[\t\r])/;

/**
 * One CSV cell; `undefined` and `null` give an empty cell, lists are joined with `|`. A text (or a
 * list) that a spreadsheet would read as a formula gets a leading apostrophe, so that a name such as
 * `=HYPERLINK(…)` is shown as text rather than run; numbers are written as they are.
 */
export function csvCell(value: unknown, separator = ','): string {
  if (value === undefined || value === null) return '';
  const joined = Array.isArray(value) ? value.join('|') : String(value);
  const text = typeof value !== 'number' && FORMULA_START.test(joined) ? `'${joined}` : joined;
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line, ending with `newline`; cells separated by `separator` (default a comma). */
export function csvRow(values: readonly unknown[], separator = ',', newline = '\n'): string {
  return `${values.map((value) => csvCell(value, separator)).join(separator)}${newline}`;
}
