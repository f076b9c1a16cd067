// The terms that set communities apart: their members' hashtags and bio words, matched without case or
// accents, French and English stop words removed, scored by tf-idf across the communities of a map.
// tf-idf: Salton & Buckley (1988), "Term-weighting approaches in automatic text retrieval", IP&M 24(5).
import { foldText } from '@kolmap/model';

export const TERM_KINDS = ['hashtag', 'bio'] as const;
export type TermKind = (typeof TERM_KINDS)[number];

/** A term of a community and how distinctive it is. */
export interface DistinctiveTerm {
  /** As shown: the map's most frequent spelling, accents kept ("#SEP", "#immunothérapie", "sclérose"). */
  term: string;
  /** What spellings are matched by: lower case without accents, hashtags with their '#' ("#sep"). */
  key: string;
  kind: TermKind;
  /** Posts of the community's members using the hashtag, or members whose bio has the word. */
  count: number;
  /** tf: `count` over the counts of all the community's terms of the same kind. */
  frequency: number;
  /** tf × idf with idf = ln((1 + N) / (1 + df)): N communities, df the effective number using the term. */
  score: number;
}

/** What a community says about itself: the hashtags of its members' posts and their bios. */
export interface TermSource {
  /** The hashtags of each post, with or without a leading '#'. */
  hashtags: ReadonlyArray<readonly string[]>;
  bios: readonly string[];
}

/**
 * French function words (articles, pronouns, prepositions, conjunctions, forms of être and avoir,
 * common adverbs), matched without accents. Bio words of one letter and numbers are dropped anyway.
 */
export const FRENCH_STOP_WORDS: readonly string[] = Object.freeze(
  `à afin ai aie ainsi alors as au aucun aucune aussi autre autres aux avaient avais avait avant avec
  avez avons ayant bien car ce ceci cela celle celles celui ces cet cette ceux chaque chez comme dans
  de déjà depuis des donc dont du elle elles en encore entre es est et étaient étais était été êtes
  être eu eux fait faire fois ici il ils je jusqu la là laquelle le lequel les leur leurs lui ma mais
  me même mes moi moins mon ne ni nos notre nous on ont ou où par parce pas pendant peu peut plus pour
  pourquoi qu quand que quel quelle quelles quels qui quoi sa sans se selon sera ses si soi sommes son
  sont sous suis sur ta te tes toi ton tous tout toute toutes très tu un une vers via vos votre vous`
    .trim()
    .split(/\s+/),
);

/**
 * English function words (after the usual lists: articles, pronouns, prepositions, conjunctions,
 * auxiliaries, common adverbs, and the stubs apostrophes leave: "don", "ll", "ve"…).
 */
export const ENGLISH_STOP_WORDS: readonly string[] = Object.freeze(
  `about above across after again against all along also am among an and any are aren around as at be
  because been before being below between both but by can cannot could couldn did didn do does doesn
  doing don down during each every few for from further had hadn has hasn have haven having he her
  here hers herself him himself his how if im in into is isn it its itself ive just ll me more most my
  myself no nor not now of off on once only or other our ours ourselves out over own per re same she
  should since so some such than that the their theirs them themselves then there these they this
  those through to too under until up upon us ve very via was wasn we were weren what when where which
  while who whom why will with within without won would you your yours yourself yourselves`
    .trim()
    .split(/\s+/),
);

const STOP_WORDS: ReadonlySet<string> = new Set(
  [...FRENCH_STOP_WORDS, ...ENGLISH_STOP_WORDS].map(foldText),
);

const LINK = /\b(?:https?:\/\/|www\.)\S+/giu;
const MENTION = /@[\p{L}\p{N}_.]+/gu;
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The words of a bio, lower-cased with their accents: links and @mentions left out, split at anything
 * but letters and digits (so "l'immunothérapie" gives "immunothérapie"), dropping words of one letter,
 * numbers and stop words.
 */
