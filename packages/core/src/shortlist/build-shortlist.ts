// Influencer shortlists from a scored map: filters, exclusions (actor types, do-not-contact), and the
// top N by KOL score or a diverse pick that covers communities and platforms with little audience overlap.

import {
  actorTypeSchema,
  compileAccountFilter,
  foldText,
  KOL_ROLES,
  type Platform,
  platformSchema,
  platformsOf,
  type ShortlistRow,
} from '@kolmap/model';
import type { AbstractGraph, Attributes } from 'graphology-types';
import { z } from 'zod';
import { PLATFORM_NAMES } from '../analyze/communities/community-labels.js';
import { InvalidInputError } from '../errors.js';
import { mergeOptions, parseOptions } from '../options.js';

export const SHORTLIST_MODES = ['top', 'diverse'] as const;
export type ShortlistMode = (typeof SHORTLIST_MODES)[number];

const range = z
  .strictObject({ min: z.number().finite().optional(), max: z.number().finite().optional() })
  .refine((value) => value.min === undefined || value.max === undefined || value.min <= value.max, {
    message: 'min must not be above max',
    path: ['max'],
  });
const text = z.string().trim().min(1);
const nonNegative = z.number().finite().nonnegative();

export const shortlistOptionsSchema = z.strictObject({
  platforms: z.array(platformSchema).readonly().optional(),
  actorTypes: z.array(actorTypeSchema).readonly().optional(),
  communities: z.array(z.number().finite()).readonly().optional(),
  topics: z.array(text).readonly().optional(),
  languages: z.array(text).readonly().optional(),
  countries: z.array(text).readonly().optional(),
  followers: range.optional(),
  score: range.optional(),
  roles: z.array(z.enum(KOL_ROLES)).readonly().optional(),
  excludeActorTypes: z.array(actorTypeSchema).readonly().optional(),
  doNotContact: z.array(text).readonly().optional(),
  doNotContactActors: z.boolean().optional(),
  onePerActor: z.boolean().optional(),
  limit: z.number().int().positive().optional(),
  mode: z.enum(SHORTLIST_MODES).optional(),
  communityAttribute: z.string().min(1).optional(),
  communityLabels: z.record(z.string(), z.string()).optional(),
  communityBonus: nonNegative.optional(),
  platformBonus: nonNegative.optional(),
  overlapPenalty: nonNegative.optional(),
});
/** Shortlist options as given (see `buildShortlist` for each and its default). */
export type ShortlistOptions = z.infer<typeof shortlistOptionsSchema>;

/** The shortlist options that have a default. */
export interface ShortlistDefaults {
  doNotContactActors: boolean;
  onePerActor: boolean;
  limit: number;
  mode: ShortlistMode;
  communityAttribute: string;
  communityBonus: number;
  platformBonus: number;
  overlapPenalty: number;
}

export const DEFAULT_SHORTLIST_OPTIONS: Readonly<ShortlistDefaults> = Object.freeze({
  doNotContactActors: true,
  onePerActor: false,
  limit: 50,
  mode: 'top',
  communityAttribute: 'community',
  communityBonus: 1,
  platformBonus: 0.5,
  overlapPenalty: 1,
});

export interface Shortlist {
  rows: ShortlistRow[];
  /** Accounts that passed the filters and exclusions, before `limit`. */
  candidates: number;
}

interface Candidate {
  key: string;
  /** `actorId`, else the key. */
  actor: string;
  attributes: Attributes;
  score: number;
  community: number | null;
  platform: string | null;
}

