import { percentileRanks } from '../../../src/analyze/score/percentile-ranks.js';

describe('percentileRanks', () => {
  it('gives (rank - 1) / (m - 1) from the lowest, ties sharing the mean of their ranks', () => {
    expect([...percentileRanks([3, 1, 3, 2])]).toEqual([2.5 / 3, 0, 2.5 / 3, 1 / 3]);
    expect([...percentileRanks([5, 5, 5])]).toEqual([0.5, 0.5, 0.5]);
    expect([...percentileRanks([0, 0, 0, 7])]).toEqual([1 / 3, 1 / 3, 1 / 3, 1]);
  });

  it('ranks only the included finite values; the others get NaN', () => {
    const ranks = percentileRanks([10, 20, Number.NaN, 30, 40], [true, true, true, false, true]);
    expect([...ranks]).toEqual([0, 0.5, Number.NaN, Number.NaN, 1]);
  });

  it('gives a single value 1 and nothing to an empty selection', () => {
    expect([...percentileRanks([4, 8], [false, true])]).toEqual([Number.NaN, 1]);
    expect([...percentileRanks([4], [false])]).toEqual([Number.NaN]);
    expect(percentileRanks([])).toHaveLength(0);
  });
});
