// CSV writing as RFC 4180 says: comma-separated (or another separator), cells quoted when they hold
// the separator, a quote or a newline.

/** One CSV cell; `undefined` and `null` give an empty cell, lists are joined with `|`. */
export function csvCell(value: unknown, separator = ','): string {
  if (value === undefined || value === null) return '';
  const text = Array.isArray(value) ? value.join('|') : String(value);
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line, ending with `newline`; cells separated by `separator` (default a comma). */
export function csvRow(values: readonly unknown[], separator = ',', newline = '\n'): string {
  return `${values.map((value) => csvCell(value, separator)).join(separator)}${newline}`;
}