/**
 * Builds a shortlist from a graph scored by `assignKolScores` (node attributes `kolScore`,
 * `rank`, `role` and the community attribute; accounts without a score, i.e. excluded from the
 * rankings, never appear).
 *
 * Filters (each unset by default; a list keeps the accounts matching any of its values, an account
 * without the field fails the filter): `platforms`, `actorTypes`, `communities` (ids), `topics` (a
 * topic matches when one of the account's `therapeuticAreas` or its `specialty` contains it,
 * ignoring case and accents: "sclerose" finds "Sclérose en plaques"), `languages` and `countries`
 * (case-insensitive; a language code also finds its regional variants: `fr` finds `fr-CA`, `fr-CA`
 * only `fr-CA`), `followers` and `score` ranges (`{ min, max }`, both ends included), `roles`. The
 * filters `/kols` shares are model's account filter (`compileAccountFilter`), so a shortlist and
 * `/kols` select the same accounts for the same filters.
 * Exclusions: `excludeActorTypes`; `doNotContact`, account keys (`x:x123`) or handles (with or
 * without `@`, any case, on every platform), and when `doNotContactActors` (default true) every
 * account of the same actor (`actorId`), since a person asked not to be contacted on one platform
 * did not mean only that one.
 *
 * With `onePerActor`, an actor (`actorId`; an account without one is its own actor) appears once:
 * its first account in the order of the mode, i.e. its best in `top` mode.
 *
 * Modes (`mode`):
 * - `top` (default): the first `limit` accounts by score (ties by key).
 * - `diverse`: `limit` accounts picked one at a time, each the candidate with the largest gain
 *   s × (1 + `communityBonus` × [new community] + `platformBonus` × [new platform] −
 *   `overlapPenalty` × overlap), s its score / 100 and overlap the share of its audience
 *   (accounts giving it attention: in-neighbours) already in the audience of the accounts picked
 *   before (0 when it has none). Ties by score, then key; the result is deterministic. Each row
 *   says why it was picked: "new community 3 · #SEP · patients, new platform Instagram, 12 %
 *   audience overlap". Candidates are visited by decreasing score and a step stops once
 *   s × (1 + bonuses), the most a candidate can gain, cannot beat the best gain found.
 *
 * @param options.platforms platforms kept, default all.
 * @param options.actorTypes actor types kept, default all.
 * @param options.communities community ids kept, default all.
 * @param options.topics therapeutic areas or specialties (substrings), default all.
 * @param options.languages languages kept, default all.
 * @param options.countries countries kept, default all.
 * @param options.followers `{ min, max }` follower counts, default any.
 * @param options.score `{ min, max }` KOL scores, default any.
 * @param options.roles roles kept, default all.
 * @param options.excludeActorTypes actor types left out, default none.
 * @param options.doNotContact keys or handles never listed, default none.
 * @param options.doNotContactActors extend `doNotContact` to the same actors' other accounts, default true.
 * @param options.onePerActor at most one account per actor, default false (an actor's accounts on
 *   several platforms are several channels).
 * @param options.limit rows at most, default 50.
 * @param options.mode `top` (default) or `diverse`.
 * @param options.communityAttribute node attribute holding the community, default `'community'`.
 * @param options.communityLabels community id → label, default: the nodes' `communityLabel`.
 * @param options.communityBonus diverse gain of a new community, default 1.
 * @param options.platformBonus diverse gain of a new platform, default 0.5.
 * @param options.overlapPenalty diverse cost of a fully covered audience, default 1.
 * @throws InvalidInputError on a bad option (field = its path), or (field `kolScore`) when no node
 *   has a score.
 */
export function buildShortlist(graph: AbstractGraph, options: ShortlistOptions = {}): Shortlist {
  const given = parseOptions(shortlistOptionsSchema, options);
  const resolved = mergeOptions(DEFAULT_SHORTLIST_OPTIONS, given);
  const blocked = blockedAccounts(graph, given.doNotContact ?? [], resolved.doNotContactActors);
  const matches = accountFilter(given);
  const candidates: Candidate[] = [];
  let scored = false;
  graph.forEachNode((key, attributes) => {
    const score = attributes.kolScore;
    if (typeof score !== 'number' || !Number.isFinite(score)) return;
    scored = true;
    if (blocked.has(key) || !matches(attributes)) return;
    candidates.push({
      key,
      actor: textOrNull(attributes.actorId) ?? key,
      attributes,
      score,
      community: finiteOrNull(attributes[resolved.communityAttribute]),
      platform: textOrNull(attributes.platform),
    });
  });
  if (!scored && graph.order > 0) {
    throw new InvalidInputError({
      field: 'kolScore',
      message: 'no account has a KOL score: run assignKolScores on the graph first',
    });
  }
  candidates.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1));

  const labelOf = (candidate: Candidate): string | null => {
    const { community } = candidate;
    if (community === null) return null;
    const label = given.communityLabels?.[String(community)];
    return label ?? textOrNull(candidate.attributes.communityLabel);
  };
  const picks =
    resolved.mode === 'top'
      ? topPicks(candidates, resolved)
      : diversePicks(graph, candidates, resolved, labelOf);
  const rows = picks.map(
    ({ candidate, reason }, i): ShortlistRow => ({
      ...shortlistRowOf(candidate.key, candidate.attributes, i + 1),
      community: candidate.community,
      communityLabel: labelOf(candidate),
      kolScore: candidate.score,
      reason,
    }),
  );
  return { rows, candidates: candidates.length };
}

