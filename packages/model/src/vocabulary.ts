// The closed vocabularies every package shares: the input model's platforms, actor types, interaction
// and record kinds; the analysis' roles, tiers and score components; listening's tones, periods and
// series dimensions. Enumerations as `as const` arrays with a derived union, and zod enums of them.
import { z } from 'zod';

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

export const platformSchema = z.enum(PLATFORMS);
export const actorTypeSchema = z.enum(ACTOR_TYPES);
export const interactionTypeSchema = z.enum(INTERACTION_TYPES);

/** The roles, in order of precedence: an account gets the first one it qualifies for. */
export const KOL_ROLES = [
  'leader',
  'community_leader',
  'bridge',
  'amplifier',
  'peripheral',
] as const;
export type KolRole = (typeof KOL_ROLES)[number];

/** Tiers by global rank, best first; see core's `computeKolScores`. */
export const KOL_TIERS = ['top1', 'top5', 'top20', 'rest'] as const;
export type KolTier = (typeof KOL_TIERS)[number];

/** What a score can be made of: the influence metrics and the account's `followers`. */
export const SCORE_COMPONENTS = [
  'pagerank',
  'inStrength',
  'reach',
  'authority',
  'betweenness',
  'followers',
  'hub',
  'coreness',
  'outStrength',
  'outDegree',
] as const;
export type ScoreComponent = (typeof SCORE_COMPONENTS)[number];

/** The tone of a post's tonality. */
export const TONES = ['positive', 'neutral', 'negative'] as const;
export type Tone = (typeof TONES)[number];

/** The periods listening series are counted per; `all`: one row per key over the whole period. */
export const PERIODS = ['day', 'week', 'month', 'all'] as const;
export type Period = (typeof PERIODS)[number];

/** What listening series are of. */
export const SERIES_DIMENSIONS = ['brand', 'area', 'topic', 'community'] as const;
export type SeriesDimension = (typeof SERIES_DIMENSIONS)[number];
