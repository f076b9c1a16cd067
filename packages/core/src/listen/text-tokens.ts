// Post text as listening reads it: folded tokens (lower case, no accents) with hashtags kept apart
// and clause breaks marked, so that matching, tonality and pharmacovigilance share one pass over the text.
import { foldText } from '@kolmap/model';

/** The token that stands for a clause break: . ! ? ; : , … and line breaks. */
export const CLAUSE_BREAK = '|';

const LINK = /\b(?:https?:\/\/|www\.)\S+/g;
/** English contractions of "not": "don't" → "do not", "can't" → "ca not". */
const NOT_CONTRACTION = /n['’]t\b/g;
const NON_ASCII = /[^\x00-\x7f]/;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const PICTOGRAPH = /^\p{Extended_Pictographic}$/u;

/** Per UTF-16 unit: 0 not looked at yet, 1 letter or digit, 2 neither. Filled as text is read. */
const WORD_UNITS = new Uint8Array(0x10000);
const PICTOGRAPHS = new Map<number, boolean>();

/**
 * The tokens of a text, in order: words folded by `foldText` ("Nausées" → "nausees"), hashtags with
 * their '#' ("#scleroseenplaques"), emojis as themselves, and `CLAUSE_BREAK` for each run of clause
 * punctuation (. ! ? ; : , … and line breaks). Apostrophes split words ("j'ai" → "j", "ai";
 * "d'Oncavera" → "d", "oncavera"), English "n't" becomes "not", links are dropped. @mentions are
 * dropped: they name people, not what is said. A scan of character codes rather than a regular
 * expression: listening tokenizes every post, and this allocates only the tokens.
 */
export function tokenize(text: string): string[] {
  let folded = NON_ASCII.test(text) ? foldText(text) : text.toLowerCase();
  if (folded.includes('http') || folded.includes('www.')) folded = folded.replace(LINK, ' ');
  if (folded.includes("n't") || folded.includes('n’t')) {
    folded = folded.replace(NOT_CONTRACTION, ' not');
  }
  const tokens: string[] = [];
  const length = folded.length;
  let i = 0;
  while (i < length) {
    const code = folded.charCodeAt(i);
    if (isWordUnit(code)) {
      const start = i;
      while (++i < length && isWordUnit(folded.charCodeAt(i)));
      tokens.push(folded.slice(start, i));
    } else if (code === 35 /* # */ || code === 64 /* @ */) {
      const start = i;
      while (++i < length && isTagUnit(folded.charCodeAt(i), code === 64));
      if (code === 35 && i > start + 1) tokens.push(folded.slice(start, i));
    } else if (isBreak(code)) {
      while (++i < length && isBreak(folded.charCodeAt(i)));
      tokens.push(CLAUSE_BREAK);
    } else if (code >= 0x2000) {
      const point = folded.codePointAt(i) as number;
      const width = point > 0xffff ? 2 : 1;
      if (isPictograph(point)) tokens.push(folded.slice(i, i + width));
      i += width;
    } else {
      i++;
    }
  }
  return tokens;
}

function isWordUnit(code: number): boolean {
  if (code < 128) {
    return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  }
  if (code >= 0xd800 && code <= 0xdfff) return false;
  let kind = WORD_UNITS[code];
  if (kind === 0) {
    kind = LETTER_OR_DIGIT.test(String.fromCharCode(code)) ? 1 : 2;
    WORD_UNITS[code] = kind;
  }
  return kind === 1;
}

/** Letters, digits and "_" continue a hashtag; mentions also take ".". */
function isTagUnit(code: number, mention: boolean): boolean {
  return isWordUnit(code) || code === 95 || (mention && code === 46);
}

function isPictograph(point: number): boolean {
  let known = PICTOGRAPHS.get(point);
  if (known === undefined) {
    known = PICTOGRAPH.test(String.fromCodePoint(point));
    PICTOGRAPHS.set(point, known);
  }
  return known;
}

function isBreak(code: number): boolean {
  // . ! ? ; : , … and newline
  return (
    code === 46 ||
    code === 33 ||
    code === 63 ||
    code === 59 ||
    code === 58 ||
    code === 44 ||
    code === 0x2026 ||
    code === 10
  );
}

/**
 * Every form a compact lexicon entry stands for: each group `(a|b)` is a, b or nothing. `déçu(e)(s)`
 * → déçu, déçue, déçus, déçues; `wait(ed|ing)` → wait, waited, waiting. Spaces are kept.
 */
export function expandForms(entry: string): string[] {
  const open = entry.indexOf('(');
  if (open < 0) return [entry];
  const close = entry.indexOf(')', open);
  if (close < 0) throw new Error(`lexicon entry "${entry}" has an unclosed "("`);
  const choices = ['', ...entry.slice(open + 1, close).split('|')];
  const rest = expandForms(entry.slice(close + 1));
  const head = entry.slice(0, open);
  return choices.flatMap((choice) => rest.map((tail) => `${head}${choice}${tail}`));
}
