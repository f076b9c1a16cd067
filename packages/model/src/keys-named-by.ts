// Which account keys a search text names: search (the API's and the viewer's) finds them first, so
// that maps without names (SNAP-style ids) can be searched too.
import { PLATFORMS } from './vocabulary.js';

/**
 * The account keys a search text may name, which search finds first: the text itself when it is a
 * key (`x:88`, `actor:a2006`), else the text as an id on every platform and as an actor id
 * (`88` → `x:88`, `linkedin:88`, …, `actor:88`); none for a text with spaces.
 */
export function keysNamedBy(text: string): string[] {
  if (text === '' || /\s/.test(text)) return [];
  if (text.includes(':')) return [text];
  return [...PLATFORMS, 'actor'].map((prefix) => `${prefix}:${text}`);
}
