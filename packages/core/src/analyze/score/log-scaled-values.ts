// The KOL score's scale: each component on [0, 1] by a logarithm relative to the map's typical and
// largest values, so that nothing scores nothing, the top keeps its differences, and the unit of a
// metric (counts, shares, PageRank) does not matter.

/**
 * Each value on the score's scale: v = ln(1 + s / m) / ln(1 + S / m), where s is the value above
 * `floor` (0 when below), m the median of the positive s among the items taking part and S the
 * largest s. So v is 0 for nothing (s = 0), 1 for the largest value, ½ about where s is the
 * geometric mean of m and S, and it grows with s without ever tying two different values. Items not
 * taking part (`include[i]` false) and non-finite values (unknown) get `NaN`.
 *
 * @param values one value per item.
 * @param include which items take part; default all.
 * @param floor the value that counts as nothing (e.g. the PageRank every account gets without any
 *   attention); default 0.
 * @returns the scaled values, or `null` when no item taking part has a value above `floor` (the
 *   component says nothing on this map).
 */
export function logScaledValues(
  values: ArrayLike<number>,
  include?: ArrayLike<boolean>,
  floor = 0,
): Float64Array | null {
  const n = values.length;
  const above = new Float64Array(n).fill(Number.NaN);
  const positive: number[] = [];
  let largest = 0;
  for (let i = 0; i < n; i++) {
    const value = values[i] as number;
    if ((include !== undefined && !include[i]) || !Number.isFinite(value)) continue;
    const s = Math.max(0, value - floor);
    above[i] = s;
    if (s > 0) {
      positive.push(s);
      if (s > largest) largest = s;
    }
  }
  if (positive.length === 0) return null;
  const typical = median(positive);
  const top = Math.log1p(largest / typical);
  for (let i = 0; i < n; i++) {
    const s = above[i] as number;
    if (!Number.isNaN(s)) above[i] = Math.log1p(s / typical) / top;
  }
  return above;
}

function median(values: number[]): number {
  values.sort((a, b) => a - b);
  const middle = values.length >> 1;
  return values.length % 2 === 1
    ? (values[middle] as number)
    : ((values[middle - 1] as number) + (values[middle] as number)) / 2;
}

/** The smallest finite value among the items taking part, `NaN` when there is none. */
export function smallestValue(values: ArrayLike<number>, include?: ArrayLike<boolean>): number {
  let smallest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if ((include === undefined || include[i]) && Number.isFinite(value) && value < smallest) {
      smallest = value;
    }
  }
  return Number.isFinite(smallest) ? smallest : Number.NaN;
}
