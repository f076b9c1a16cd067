// Pharmacovigilance case intake: flags the posts that meet the four minimum criteria of a reportable
// case (EMA GVP Module VI, VI.B.1.1.1) so that a person reviews them. This is intake for review, not
// signal detection: nothing is counted or compared across posts, and recall comes first (a post in
// doubt is flagged; the review queue dismisses it).

import type { ActorType } from '@kolmap/model';
import { actorTypeSchema } from '@kolmap/model';
import { z } from 'zod';
import { mergeOptions, parseOptions } from '../options.js';
import {
  compilePhrases,
  findPhrases,
  type PhraseMatch,
  type PhraseMatcher,
} from './phrase-matcher.js';
import { ENGLISH_PV_WORDS, FRENCH_PV_WORDS, type PvWordLists } from './pv-lexicon.js';
import { CLAUSE_BREAK, expandForms } from './text-tokens.js';

export const PV_EVENT_KINDS = ['adverse-event', 'quality-complaint'] as const;
export type PvEventKind = (typeof PV_EVENT_KINDS)[number];

/** Which watched brands count as "a product of the watch list" for intake. */
export const PV_SCOPES = ['all', 'own'] as const;
export type PvScope = (typeof PV_SCOPES)[number];

export const pvIntakeOptionsSchema = z.strictObject({
  scope: z.enum(PV_SCOPES).optional(),
  implicitPatientTypes: z.array(actorTypeSchema).optional(),
  unknownAuthorIsPatient: z.boolean().optional(),
  negationWindow: z.number().int().nonnegative().optional(),
  hypotheticalWindow: z.number().int().nonnegative().optional(),
});
export type PvIntakeOptions = z.infer<typeof pvIntakeOptionsSchema>;

export interface PvIntakeDefaults {
  scope: PvScope;
  implicitPatientTypes: readonly ActorType[];
  unknownAuthorIsPatient: boolean;
  negationWindow: number;
  hypotheticalWindow: number;
}

export const DEFAULT_PV_INTAKE_OPTIONS: Readonly<PvIntakeDefaults> = Object.freeze({
  scope: 'all',
  implicitPatientTypes: Object.freeze<ActorType[]>([
    'patient',
    'caregiver',
    'influencer',
    'public_figure',
    'other',
  ]),
  unknownAuthorIsPatient: true,
  negationWindow: 3,
  hypotheticalWindow: 4,
});

type PvTermKind =
  | 'adverse-event'
  | 'quality-complaint'
  | 'patient'
  | 'hypothetical'
  | 'negator'
  | 'not-yet'
  | 'report';

interface PvTerm {
  kind: PvTermKind;
  /** The entry as written in the lexicon ("sang dans les urines"). */
  term: string;
}

/** Why a post was flagged: each of the four criteria with what met it. */
export interface PvCriteria {
  /** The author's account key: whoever wrote it can be contacted through the platform. */
  reporter: string;
  /**
   * `named`: the post names a patient (first person, a relative, "my patient"), see `patientWords`;
   * `author`: no patient is named, but the author is a person (actor type among `implicitPatientTypes`,
   * or unknown) telling it as their own and the post does not read as news or study data.
   */
  patient: 'named' | 'author';
  patientWords: string[];
  /** Watched brands named, by name. */
  products: string[];
  /** Adverse event and quality complaint terms found, neither negated nor hypothetical. */
  events: string[];
}

/** A post that may report an adverse event or a product quality complaint. */
export interface PvFinding {
  kinds: PvEventKind[];
  criteria: PvCriteria;
}

/** What intake knows of a post besides its tokens. */
export interface PvPostContext {
  /** Author's account key. */
  author: string;
  /** Author's actor type, when the data gives one. */
  actorType: ActorType | undefined;
  /** Brands the post names (see matchWatchList), with whether each is the laboratory's own. */
  brands: ReadonlyArray<{ name: string; own: boolean }>;
}

/** The French and English intake words, compiled once (both languages for every post: recall first). */
const PV_TERMS: PhraseMatcher<PvTerm> = compilePvTerms([FRENCH_PV_WORDS, ENGLISH_PV_WORDS]);

function compilePvTerms(lists: readonly PvWordLists[]): PhraseMatcher<PvTerm> {
  const kinds: Array<[PvTermKind, keyof PvWordLists]> = [
    ['adverse-event', 'adverseEvents'],
    ['quality-complaint', 'qualityComplaints'],
    ['patient', 'patientMarkers'],
    ['hypothetical', 'hypotheticals'],
    ['negator', 'negators'],
    ['not-yet', 'notYetTaking'],
    ['report', 'reportWords'],
  ];
  const entries: Array<readonly [string, PvTerm]> = [];
  for (const [kind, field] of kinds) {
    for (const words of lists) {
      for (const entry of words[field].trim().split(/\s+/)) {
        for (const form of expandForms(entry)) {
          const term = form.replace(/_/g, ' ');
          entries.push([term, { kind, term }]);
        }
      }
    }
  }
  return compilePhrases(entries);
}

