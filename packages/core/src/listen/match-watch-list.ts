// Finds the watch list in post text: which brands (by name, molecule or variant) and which therapeutic
// areas (by seed hashtag or keyword) a post speaks of. Accent-, case- and hashtag-insensitive.
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
}

/** What a post says of the watch list. Indices into `WatchMatcher.brands` and `.areas`, ascending. */
export interface WatchMatches {
  brands: number[];
  areas: number[];
  /** The area keywords and hashtags found, as topic keys (see `WatchMatcher.keywords`). */
  keywords: string[];
}

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
  };
}

/** The brands, areas and area keywords of a tokenized post (see `tokenize`). */
export function matchWatchList(tokens: readonly string[], matcher: WatchMatcher): WatchMatches {
  const found = findPhrases(tokens, matcher.terms);
  if (found.length === 0) return { brands: [], areas: [], keywords: [] };
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
  return {
    brands: [...brands].sort((a, b) => a - b),
    areas: [...areas].sort((a, b) => a - b),
    keywords: [...keywords],
  };
}