export function bioWords(bio: string): string[] {
  const words: string[] = [];
  for (const [token] of bio.replace(LINK, ' ').replace(MENTION, ' ').matchAll(WORD)) {
    const key = foldText(token);
    if (key.length < 2 || /^\p{N}+$/u.test(key) || STOP_WORDS.has(key)) continue;
    words.push(token.toLowerCase());
  }
  return words;
}

/**
 * Scores each community's terms by tf-idf, each community being one document: a hashtag counts once
 * per post that uses it, a bio word once per member whose bio has it; tf is taken within each kind
 * (hashtags, bio words), so both kinds score on the same scale. idf = ln((1 + N) / (1 + df)) over the
 * N communities, smoothed so that a term every community uses alike scores 0. df is counted softly, as
 * the effective number of communities using the term: exp of the entropy of its counts across them.
 * A term used by k communities equally has df k, as in plain tf-idf, but one stray post elsewhere
 * barely adds to it: #SEP used 226 times in one community and once in another has df 1.04, not 2.
 *
 * @returns each community's terms, best first (ties: higher count, then key), score 0 included.
 */
export function distinctiveTerms(
  sources: ReadonlyMap<number, TermSource>,
): Map<number, DistinctiveTerm[]> {
  const spellings = new Map<string, Map<string, number>>();
  const spell = (key: string, spelling: string) => {
    let forms = spellings.get(key);
    if (!forms) {
      forms = new Map();
      spellings.set(key, forms);
    }
    forms.set(spelling, (forms.get(spelling) ?? 0) + 1);
  };
  const bags = new Map<number, Map<string, number>>();
  const spread = new Map<string, { total: number; sumCountLog: number }>();
  for (const [id, source] of sources) {
    const bag = new Map<string, number>();
    const addOnce = (seen: Set<string>, key: string, spelling: string) => {
      spell(key, spelling);
      if (seen.has(key)) return;
      seen.add(key);
      bag.set(key, (bag.get(key) ?? 0) + 1);
    };
    for (const tags of source.hashtags) {
      const seen = new Set<string>();
      for (const raw of tags) {
        const tag = raw.trim().replace(/^#+/, '');
        if (tag !== '') addOnce(seen, `#${foldText(tag)}`, `#${tag}`);
      }
    }
    for (const bio of source.bios) {
      const seen = new Set<string>();
      for (const word of bioWords(bio)) addOnce(seen, foldText(word), word);
    }
    for (const [key, count] of bag) {
      const known = spread.get(key) ?? { total: 0, sumCountLog: 0 };
      spread.set(key, {
        total: known.total + count,
        sumCountLog: known.sumCountLog + count * Math.log(count),
      });
    }
    bags.set(id, bag);
  }

  const shown = new Map<string, string>();
  for (const [key, forms] of spellings) {
    const [best] = [...forms]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    shown.set(key, best?.value ?? key);
  }
  const communities = sources.size;
  const result = new Map<number, DistinctiveTerm[]>();
  for (const [id, bag] of bags) {
    const totals = { hashtag: 0, bio: 0 };
    for (const [key, count] of bag) totals[kindOf(key)] += count;
    const terms: DistinctiveTerm[] = [];
    for (const [key, count] of bag) {
      const kind = kindOf(key);
      const frequency = count / totals[kind];
      const idf = Math.log((1 + communities) / (1 + effectiveDocuments(spread.get(key))));
      terms.push({
        term: shown.get(key) ?? key,
        key,
        kind,
        count,
        frequency,
        score: frequency * idf,
      });
    }
    result.set(id, terms.sort(byScore));
  }
  return result;
}

/** exp(H) of the counts c_i summing to S: H = ln S − Σ c_i ln c_i / S, so exp(H) = S / exp(Σ c_i ln c_i / S). */
function effectiveDocuments(spread: { total: number; sumCountLog: number } | undefined): number {
  if (!spread) return 0;
  return spread.total / Math.exp(spread.sumCountLog / spread.total);
}

function kindOf(key: string): TermKind {
  return key.startsWith('#') ? 'hashtag' : 'bio';
}

function byScore(a: DistinctiveTerm, b: DistinctiveTerm): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.count !== b.count) return b.count - a.count;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
