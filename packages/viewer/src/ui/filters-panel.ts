// The filters: community, actor type, platform, language, country, role (tick values to keep only those),
// KOL score range and minimum number of links. Each value shows how many accounts it would show
// with the other filters as they are; the summary counts the accounts shown.
import { countFilterValues, FACETS, type Facet, isFiltering } from '../graph/filters.js';
import {
  actorTypeLabel,
  countryLabel,
  languageLabel,
  platformLabel,
  roleLabel,
} from '../graph/vocabulary.js';
import { DEFAULT_FILTERS, type Filters } from '../state/view-state.js';
import { formatCount, h } from './dom.js';
import { communityName, type MapContext } from './map-context.js';

const FACET_TITLES: Record<Facet, string> = {
  communities: 'Community',
  actorTypes: 'Actor type',
  platforms: 'Platform',
  languages: 'Language',
  countries: 'Country',
  roles: 'Role',
};

/** Values listed before "Show all". */
const FIRST_VALUES = 10;

export function mountFiltersPanel(panel: HTMLElement, context: MapContext): void {
  const { store, derived, data } = context;
  const summary = h('p', { class: 'filter-summary', 'aria-live': 'polite' });
  const reset = h(
    'button',
    {
      type: 'button',
      class: 'button button-small',
      onclick: () => store.set({ filters: DEFAULT_FILTERS }),
    },
    'Reset filters',
  );
  panel.append(h('div', { class: 'panel-head' }, summary, reset));

  const setFilters = (change: (filters: Filters) => Partial<Filters>) =>
    store.set(({ filters }) => ({ filters: { ...filters, ...change(filters) } }));

  const score = scoreControls(setFilters);
  panel.append(score.element);

  const everything = countFilterValues(data.graph, DEFAULT_FILTERS, data.degrees);
  const updates: Array<() => void> = [score.update];
  for (const facet of FACETS) {
    const values = [...everything.facets[facet].entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([value]) => value);
    if (values.length === 0) continue;
    const group = facetGroup(context, facet, values, setFilters);
    panel.append(group.element);
    updates.push(group.update);
  }

  const update = () => {
    const counts = derived.get().view.counts();
    summary.textContent =
      counts.shown === counts.total
        ? `All ${formatCount(counts.total)} accounts shown`
        : `${formatCount(counts.shown)} of ${formatCount(counts.total)} accounts shown`;
    reset.disabled = !isFiltering(store.get().filters);
    for (const each of updates) each();
  };
  update();
  derived.subscribe((state, previous) => {
    if (state.view.counts !== previous.view.counts) update();
  });

  function facetGroup(
    context: MapContext,
    facet: Facet,
    values: string[],
    set: typeof setFilters,
  ): { element: HTMLElement; update: () => void } {
    const label = valueLabel(context, facet);
    const rows = values.map((value) => {
      const checkbox = h('input', {
        type: 'checkbox',
        id: `filter-${facet}-${value}`,
        onchange: () =>
          set((filters) => {
            const chosen = filters[facet].map(String).filter((v) => v !== value);
            if (checkbox.checked) chosen.push(value);
            const next = values.filter((v) => chosen.includes(v));
            return {
              [facet]: facet === 'communities' ? next.map(Number).sort((a, b) => a - b) : next,
            };
          }),
      });
      const count = h('span', { class: 'facet-count' });
      const row = h(
        'li',
        { class: 'facet-row' },
        checkbox,
        h('label', { for: checkbox.id, class: 'facet-label' }, label(value)),
        count,
      );
      return { value, checkbox, count, row };
    });
    const more = h('button', { type: 'button', class: 'link-button' });
    let expanded = false;
    const list = h('ul', { class: 'facet-list' }, ...rows.map(({ row }) => row));
    const update = () => {
      const { filters } = store.get();
      const chosen = new Set(filters[facet].map(String));
      const counts = derived.get().view.counts().facets[facet];
      rows.forEach(({ value, checkbox, count, row }, index) => {
        checkbox.checked = chosen.has(value);
        const n = counts.get(value) ?? 0;
        count.textContent = formatCount(n);
        row.classList.toggle('facet-row-empty', n === 0);
        row.hidden = !expanded && index >= FIRST_VALUES && !chosen.has(value);
      });
      more.hidden = rows.length <= FIRST_VALUES;
      more.textContent = expanded ? 'Show fewer' : `Show all ${formatCount(rows.length)}`;
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

  function scoreControls(set: typeof setFilters): { element: HTMLElement; update: () => void } {
    const min = h('input', {
      type: 'range',
      id: 'filter-min-score',
      min: 0,
      max: 100,
      step: 1,
      class: 'range',
    });
    const max = h('input', {
      type: 'range',
      id: 'filter-max-score',
      min: 0,
      max: 100,
      step: 1,
      class: 'range',
    });
    const degree = h('input', {
      type: 'number',
      id: 'filter-min-degree',
      min: 0,
      step: 1,
      class: 'text-input number-input',
    });
    const minOut = h('output', { for: 'filter-min-score' });
    const maxOut = h('output', { for: 'filter-max-score' });
    let pending = 0;
    const apply = () => {
      cancelAnimationFrame(pending);
      pending = requestAnimationFrame(() => {
        const low = Math.min(Number(min.value), Number(max.value));
        const high = Math.max(Number(min.value), Number(max.value));
        set(() => ({ minScore: low, maxScore: high }));
      });
    };
    min.addEventListener('input', () => {
      minOut.textContent = min.value;
      apply();
    });
    max.addEventListener('input', () => {
      maxOut.textContent = max.value;
      apply();
    });
    degree.addEventListener('change', () => {
      const value = Math.max(0, Math.floor(Number(degree.value) || 0));
      set(() => ({ minDegree: value }));
    });
    const element = h(
      'div',
      {},
      h(
        'fieldset',
        { class: 'filter-group' },
        h('legend', {}, 'KOL score'),
        h('div', { class: 'range-row' }, h('label', { for: min.id }, 'From'), min, minOut),
        h('div', { class: 'range-row' }, h('label', { for: max.id }, 'To'), max, maxOut),
      ),
      h(
        'fieldset',
        { class: 'filter-group' },
        h('legend', {}, 'Connections'),
        h(
          'div',
          { class: 'range-row' },
          h('label', { for: degree.id }, 'Linked to at least'),
          degree,
          h('span', { class: 'muted' }, 'accounts'),
        ),
      ),
    );
    const update = () => {
      const { filters } = store.get();
      min.value = String(filters.minScore);
      max.value = String(filters.maxScore);
      minOut.textContent = String(filters.minScore);
      maxOut.textContent = String(filters.maxScore);
      degree.value = String(filters.minDegree);
    };
    return { element, update };
  }
}

function valueLabel(context: MapContext, facet: Facet): (value: string) => string {
  switch (facet) {
    case 'communities':
      return (value) => communityName(context, Number(value));
    case 'actorTypes':
      return actorTypeLabel;
    case 'platforms':
      return platformLabel;
    case 'languages':
      return languageLabel;
    case 'countries':
      return countryLabel;
    case 'roles':
      return roleLabel;
  }
}
