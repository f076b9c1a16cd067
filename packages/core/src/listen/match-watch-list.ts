// Finds the watch list in post text: which brands (by name, molecule or variant) and which therapeutic
// areas (by seed hashtag or keyword) a post speaks of. Accent-, case- and hashtag-insensitive, and
// tolerant of a typo in a long brand or molecule name ("myelorra", "neurelixx", "tarvagliflozine").
import { foldText } from '@kolmap/model';
import { compilePhrases, findPhrases, type PhraseMatcher } from './phrase-matcher.js';
import { tokenize } from './text-tokens.js';
import type { WatchList } from './watch-list.js';

/** A brand of the watch list: one of the laboratory's products (`own`) or a competitor. */
export interface Brand {
  name: string;
  own: boolean;
  molecules: readonly string[];
  company: string | null;
  therapeuticArea: string | null;
}

type WatchTerm = { brand: number } | { area: number; key: string };

/** A watch list ready to match: brands and areas numbered, every spelling compiled. */
export interface WatchMatcher {
  /** Products first, then competitors, in the watch list's order. */
  brands: readonly Brand[];
  areas: readonly string[];
  /** Topic key of each brand: its folded name ("insulane flex"). */
  brandKeys: readonly string[];
  /** Area keywords and hashtags by topic key ("#avc", "thrombectomie"), as the watch list spells them. */
  keywords: ReadonlyMap<string, string>;
  /** The area of each brand (index into `areas`), or null. */
  brandAreas: ReadonlyArray<number | null>;
  terms: PhraseMatcher<readonly WatchTerm[]>;
  /**
   * One-word brand spellings of `FUZZY_MIN_LENGTH` letters or more, for typos, by two letter codes:
   * the first with the second, and the first with the third (see `letterKeys`).
   */
  fuzzy: ReadonlyMap<number, ReadonlyArray<{ word: string; brands: readonly number[] }>>;
}

/** What a post says of the watch list. Indices into `WatchMatcher.brands` and `.areas`, ascending. */
export interface WatchMatches {
  brands: number[];
  areas: number[];
  /** The area keywords and hashtags found, as topic keys (see `WatchMatcher.keywords`). */
  keywords: string[];
  /** The brands of `brands` found only by an approximate spelling. */
  fuzzyBrands: number[];
}

/** Shortest word looked at for typos: shorter ones are too close to common words. */
export const FUZZY_MIN_LENGTH = 6;
/** From this length, two edits are forgiven ("tarvaglifozine"); below it, one. */
const TWO_EDITS_FROM = 10;
/** Words already judged, kept across posts (cleared when full): most words come back often. */
const FUZZY_CACHE_SIZE = 50_000;

/**
 * Compiles a watch list. A brand is found by its name, its molecules (INN) and its variants; an area by
 * its hashtags (with or without '#') and keywords, and through the brands of that area. Every term
 * matches in plain text and as a hashtag written without spaces ("Insulane Flex" ↔ #InsulaneFlex), in
 * any case and with or without accents. A term shared by two brands (a molecule and its generic) names
 * both.
 */
