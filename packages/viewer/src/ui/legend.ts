// The legend over the map: what the colours and sizes stand for, with the selectors to change them.
// Clicking a line shows or hides its accounts (the same filter as the filters panel); tonality is
// read on a colour scale drawn above its lines.
import type { ColorScale, LegendEntry } from '../graph/appearance.js';
import { type Facet, toggleShown } from '../graph/filters.js';
import { SEVERAL_PLATFORMS } from '../graph/vocabulary.js';
import type { DrawnLegend } from '../render/draw-legend.js';
import { COLOR_BY, type ColorBy, SIZE_BY, type SizeBy } from '../state/view-state.js';
import { formatCount, h, replaceChildren } from './dom.js';
import type { MapContext } from './map-context.js';

export const COLOR_BY_LABELS: Record<ColorBy, string> = {
  community: 'Community',
  actorType: 'Actor type',
  platform: 'Platform',
  role: 'Role',
  tonality: 'Tonality',
  topic: 'Topic',
};

/** Colourings by what listening found: offered on maps analysed with a watch list. */
const LISTENING_COLOR_BY: readonly ColorBy[] = ['tonality', 'topic'];

export const SIZE_BY_LABELS: Record<SizeBy, string> = {
  kolScore: 'KOL score',
  pagerank: 'PageRank',
  followers: 'Followers',
  inStrength: 'Interactions received',
};

/** The filter a legend line shows or hides, when there is one. */
const FACET_OF: Record<ColorBy, Facet | null> = {
  community: 'communities',
  actorType: 'actorTypes',
  platform: 'platforms',
  role: 'roles',
  tonality: null,
  topic: null,
};

/** The legend of the current view, as the exported image draws it. */
export function currentLegend(context: MapContext): DrawnLegend {
  const { colorBy, sizeBy, filters } = context.store.get();
  const { legend, scale } = context.derived.get().view.appearance;
  const facet = FACET_OF[colorBy];
  const chosen = facet === null ? [] : (filters[facet] as Array<number | string>);
  return {
    colour: `Colour: ${COLOR_BY_LABELS[colorBy]}`,
    size: `Size: ${SIZE_BY_LABELS[sizeBy]}`,
    scale,
    lines: legend.map((entry) => {
      const values = facet === null ? [] : valuesOf(colorBy, entry);
      return {
        label: entry.label,
        color: entry.color,
        count: entry.count,
        shown: chosen.length === 0 || values.some((value) => chosen.includes(value)),
      };
    }),
  };
}

