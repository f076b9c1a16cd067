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
import {
  ENGLISH_PV_WORDS,
  FRENCH_PV_WORDS,
  PV_EVENT_CLASSES,
  PV_EVENT_EMOJIS,
  type PvEventClass,
  type PvWordLists,
  QUALITY_COMPLAINT_CLASSES,
} from './pv-lexicon.js';
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
  | 'lab'
  | 'lab-change'
  | 'patient'
  | 'hypothetical'
  | 'conditional'
  | 'negator'
  | 'not-yet'
  | 'denied'
  | 'doubt'
  | 'report';

interface PvTerm {
  kind: PvTermKind;
  /** The entry as written in the lexicon ("sang dans les urines"). */
  term: string;
  /** The system organ class of an event or lab value. */
  eventClass: PvEventClass | null;
}

/**
 * Why a post was flagged: each of the four criteria with what met it, and how likely a case it is
 * (`eventClasses`, `doubts` and `score` are absent from cases flagged before they were recorded).
 */
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
  /** The system organ class of each event, in the order of `events`. */
  eventClasses?: PvEventClass[];
  /**
   * What makes the case less likely, for the reviewer: a brand spelt unlike the watch list, events
   * the post also negates or only fears, news or study words, a patient only implied.
   */
  doubts?: string[];
  /** How likely the post is a reportable case, 0…1 (see `triageScore`): the review queue's order. */
  score?: number;
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
  /**
   * Brands the post names (see matchWatchList), with whether each is the laboratory's own and whether
   * it was only found by an approximate spelling (`fuzzy`, "myelorra" for Myelora).
   */
  brands: ReadonlyArray<{ name: string; own: boolean; fuzzy?: boolean }>;
}

/** The French and English intake words, compiled once (both languages for every post: recall first). */
const PV_TERMS: PhraseMatcher<PvTerm> = compilePvTerms([FRENCH_PV_WORDS, ENGLISH_PV_WORDS]);

/** Tokens that end the scope of a negation or a hypothesis: a clause break, "but", "mais"… */
const SCOPE_ENDS: ReadonlySet<string> = new Set([
  CLAUSE_BREAK,
  'but',
  'however',
  'though',
  'mais',
  'pourtant',
  'cependant',
]);

/** Words before "may" that make it the month ("in May", "since May"), not the modal. */
const BEFORE_MONTH = new Set(
  'in since from of early mid late last next this until till by end beginning start on during'.split(
    ' ',
  ),
);

function compilePvTerms(lists: readonly PvWordLists[]): PhraseMatcher<PvTerm> {
  const kinds: Array<[PvTermKind, Exclude<keyof PvWordLists, 'events'>]> = [
    ['lab', 'labValues'],
    ['lab-change', 'labChanges'],
    ['patient', 'patientMarkers'],
    ['hypothetical', 'hypotheticals'],
    ['conditional', 'conditionals'],
    ['negator', 'negators'],
    ['not-yet', 'notYetTaking'],
    ['denied', 'causalityDenied'],
    ['doubt', 'causalityDoubts'],
    ['report', 'reportWords'],
  ];
  const entries: Array<readonly [string, PvTerm]> = [];
  const add = (words: string, kind: PvTermKind, eventClass: PvEventClass | null) => {
    for (const entry of words.trim().split(/\s+/)) {
      for (const form of expandForms(entry)) {
        const term = form.replace(/_/g, ' ');
        entries.push([term, { kind, term, eventClass }]);
      }
    }
  };
  const eventKind = (eventClass: PvEventClass): PvTermKind =>
    QUALITY_COMPLAINT_CLASSES.has(eventClass) ? 'quality-complaint' : 'adverse-event';
  // Longer phrases win wherever they start, so the order only settles identical entries: events first.
  for (const eventClass of PV_EVENT_CLASSES) {
    for (const words of lists) add(words.events[eventClass], eventKind(eventClass), eventClass);
  }
  for (const [eventClass, emojis] of PV_EVENT_EMOJIS) {
    add(emojis, eventKind(eventClass), eventClass);
  }
  for (const [kind, field] of kinds) {
    for (const words of lists) add(words[field], kind, kind === 'lab' ? 'investigations' : null);
  }
  return compilePhrases(entries);
}

