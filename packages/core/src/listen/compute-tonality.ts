// Tonality of a post in French or English from the lexicon of tonality-lexicon.ts, with the rules of
// VADER (Hutto & Gilbert 2014, "VADER: a parsimonious rule-based model for sentiment analysis of
// social media text", ICWSM): intensifiers scale the next word, "but" shifts the weight to what
// follows, the sum is normalised to −1…1 as s / √(s² + 15). Negation shifts a word to the other side
// at half its strength, after SO-CAL (Taboada et al. 2011): "not good" is mildly negative, "not bad"
// mildly positive, rather than the opposite extreme. The adverse events of pv-lexicon.ts weigh as
// negative words, and a sarcasm cue turns the positive words of its post negative.

import type { Tone } from '@kolmap/model';
import { compilePhrases, findPhrases, type PhraseMatcher } from './phrase-matcher.js';
import {
  ENGLISH_PV_WORDS,
  FRENCH_PV_WORDS,
  PV_EVENT_CLASSES,
  PV_EVENT_EMOJIS,
  type PvEventClass,
  type PvWordLists,
} from './pv-lexicon.js';
import { CLAUSE_BREAK, expandForms, tokenize } from './text-tokens.js';
import {
  EMOJI_VALENCES,
  ENGLISH_WORDS,
  FRENCH_NE_PARTNERS,
  FRENCH_WORDS,
  TONALITY_LANGUAGES,
  type TonalityLanguage,
  type TonalityWordLists,
} from './tonality-lexicon.js';

/** The tonality of one text. */
export interface Tonality {
  /** −1 (most negative) … 1 (most positive). */
  score: number;
  tone: Tone;
  /** Lexicon words and emojis found. */
  hits: number;
}

export interface TonalityOptions {
  /** |score| from which a text is positive or negative rather than neutral. Default 0.05 (VADER's). */
  neutralBand: number;
  /** Words before a tonal word within which a negator turns it around. Default 3. */
  negationWindow: number;
  /** Factor of a negated valence. Default −0.5. */
  negationShift: number;
  /** Weight of the clause before "but" / "mais" (the clause after weighs 1.5). Default 0.5. */
  beforeContrast: number;
}

export const DEFAULT_TONALITY_OPTIONS: Readonly<TonalityOptions> = Object.freeze({
  neutralBand: 0.05,
  negationWindow: 3,
  negationShift: -0.5,
  beforeContrast: 0.5,
});

/** VADER's normalisation constant: s / √(s² + α). */
const ALPHA = 15;
const AFTER_CONTRAST = 1.5;
const NE_SCOPE = 5;

type Entry =
  | { kind: 'valence'; value: number }
  | { kind: 'intensifier'; factor: number }
  | { kind: 'contrast' }
  | { kind: 'sarcasm' }
  /** An adverse event or symptom of the PV lexicon: `EVENT_VALENCE` unless the post is a report. */
  | { kind: 'event' }
  /** A word of news, study or clinical register: the post's events carry no tone. */
  | { kind: 'report' };

/** One language's lexicon, compiled. */
export interface TonalityLexicon {
  language: TonalityLanguage;
  terms: PhraseMatcher<Entry>;
  negators: ReadonlySet<string>;
  /** French only: the words that make "ne" a negation. */
  nePartners: ReadonlySet<string> | null;
}

/** Valence of an adverse event or symptom that the tonality lexicon does not list itself. */
export const EVENT_VALENCE = -1;
/** What a sarcasm cue adds of its own ("🙄" alone is negative). */
export const SARCASM_VALENCE = -1;
/** Event classes that are not in themselves bad news (a pregnancy, a lab value named). */
const NEUTRAL_EVENT_CLASSES: ReadonlySet<PvEventClass> = new Set(['pregnancy', 'investigations']);

function compileLexicon(
  language: TonalityLanguage,
  lists: TonalityWordLists,
  events: PvWordLists,
): TonalityLexicon {
  const entries: Array<readonly [string, Entry]> = [];
  const forms = (list: string) =>
    list
      .trim()
      .split(/\s+/)
      .flatMap(expandForms)
      .map((form) => form.replace(/_/g, ' '));
  for (const [value, list] of [...lists.valences, ...EMOJI_VALENCES]) {
    for (const form of forms(list)) entries.push([form, { kind: 'valence', value }]);
  }
  for (const [factor, list] of lists.intensifiers) {
    for (const form of forms(list)) entries.push([form, { kind: 'intensifier', factor }]);
  }
  for (const form of forms(lists.contrasts)) entries.push([form, { kind: 'contrast' }]);
  for (const form of forms(lists.sarcasm)) entries.push([form, { kind: 'sarcasm' }]);
  for (const form of forms(`${events.reportWords} ${lists.clinicalRegister}`)) {
    entries.push([form, { kind: 'report' }]);
  }
  const eventLists = [
    ...PV_EVENT_CLASSES.map((eventClass) => [eventClass, events.events[eventClass]] as const),
    ...PV_EVENT_EMOJIS,
  ];
  for (const [eventClass, list] of eventLists) {
    if (NEUTRAL_EVENT_CLASSES.has(eventClass)) continue;
    for (const form of forms(list)) entries.push([form, { kind: 'event' }]);
  }
  const folded = (list: string) => new Set(forms(list).flatMap(tokenize));
  return {
    language,
    terms: compilePhrases(entries),
    negators: folded(lists.negators),
    nePartners: language === 'fr' ? folded(FRENCH_NE_PARTNERS) : null,
  };
}

