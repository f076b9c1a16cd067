// The wire shapes of a map's listening: volume and tonality series, share of voice, the watched
// brands (`GET /maps/:id/listening`), topics and thematic communities (`GET /maps/:id/topics`).
import { z } from 'zod';
import { shortlistRowSchema } from './shortlist-schemas.js';
import { KOL_ROLES, PERIODS, SERIES_DIMENSIONS, TONES } from './vocabulary.js';

/** Posts of one series (a brand, area, topic or thematic community) in one period. */
export const seriesRowSchema = z.object({
  /** `2024-03`, `2024-03-04` (a week, from its Monday), `2024-03-05`, `all`. */
  period: z.string(),
  dimension: z.enum(SERIES_DIMENSIONS),
  key: z.string(),
  label: z.string(),
  /** Posts (reposts included) that speak of the key. */
  posts: z.number().int(),
  positive: z.number().int(),
  neutral: z.number().int(),
  negative: z.number().int(),
  /** Mean tonality score (−1…1) of the posts with text; null when none has. */
  tonality: z.number().nullable(),
  /** (positive − negative) / posts with a tone; null when none has. */
  netTonality: z.number().nullable(),
});
export type SeriesRow = z.infer<typeof seriesRowSchema>;

/** One brand's share of the posts naming a brand in one period, by posts and by authors' KOL scores. */
export const shareOfVoiceRowSchema = z.object({
  period: z.string(),
  brand: z.string(),
  /** The laboratory's own product (else a competitor's). */
  own: z.boolean(),
  posts: z.number().int(),
  /** posts / the posts of every brand in the period (a post naming two brands counts for both). */
  share: z.number(),
  /** Sum of the KOL scores of the posts' authors (0 for authors without one). */
  weighted: z.number(),
  /** weighted / the weighted sum of every brand in the period; 0 when no author has a score. */
  weightedShare: z.number(),
});
export type ShareOfVoiceRow = z.infer<typeof shareOfVoiceRowSchema>;

/** What listening counted. */
export const listeningCountsSchema = z.object({
  /** Posts in the upload. */
  read: z.number().int(),
  /** Left out by the watch list's retention limits. */
  purged: z.number().int(),
  /** Left out by the watch list's languages. */
  otherLanguages: z.number().int(),
  listened: z.number().int(),
  /** Listened posts naming a watched brand. */
  naming: z.number().int(),
  /** Listened posts kept as rows: those naming a brand, an area or a topic. */
  rows: z.number().int(),
  pvCases: z.number().int(),
  /** Listened posts marketing outputs leave out: flagged posts and their reposts. */
  excludedFromMarketing: z.number().int(),
});
export type ListeningCounts = z.infer<typeof listeningCountsSchema>;

/** A watched brand: the laboratory's own product, or a competitor's. */
export const listeningBrandSchema = z.object({
  name: z.string(),
  own: z.boolean(),
  therapeuticArea: z.string().nullable(),
});
export type ListeningBrand = z.infer<typeof listeningBrandSchema>;

/** `GET /maps/:id/listening`: the series and share of voice of a map's listening, filtered. */
export const listeningSchema = z
  .object({
    by: z.enum(SERIES_DIMENSIONS),
    period: z.enum(PERIODS),
    watchList: z.string().nullable(),
    now: z.string(),
    listenedAt: z.string(),
    counts: listeningCountsSchema,
    brands: z.array(listeningBrandSchema),
    areas: z.array(z.string()),
    series: z.array(seriesRowSchema),
    shareOfVoice: z.array(shareOfVoiceRowSchema),
  })
  .meta({ id: 'Listening' });
export type ListeningView = z.infer<typeof listeningSchema>;

/** An account leading a thematic community: a shortlist row without the account's details. */
export const topicLeaderSchema = shortlistRowSchema
  .pick({
    position: true,
    key: true,
    name: true,
    handle: true,
    platform: true,
    actorType: true,
    kolScore: true,
    followers: true,
    url: true,
  })
  .extend({ role: z.enum(KOL_ROLES).nullable() });
export type TopicLeader = z.infer<typeof topicLeaderSchema>;

/** A post that spread most in a thematic community (its text is not kept). */
export const topPostSchema = z.object({
  key: z.string(),
  /** The author's account key. */
  author: z.string(),
  createdAt: z.string(),
  reposts: z.number().int(),
  replies: z.number().int(),
  tone: z.enum(TONES).nullable(),
});
export type TopPost = z.infer<typeof topPostSchema>;

/** Accounts linked by the topics they share, with what they talk about and who leads them. */
export const thematicCommunitySchema = z.object({
  id: z.number().int(),
  label: z.string(),
  accounts: z.number().int(),
  posts: z.number().int(),
  positive: z.number().int(),
  neutral: z.number().int(),
  negative: z.number().int(),
  tonality: z.number().nullable(),
  topTerms: z.array(
    z.object({
      topic: z.string(),
      label: z.string(),
      posts: z.number().int(),
      share: z.number(),
      score: z.number(),
    }),
  ),
  topPosts: z.array(topPostSchema),
  leaders: z.array(topicLeaderSchema),
});
export type ThematicCommunity = z.infer<typeof thematicCommunitySchema>;

/** A topic (hashtag, area keyword or brand) and how many listened posts speak of it. */
export const listeningTopicSchema = z.object({
  /** Folded key: "#sep", "thrombectomie", "clotavane". */
  key: z.string(),
  /** As first written: "#SEP". */
  label: z.string(),
  posts: z.number().int(),
});
export type ListeningTopic = z.infer<typeof listeningTopicSchema>;

/** Privacy mode as applied to the communities' top posts and leaders. */
export const listeningPrivacySchema = z.object({
  followerThreshold: z.number().int(),
  publicActorTypes: z.array(z.string()),
  /** Accounts shown by pseudonym. */
  pseudonymised: z.number().int(),
});
export type ListeningPrivacy = z.infer<typeof listeningPrivacySchema>;

/** `GET /maps/:id/topics`: topics and thematic communities. */
export const topicsSchema = z
  .object({
    topics: z.array(listeningTopicSchema),
    communities: z.array(thematicCommunitySchema),
    skippedTopics: z.array(z.string()),
    privacy: listeningPrivacySchema.nullable(),
  })
  .meta({ id: 'Topics' });
export type Topics = z.infer<typeof topicsSchema>;