/**
 * The shortlist row of the account `key` at `position`, as its attributes tell (`community`,
 * `communityLabel`, `kolScore`, 0 without one); no `reason`. For accounts picked by hand.
 */
export function shortlistRowOf(
  key: string,
  attributes: Attributes,
  position: number,
): ShortlistRow {
  return {
    position,
    key,
    name: textOrNull(attributes.name),
    handle: textOrNull(attributes.handle),
    platform: textOrNull(attributes.platform),
    actorType: textOrNull(attributes.actorType),
    community: finiteOrNull(attributes.community),
    communityLabel: textOrNull(attributes.communityLabel),
    kolScore: finiteOrNull(attributes.kolScore) ?? 0,
    rank: finiteOrNull(attributes.rank),
    role: textOrNull(attributes.role),
    followers: finiteOrNull(attributes.followers),
    url: textOrNull(attributes.url),
    reason: null,
    language: textOrNull(attributes.language),
    country: textOrNull(attributes.country),
  };
}

/**
 * Whether an account's attributes pass every filter and the actor-type exclusion. The filters
 * `/kols` shares (platforms, actor types, communities, roles, languages, countries, score) are
 * model's account filter; topics, followers and the exclusion are the shortlist's own.
 */
function accountFilter(options: ShortlistOptions): (attributes: Attributes) => boolean {
  const matches = compileAccountFilter(
    {
      ...(options.platforms && { platforms: options.platforms }),
      ...(options.actorTypes && { actorTypes: options.actorTypes }),
      ...(options.communities && { communities: options.communities }),
      ...(options.roles && { roles: options.roles }),
      ...(options.languages && { languages: options.languages }),
      ...(options.countries && { countries: options.countries }),
      ...(options.score?.min !== undefined && { minScore: options.score.min }),
      ...(options.score?.max !== undefined && { maxScore: options.score.max }),
    },
    {
      communityAttribute:
        options.communityAttribute ?? DEFAULT_SHORTLIST_OPTIONS.communityAttribute,
    },
  );
  const excludedTypes =
    options.excludeActorTypes === undefined ? null : new Set<string>(options.excludeActorTypes);
  const topics = options.topics?.map(foldText);
  const { followers } = options;
  return (attributes) => {
    if (excludedTypes?.has(attributes.actorType as string)) return false;
    if (!matches(attributes)) return false;
    if (
      followers !== undefined &&
      !(
        typeof attributes.followers === 'number' &&
        (followers.min === undefined || attributes.followers >= followers.min) &&
        (followers.max === undefined || attributes.followers <= followers.max)
      )
    ) {
      return false;
    }
    return topics === undefined || matchesTopic(attributes, topics);
  };
}

function matchesTopic(attributes: Attributes, topics: readonly string[]): boolean {
  const areas = Array.isArray(attributes.therapeuticAreas) ? attributes.therapeuticAreas : [];
  const fields = [...areas, attributes.specialty]
    .filter((value): value is string => typeof value === 'string')
    .map(foldText);
  return topics.some((topic) => fields.some((field) => field.includes(topic)));
}

/** Keys of the accounts `doNotContact` names (by key or handle), and their actors' other accounts. */
function blockedAccounts(
  graph: AbstractGraph,
  entries: readonly string[],
  wholeActors: boolean,
): Set<string> {
  const blocked = new Set<string>();
  if (entries.length === 0) return blocked;
  const handles = new Set(entries.map((entry) => entry.replace(/^@/, '').toLowerCase()));
  const keys = new Set(entries);
  const actors = new Set<string>();
  graph.forEachNode((key, attributes) => {
    const handle = typeof attributes.handle === 'string' ? attributes.handle.toLowerCase() : null;
    if (!keys.has(key) && (handle === null || !handles.has(handle))) return;
    blocked.add(key);
    if (typeof attributes.actorId === 'string') actors.add(attributes.actorId);
  });
  if (wholeActors && actors.size > 0) {
    graph.forEachNode((key, attributes) => {
      if (actors.has(attributes.actorId as string)) blocked.add(key);
    });
  }
  return blocked;
}

