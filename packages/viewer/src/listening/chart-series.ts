// The listening series as the charts draw them: one line per brand, area, topic or thematic
// community, over the periods of the answer in order, the most talked about first.
import { type SeriesRow } from '@kolmap/model';

export interface ChartSeries {
  key: string;
  label: string;
  /** Posts per period, 0 where there were none. */
  posts: number[];
  /** Mean tonality per period (−1…1), null where there were no posts. */
  tonality: Array<number | null>;
  /** Posts over every period. */
  total: number;
}

export interface ChartSeriesSet {
  /** Every period of the answer, in order. */
  periods: string[];
  /** The `top` series with the most posts, most first (ties: label). */
  series: ChartSeries[];
  /** Series left out (fewer posts). */
  leftOut: number;
}

/** The rows of `GET /listening` as series aligned on the periods, the `top` largest kept. */
export function toChartSeries(rows: readonly SeriesRow[], top: number): ChartSeriesSet {
  const periods = [...new Set(rows.map((row) => row.period))].sort();
  const at = new Map(periods.map((period, index) => [period, index]));
  const byKey = new Map<string, ChartSeries>();
  for (const row of rows) {
    let series = byKey.get(row.key);
    if (!series) {
      series = {
        key: row.key,
        label: row.label,
        posts: periods.map(() => 0),
        tonality: periods.map(() => null),
        total: 0,
      };
      byKey.set(row.key, series);
    }
    const index = at.get(row.period) as number;
    series.posts[index] = row.posts;
    series.tonality[index] = row.posts > 0 ? row.tonality : null;
    series.total += row.posts;
  }
  const sorted = [...byKey.values()].sort(
    (a, b) => b.total - a.total || a.label.localeCompare(b.label),
  );
  return {
    periods,
    series: sorted.slice(0, top),
    leftOut: Math.max(0, sorted.length - top),
  };
}

/**
 * A period as people read it: `2024-03` → "Mar 2024", a day or a week's Monday `2024-03-04` →
 * "4 Mar 2024"; `short` leaves the year out of days and abbreviates months' years ("Mar 24").
 */
export function periodLabel(period: string, short = false): string {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(period);
  if (month) {
    const date = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
    const name = date.toLocaleDateString('en-GB', { month: 'short', timeZone: 'UTC' });
    return short ? `${name} ${month[1]?.slice(2)}` : `${name} ${month[1]}`;
  }
  if (day) {
    const date = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
    return date.toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'short',
      ...(short ? {} : { year: 'numeric' }),
      timeZone: 'UTC',
    });
  }
  return period;
}
