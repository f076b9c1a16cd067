// Public API of @kolmap/model (named exports only): what core, the API and the viewer share.

export type {
  AccountFilter,
  AccountFilterOptions,
  FilteredAttributes,
} from './account-filter.js';
export {
  compileAccountFilter,
  matchesAccountFilter,
  matchesLanguage,
} from './account-filter.js';
export type { ApiRole, Caller } from './caller-schema.js';
export { API_ROLES, callerSchema } from './caller-schema.js';
export type {
  DrawnAccounts,
  DrawnCategory,
  DrawnGraph,
  DrawnGraphInput,
  DrawnLinks,
  MapGraphResponse,
} from './drawn-graph.js';
export {
  DRAWN_ATTRIBUTES,
  DRAWN_CATEGORIES,
  DRAWN_NUMBERS,
  DRAWN_TEXTS,
  drawnAccountAttributes,
  drawnAccountsSchema,
  drawnGraphSchema,
  drawnLinksSchema,
  mapGraphResponseSchema,
  toDrawnAccounts,
  toDrawnGraph,
} from './drawn-graph.js';
export { foldHandle, foldText } from './fold-text.js';
export type {
  AnalysisStage,
  JobStage,
  JobStatus,
  JobView,
  PipelineStage,
} from './job-schemas.js';
export {
  ANALYSIS_STAGES,
  JOB_STAGES,
  JOB_STATUSES,
  jobSchema,
  PIPELINE_STAGES,
} from './job-schemas.js';
export { keysNamedBy } from './keys-named-by.js';
export type { FindKolsQuery, KolPage } from './kol-schemas.js';
export {
  FIND_KOLS_DEFAULT_LIMIT,
  FIND_KOLS_MAX_LIMIT,
  findKolsQuerySchema,
  kolPageSchema,
  kolQueryFilter,
} from './kol-schemas.js';
export {
  actorTypeLabel,
  countryLabel,
  languageLabel,
  platformLabel,
  roleLabel,
  roleMeaning,
  SEVERAL_PLATFORMS,
  scoreComponentLabel,
} from './labels.js';
export type {
  ListeningBrand,
  ListeningCounts,
  ListeningPrivacy,
  ListeningTopic,
  ListeningView,
  SeriesRow,
  ShareOfVoiceRow,
  ThematicCommunity,
  TopicLeader,
  Topics,
  TopPost,
} from './listening-schemas.js';
export {
  listeningBrandSchema,
  listeningCountsSchema,
  listeningPrivacySchema,
  listeningSchema,
  listeningTopicSchema,
  seriesRowSchema,
  shareOfVoiceRowSchema,
  thematicCommunitySchema,
  topicLeaderSchema,
  topicsSchema,
  topPostSchema,
} from './listening-schemas.js';
export type {
  AccountAttributes,
  AccountDetail,
  AccountRecord,
  CommunityMember,
  CommunityProfile,
  InteractionAttributes,
  InteractionRecord,
  MapCounts,
  MapInfo,
  MapStatus,
  MapSummary,
  ParsedMapGraph,
  Provenance,
  SerializedMapGraph,
  ValueShare,
} from './map-schemas.js';
export {
  accountAttributesObjectSchema,
  accountAttributesSchema,
  accountDetailSchema,
  accountRecordSchema,
  communityProfileSchema,
  communitySchema,
  EDGE_COUNT_FIELDS,
  egoNetworkSchema,
  GRAPH_TYPES,
  graphAttributesSchema,
  interactionAttributesObjectSchema,
  interactionAttributesSchema,
  interactionRecordSchema,
  MAP_NAME_MAX_LENGTH,
  MAP_STATUSES,
  mapCountsSchema,
  mapInfoSchema,
  mapNameSchema,
  mapSummarySchema,
  pathSchema,
  provenanceSchema,
  serializedGraphSchema,
  valueShareSchema,
  withoutNulls,
} from './map-schemas.js';
export { platformsOf } from './platforms-of.js';
export type { PvAuditEntryView, PvCasePage, PvCaseView } from './pv-case-schemas.js';
export { pvAuditEntrySchema, pvCasePageSchema, pvCaseSchema } from './pv-case-schemas.js';
export type {
  PvAllowedChange,
  PvAuditAction,
  PvCaseChange,
  PvReviewStatus,
} from './pv-review.js';
export {
  allowedReviewChanges,
  PV_AUDIT_ACTIONS,
  PV_REVIEW_STATUSES,
  PV_REVIEW_TRANSITIONS,
  pvCaseChangeSchema,
  reviewChangeNeedsNote,
} from './pv-review.js';
export type { SavedShortlist, ShortlistRow } from './shortlist-schemas.js';
export { savedShortlistSchema, shortlistRowSchema } from './shortlist-schemas.js';
export type {
  ActorType,
  InteractionType,
  KolRole,
  KolTier,
  Period,
  Platform,
  RecordKind,
  ScoreComponent,
  SeriesDimension,
  Tone,
} from './vocabulary.js';
export {
  ACTOR_TYPES,
  actorTypeSchema,
  INTERACTION_TYPES,
  interactionTypeSchema,
  KOL_ROLES,
  KOL_TIERS,
  PERIODS,
  PLATFORMS,
  platformSchema,
  RECORD_KINDS,
  SCORE_COMPONENTS,
  SERIES_DIMENSIONS,
  TONES,
} from './vocabulary.js';
