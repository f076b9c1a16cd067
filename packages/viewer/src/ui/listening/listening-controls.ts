// The listening view's selectors: series by, per, area, from, to, and the brands and platforms to
// tick. They only say what was chosen; the selectors themselves live in the view state.
import {
  type ListeningView,
  platformLabel,
  SERIES_DIMENSIONS,
  type SeriesDimension,
} from '@kolmap/model';
import type { ListeningQuery } from '../../api/api-client.js';
import { LISTENING_PERIODS, type ListeningPeriod } from '../../api/api-client.js';
import { h } from '../dom.js';
import { DIMENSION_LABELS, type ListeningAction, PERIOD_LABELS } from './listening-state.js';

export interface ListeningControls {
  element: HTMLElement;
  /** Shows the selectors as they are (they may change from elsewhere: a link, a bad value let go). */
  draw: (query: ListeningQuery) => void;
  /** Adds the watch list's areas and brands, own products set apart. */
  fillWatchList: (listening: ListeningView) => void;
}

/** The controls for `query`, with the platforms of the map; each choice is sent to `dispatch`. */
export function createListeningControls(
  query: ListeningQuery,
  platforms: readonly string[],
  dispatch: (action: ListeningAction) => void,
): ListeningControls {
  const bySelect = select('listening-by', SERIES_DIMENSIONS, DIMENSION_LABELS, query.by);
  const periodSelect = select('listening-period', LISTENING_PERIODS, PERIOD_LABELS, query.period);
  const areaSelect = h('select', { id: 'listening-area', class: 'select' });
  const fromInput = h('input', { id: 'listening-from', class: 'text-input', type: 'date' });
  const toInput = h('input', { id: 'listening-to', class: 'text-input', type: 'date' });
  const brandChoices = h('div', {
    class: 'listening-choices',
    role: 'group',
    'aria-label': 'Brands',
  });
  const platformChoices = h(
    'div',
    { class: 'listening-choices', role: 'group', 'aria-label': 'Platforms' },
    ...platforms.map((code) =>
      choice(platformLabel(code), code, () => dispatch({ type: 'platform', platform: code })),
    ),
  );
  const element = h(
    'div',
    { class: 'listening-controls' },
    h('label', { for: bySelect.id }, 'Series by'),
    bySelect,
    h('label', { for: periodSelect.id }, 'Per'),
    periodSelect,
    h('label', { for: areaSelect.id }, 'Area'),
    areaSelect,
    h('label', { for: fromInput.id }, 'From'),
    fromInput,
    h('label', { for: toInput.id }, 'To'),
    toInput,
    h('span', {}, 'Brands'),
    brandChoices,
    h('span', {}, 'Platforms'),
    platformChoices,
  );
  bySelect.addEventListener('change', () =>
    dispatch({ type: 'by', by: bySelect.value as SeriesDimension }),
  );
  periodSelect.addEventListener('change', () =>
    dispatch({ type: 'period', period: periodSelect.value as ListeningPeriod }),
  );
  areaSelect.addEventListener('change', () =>
    dispatch({ type: 'area', area: areaSelect.value === '' ? null : areaSelect.value }),
  );
  fromInput.addEventListener('change', () =>
    dispatch({ type: 'day', end: 'from', day: fromInput.value || null }),
  );
  toInput.addEventListener('change', () =>
    dispatch({ type: 'day', end: 'to', day: toInput.value || null }),
  );

  function draw({ by, period, area, from, to, brands, platforms }: ListeningQuery) {
    bySelect.value = by;
    periodSelect.value = period;
    areaSelect.value = area ?? '';
    fromInput.value = from ?? '';
    fromInput.max = to ?? '';
    toInput.value = to ?? '';
    toInput.min = from ?? '';
    for (const [group, chosen] of [
      [brandChoices, brands],
      [platformChoices, platforms],
    ] as const) {
      for (const button of group.querySelectorAll<HTMLButtonElement>('button')) {
        button.setAttribute('aria-pressed', String(chosen.includes(button.value)));
      }
    }
  }

  function fillWatchList(listening: ListeningView) {
    areaSelect.append(
      h('option', { value: '' }, 'All areas'),
      ...listening.areas.map((area) => h('option', { value: area }, area)),
    );
    brandChoices.append(
      ...listening.brands.map((brand) => {
        const button = choice(brand.name, brand.name, () =>
          dispatch({ type: 'brand', brand: brand.name }),
        );
        // Own products stand out from competitors, as in the share of voice.
        if (brand.own) button.classList.add('own-brand');
        button.title = brand.own ? 'Own product' : 'Competitor';
        return button;
      }),
    );
  }

  return { element, draw, fillWatchList };
}

/** A value that can be ticked; none ticked lets every value through. */
function choice(label: string, value: string, onclick: () => void): HTMLButtonElement {
  return h(
    'button',
    { type: 'button', class: 'segment', value, 'aria-pressed': 'false', onclick },
    label,
  );
}

function select<T extends string>(
  id: string,
  values: readonly T[],
  labels: Readonly<Record<T, string>>,
  value: T,
): HTMLSelectElement {
  const element = h(
    'select',
    { id, class: 'select' },
    ...values.map((option) => h('option', { value: option }, labels[option])),
  );
  element.value = value;
  return element;
}
