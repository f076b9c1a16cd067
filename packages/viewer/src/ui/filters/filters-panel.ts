// The filters: community, actor type, platform, language, country, role (tick values to keep only those),
// KOL score range and minimum number of links. Each value shows how many accounts it would show
// with the other filters as they are; the summary counts the accounts shown.
import {
  actorTypeLabel,
  countryLabel,
  languageLabel,
  platformLabel,
  roleLabel,
} from '@kolmap/model';
import { countFilterValues, FACETS, type Facet, isFiltering } from '../../graph/filters.js';
import { DEFAULT_FILTERS } from '../../state/view-state.js';
import { h } from '../dom.js';
import { communityName, type MapContext } from '../map-context.js';
import { facetGroup } from './facet-group.js';
import { type FiltersAction, facetOrder, filterSummary, reduceFilters } from './filters-state.js';
import { scoreControls } from './score-controls.js';

/** Mounts the filters panel into `panel`. */
export function mountFiltersPanel(panel: HTMLElement, context: MapContext): void {
  const { store, derived, data } = context;
  const dispatch = (action: FiltersAction) =>
    store.set(({ filters }) => ({ filters: reduceFilters(filters, action) }));
  const summary = h('p', { class: 'filter-summary', 'aria-live': 'polite' });
  const reset = h(
    'button',
    { type: 'button', class: 'button button-small', onclick: () => dispatch({ type: 'reset' }) },
    'Reset filters',
  );
  panel.append(h('div', { class: 'panel-head' }, summary, reset));

  const score = scoreControls(dispatch);
  panel.append(score.element);

  const everything = countFilterValues(data.graph, DEFAULT_FILTERS, data.degrees);
  const updates: Array<() => void> = [() => score.update(store.get().filters)];
  for (const facet of FACETS) {
    const values = facetOrder(everything, facet);
    if (values.length === 0) continue;
    const group = facetGroup(
      facet,
      values,
      valueLabel(context, facet),
      (value, checked) => dispatch({ type: 'facet', facet, values, value, checked }),
      () => ({
        filters: store.get().filters,
        counts: derived.get().view.counts().facets[facet],
      }),
    );
    panel.append(group.element);
    updates.push(group.update);
  }

  const update = () => {
    summary.textContent = filterSummary(derived.get().view.counts());
    reset.disabled = !isFiltering(store.get().filters);
    for (const each of updates) each();
  };
  update();
  derived.subscribe((state, previous) => {
    if (state.view.counts !== previous.view.counts) update();
  });
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
