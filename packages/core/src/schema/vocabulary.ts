// The closed vocabularies of the input model: platforms, actor types, interaction types.

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

export const ACTOR_TYPES = [
  'hcp',
  'patient',
  'caregiver',
  'patient_org',
  'researcher',
  'journalist',
  'media',
  'institution',
  'pharma',
  'public_figure',
  'influencer',
  'other',
] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

/** Kinds of attention one account gives another. An edge always points giver → receiver. */
export const INTERACTION_TYPES = [
  'follow',
  'mention',
  'reply',
  'repost',
  'quote',
  'comment',
  'like',
  'coauthor',
] as const;
export type InteractionType = (typeof INTERACTION_TYPES)[number];

export const RECORD_KINDS = ['account', 'follow', 'post', 'interaction'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
