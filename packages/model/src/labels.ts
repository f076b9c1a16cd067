// The words people read for the analysis' codes: actor types, platforms, roles (and what each means),
// score components, languages and countries (by name, through Intl). Codes without a word are shown
// as they are.
import type { ActorType, KolRole, Platform, ScoreComponent } from './vocabulary.js';

const ACTOR_TYPE_LABELS: Record<ActorType, string> = {
  hcp: 'HCP',
  patient: 'Patient',
  caregiver: 'Caregiver',
  patient_org: 'Patient organisation',
  researcher: 'Researcher',
  journalist: 'Journalist',
  media: 'Media',
  institution: 'Institution',
  pharma: 'Pharma company',
  public_figure: 'Public figure',
  influencer: 'Influencer',
  other: 'Other',
};

const PLATFORM_LABELS: Record<Platform, string> = {
  x: 'X',
  linkedin: 'LinkedIn',
  facebook: 'Facebook',
  instagram: 'Instagram',
  youtube: 'YouTube',
  tiktok: 'TikTok',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  reddit: 'Reddit',
  web: 'Web',
  other: 'Other',
};

const ROLE_LABELS: Record<KolRole, string> = {
  leader: 'Leader',
  community_leader: 'Community leader',
  bridge: 'Bridge',
  amplifier: 'Amplifier',
  peripheral: 'Peripheral',
};

const ROLE_MEANINGS: Record<KolRole, string> = {
  leader: 'Among the most heard accounts of the whole map.',
  community_leader: 'Leads a community: the most heard of its members.',
  bridge: 'Links communities that otherwise talk little to each other.',
  amplifier: 'Passes others’ words on: reposts and quotes much.',
  peripheral: 'Takes part without leading or linking communities.',
};

const SCORE_COMPONENT_LABELS: Record<ScoreComponent, string> = {
  pagerank: 'Attention (PageRank)',
  inStrength: 'Interactions received',
  reach: 'Distinct accounts reached',
  authority: 'Authority (HITS)',
  betweenness: 'Bridging (betweenness)',
  followers: 'Followers',
  hub: 'Hub (HITS)',
  coreness: 'Coreness',
  outStrength: 'Interactions given',
  outDegree: 'Accounts addressed',
};

/** Several platforms: an actor with accounts on more than one (a value of legends and colours). */
export const SEVERAL_PLATFORMS = 'several';

const languageNames =
  typeof Intl.DisplayNames === 'function'
    ? new Intl.DisplayNames(['en'], { type: 'language' })
    : null;

const regionNames =
  typeof Intl.DisplayNames === 'function'
    ? new Intl.DisplayNames(['en'], { type: 'region' })
    : null;

/** An actor type's word (`patient_org` → "Patient organisation"). */
export function actorTypeLabel(code: string): string {
  return ACTOR_TYPE_LABELS[code as ActorType] ?? code;
}

/** A role's word (`community_leader` → "Community leader"). */
export function roleLabel(code: string): string {
  return ROLE_LABELS[code as KolRole] ?? code;
}

/** What a role means, in one sentence; '' for an unknown role. */
export function roleMeaning(code: string): string {
  return ROLE_MEANINGS[code as KolRole] ?? '';
}

/** A score component's word (`inStrength` → "Interactions received"). */
export function scoreComponentLabel(code: string): string {
  return SCORE_COMPONENT_LABELS[code as ScoreComponent] ?? code;
}

/** A platform's name (`linkedin` → "LinkedIn"; `SEVERAL_PLATFORMS` → "Several platforms"). */
export function platformLabel(code: string): string {
  if (code === SEVERAL_PLATFORMS) return 'Several platforms';
  return PLATFORM_LABELS[code as Platform] ?? code;
}

/** A language's name from its code (`fr` → "French", `fr-CA` → "Canadian French"). */
export function languageLabel(code: string): string {
  try {
    return languageNames?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** A country's name from its ISO 3166 code, any case (`FR` → "France"); other values as they are. */
export function countryLabel(code: string): string {
  if (!/^[A-Za-z]{2}$/.test(code)) return code;
  try {
    return regionNames?.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
