// Share of voice as horizontal bars in SVG: one row per brand, its share of the posts and its
// KOL-weighted share, own products in blue and competitors in grey.
import { layoutBars } from '../charts/bars.js';
import type { BrandShare } from '../listening/share-of-voice.js';
import { formatShare, svg } from './dom.js';

/** Bar colours: [by posts, KOL-weighted]. */
export const OWN_COLORS = ['#2f6fdf', '#9dbcf2'] as const;
export const COMPETITOR_COLORS = ['#6b7486', '#c3c8d1'] as const;

export function shareOfVoiceChart(shares: readonly BrandShare[], width = 440): SVGSVGElement {
  const layout = layoutBars(
    shares.map((brand) => [brand.share, brand.weightedShare]),
    { width, labelWidth: 112, valueWidth: 46, barHeight: 9, barGap: 2, rowGap: 9 },
  );
  const rows = shares.map((brand, index) => {
    const row = layout.rows[index];
    if (!row) return null;
    const colors = brand.own ? OWN_COLORS : COMPETITOR_COLORS;
    return svg(
      'g',
      { class: brand.own ? 'sov-row sov-own' : 'sov-row' },
      svg(
        'text',
        { class: 'sov-label', x: layout.x0 - 8, y: row.middle + 4, 'text-anchor': 'end' },
        brand.brand,
      ),
      ...row.bars.map((bar, i) =>
        svg(
          'g',
          {},
          svg('rect', {
            x: bar.x,
            y: bar.y,
            width: Math.max(bar.width, bar.value > 0 ? 1 : 0),
            height: bar.height,
            rx: 2,
            fill: colors[i],
          }),
          svg(
            'text',
            { class: 'sov-value', x: bar.x + bar.width + 4, y: bar.y + bar.height - 1 },
            formatShare(bar.value),
          ),
          svg(
            'title',
            {},
            `${brand.brand} (${brand.own ? 'own product' : 'competitor'}): ${formatShare(bar.value)} of the posts${i === 0 ? '' : ', weighted by their authors’ KOL scores'}`,
          ),
        ),
      ),
    );
  });
  return svg(
    'svg',
    {
      class: 'sov-chart',
      viewBox: `0 0 ${width} ${Math.max(1, layout.height)}`,
      role: 'img',
      'aria-label': 'Share of voice per brand, by posts and weighted by KOL score',
    },
    svg('line', {
      class: 'sov-axis',
      x1: layout.x0,
      x2: layout.x0,
      y1: 0,
      y2: layout.height,
    }),
    ...rows,
  );
}
