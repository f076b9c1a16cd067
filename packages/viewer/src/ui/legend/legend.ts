// The legend over the map: what the colours and sizes stand for, with the selectors to change them.
// Clicking a line shows or hides its accounts (the same filter as the filters panel); tonality is
// read on a colour scale drawn above its lines. What it shows is derived in legend-state.ts.
import type { ColorScale } from '../../graph/appearance.js';
import type { LabelBox } from '../../render/label-space.js';
import { SIZE_BY } from '../../state/view-state.js';
import { formatCount, h, replaceChildren } from '../dom.js';
import type { MapContext } from '../map-context.js';
import {
  COLOR_BY_LABELS,
  colorChoices,
  legendFacet,
  legendLines,
  legendValues,
  SIZE_BY_LABELS,
  scaleWords,
  toggleLegendLine,
} from './legend-state.js';

/** What the legend covers of the map, in pixels of `parent`. */
export interface LegendCover {
  /** Width covered on the map's left side while the legend is open (0 when it is closed). */
  coveredLeft: () => number;
  /** The legend's box, open or closed (its header stays over the map). */
  coveredBox: () => LabelBox;
}

/** Mounts the legend over the map; returns what it covers of it. */
export function mountLegend(parent: HTMLElement, context: MapContext): LegendCover {
  const { store, derived, data } = context;
  const listened = data.graph.someNode(
    (_node, attributes) =>
      typeof attributes.tonality === 'number' || attributes.topic !== undefined,
  );
  const colorSelect = select(
    'legend-colour',
    colorChoices(listened),
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
    const { legend, scale: colorScale } = derived.get().view.appearance;
    const all = legendValues(colorBy, legend);
    scale.hidden = colorScale === null;
    if (colorScale) replaceChildren(scale, ...scaleBar(colorScale));
    list.setAttribute(
      'aria-label',
      legendFacet(colorBy) === null ? 'Legend' : 'Legend: click a line to show or hide it',
    );
    replaceChildren(
      list,
      ...legendLines(colorBy, filters, legend).map(({ entry, values, shown }) =>
        h(
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
              onclick: () =>
                store.set(({ filters }) => ({
                  filters: toggleLegendLine(filters, colorBy, all, values),
                })),
            },
            h('span', { class: 'swatch', style: { background: entry.color } }),
            h('span', { class: 'legend-label' }, entry.label),
            h('span', { class: 'legend-count' }, formatCount(entry.count)),
          ),
        ),
      ),
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
  return {
    coveredLeft: () => {
      if (body.hidden) return 0;
      const box = legend.getBoundingClientRect();
      return box.right - parent.getBoundingClientRect().left;
    },
    coveredBox: () => {
      const box = legend.getBoundingClientRect();
      const origin = parent.getBoundingClientRect();
      return {
        x: box.left - origin.left,
        y: box.top - origin.top,
        width: box.width,
        height: box.height,
      };
    },
  };
}

/** The gradient of a colour scale, with its ends and middle written under it. */
function scaleBar(scale: ColorScale): HTMLElement[] {
  const { label, ticks } = scaleWords(scale);
  return [
    h('div', {
      class: 'legend-gradient',
      role: 'img',
      'aria-label': label,
      style: { background: `linear-gradient(to right, ${scale.colors.join(', ')})` },
    }),
    h(
      'div',
      { class: 'legend-ticks', 'aria-hidden': 'true' },
      ...ticks.map((tick) => h('span', {}, tick)),
    ),
  ];
}

function select<T extends string>(
  id: string,
  values: readonly T[],
  labels: Readonly<Record<T, string>>,
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
