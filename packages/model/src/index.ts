// Public API of @kolmap/model (named exports only): what core, the API and the viewer share.
export { foldHandle, foldText } from './fold-text.js';
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
export { platformsOf } from './platforms-of.js';
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
