// Public API of @kolmap/core (named exports only).

export type { InputLocation, InputProblem } from './errors.js';
export {
  formatLocation,
  formatProblem,
  InvalidInputError,
  UnreadableInputError,
} from './errors.js';
export type { AccountEntry, Dataset, DatasetCollectorOptions, LoadReport } from './load/dataset.js';
export { accountKey, DatasetCollector, emptyReport } from './load/dataset.js';
export type { EdgeRow } from './load/edge-table.js';
export { EdgeTable, typeCode, typeOfCode, UNTYPED } from './load/edge-table.js';
export type { Account, Follow, Interaction, Post } from './schema/records.js';
export {
  accountSchema,
  actorTypeSchema,
  dateSchema,
  followSchema,
  interactionSchema,
  interactionTypeSchema,
  platformSchema,
  postSchema,
  recordSchemas,
} from './schema/records.js';
export type { ActorType, InteractionType, Platform, RecordKind } from './schema/vocabulary.js';
export { ACTOR_TYPES, INTERACTION_TYPES, PLATFORMS, RECORD_KINDS } from './schema/vocabulary.js';