/**
 * Checks one post against the four minimum criteria of a reportable case and returns why it qualifies,
 * or null:
 * 1. an identifiable reporter: the author's account;
 * 2. an identifiable patient: a first-person word, a relative or a patient named ("my son", "ma mère",
 *    "un patient", "pt"), or else the author, when they are a person (`implicitPatientTypes`, or an
 *    unknown type when `unknownAuthorIsPatient`) and the post has no news or study words ("regulator",
 *    "étude");
 * 3. a product of the watch list (`scope` `all`: any watched brand, the laboratory's or a competitor's,
 *    since PV decides where a case goes; `own`: the laboratory's only);
 * 4. an adverse event, medication error or product problem (French and English, lay and clinical, by
 *    system organ class: pv-lexicon.ts; a symptom emoji 🤢🤮🥴😵🤒; a lab value or vital sign next to a
 *    number or a word of change: "lymphocytes at 0.4", "ALAT à 5N", "heart rate dropped") that is
 *    neither negated ("no side effects", "aucun effet secondaire": a negator up to `negationWindow`
 *    words before it in the clause) nor hypothetical ("scared of getting", "j'ai peur d'avoir", "if it
 *    ever makes me bleed": a cue up to `hypotheticalWindow` words before it in the clause, or a
 *    conditional anywhere before it in the clause, "if", "si je"; "may" after
 *    "in", "since"… or before a number is the month), in a post that neither says the product is not
 *    taken yet ("before I start", "je commence dans 2 semaines") nor denies it caused the event
 *    ("nothing to do with", "rien à voir", "c'était pas le…"). Negations and hypotheses end at a
 *    clause break or "but" / "mais"; a doubt about the cause ("not sure if", "je me demande si")
 *    keeps the event and goes to `doubts`.
 *
 * The finding carries a triage score and the doubts that lowered it (see `triageScore`).
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
  const brands = context.brands.filter((brand) => options.scope === 'all' || brand.own);
  if (brands.length === 0 || context.author === '') return null;
  const found = findPhrases(tokens, PV_TERMS);
  const kinds = new Set<PvEventKind>();
  const events: string[] = [];
  const eventClasses: PvEventClass[] = [];
  const patientWords: string[] = [];
  const doubts: string[] = [];
  const reportWords: string[] = [];
  const causeDoubts: string[] = [];
  for (const match of found) {
    if (match.value.kind === 'not-yet' || match.value.kind === 'denied') return null;
  }
  found.forEach((match, index) => {
    const { kind, term, eventClass } = match.value;
    if (kind === 'patient') patientWords.push(term);
    else if (kind === 'report') reportWords.push(term);
    else if (kind === 'doubt') causeDoubts.push(term);
    else if (kind === 'adverse-event' || kind === 'quality-complaint' || kind === 'lab') {
      if (kind === 'lab' && !labValueChanged(found, index, tokens)) return;
      const cue =
        cueBefore(found, index, tokens, 'negator', options.negationWindow) ??
        cueBefore(found, index, tokens, 'hypothetical', options.hypotheticalWindow) ??
        cueBefore(found, index, tokens, 'conditional', Number.POSITIVE_INFINITY);
      if (cue !== null) {
        doubts.push(`${cue} ${term}`);
        return;
      }
      kinds.add(kind === 'quality-complaint' ? kind : 'adverse-event');
      if (!events.includes(term)) {
        events.push(term);
        eventClasses.push(eventClass ?? 'general');
      }
    }
  });
  if (kinds.size === 0) return null;
  let patient: PvCriteria['patient'];
  if (patientWords.length > 0) patient = 'named';
  else if (reportWords.length === 0 && authorMayBePatient(context.actorType, options)) {
    patient = 'author';
  } else return null;
  for (const brand of brands) if (brand.fuzzy === true) doubts.push(`spelt unlike ${brand.name}`);
  doubts.push(...new Set(causeDoubts));
  if (reportWords.length > 0) doubts.push(...new Set(reportWords));
  if (patient === 'author') doubts.push('patient only implied');
  const criteria = {
    reporter: context.author,
    patient,
    patientWords: [...new Set(patientWords)],
    products: brands.map((brand) => brand.name),
    events,
    eventClasses,
    doubts,
  };
  const score = triageScore(criteria, context);
  return {
    kinds: PV_EVENT_KINDS.filter((kind) => kinds.has(kind)),
    criteria: { ...criteria, score },
  };
}

/**
 * How likely a flagged post is a reportable case, 0…1, from its evidence: the product (1 when named as
 * the watch list spells it, 0.7 when only found by an approximate spelling), the events (0.6 for one,
 * 0.84 for two, 1 − 0.4ⁿ for n: independent pieces of evidence), the patient (1 when named, 0.7 when
 * only the author is implied), the reporter (1 when the author's actor type is known, 0.9 when not), and
 * 0.85 for each other doubt (an event also negated or feared, news words). The review queue is read
 * from the highest score down.
 */
