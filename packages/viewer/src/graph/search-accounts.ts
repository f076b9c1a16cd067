// Autocomplete on the loaded map: the account whose key or id was typed first (model's
// keysNamedBy), then accounts whose name or handle contains it, ignoring case, accents and a leading
// `@`; names that start with it first, then by KOL score.
import { foldHandle, keysNamedBy } from '@kolmap/model';
import { displayName, type MapGraph } from './map-graph.js';

export interface SearchEntry {
  key: string;
  label: string;
  handle: string | null;
  kolScore: number;
  /** Folded name and handle, separated by a newline. */
  text: string;
}

/** Text as searched: trimmed and folded as model's `foldHandle` (no case, accents or leading `@`). */
export function foldQuery(text: string): string {
  return foldHandle(text.trim());
}

/** One entry per account, built once per map. */
export function buildSearchIndex(graph: MapGraph): SearchEntry[] {
  return graph.mapNodes((key, attributes) => ({
    key,
    label: displayName(key, attributes),
    handle: attributes.handle ?? null,
    kolScore: attributes.kolScore ?? -1,
    text: `${foldQuery(attributes.name ?? '')}\n${foldQuery(attributes.handle ?? '')}`,
  }));
}

/**
 * The `limit` best matches of `query`: the accounts whose key it is, or whose id on some platform
 * (`x:88`, `88`), first; then accounts whose name or handle starts with it, or has a word that does;
 * then those that merely contain it; each group by KOL score.
 */
export function searchAccounts(
  index: readonly SearchEntry[],
  query: string,
  limit = 8,
): SearchEntry[] {
  const folded = foldQuery(query);
  if (folded === '') return [];
  const named = new Set(keysNamedBy(query.trim().replace(/^@+/, '')));
  const found: Array<{ entry: SearchEntry; rank: number }> = [];
  const starts = [`\n${folded}`, ` ${folded}`, `_${folded}`];
  for (const entry of index) {
    if (named.has(entry.key)) {
      found.push({ entry, rank: 0 });
      continue;
    }
    if (!entry.text.includes(folded)) continue;
    const early =
      entry.text.startsWith(folded) || starts.some((start) => entry.text.includes(start));
    found.push({ entry, rank: early ? 1 : 2 });
  }
  found.sort(
    (a, b) =>
      a.rank - b.rank ||
      b.entry.kolScore - a.entry.kolScore ||
      (a.entry.key < b.entry.key ? -1 : 1),
  );
  return found.slice(0, limit).map(({ entry }) => entry);
}
