import type { SeriesRow as ListeningSeriesRow } from '@kolmap/model';
import { periodLabel, toChartSeries } from '../../src/listening/chart-series.js';

const row = (
  period: string,
  key: string,
  posts: number,
  tonality: number | null,
): ListeningSeriesRow => ({
  period,
  dimension: 'brand',
  key,
  label: key,
  posts,
  positive: 0,
  neutral: posts,
  negative: 0,
  tonality,
  netTonality: null,
});

describe('toChartSeries', () => {
  const rows = [
    row('2024-02', 'Mammelis', 4, 0.2),
    row('2024-01', 'Mammelis', 6, 0.1),
    row('2024-02', 'Oncavera', 1, -0.3),
    row('2024-01', 'Allerxa', 2, 0.05),
    row('2024-03', 'Allerxa', 0, 0),
  ];

  it('aligns the series on the periods in order, most posts first', () => {
    const { periods, series, leftOut } = toChartSeries(rows, 5);
    expect(periods).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(series.map((each) => each.key)).toEqual(['Mammelis', 'Allerxa', 'Oncavera']);
    expect(series[0]).toMatchObject({ posts: [6, 4, 0], tonality: [0.1, 0.2, null], total: 10 });
    expect(series[2]).toMatchObject({ posts: [0, 1, 0], tonality: [null, -0.3, null] });
    expect(leftOut).toBe(0);
  });

  it('keeps the top series and counts those left out', () => {
    const { series, leftOut } = toChartSeries(rows, 1);
    expect(series.map((each) => each.key)).toEqual(['Mammelis']);
    expect(leftOut).toBe(2);
  });
});

describe('periodLabel', () => {
  it('names months and days as people read them', () => {
    expect(periodLabel('2024-03')).toBe('Mar 2024');
    expect(periodLabel('2024-03', true)).toBe('Mar 24');
    expect(periodLabel('2024-03-04')).toBe('4 Mar 2024');
    expect(periodLabel('2024-03-04', true)).toBe('4 Mar');
    expect(periodLabel('all')).toBe('all');
  });
});
