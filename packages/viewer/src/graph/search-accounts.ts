// Autocomplete on the loaded map: accounts whose name or handle contains what was typed, ignoring
// case, accents and a leading `@`; names that start with it first, then by KOL score.
import { foldHandle } from '@kolmap/model';
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
 * The `limit` best matches of `query`: accounts whose name or handle starts with it, or has a word
 * that does, come first; then those that merely contain it; each group by KOL score.
 */
export function searchAccounts(
  index: readonly SearchEntry[],
  query: string,
  limit = 8,
): SearchEntry[] {
  const folded = foldQuery(query);
  if (folded === '') return [];
  const found: Array<{ entry: SearchEntry; early: boolean }> = [];
  const starts = [`\n${folded}`, ` ${folded}`, `_${folded}`];
  for (const entry of index) {
    if (!entry.text.includes(folded)) continue;
    const early =
      entry.text.startsWith(folded) || starts.some((start) => entry.text.includes(start));
    found.push({ entry, early });
  }
  found.sort(
    (a, b) =>
      Number(b.early) - Number(a.early) ||
      b.entry.kolScore - a.entry.kolScore ||
      (a.entry.key < b.entry.key ? -1 : 1),
  );
  return found.slice(0, limit).map(({ entry }) => entry);
}
