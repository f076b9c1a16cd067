// CSV writing as RFC 4180 says: comma-separated, cells quoted when they hold a comma, quote or newline.

/** One CSV cell; `undefined` and `null` give an empty cell, lists are joined with `|`. */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = Array.isArray(value) ? value.join('|') : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line, ending with a newline. */
export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\n`;
}