/** The built-in lexicons, compiled once. */
export const TONALITY_LEXICONS: Readonly<Record<TonalityLanguage, TonalityLexicon>> = {
  fr: compileLexicon('fr', FRENCH_WORDS, FRENCH_PV_WORDS),
  en: compileLexicon('en', ENGLISH_WORDS, ENGLISH_PV_WORDS),
};

const FRENCH_MARKERS = new Set(
  'le la les des du de et est un une je j pas pour sur avec dans mon ma mes ce c qu que qui au aux ne n sous tres mais ou nous vous on'.split(
    ' ',
  ),
);
const ENGLISH_MARKERS = new Set(
  'the a an and is are i my to of for with on in it this that not was have has be you me at from but so very our we'.split(
    ' ',
  ),
);

/**
 * The lexicon language of a post: its `language` when it is French or English (`fr`, `fr-CA`, `en-GB`…),
 * else the language whose common words it uses most (English on a tie).
 */
export function tonalityLanguage(
  language: string | undefined,
  tokens: readonly string[],
): TonalityLanguage {
  const code = language?.slice(0, 2).toLowerCase();
  if (code !== undefined && (TONALITY_LANGUAGES as readonly string[]).includes(code)) {
    return code as TonalityLanguage;
  }
  let french = 0;
  let english = 0;
  for (const token of tokens) {
    if (FRENCH_MARKERS.has(token)) french++;
    if (ENGLISH_MARKERS.has(token)) english++;
  }
  return french > english ? 'fr' : 'en';
}

/**
 * The tonality of a tokenized text (see `tokenize`). Each lexicon word or emoji adds its valence,
 * scaled by the intensifiers right before it ("very good": ×1.5, "a bit tired": ×0.5), turned around
 * at half strength when a negator stands up to `negationWindow` words before it in the same clause
 * ("not happy", "pas satisfaite", "je ne me suis jamais sentie pressée"; French "ne" counts only with
 * pas, plus, jamais, rien, personne, aucun… after it), and weighted 0.5 before and 1.5 after the last
 * "but" / "mais". Idioms are entries of their own ("never felt better", "cannot thank … enough",
 * "pleure de joie", "pas mal" by negation). Adverse events and symptoms of the pharmacovigilance
 * lexicon weigh `EVENT_VALENCE` ("rash", "maux de tête", 🤢). A sarcasm cue ("🙃", "love that for me",
 * "journée parfaite") turns every positive word of the post negative ("Great, a 4th UTI 🙃").
 *
 * @param options see `TonalityOptions`; defaults `DEFAULT_TONALITY_OPTIONS`.
 */
export function computeTonality(
  tokens: readonly string[],
  lexicon: TonalityLexicon,
  options: TonalityOptions = DEFAULT_TONALITY_OPTIONS,
): Tonality {
  const found = findPhrases(tokens, lexicon.terms);
  let contrastAt = -1;
  let sarcastic = false;
  let reporting = false;
  for (const match of found) {
    if (match.value.kind === 'contrast') contrastAt = match.start;
    else if (match.value.kind === 'sarcasm') sarcastic = true;
    else if (match.value.kind === 'report') reporting = true;
  }
  let sum = sarcastic ? SARCASM_VALENCE : 0;
  let hits = sarcastic ? 1 : 0;
  for (let m = 0; m < found.length; m++) {
    const match = found[m];
    if (match === undefined) continue;
    let value: number;
    if (match.value.kind === 'valence') value = match.value.value;
    else if (match.value.kind === 'event' && !reporting) value = EVENT_VALENCE;
    else continue;
    hits++;
    let at = match.start;
    for (let p = m - 1; p >= 0; p--) {
      const before = found[p];
      if (before === undefined || before.end !== at || before.value.kind !== 'intensifier') break;
      value *= before.value.factor;
      at = before.start;
    }
    if (isNegated(tokens, at, lexicon, options.negationWindow)) value *= options.negationShift;
    if (sarcastic && value > 0) value = -value;
    if (contrastAt >= 0)
      value *= match.start < contrastAt ? options.beforeContrast : AFTER_CONTRAST;
    sum += value;
  }
  const score = sum === 0 ? 0 : sum / Math.sqrt(sum * sum + ALPHA);
  const tone: Tone =
    score >= options.neutralBand
      ? 'positive'
      : score <= -options.neutralBand
        ? 'negative'
        : 'neutral';
  return { score, tone, hits };
}

/** Tonality of a raw text, in `language` or the one its words suggest. */
export function textTonality(text: string, language?: string): Tonality {
  const tokens = tokenize(text);
  return computeTonality(tokens, TONALITY_LEXICONS[tonalityLanguage(language, tokens)]);
}

/** Whether a negator stands within `window` tokens before `at`, in the same clause. */
function isNegated(
  tokens: readonly string[],
  at: number,
  lexicon: TonalityLexicon,
  window: number,
): boolean {
  for (let i = at - 1; i >= 0 && i >= at - window; i--) {
    const token = tokens[i] as string;
    if (token === CLAUSE_BREAK) return false;
    if (lexicon.negators.has(token)) return true;
    if ((token === 'ne' || token === 'n') && lexicon.nePartners !== null) {
      for (let j = i + 1; j < tokens.length && j <= i + NE_SCOPE; j++) {
        const next = tokens[j] as string;
        if (next === CLAUSE_BREAK) break;
        if (lexicon.nePartners.has(next)) return true;
      }
    }
  }
  return false;
}
