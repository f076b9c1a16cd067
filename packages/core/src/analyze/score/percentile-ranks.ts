// Percentile ranks with ties averaged: the normalisation that puts every KOL score component on the
// same [0, 1] scale whatever its distribution (PageRank, counts, follower numbers).

/**
 * The percentile rank of each value among the values that take part: (r − 1) / (m − 1), where r is
 * the value's 1-based rank from the lowest among the m values taking part, tied values sharing the
 * mean of their ranks (as `scipy.stats.rankdata(method='average')`). The lowest value gets 0, the
 * highest 1, values all equal 0.5; a single value gets 1. Values that do not take part (`include[i]`
 * false) and non-finite values get `NaN`.
 *
 * @param values one value per item.
 * @param include which items take part; default all.
 */
export function percentileRanks(
  values: ArrayLike<number>,
  include?: ArrayLike<boolean>,
): Float64Array {
  const n = values.length;
  const ranks = new Float64Array(n).fill(Number.NaN);
  const order: number[] = [];
  for (let i = 0; i < n; i++) {
    if ((include === undefined || include[i]) && Number.isFinite(values[i])) order.push(i);
  }
  const m = order.length;
  if (m === 0) return ranks;
  if (m === 1) {
    ranks[order[0] as number] = 1;
    return ranks;
  }
  order.sort((a, b) => (values[a] as number) - (values[b] as number));
  for (let start = 0; start < m; ) {
    const value = values[order[start] as number];
    let end = start + 1;
    while (end < m && values[order[end] as number] === value) end++;
    // 0-based ranks start..end-1 share their mean, (start + end - 1) / 2.
    const percentile = (start + end - 1) / 2 / (m - 1);
    for (let k = start; k < end; k++) ranks[order[k] as number] = percentile;
    start = end;
  }
  return ranks;
}
