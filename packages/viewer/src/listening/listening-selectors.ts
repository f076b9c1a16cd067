// The listening view's selectors against what the map can answer: a link may name brands or an area
// its watch list does not have (the API would refuse them), and a date chosen for one end of the
// range may pass the other.
import type { ListeningQuery } from '../api/api-client.js';

/** The names a watch list has, as `GET /maps/:id/listening` gives them. */
export interface WatchList {
  brands: readonly string[];
  areas: readonly string[];
}

/**
 * `query` with only the brands and area `watch` has, spelt as the watch list spells them (the API
 * matches them in any case). `query` itself when it has nothing else, so that `!==` tells a change.
 */
export function keepWatched(query: ListeningQuery, watch: WatchList): ListeningQuery {
  const spelling = (names: readonly string[], name: string) =>
    names.find((each) => each.toLowerCase() === name.toLowerCase()) ?? null;
  const brands = [...new Set(query.brands.flatMap((name) => spelling(watch.brands, name) ?? []))];
  const area = query.area === null ? null : spelling(watch.areas, query.area);
  const same =
    area === query.area &&
    brands.length === query.brands.length &&
    brands.every((name, index) => name === query.brands[index]);
  return same ? query : { ...query, brands, area };
}

/**
 * `query` from or to `day` (`2024-03-01`; null leaves that end open). When the range would end
 * before it starts, the other end is let go: the day just chosen is the one meant.
 */
export function withDay(
  query: ListeningQuery,
  end: 'from' | 'to',
  day: string | null,
): ListeningQuery {
  const next = { ...query, [end]: day };
  if (next.from === null || next.to === null || next.from <= next.to) return next;
  return { ...next, [end === 'from' ? 'to' : 'from']: null };
}
