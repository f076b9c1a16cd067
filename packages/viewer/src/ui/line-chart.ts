// A line chart in SVG: one line per series over the periods, a round scale on the left, a few
// periods named along the bottom. Drawn at a fixed size and scaled to the width it is given.
import { areaPath, type LinePoint, linePath } from '../charts/paths.js';
import { linearScale, niceDomain, pointScale, spacedIndices } from '../charts/scales.js';
import { periodLabel } from '../listening/chart-series.js';
import { svg } from './dom.js';

export interface ChartLine {
  label: string;
  color: string;
  /** One value per period; null where there is none. */
  values: Array<number | null>;
}

export interface LineChartOptions {
  /** What the chart shows, for screen readers. */
  title: string;
  periods: readonly string[];
  lines: readonly ChartLine[];
  /** A value as written on the scale and in the tooltips. */
  format: (value: number) => string;
  /** Shade the area under each line (volumes). Default false. */
  areas?: boolean;
  /** Size of the drawing, scaled to the page's width. Default 440 × 170. */
  width?: number;
  height?: number;
}

const MARGIN = { top: 8, right: 12, bottom: 22, left: 40 };
/** Periods above which the points are not marked (the lines alone stay readable). */
const MARKED_POINTS_UP_TO = 40;

/** The chart; the scale always holds 0, drawn darker. */
export function lineChart(options: LineChartOptions): SVGSVGElement {
  const { periods, lines, format, areas = false, width = 440, height = 170 } = options;
  const values = lines.flatMap((line) => line.values.filter((v): v is number => v !== null));
  const { domain, ticks } = niceDomain(Math.min(0, ...values), Math.max(0, ...values), 4);
  const y = linearScale(domain, [height - MARGIN.bottom, MARGIN.top]);
  const x = pointScale(periods.length, [MARGIN.left + 6, width - MARGIN.right - 6]);
  const grid = ticks.map((tick) =>
    svg(
      'g',
      { class: tick === 0 ? 'chart-tick chart-zero' : 'chart-tick' },
      svg('line', { x1: MARGIN.left, x2: width - MARGIN.right, y1: y(tick), y2: y(tick) }),
      svg('text', { x: MARGIN.left - 6, y: y(tick) + 4, 'text-anchor': 'end' }, format(tick)),
    ),
  );
  const labels = spacedIndices(periods.length, 6).map((index) =>
    svg(
      'text',
      { class: 'chart-period', x: x(index), y: height - 6, 'text-anchor': 'middle' },
      periodLabel(periods[index] as string, true),
    ),
  );
  const drawn = lines.map((line) => {
    const points: LinePoint[] = line.values.map((value, index) => ({
      x: x(index),
      y: value === null ? null : y(value),
    }));
    const marks =
      periods.length <= MARKED_POINTS_UP_TO
        ? line.values.map((value, index) =>
            value === null
              ? null
              : svg(
                  'circle',
                  { cx: x(index), cy: y(value), r: 2.5, fill: line.color },
                  svg(
                    'title',
                    {},
                    `${line.label}, ${periodLabel(periods[index] as string)}: ${format(value)}`,
                  ),
                ),
          )
        : [];
    return svg(
      'g',
      { class: 'chart-line' },
      areas
        ? svg('path', { class: 'chart-area', d: areaPath(points, y(0)), fill: line.color })
        : null,
      svg('path', { d: linePath(points), stroke: line.color }, svg('title', {}, line.label)),
      ...marks,
    );
  });
  return svg(
    'svg',
    {
      class: 'line-chart',
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      'aria-label': options.title,
    },
    ...grid,
    ...labels,
    ...drawn,
  );
}
