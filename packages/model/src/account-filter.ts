// The one account filter rule: which accounts `/kols` (both stores), shortlists and the viewer's
// filters let through. The Neo4j store compiles the same rule to Cypher (api store/neo4j/cypher.ts,
// `KOL_FILTERS`); the filter contract test (packages/api/test/http/account-filter.contract.ts) holds them equal.
import { platformsOf } from './platforms-of.js';

/**
 * Filters on an account's attributes. Each is unset by default; a list keeps the accounts matching
 * any of its values, and an account without the field fails it.
 */
export interface AccountFilter {
  /** Community ids (the attribute `community`). */
  communities?: readonly number[];
  actorTypes?: readonly string[];
  /** An actor (maps projected on actors) is on each platform of its `platforms`. */
  platforms?: readonly string[];
  roles?: readonly string[];
  /**
   * Language codes, any case. A code matches itself and its regional variants: `fr` finds `fr`, `FR`,
   * `fr-CA` and `fr-FR`; `fr-CA` finds only `fr-CA` (any case).
   */
  languages?: readonly string[];
  /** Countries as the data gives them (ISO codes `FR`, `GB`…), any case. */
  countries?: readonly string[];
  /** Lower bound on `kolScore`, included; accounts without a score never match. */
  minScore?: number;
  /** Upper bound on `kolScore`, included; accounts without a score never match. */
  maxScore?: number;
}

/** The attributes the filter reads. */
export interface FilteredAttributes {
  community?: unknown;
  actorType?: unknown;
  platform?: unknown;
  platforms?: unknown;
  role?: unknown;
  language?: unknown;
  country?: unknown;
  kolScore?: unknown;
  [name: string]: unknown;
}

/** How `compileAccountFilter` reads an account. */
export interface AccountFilterOptions {
  /** The attribute holding the community. Default `'community'`. */
  communityAttribute?: string;
}

/**
 * Whether a language (`fr-CA`) is one of `codes` (lower case) or a regional variant of one: `fr`
 * matches `fr` and `fr-CA`, `fr-ca` only `fr-CA`. Case-insensitive on the language.
 */
export function matchesLanguage(language: unknown, codes: readonly string[]): boolean {
  if (typeof language !== 'string') return false;
  const value = language.toLowerCase();
  return codes.some((code) => value === code || value.startsWith(`${code}-`));
}

/**
 * The filter as a test of one account, for testing many: the lists are turned into sets and lower
 * cased once. See `AccountFilter` for each filter.
 *
 * @param filter the filters; unset ones let every account through.
 * @param options.communityAttribute the attribute holding the community, default `'community'`.
 */
export function compileAccountFilter(
  filter: AccountFilter,
  options: AccountFilterOptions = {},
): (attributes: FilteredAttributes) => boolean {
  const communityAttribute = options.communityAttribute ?? 'community';
  const set = <T>(values: readonly T[] | undefined) =>
    values === undefined ? null : new Set<unknown>(values);
  const lower = (values: readonly string[] | undefined) =>
    values === undefined ? null : values.map((value) => value.toLowerCase());
  const communities = set(filter.communities);
  const actorTypes = set(filter.actorTypes);
  const platforms = set(filter.platforms);
  const roles = set(filter.roles);
  const languages = lower(filter.languages);
  const countries = lower(filter.countries);
  const { minScore, maxScore } = filter;
  return (attributes) => {
    if (communities && !communities.has(attributes[communityAttribute])) return false;
    if (actorTypes && !actorTypes.has(attributes.actorType)) return false;
    if (platforms && !platformsOf(attributes).some((platform) => platforms.has(platform))) {
      return false;
    }
    if (roles && !roles.has(attributes.role)) return false;
    if (languages && !matchesLanguage(attributes.language, languages)) return false;
    if (countries) {
      const { country } = attributes;
      if (typeof country !== 'string' || !countries.includes(country.toLowerCase())) return false;
    }
    if (minScore !== undefined || maxScore !== undefined) {
      const score = attributes.kolScore;
      if (typeof score !== 'number') return false;
      if (minScore !== undefined && !(score >= minScore)) return false;
      if (maxScore !== undefined && !(score <= maxScore)) return false;
    }
    return true;
  };
}

/**
 * Whether an account passes the filters: the rule of `/kols` (both stores), shortlists and the
 * viewer. Lists match any of their values; `languages` and `countries` ignore case, and a language
 * code also finds its regional variants (`fr` finds `fr-CA`, `fr-CA` finds only `fr-CA`); score
 * bounds are included and leave out accounts without a score. To test many accounts against one
 * filter, compile it once with `compileAccountFilter`.
 */
export function matchesAccountFilter(
  attributes: FilteredAttributes,
  filter: AccountFilter,
): boolean {
  return compileAccountFilter(filter)(attributes);
}