/** Mounts the legend over the map; returns the width it covers on the map's left side, in pixels. */
export function mountLegend(parent: HTMLElement, context: MapContext): () => number {
  const { store, derived, data } = context;
  const listened = data.graph.someNode(
    (_node, attributes) =>
      typeof attributes.tonality === 'number' || attributes.topic !== undefined,
  );
  const colorSelect = select(
    'legend-colour',
    COLOR_BY.filter((value) => listened || !LISTENING_COLOR_BY.includes(value)),
    COLOR_BY_LABELS,
    store.get().colorBy,
    (value) => store.set({ colorBy: value }),
  );
  const sizeSelect = select('legend-size', SIZE_BY, SIZE_BY_LABELS, store.get().sizeBy, (value) =>
    store.set({ sizeBy: value }),
  );
  const list = h('ul', { class: 'legend-list' });
  const scale = h('div', { class: 'legend-scale' });
  const body = h(
    'div',
    { id: 'legend-body', class: 'legend-body' },
    h(
      'div',
      { class: 'legend-selectors' },
      h('label', { for: 'legend-colour' }, 'Colour'),
      colorSelect,
      h('label', { for: 'legend-size' }, 'Size'),
      sizeSelect,
    ),
    scale,
    list,
  );
  // Open unless an account is selected: the account panel narrows the map, and the legend would
  // hide much of what is left. Opening or closing it by hand is remembered for the next time.
  let wanted = true;
  const show = (open: boolean) => {
    body.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
  };
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'legend-toggle',
      'aria-controls': body.id,
      onclick: () => {
        wanted = body.hidden;
        show(wanted);
      },
    },
    'Legend',
  );
  show(store.get().selected === null);
  store.subscribe((state, previous) => {
    if ((state.selected === null) !== (previous.selected === null)) {
      show(state.selected === null && wanted);
    }
  });
  const legend = h('section', { class: 'legend', 'aria-label': 'Legend' }, toggle, body);
  parent.append(legend);

  const draw = () => {
    const { colorBy, filters } = store.get();
    const facet = FACET_OF[colorBy];
    const { legend, scale: colorScale } = derived.get().view.appearance;
    const all = allValues(colorBy, legend);
    scale.hidden = colorScale === null;
    if (colorScale) replaceChildren(scale, ...scaleBar(colorScale));
    list.setAttribute(
      'aria-label',
      facet === null ? 'Legend' : 'Legend: click a line to show or hide it',
    );
    replaceChildren(
      list,
      ...legend.map((entry) => {
        const values = facet === null ? [] : valuesOf(colorBy, entry);
        const chosen = facet === null ? [] : (filters[facet] as Array<number | string>);
        const shown = chosen.length === 0 || values.some((value) => chosen.includes(value));
        const toggle = () =>
          facet !== null &&
          store.set(({ filters }) => ({
            filters: {
              ...filters,
              [facet]: toggleShown(filters[facet] as typeof values, all, values),
            },
          }));
        return h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              class: shown ? 'legend-entry' : 'legend-entry legend-entry-hidden',
              'aria-pressed': shown ? 'true' : 'false',
              disabled: values.length === 0,
              title:
                values.length === 0 ? entry.label : `${shown ? 'Hide' : 'Show'} ${entry.label}`,
              onclick: toggle,
            },
            h('span', { class: 'swatch', style: { background: entry.color } }),
            h('span', { class: 'legend-label' }, entry.label),
            h('span', { class: 'legend-count' }, formatCount(entry.count)),
          ),
        );
      }),
    );
    colorSelect.value = colorBy;
    sizeSelect.value = store.get().sizeBy;
  };
  draw();
  derived.subscribe((state, previous) => {
    if (state.view.appearance !== previous.view.appearance) draw();
  });
  store.subscribe((state, previous) => {
    if (state.filters !== previous.filters) draw();
  });
  return () => {
    if (body.hidden) return 0;
    const box = legend.getBoundingClientRect();
    return box.right - parent.getBoundingClientRect().left;
  };
}

/** The gradient of a colour scale, with its ends and middle written under it. */
function scaleBar(scale: ColorScale): HTMLElement[] {
  const signed = (value: number) =>
    value === 0 ? '0' : `${value > 0 ? '+' : '−'}${Math.abs(value).toFixed(1)}`;
  return [
    h('div', {
      class: 'legend-gradient',
      role: 'img',
      'aria-label': `Colour scale from ${signed(scale.min)} (negative) to ${signed(scale.max)} (positive)`,
      style: { background: `linear-gradient(to right, ${scale.colors.join(', ')})` },
    }),
    h(
      'div',
      { class: 'legend-ticks', 'aria-hidden': 'true' },
      h('span', {}, `${signed(scale.min)} negative`),
      h('span', {}, '0'),
      h('span', {}, `positive ${signed(scale.max)}`),
    ),
  ];
}

/** The filter values a legend line stands for (none for values no filter can pick). */
function valuesOf(colorBy: ColorBy, entry: LegendEntry): Array<number | string> {
  if (colorBy === 'community') return entry.communities ?? [];
  return entry.value === '' || entry.value === SEVERAL_PLATFORMS ? [] : [entry.value];
}

function allValues(colorBy: ColorBy, legend: readonly LegendEntry[]): Array<number | string> {
  const values = legend.flatMap((entry) => valuesOf(colorBy, entry));
  return colorBy === 'community' ? (values as number[]).sort((a, b) => a - b) : values;
}

function select<T extends string>(
  id: string,
  values: readonly T[],
  labels: Record<T, string>,
  value: T,
  onChange: (value: T) => void,
): HTMLSelectElement {
  const element = h(
    'select',
    { id, class: 'select', onchange: () => onChange(element.value as T) },
    ...values.map((option) => h('option', { value: option }, labels[option])),
  );
  element.value = value;
  return element;
}
