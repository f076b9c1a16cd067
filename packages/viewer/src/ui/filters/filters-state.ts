// The filters panel's actions on the filters (tick a value, the KOL score range, the minimum number
// of links, reset) and what it shows: the values of each facet in order, which rows are listed
// before "Show all", and the summary of the accounts shown.
import type { Facet, FilterCounts } from '../../graph/filters.js';
import { DEFAULT_FILTERS, type Filters } from '../../state/view-state.js';
import { formatCount } from '../dom.js';

export const FACET_TITLES: Readonly<Record<Facet, string>> = {
  communities: 'Community',
  actorTypes: 'Actor type',
  platforms: 'Platform',
  languages: 'Language',
  countries: 'Country',
  roles: 'Role',
};

/** Values listed before "Show all". */
export const FIRST_VALUES = 10;

export type FiltersAction =
  | { type: 'reset' }
  /** Ticks or unticks `value` of a facet whose values are `values`, in the order listed. */
  | { type: 'facet'; facet: Facet; values: readonly string[]; value: string; checked: boolean }
  /** The KOL score range between two bounds, in either order. */
  | { type: 'score'; bounds: [number, number] }
  /** The minimum number of linked accounts, as typed (a whole number, at least 0). */
  | { type: 'degree'; text: string };

/** The filters after `action`. */
export function reduceFilters(filters: Filters, action: FiltersAction): Filters {
  switch (action.type) {
    case 'reset':
      return DEFAULT_FILTERS;
    case 'facet': {
      const { facet, values, value } = action;
      const chosen = filters[facet].map(String).filter((each) => each !== value);
      if (action.checked) chosen.push(value);
      const next = values.filter((each) => chosen.includes(each));
      return {
        ...filters,
        [facet]: facet === 'communities' ? next.map(Number).sort((a, b) => a - b) : next,
      };
    }
    case 'score': {
      const [a, b] = action.bounds;
      return { ...filters, minScore: Math.min(a, b), maxScore: Math.max(a, b) };
    }
    case 'degree':
      return { ...filters, minDegree: Math.max(0, Math.floor(Number(action.text) || 0)) };
  }
}

/** A facet's values, the most frequent on the whole map first (ties: by value). */
export function facetOrder(everything: FilterCounts, facet: Facet): string[] {
  return [...everything.facets[facet].entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([value]) => value);
}

/** "All 1,234 accounts shown", or "12 of 1,234 accounts shown". */
export function filterSummary(counts: Pick<FilterCounts, 'shown' | 'total'>): string {
  return counts.shown === counts.total
    ? `All ${formatCount(counts.total)} accounts shown`
    : `${formatCount(counts.shown)} of ${formatCount(counts.total)} accounts shown`;
}

/** A value's row in a facet's list. */
export interface FacetRow {
  value: string;
  checked: boolean;
  /** Accounts the value would show with the other filters as they are. */
  count: number;
  /** Left out of the list until "Show all" (the first values and those ticked are listed). */
  hidden: boolean;
}

/** The rows of a facet whose values are `values`, with `chosen` ticked; all listed when `expanded`. */
export function facetRows(
  values: readonly string[],
  chosen: ReadonlyArray<number | string>,
  counts: ReadonlyMap<string, number>,
  expanded: boolean,
): FacetRow[] {
  const ticked = new Set(chosen.map(String));
  return values.map((value, index) => ({
    value,
    checked: ticked.has(value),
    count: counts.get(value) ?? 0,
    hidden: !expanded && index >= FIRST_VALUES && !ticked.has(value),
  }));
}

/** The "Show all 143" button: hidden when every value is listed anyway, else "Show fewer" once expanded. */
export function moreButton(values: number, expanded: boolean): { hidden: boolean; text: string } {
  return {
    hidden: values <= FIRST_VALUES,
    text: expanded ? 'Show fewer' : `Show all ${formatCount(values)}`,
  };
}