export function triageScore(
  criteria: Pick<PvCriteria, 'patient' | 'events' | 'doubts'>,
  context: Pick<PvPostContext, 'actorType' | 'brands'>,
): number {
  const exact = context.brands.some((brand) => brand.fuzzy !== true);
  const product = exact ? 1 : 0.7;
  const event = 1 - 0.4 ** criteria.events.length;
  const patient = criteria.patient === 'named' ? 1 : 0.7;
  const reporter = context.actorType === undefined ? 0.9 : 1;
  const others = (criteria.doubts ?? []).filter(
    (doubt) => !doubt.startsWith('spelt unlike') && doubt !== 'patient only implied',
  ).length;
  const score = product * event * patient * reporter * 0.85 ** others;
  return Math.round(score * 1000) / 1000;
}

/** Resolves intake options: defaults for what is not given; checks them with zod. */
export function resolvePvIntakeOptions(options: PvIntakeOptions = {}): PvIntakeDefaults {
  return mergeOptions(DEFAULT_PV_INTAKE_OPTIONS, parseOptions(pvIntakeOptionsSchema, options));
}

function authorMayBePatient(actorType: ActorType | undefined, options: PvIntakeDefaults): boolean {
  if (actorType === undefined) return options.unknownAuthorIsPatient;
  return options.implicitPatientTypes.includes(actorType);
}

/**
 * The `kind` cue that ends at most `window` tokens before match `index`, with no clause break, "but"
 * or "mais" between, or null. "may" after "in", "since"… or before a number is the month; "cause" after French "à" is
 * "because of".
 */
function cueBefore(
  found: ReadonlyArray<PhraseMatch<PvTerm>>,
  index: number,
  tokens: readonly string[],
  kind: PvTermKind,
  window: number,
): string | null {
  const start = (found[index] as PhraseMatch<PvTerm>).start;
  for (let i = index - 1; i >= 0; i--) {
    const cue = found[i] as PhraseMatch<PvTerm>;
    if (start - cue.end >= window) return null;
    if (cue.value.kind !== kind || !isCue(cue, tokens)) continue;
    for (let t = cue.end; t < start; t++) if (SCOPE_ENDS.has(tokens[t] as string)) return null;
    return cue.value.term;
  }
  return null;
}

function isCue(cue: PhraseMatch<PvTerm>, tokens: readonly string[]): boolean {
  const before = tokens[cue.start - 1];
  if (cue.value.term === 'may') {
    return !(
      (before !== undefined && (BEFORE_MONTH.has(before) || isNumber(before))) ||
      isNumber(tokens[cue.end])
    );
  }
  if (cue.value.term === 'cause' || cue.value.term === 'causes') return before !== 'a';
  return true;
}

/** How far from a lab value its number or word of change may stand ("lymphocytes are down to 0.4"). */
const LAB_REACH = 4;

/**
 * Whether the lab value or vital sign of match `index` comes with a number or a word of change within
 * `LAB_REACH` tokens after it, or shortly before it ("2.6 on my CGM", "raised ALT"), in its clause.
 */
function labValueChanged(
  found: ReadonlyArray<PhraseMatch<PvTerm>>,
  index: number,
  tokens: readonly string[],
): boolean {
  const match = found[index] as PhraseMatch<PvTerm>;
  let from = match.start;
  while (from > 0 && match.start - from < LAB_REACH - 1 && tokens[from - 1] !== CLAUSE_BREAK)
    from--;
  let to = match.end;
  while (to < tokens.length && to - match.end < LAB_REACH && tokens[to] !== CLAUSE_BREAK) to++;
  for (let t = from; t < to; t++) if (isNumber(tokens[t])) return true;
  for (let i = index - 1; i >= 0 && (found[i] as PhraseMatch<PvTerm>).start >= from; i--) {
    if ((found[i] as PhraseMatch<PvTerm>).value.kind === 'lab-change') return true;
  }
  for (let i = index + 1; i < found.length && (found[i] as PhraseMatch<PvTerm>).end <= to; i++) {
    if ((found[i] as PhraseMatch<PvTerm>).value.kind === 'lab-change') return true;
  }
  return false;
}

function isNumber(token: string | undefined): boolean {
  if (token === undefined) return false;
  const code = token.charCodeAt(0);
  return code >= 48 && code <= 57;
}
