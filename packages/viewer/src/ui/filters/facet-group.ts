// A facet of the filters panel: its values to tick, each with the accounts it would show, the
// first ones listed and the rest behind "Show all". A value's row is made when it is first listed:
// a large map has thousands of communities, and every element of the page slows what the page does
// with it (the address replaced after each camera move took 100–300 ms with 43,000 of them).
import type { Facet } from '../../graph/filters.js';
import type { Filters } from '../../state/view-state.js';
import { formatCount, h } from '../dom.js';
import { FACET_TITLES, facetRows, moreButton } from './filters-state.js';

export interface FacetGroup {
  element: HTMLElement;
  /** Shows the filters and counts as they are. */
  update: () => void;
}

/**
 * The group of `facet`, its `values` in order, named by `label`; a tick is sent to `onTick`, and
 * `current` gives the filters and this facet's counts as they are.
 */
export function facetGroup(
  facet: Facet,
  values: readonly string[],
  label: (value: string) => string,
  onTick: (value: string, checked: boolean) => void,
  current: () => { filters: Filters; counts: ReadonlyMap<string, number> },
): FacetGroup {
  const makeRow = (value: string) => {
    const checkbox = h('input', {
      type: 'checkbox',
      id: `filter-${facet}-${value}`,
      onchange: () => onTick(value, checkbox.checked),
    });
    const count = h('span', { class: 'facet-count' });
    const row = h(
      'li',
      { class: 'facet-row' },
      checkbox,
      h('label', { for: checkbox.id, class: 'facet-label' }, label(value)),
      count,
    );
    return { checkbox, count, row };
  };
  const list = h('ul', { class: 'facet-list' });
  const rows: Array<ReturnType<typeof makeRow> | undefined> = [];
  /** The row of the value at `index`, made and put in its place in the list when first listed. */
  const rowAt = (index: number) => {
    let made = rows[index];
    if (made === undefined) {
      made = makeRow(values[index] as string);
      rows[index] = made;
      let next: HTMLElement | null = null;
      for (let at = index + 1; at < rows.length && next === null; at++) {
        next = rows[at]?.row ?? null;
      }
      list.insertBefore(made.row, next);
    }
    return made;
  };
  const more = h('button', { type: 'button', class: 'link-button' });
  let expanded = false;
  const update = () => {
    const { filters, counts } = current();
    facetRows(values, filters[facet], counts, expanded).forEach((state, index) => {
      if (state.hidden && rows[index] === undefined) return;
      const { checkbox, count, row } = rowAt(index);
      checkbox.checked = state.checked;
      count.textContent = formatCount(state.count);
      row.classList.toggle('facet-row-empty', state.count === 0);
      row.hidden = state.hidden;
    });
    const button = moreButton(values.length, expanded);
    more.hidden = button.hidden;
    more.textContent = button.text;
  };
  more.addEventListener('click', () => {
    expanded = !expanded;
    update();
  });
  const element = h(
    'fieldset',
    { class: 'filter-group' },
    h('legend', {}, FACET_TITLES[facet]),
    list,
    more,
  );
  return { element, update };
}