/** The first `limit` candidates (already by decreasing score), one per actor when `onePerActor`. */
function topPicks(
  candidates: readonly Candidate[],
  options: { limit: number; onePerActor: boolean },
): Array<{ candidate: Candidate; reason: null }> {
  const actors = new Set<string>();
  const picks: Array<{ candidate: Candidate; reason: null }> = [];
  for (const candidate of candidates) {
    if (picks.length === options.limit) break;
    if (options.onePerActor && actors.has(candidate.actor)) continue;
    actors.add(candidate.actor);
    picks.push({ candidate, reason: null });
  }
  return picks;
}

interface DiversityWeights {
  limit: number;
  onePerActor: boolean;
  communityBonus: number;
  platformBonus: number;
  overlapPenalty: number;
}

/** The greedy diverse pick (see `buildShortlist`), with the reason of each pick. */
function diversePicks(
  graph: AbstractGraph,
  candidates: readonly Candidate[],
  weights: DiversityWeights,
  labelOf: (candidate: Candidate) => string | null,
): Array<{ candidate: Candidate; reason: string }> {
  const { communityBonus, platformBonus, overlapPenalty } = weights;
  const audiences = new Map<string, string[]>();
  const audienceOf = (key: string) => {
    let audience = audiences.get(key);
    if (audience === undefined) {
      audience = graph.inboundNeighbors(key).filter((neighbour) => neighbour !== key);
      audiences.set(key, audience);
    }
    return audience;
  };
  const communities = new Set<number>();
  const platforms = new Set<string>();
  const covered = new Set<string>();
  const taken = new Set<string>();
  const actors = new Set<string>();
  const picks: Array<{ candidate: Candidate; reason: string }> = [];
  const bound = 1 + communityBonus + platformBonus;
  while (picks.length < weights.limit) {
    let best: { candidate: Candidate; gain: number; overlap: number } | null = null;
    for (const candidate of candidates) {
      const s = candidate.score / 100;
      if (best !== null && s * bound <= best.gain) break;
      if (taken.has(candidate.key)) continue;
      if (weights.onePerActor && actors.has(candidate.actor)) continue;
      const audience = audienceOf(candidate.key);
      let shared = 0;
      for (const member of audience) if (covered.has(member)) shared++;
      const overlap = audience.length > 0 ? shared / audience.length : 0;
      const gain =
        s *
        (1 +
          (isNew(communities, candidate.community) ? communityBonus : 0) +
          (isNew(platforms, candidate.platform) ? platformBonus : 0) -
          overlapPenalty * overlap);
      // Candidates come by decreasing score, then key: an equal gain later never wins.
      if (best === null || gain > best.gain) best = { candidate, gain, overlap };
    }
    if (best === null) break;
    const { candidate, overlap } = best;
    picks.push({
      candidate,
      reason: pickReason(candidate, overlap, communities, platforms, labelOf),
    });
    taken.add(candidate.key);
    actors.add(candidate.actor);
    if (candidate.community !== null) communities.add(candidate.community);
    if (candidate.platform !== null) platforms.add(candidate.platform);
    for (const member of audienceOf(candidate.key)) covered.add(member);
  }
  return picks;
}

function isNew<T>(seen: ReadonlySet<T>, value: T | null): boolean {
  return value !== null && !seen.has(value);
}

function pickReason(
  candidate: Candidate,
  overlap: number,
  communities: ReadonlySet<number>,
  platforms: ReadonlySet<string>,
  labelOf: (candidate: Candidate) => string | null,
): string {
  const { community, platform } = candidate;
  const label = labelOf(candidate);
  const communityName =
    community === null ? null : label ? `${community} · ${label}` : `${community}`;
  const platformName =
    platform === null ? null : (PLATFORM_NAMES[platform as Platform] ?? platform);
  return [
    communityName === null
      ? 'no community'
      : `${isNew(communities, community) ? 'new community' : 'community already covered:'} ${communityName}`,
    platformName === null
      ? 'no platform'
      : `${isNew(platforms, platform) ? 'new platform' : 'platform already covered:'} ${platformName}`,
    `${Math.round(overlap * 100)} % audience overlap`,
  ].join(', ');
}

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function finiteOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
