// The words the viewer shows for the analysis' codes: actor types, platforms, roles, score
// components, languages, countries. Codes it does not know are shown as they are.

const ACTOR_TYPES: Record<string, string> = {
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

/** The platforms of the input model (core's `PLATFORMS`), the codes the API accepts in a filter. */
export const PLATFORMS = [
  'x',
  'linkedin',
  'facebook',
  'instagram',
  'youtube',
  'tiktok',
  'bluesky',
  'mastodon',
  'reddit',
  'web',
  'other',
] as const;
export type Platform = (typeof PLATFORMS)[number];

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

const ROLES: Record<string, string> = {
  leader: 'Leader',
  community_leader: 'Community leader',
  bridge: 'Bridge',
  amplifier: 'Amplifier',
  peripheral: 'Peripheral',
};

const ROLE_MEANINGS: Record<string, string> = {
  leader: 'Among the most heard accounts of the whole map.',
  community_leader: 'Leads a community: the most heard of its members.',
  bridge: 'Links communities that otherwise talk little to each other.',
  amplifier: 'Passes others’ words on: reposts and quotes much.',
  peripheral: 'Takes part without leading or linking communities.',
};

/** The KOL score's components, in the order the analysis weighs them. */
const SCORE_COMPONENTS: Record<string, string> = {
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

/** Several platforms: an actor with accounts on more than one. */
export const SEVERAL_PLATFORMS = 'several';

const languageNames =
  typeof Intl.DisplayNames === 'function'
    ? new Intl.DisplayNames(['en'], { type: 'language' })
    : null;

const regionNames =
  typeof Intl.DisplayNames === 'function'
    ? new Intl.DisplayNames(['en'], { type: 'region' })
    : null;

export const actorTypeLabel = (code: string): string => ACTOR_TYPES[code] ?? code;
export const roleLabel = (code: string): string => ROLES[code] ?? code;
export const roleMeaning = (code: string): string => ROLE_MEANINGS[code] ?? '';
export const scoreComponentLabel = (code: string): string => SCORE_COMPONENTS[code] ?? code;

export function platformLabel(code: string): string {
  if (code === SEVERAL_PLATFORMS) return 'Several platforms';
  return PLATFORM_LABELS[code as Platform] ?? code;
}

export function languageLabel(code: string): string {
  try {
    return languageNames?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** A country's name from its ISO 3166 code (`FR` → France); other values as they are. */
export function countryLabel(code: string): string {
  if (!/^[A-Za-z]{2}$/.test(code)) return code;
  try {
    return regionNames?.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
