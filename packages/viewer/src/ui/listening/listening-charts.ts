// The listening charts of an answer: the series named with their totals, volume and tonality as
// line charts, and the share of voice of own products and competitors.
import { type Child, formatCount, h, replaceChildren } from '../dom.js';
import { lineChart } from '../line-chart.js';
import { COMPETITOR_COLORS, OWN_COLORS, shareOfVoiceChart } from '../share-of-voice-chart.js';
import type { ListeningCharts } from './listening-state.js';

/** Draws `model` into `charts`. */
export function drawListeningCharts(charts: HTMLElement, model: ListeningCharts): void {
  replaceChildren(
    charts,
    model.series.length === 0
      ? h('p', { class: 'muted' }, 'No post in these series.')
      : h(
          'div',
          {},
          h(
            'ul',
            { class: 'series-legend', 'aria-label': 'Series' },
            ...model.series.map((each) =>
              h(
                'li',
                {},
                h('span', { class: 'swatch', style: { background: each.color } }),
                h('span', { class: 'series-name' }, each.label),
                h('span', { class: 'muted' }, formatCount(each.total)),
              ),
            ),
          ),
          model.leftOut === null ? null : h('p', { class: 'muted small' }, model.leftOut),
          listeningSection('Volume', 'Posts per period', lineChart(model.volume)),
          listeningSection(
            'Tonality',
            'Mean tonality of the posts, −1 negative to +1 positive',
            lineChart(model.tonality),
          ),
        ),
    listeningSection(
      'Share of voice',
      model.sharesOf,
      model.shares.length === 0
        ? h('p', { class: 'muted' }, 'No brand named.')
        : h(
            'div',
            {},
            h(
              'ul',
              { class: 'series-legend sov-legend' },
              legendItem(OWN_COLORS[0], 'Own products, by posts'),
              legendItem(OWN_COLORS[1], 'KOL-weighted'),
              legendItem(COMPETITOR_COLORS[0], 'Competitors, by posts'),
              legendItem(COMPETITOR_COLORS[1], 'KOL-weighted'),
            ),
            shareOfVoiceChart(model.shares),
          ),
    ),
  );
}

/** A section of the listening view, its title followed by a hint. */
export function listeningSection(title: string, hint: string, ...children: Child[]): HTMLElement {
  return h(
    'section',
    { class: 'listening-section', 'aria-label': title },
    h('h3', {}, title, ' ', h('span', { class: 'section-hint' }, hint)),
    ...children,
  );
}

function legendItem(color: string, label: string): HTMLElement {
  return h(
    'li',
    {},
    h('span', { class: 'swatch swatch-square', style: { background: color } }),
    label,
  );
}