export function compileWatchList(watch: WatchList): WatchMatcher {
  const areas = (watch.therapeuticAreas ?? []).map((area) => area.name);
  const areaIndex = new Map(areas.map((name, i) => [foldText(name), i]));
  const brands: Brand[] = [
    ...watch.products.map((brand) => ({ brand, own: true })),
    ...(watch.competitors ?? []).map((brand) => ({ brand, own: false })),
  ].map(({ brand, own }) => ({
    name: brand.name,
    own,
    molecules: brand.molecules ?? [],
    company: brand.company ?? null,
    therapeuticArea: brand.therapeuticArea ?? null,
  }));
  const grouped = new Map<string, WatchTerm[]>();
  const add = (phrase: string, term: WatchTerm) => {
    const key = tokenize(phrase).join(' ');
    const list = grouped.get(key) ?? [];
    list.push(term);
    grouped.set(key, list);
  };
  watch.products.concat(watch.competitors ?? []).forEach((brand, i) => {
    for (const phrase of [brand.name, ...(brand.molecules ?? []), ...(brand.variants ?? [])]) {
      add(phrase, { brand: i });
    }
  });
  const keywords = new Map<string, string>();
  const addKeyword = (phrase: string, area: number, label: string) => {
    const key = foldText(label);
    if (!keywords.has(key)) keywords.set(key, label);
    add(phrase, { area, key });
  };
  (watch.therapeuticAreas ?? []).forEach((area, i) => {
    for (const hashtag of area.hashtags ?? []) {
      const bare = hashtag.replace(/^#+/, '');
      addKeyword(bare, i, `#${bare}`);
    }
    for (const keyword of area.keywords ?? []) addKeyword(keyword.replace(/^#+/, ''), i, keyword);
  });
  const areaOf = (name: string | null) =>
    name === null ? null : (areaIndex.get(foldText(name)) ?? null);
  return {
    brands,
    areas,
    brandKeys: brands.map((brand) => foldText(brand.name)),
    keywords,
    brandAreas: brands.map((brand) => areaOf(brand.therapeuticArea)),
    terms: compilePhrases(grouped),
    fuzzy: fuzzyIndex(grouped),
  };
}

function fuzzyIndex(
  grouped: ReadonlyMap<string, readonly WatchTerm[]>,
): Map<number, Array<{ word: string; brands: number[] }>> {
  const index = new Map<number, Array<{ word: string; brands: number[] }>>();
  for (const [word, terms] of grouped) {
    if (word.includes(' ') || word.length < FUZZY_MIN_LENGTH) continue;
    const brands = terms.flatMap((term) => ('brand' in term ? [term.brand] : []));
    if (brands.length === 0) continue;
    for (const key of letterKeys(word)) {
      const list = index.get(key) ?? [];
      if (!list.some((entry) => entry.word === word)) list.push({ word, brands });
      index.set(key, list);
    }
  }
  return index;
}

/**
 * A word's first letter with its second, and with its third, as numbers: one edit after the first
 * letter leaves at least one of them shared with the word meant ("mylora", "mxelora", "meylora" for
 * "myelora"), so a post's words are compared only with the brands they share one with.
 */
function letterKeys(word: string): [number, number] {
  const first = word.charCodeAt(0) * 65536;
  return [first + word.charCodeAt(1), first + word.charCodeAt(2)];
}

/** The brands, areas and area keywords of a tokenized post (see `tokenize`). */
export function matchWatchList(tokens: readonly string[], matcher: WatchMatcher): WatchMatches {
  const found = findPhrases(tokens, matcher.terms);
  const fuzzy = findTypos(tokens, found, matcher);
  if (found.length === 0 && fuzzy.length === 0) {
    return { brands: [], areas: [], keywords: [], fuzzyBrands: [] };
  }
  const brands = new Set<number>();
  const areas = new Set<number>();
  const keywords = new Set<string>();
  for (const { value } of found) {
    for (const term of value) {
      if ('brand' in term) {
        brands.add(term.brand);
        const area = matcher.brandAreas[term.brand];
        if (area !== null && area !== undefined) areas.add(area);
      } else {
        areas.add(term.area);
        keywords.add(term.key);
      }
    }
  }
  const fuzzyBrands: number[] = [];
  for (const brand of fuzzy) {
    if (brands.has(brand)) continue;
    brands.add(brand);
    fuzzyBrands.push(brand);
    const area = matcher.brandAreas[brand];
    if (area !== null && area !== undefined) areas.add(area);
  }
  return {
    brands: [...brands].sort((a, b) => a - b),
    areas: [...areas].sort((a, b) => a - b),
    keywords: [...keywords],
    fuzzyBrands: fuzzyBrands.sort((a, b) => a - b),
  };
}

const typoCache = new WeakMap<WatchMatcher, Map<string, readonly number[]>>();

/**
 * Brands named with a typo: a word (or hashtag) of `FUZZY_MIN_LENGTH` letters or more, outside the
 * exact matches, that shares its first letters with a one-word brand spelling (see `letterKeys`) and is
 * one edit from it
 * (an insertion, deletion, substitution or swap of neighbours; two from `TWO_EDITS_FROM` letters). A
 * word close to two brands names neither.
 */
function findTypos(
  tokens: readonly string[],
  found: ReadonlyArray<{ start: number; end: number }>,
  matcher: WatchMatcher,
): number[] {
  if (matcher.fuzzy.size === 0) return [];
  let cache = typoCache.get(matcher);
  if (cache === undefined) {
    cache = new Map();
    typoCache.set(matcher, cache);
  }
  const result: number[] = [];
  let next = 0;
  for (let i = 0; i < tokens.length; i++) {
    while (next < found.length && (found[next] as { end: number }).end <= i) next++;
    if (next < found.length && (found[next] as { start: number }).start <= i) continue;
    let token = tokens[i] as string;
    if (token.charCodeAt(0) === 35 /* # */) token = token.slice(1);
    if (token.length < FUZZY_MIN_LENGTH) continue;
    const [second, third] = letterKeys(token);
    if (!matcher.fuzzy.has(second) && !matcher.fuzzy.has(third)) continue;
    let brands = cache.get(token);
    if (brands === undefined) {
      brands = typoOf(token, matcher);
      if (cache.size >= FUZZY_CACHE_SIZE) cache.clear();
      cache.set(token, brands);
    }
    for (const brand of brands) if (!result.includes(brand)) result.push(brand);
  }
  return result;
}

function typoOf(token: string, matcher: WatchMatcher): readonly number[] {
  let match: readonly number[] = [];
  const [second, third] = letterKeys(token);
  const candidates = [...(matcher.fuzzy.get(second) ?? []), ...(matcher.fuzzy.get(third) ?? [])];
  for (const { word, brands } of candidates) {
    const allowed = Math.min(token.length, word.length) >= TWO_EDITS_FROM ? 2 : 1;
    if (word === token || !withinEdits(token, word, allowed)) continue;
    if (match.length > 0 && match.some((brand) => !brands.includes(brand))) return [];
    match = brands;
  }
  return match;
}

/** Whether `a` and `b` are at most `limit` edits apart (optimal string alignment distance). */
export function withinEdits(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (previous2[j - 2] as number) + 1);
      }
      row.push(value);
      if (value < best) best = value;
    }
    if (best > limit) return false;
    previous2 = previous;
    previous = row;
  }
  return (previous[b.length] as number) <= limit;
}
