// Finds known phrases (one or more words) in tokenized text: watch-list names, lexicon entries.
// A phrase also matches a hashtag that spells it without spaces: "sclérose en plaques" matches
// #ScléroseEnPlaques, "Insulane Flex" matches #InsulaneFlex.
import { CLAUSE_BREAK, tokenize } from './text-tokens.js';

/** A phrase found in a token list: tokens `start` to `end` (excluded), and what it stands for. */
export interface PhraseMatch<T> {
  start: number;
  end: number;
  value: T;
}

interface Candidate<T> {
  words: readonly string[];
  value: T;
}

/** Phrases indexed by their first word (longest first) and by their hashtag spelling. */
export interface PhraseMatcher<T> {
  byFirstWord: ReadonlyMap<string, ReadonlyArray<Candidate<T>>>;
  byHashtag: ReadonlyMap<string, T>;
}

/**
 * Compiles phrases into a matcher. Each phrase is tokenized like post text (folded, apostrophes
 * split), so "d'Oncavera" or "OncaVéra" in a post match "Oncavera". When two phrases have the same
 * words, the first one given wins.
 */
export function compilePhrases<T>(
  phrases: Iterable<readonly [phrase: string, value: T]>,
): PhraseMatcher<T> {
  const byFirstWord = new Map<string, Array<Candidate<T>>>();
  const byHashtag = new Map<string, T>();
  const seen = new Set<string>();
  for (const [phrase, value] of phrases) {
    const words = tokenize(phrase).filter(
      (token) => token !== CLAUSE_BREAK && !token.startsWith('#'),
    );
    const [first] = words;
    if (first === undefined) continue;
    const key = words.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    const list = byFirstWord.get(first) ?? [];
    list.push({ words, value });
    byFirstWord.set(first, list);
    const hashtag = `#${words.join('')}`;
    if (!byHashtag.has(hashtag)) byHashtag.set(hashtag, value);
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { byFirstWord, byHashtag };
}

/**
 * The phrases of `tokens`, left to right, the longest at each place; matches do not overlap.
 * A hashtag token matches the phrase it spells.
 */
export function findPhrases<T>(
  tokens: readonly string[],
  matcher: PhraseMatcher<T>,
): Array<PhraseMatch<T>> {
  const found: Array<PhraseMatch<T>> = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] as string;
    if (token.charCodeAt(0) === 35 /* # */) {
      const value = matcher.byHashtag.get(token);
      if (value !== undefined) found.push({ start: i, end: i + 1, value });
      i++;
      continue;
    }
    const candidates = matcher.byFirstWord.get(token);
    let matched = 0;
    if (candidates !== undefined) {
      for (const candidate of candidates) {
        if (wordsAt(tokens, i, candidate.words)) {
          found.push({ start: i, end: i + candidate.words.length, value: candidate.value });
          matched = candidate.words.length;
          break;
        }
      }
    }
    i += matched > 0 ? matched : 1;
  }
  return found;
}

function wordsAt(tokens: readonly string[], at: number, words: readonly string[]): boolean {
  if (at + words.length > tokens.length) return false;
  for (let j = 1; j < words.length; j++) if (tokens[at + j] !== words[j]) return false;
  return true;
}
