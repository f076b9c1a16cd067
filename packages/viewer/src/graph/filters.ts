// Which accounts the filters let through, and how many each filter value would show: the counts of
// a facet are taken over the accounts the other filters let through, so they answer "how many if I
// tick this". Whether an account matches is model's account filter, the rule of /kols and shortlists.
import {
  type AccountAttributes,
  type AccountFilter,
  compileAccountFilter,
  platformsOf,
} from '@kolmap/model';
import type { Filters } from '../state/view-state.js';
import type { MapGraph } from './map-graph.js';

/** The filters that pick among an account's values. */
export const FACETS = [
  'communities',
  'actorTypes',
  'platforms',
  'languages',
  'countries',
  'roles',
] as const;
export type Facet = (typeof FACETS)[number];

/** An account's values for a facet (several platforms for an actor; none when unknown). */
export function facetValues(facet: Facet, attributes: AccountAttributes): string[] {
  switch (facet) {
    case 'communities':
      return attributes.community === undefined ? [] : [String(attributes.community)];
    case 'actorTypes':
      return attributes.actorType ? [attributes.actorType] : [];
    case 'platforms':
      return platformsOf(attributes);
    case 'languages':
      return attributes.language ? [attributes.language] : [];
    case 'countries':
      return attributes.country ? [attributes.country] : [];
    case 'roles':
      return attributes.role ? [attributes.role] : [];
  }
}

/** Whether any filter is set. */
export function isFiltering(filters: Filters): boolean {
  return (
    FACETS.some((facet) => filters[facet].length > 0) ||
    filters.minScore > 0 ||
    filters.maxScore < 100 ||
    filters.minDegree > 0
  );
}

/** The filters as model's account filter, but `except` (a facet, or none); the degree aside. */
export function toAccountFilter(filters: Filters, except?: Facet): AccountFilter {
  const chosen = (facet: Facet) => facet !== except && filters[facet].length > 0;
  return {
    ...(chosen('communities') && { communities: filters.communities }),
    ...(chosen('actorTypes') && { actorTypes: filters.actorTypes }),
    ...(chosen('platforms') && { platforms: filters.platforms }),
    ...(chosen('languages') && { languages: filters.languages }),
    ...(chosen('countries') && { countries: filters.countries }),
    ...(chosen('roles') && { roles: filters.roles }),
    ...(filters.minScore > 0 && { minScore: filters.minScore }),
    ...(filters.maxScore < 100 && { maxScore: filters.maxScore }),
  };
}

/**
 * A test of one account against every filter but `except` (a facet, or none): model's account
 * filter (a language also finds its regional variants: `fr` shows `fr-CA`), and the degree.
 */
export function compileFilters(
  filters: Filters,
  except?: Facet,
): (attributes: AccountAttributes, degree: number) => boolean {
  const matches = compileAccountFilter(toAccountFilter(filters, except));
  return (attributes, degree) => degree >= filters.minDegree && matches(attributes);
}

export interface FilterCounts {
  /** Accounts every filter lets through. */
  shown: number;
  total: number;
  /** Per facet, per value: the accounts with that value that the other filters let through. */
  facets: Record<Facet, Map<string, number>>;
}

/**
 * The accounts every filter lets through. `degrees` gives each account's number of distinct
 * neighbours; it is only called when a minimum is set.
 */
export function filterAccounts(
  graph: MapGraph,
  filters: Filters,
  degrees: () => ReadonlyMap<string, number>,
): Set<string> {
  const passes = compileFilters(filters);
  const degreeOf = degreeReader(filters, degrees);
  const shown = new Set<string>();
  graph.forEachNode((node, attributes) => {
    if (passes(attributes, degreeOf(node))) shown.add(node);
  });
  return shown;
}

/** The number of neighbours of an account, read only when the filters set a minimum. */
function degreeReader(
  filters: Filters,
  degrees: () => ReadonlyMap<string, number>,
): (node: string) => number {
  if (filters.minDegree === 0) return () => 0;
  const known = degrees();
  return (node) => known.get(node) ?? 0;
}

/** How many accounts are shown, and how many each facet value would show. */
export function countFilterValues(
  graph: MapGraph,
  filters: Filters,
  degrees: () => ReadonlyMap<string, number>,
): FilterCounts {
  const passes = compileFilters(filters);
  const degreeOf = degreeReader(filters, degrees);
  const others = FACETS.map((facet) => [facet, compileFilters(filters, facet)] as const);
  const facets = Object.fromEntries(FACETS.map((facet) => [facet, new Map()])) as Record<
    Facet,
    Map<string, number>
  >;
  let shown = 0;
  graph.forEachNode((node, attributes) => {
    const degree = degreeOf(node);
    if (passes(attributes, degree)) shown++;
    for (const [facet, passesOthers] of others) {
      if (!passesOthers(attributes, degree)) continue;
      const counts = facets[facet];
      for (const value of facetValues(facet, attributes)) {
        counts.set(value, (counts.get(value) ?? 0) + 1);
      }
    }
  });
  return { shown, total: graph.order, facets };
}

/**
 * A facet's choice after showing or hiding `values` together (a legend line). `chosen` empty means
 * every value of `all` is shown. Hiding values that are shown removes them (hiding the last shown
 * ones changes nothing); showing hidden ones adds them, and a choice that covers `all` becomes
 * empty again.
 */
export function toggleShown<T>(chosen: readonly T[], all: readonly T[], values: readonly T[]): T[] {
  const shown = new Set(chosen.length === 0 ? all : chosen);
  if (values.every((value) => shown.has(value))) {
    const rest = [...shown].filter((value) => !values.includes(value));
    return rest.length === 0 ? [...chosen] : all.filter((value) => rest.includes(value));
  }
  for (const value of values) shown.add(value);
  return all.every((value) => shown.has(value)) ? [] : all.filter((value) => shown.has(value));
}
