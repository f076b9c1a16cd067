import {
  compileFilters,
  countFilterValues,
  filterAccounts,
  isFiltering,
  toggleShown,
} from '../../src/graph/filters.js';
import { neighbourCounts } from '../../src/graph/map-graph.js';
import { DEFAULT_FILTERS, type Filters } from '../../src/state/view-state.js';
import { smallMap } from './small-map.js';

const filters = (changes: Partial<Filters>): Filters => ({ ...DEFAULT_FILTERS, ...changes });

describe('filterAccounts', () => {
  const graph = smallMap();
  const degrees = () => neighbourCounts(graph);
  const shown = (changes: Partial<Filters>) =>
    [...filterAccounts(graph, filters(changes), degrees)].sort();

  it('lets every account through by default', () => {
    expect(shown({})).toHaveLength(6);
    expect(isFiltering(DEFAULT_FILTERS)).toBe(false);
  });

  it('keeps the chosen communities only', () => {
    expect(shown({ communities: [1] })).toEqual(['actor:d', 'x:e', 'x:f']);
  });

  it('keeps the chosen countries only; accounts without a country are left out', () => {
    expect(shown({ countries: ['FR', 'BE'] })).toEqual(['linkedin:c', 'x:a']);
    expect(shown({ countries: ['GB'], languages: ['fr'] })).toEqual([]);
  });

  it('matches any of the values chosen, and all filters together', () => {
    expect(shown({ actorTypes: ['patient', 'hcp'] })).toEqual(['x:a', 'x:b', 'x:e']);
    expect(shown({ actorTypes: ['patient', 'hcp'], languages: ['en'] })).toEqual(['x:b', 'x:e']);
    expect(shown({ roles: ['bridge'] })).toEqual(['linkedin:c']);
  });

  it('matches an actor on any of its platforms', () => {
    expect(shown({ platforms: ['instagram'] })).toEqual(['actor:d']);
  });

  it('keeps scores within the range, bounds included; accounts without a score fail', () => {
    expect(shown({ minScore: 50, maxScore: 90 })).toEqual(['actor:d', 'linkedin:c', 'x:b']);
    expect(shown({ minScore: 0, maxScore: 99 })).not.toContain('x:f');
  });

  it('counts neighbours only when a minimum is set', () => {
    let counted = 0;
    const counting = () => {
      counted++;
      return neighbourCounts(graph);
    };
    filterAccounts(graph, filters({ roles: ['leader'] }), counting);
    expect(counted).toBe(0);
    filterAccounts(graph, filters({ minDegree: 2 }), counting);
    expect(counted).toBe(1);
  });

  it('keeps accounts with at least the minimum number of neighbours', () => {
    expect(shown({ minDegree: 3 })).toEqual(['actor:d', 'linkedin:c']);
    expect(isFiltering(filters({ minDegree: 1 }))).toBe(true);
  });
});

describe('compileFilters', () => {
  it('can leave one facet out', () => {
    const passes = compileFilters(filters({ communities: [1], roles: ['leader'] }), 'communities');
    expect(passes({ community: 0, role: 'leader' }, 0)).toBe(true);
    expect(passes({ community: 0, role: 'bridge' }, 0)).toBe(false);
  });
});

describe('countFilterValues', () => {
  it('counts each value over the accounts the other filters let through', () => {
    const graph = smallMap();
    const counts = countFilterValues(
      graph,
      filters({ communities: [0], actorTypes: ['patient'] }),
      () => neighbourCounts(graph),
    );
    expect(counts.shown).toBe(1);
    expect(counts.total).toBe(6);
    expect(Object.fromEntries(counts.facets.communities)).toEqual({ '0': 1, '1': 1 });
    expect(Object.fromEntries(counts.facets.actorTypes)).toEqual({
      hcp: 1,
      patient: 1,
      researcher: 1,
    });
    expect(Object.fromEntries(counts.facets.languages)).toEqual({ en: 1 });
    expect(Object.fromEntries(counts.facets.countries)).toEqual({ GB: 1 });
  });
});

describe('toggleShown', () => {
  const all = [0, 1, 2, 3];

  it('hides values when all are shown', () => {
    expect(toggleShown([], all, [2])).toEqual([0, 1, 3]);
    expect(toggleShown([], all, [1, 3])).toEqual([0, 2]);
  });

  it('shows hidden values again, back to no choice when all are shown', () => {
    expect(toggleShown([0, 1], all, [3])).toEqual([0, 1, 3]);
    expect(toggleShown([0, 1, 3], all, [2])).toEqual([]);
  });

  it('keeps at least one value shown', () => {
    expect(toggleShown([1], all, [1])).toEqual([1]);
  });

  it('shows a group when part of it is hidden', () => {
    expect(toggleShown([0, 2], all, [2, 3])).toEqual([0, 2, 3]);
  });
});