/**
 * Checks one post against the four minimum criteria of a reportable case and returns why it qualifies,
 * or null:
 * 1. an identifiable reporter: the author's account;
 * 2. an identifiable patient: a first-person word, a relative or a patient named ("my son", "ma mère",
 *    "un patient"), or else the author, when they are a person (`implicitPatientTypes`, or an unknown
 *    type when `unknownAuthorIsPatient`) and the post has no news or study words ("regulator", "étude");
 * 3. a product of the watch list (`scope` `all`: any watched brand, the laboratory's or a competitor's,
 *    since PV decides where a case goes; `own`: the laboratory's only);
 * 4. an adverse event or quality complaint term (French and English lay terms, pv-lexicon.ts) that is
 *    neither negated ("no side effects", "aucun effet secondaire": a negator up to `negationWindow`
 *    words before it in the clause) nor hypothetical ("scared of getting", "j'ai peur d'avoir": a cue up
 *    to `hypotheticalWindow` words before it in the clause), in a post that does not say the product is
 *    not taken yet ("before I start", "avant de commencer").
 *
 * @param tokens - the post's tokens (see tokenize).
 * @param context - author, actor type and brands named.
 * @param options - see `DEFAULT_PV_INTAKE_OPTIONS`.
 */
export function detectPvCase(
  tokens: readonly string[],
  context: PvPostContext,
  options: PvIntakeDefaults = DEFAULT_PV_INTAKE_OPTIONS,
): PvFinding | null {
  const products = context.brands
    .filter((brand) => options.scope === 'all' || brand.own)
    .map((brand) => brand.name);
  if (products.length === 0 || context.author === '') return null;
  const found = findPhrases(tokens, PV_TERMS);
  const kinds = new Set<PvEventKind>();
  const events: string[] = [];
  const patientWords: string[] = [];
  let reportWords = 0;
  if (found.some((match) => match.value.kind === 'not-yet')) return null;
  found.forEach((match, index) => {
    const { kind, term } = match.value;
    if (kind === 'patient') patientWords.push(term);
    else if (kind === 'report') reportWords++;
    else if (kind === 'adverse-event' || kind === 'quality-complaint') {
      if (cueBefore(found, index, tokens, 'negator', options.negationWindow)) return;
      if (cueBefore(found, index, tokens, 'hypothetical', options.hypotheticalWindow)) return;
      kinds.add(kind);
      if (!events.includes(term)) events.push(term);
    }
  });
  if (kinds.size === 0) return null;
  let patient: PvCriteria['patient'];
  if (patientWords.length > 0) patient = 'named';
  else if (reportWords === 0 && authorMayBePatient(context.actorType, options)) patient = 'author';
  else return null;
  return {
    kinds: PV_EVENT_KINDS.filter((kind) => kinds.has(kind)),
    criteria: {
      reporter: context.author,
      patient,
      patientWords: [...new Set(patientWords)],
      products,
      events,
    },
  };
}

/** Resolves intake options: defaults for what is not given; checks them with zod. */
export function resolvePvIntakeOptions(options: PvIntakeOptions = {}): PvIntakeDefaults {
  return mergeOptions(DEFAULT_PV_INTAKE_OPTIONS, parseOptions(pvIntakeOptionsSchema, options));
}

function authorMayBePatient(actorType: ActorType | undefined, options: PvIntakeDefaults): boolean {
  if (actorType === undefined) return options.unknownAuthorIsPatient;
  return options.implicitPatientTypes.includes(actorType);
}

/** Whether a `kind` cue ends at most `window` tokens before match `index`, with no clause break between. */
function cueBefore(
  found: ReadonlyArray<PhraseMatch<PvTerm>>,
  index: number,
  tokens: readonly string[],
  kind: PvTermKind,
  window: number,
): boolean {
  const start = (found[index] as PhraseMatch<PvTerm>).start;
  for (let i = index - 1; i >= 0; i--) {
    const cue = found[i] as PhraseMatch<PvTerm>;
    if (start - cue.end >= window) return false;
    if (cue.value.kind !== kind) continue;
    for (let t = cue.end; t < start; t++) if (tokens[t] === CLAUSE_BREAK) return false;
    return true;
  }
  return false;
}
