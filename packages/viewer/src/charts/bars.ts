// Geometry of the horizontal bar charts (share of voice): one row per item, one bar per measure in
// each row, all measures on one scale from 0 to `max`.

export interface BarLayoutOptions {
  /** Width of the whole chart, in pixels. */
  width: number;
  /** Room left of the bars for the row labels. Default 110. */
  labelWidth: number;
  /** Room right of the bars for the values. Default 44. */
  valueWidth: number;
  /** Height of one bar. Default 8. */
  barHeight: number;
  /** Space between the bars of a row. Default 2. */
  barGap: number;
  /** Space between rows. Default 10. */
  rowGap: number;
  /** The value drawn full width; default the largest value. */
  max: number | null;
}

export const DEFAULT_BAR_LAYOUT_OPTIONS: Readonly<Omit<BarLayoutOptions, 'width'>> = Object.freeze({
  labelWidth: 110,
  valueWidth: 44,
  barHeight: 8,
  barGap: 2,
  rowGap: 10,
  max: null,
});

export interface BarRect {
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
}

export interface BarRow {
  /** Top of the row. */
  y: number;
  /** Middle of the row, where its label goes. */
  middle: number;
  bars: BarRect[];
}

export interface BarLayout {
  rows: BarRow[];
  height: number;
  /** Where the bars start (the zero line) and the longest one ends. */
  x0: number;
  x1: number;
}

/**
 * One row per entry of `rows`, each with one bar per value, stacked top to bottom. Negative values
 * and values past `max` are drawn as 0 and `max`.
 *
 * Options (defaults in DEFAULT_BAR_LAYOUT_OPTIONS): `width` (required), `labelWidth`,
 * `valueWidth`, `barHeight`, `barGap`, `rowGap`, `max`.
 */
export function layoutBars(
  rows: ReadonlyArray<readonly number[]>,
  options: Partial<BarLayoutOptions> & { width: number },
): BarLayout {
  const { width, labelWidth, valueWidth, barHeight, barGap, rowGap, max } = {
    ...DEFAULT_BAR_LAYOUT_OPTIONS,
    ...options,
  };
  const largest = max ?? Math.max(0, ...rows.flat());
  const x0 = labelWidth;
  const x1 = Math.max(x0, width - valueWidth);
  const length = (value: number) =>
    largest > 0 ? (Math.min(Math.max(value, 0), largest) / largest) * (x1 - x0) : 0;
  let y = 0;
  const laidOut = rows.map((values) => {
    const top = y;
    const bars = values.map((value, i) => ({
      x: x0,
      y: top + i * (barHeight + barGap),
      width: length(value),
      height: barHeight,
      value,
    }));
    const height = values.length * barHeight + Math.max(0, values.length - 1) * barGap;
    y += height + rowGap;
    return { y: top, middle: top + height / 2, bars };
  });
  return { rows: laidOut, height: Math.max(0, y - rowGap), x0, x1 };
}
