// The filters panel's KOL score range (two sliders) and minimum number of linked accounts.
import type { Filters } from '../../state/view-state.js';
import { h } from '../dom.js';
import type { FiltersAction } from './filters-state.js';

/** The controls; `update` shows the filters as they are. */
export function scoreControls(dispatch: (action: FiltersAction) => void): {
  element: HTMLElement;
  update: (filters: Filters) => void;
} {
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
  // Dragging a slider filters once a frame.
  let pending = 0;
  const apply = () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() =>
      dispatch({ type: 'score', bounds: [Number(min.value), Number(max.value)] }),
    );
  };
  min.addEventListener('input', () => {
    minOut.textContent = min.value;
    apply();
  });
  max.addEventListener('input', () => {
    maxOut.textContent = max.value;
    apply();
  });
  degree.addEventListener('change', () => dispatch({ type: 'degree', text: degree.value }));
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
  const update = (filters: Filters) => {
    min.value = String(filters.minScore);
    max.value = String(filters.maxScore);
    minOut.textContent = String(filters.minScore);
    maxOut.textContent = String(filters.maxScore);
    degree.value = String(filters.minDegree);
  };
  return { element, update };
}
