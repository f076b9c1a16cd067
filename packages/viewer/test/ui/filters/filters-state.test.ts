import { countFilterValues } from '../../../src/graph/filters.js';
import { neighbourCounts } from '../../../src/graph/map-graph.js';
import { DEFAULT_FILTERS, type Filters } from '../../../src/state/view-state.js';
import {
  FIRST_VALUES,
  facetOrder,
  facetRows,
  filterSummary,
  moreButton,
  reduceFilters,
} from '../../../src/ui/filters/filters-state.js';
import { smallMap } from '../../graph/small-map.js';

const filters = (patch: Partial<Filters>): Filters => ({ ...DEFAULT_FILTERS, ...patch });

describe('reduceFilters', () => {
  it('ticks values in the order they are listed, communities as numbers in order', () => {
    const values = ['hcp', 'patient', 'researcher'];
    let state = reduceFilters(DEFAULT_FILTERS, {
      type: 'facet',
      facet: 'actorTypes',
      values,
      value: 'researcher',
      checked: true,
    });
    state = reduceFilters(state, {
      type: 'facet',
      facet: 'actorTypes',
      values,
      value: 'hcp',
      checked: true,
    });
    expect(state.actorTypes).toEqual(['hcp', 'researcher']);
    state = reduceFilters(state, {
      type: 'facet',
      facet: 'actorTypes',
      values,
      value: 'hcp',
      checked: false,
    });
    expect(state.actorTypes).toEqual(['researcher']);
    const communities = reduceFilters(filters({ communities: [3] }), {
      type: 'facet',
      facet: 'communities',
      values: ['3', '0'],
      value: '0',
      checked: true,
    });
    expect(communities.communities).toEqual([0, 3]);
  });

  it('orders the score bounds, keeps whole non-negative degrees, and resets', () => {
    expect(reduceFilters(DEFAULT_FILTERS, { type: 'score', bounds: [80, 20] })).toEqual(
      filters({ minScore: 20, maxScore: 80 }),
    );
    expect(reduceFilters(DEFAULT_FILTERS, { type: 'degree', text: '2.7' }).minDegree).toBe(2);
    expect(reduceFilters(DEFAULT_FILTERS, { type: 'degree', text: '-3' }).minDegree).toBe(0);
    expect(reduceFilters(DEFAULT_FILTERS, { type: 'degree', text: '' }).minDegree).toBe(0);
    expect(reduceFilters(filters({ roles: ['leader'] }), { type: 'reset' })).toBe(DEFAULT_FILTERS);
  });
});

describe('what the filters panel shows', () => {
  it('lists a facet’s values, most frequent first', () => {
    const graph = smallMap();
    const everything = countFilterValues(graph, DEFAULT_FILTERS, () => neighbourCounts(graph));
    expect(facetOrder(everything, 'languages')).toEqual(['en', 'fr']);
  });

  it('sums up the accounts shown', () => {
    expect(filterSummary({ shown: 1200, total: 1200 })).toBe('All 1,200 accounts shown');
    expect(filterSummary({ shown: 3, total: 1200 })).toBe('3 of 1,200 accounts shown');
  });

  it('lists the first values and those ticked until Show all', () => {
    const values = Array.from({ length: FIRST_VALUES + 2 }, (_, index) => `v${index}`);
    const counts = new Map([['v0', 4]]);
    const rows = facetRows(values, ['v11'], counts, false);
    expect(rows[0]).toEqual({ value: 'v0', checked: false, count: 4, hidden: false });
    expect(rows.filter((row) => row.hidden).map((row) => row.value)).toEqual(['v10']);
    expect(rows[11]).toEqual({ value: 'v11', checked: true, count: 0, hidden: false });
    expect(facetRows(values, [], counts, true).some((row) => row.hidden)).toBe(false);
    expect(moreButton(values.length, false)).toEqual({ hidden: false, text: 'Show all 12' });
    expect(moreButton(values.length, true).text).toBe('Show fewer');
    expect(moreButton(3, false).hidden).toBe(true);
  });
});
