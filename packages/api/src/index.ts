// Public API of @kolmap/api (named exports only).

export type {
  AccountAttributes,
  AccountRecord,
  ApiRole,
  CommunityProfile,
  InteractionAttributes,
  InteractionRecord,
  JobStage,
  JobStatus,
  ListeningCounts,
  ListeningPrivacy,
  ListeningTopic,
  MapCounts,
  MapInfo,
  MapStatus,
  MapSummary,
  Provenance,
  SerializedMapGraph,
} from '@kolmap/model';
export {
  API_ROLES,
  accountAttributesSchema,
  communityProfileSchema,
  interactionAttributesSchema,
  JOB_STAGES,
  JOB_STATUSES,
  MAP_STATUSES,
  serializedGraphSchema,
} from '@kolmap/model';
export type { ApiConfig, ApiKey, StoreConfig } from './config.js';
export { DEFAULT_DATA_DIR, loadConfig } from './config.js';
export type { AppDependencies } from './http/app.js';
export { apiRoutes, createApp } from './http/app.js';
export type { AnalysisContext, AnalysisResult } from './jobs/analyse-dataset.js';
export { analyseDataset } from './jobs/analyse-dataset.js';
export type { Job } from './jobs/job.js';
export type { JobQueueOptions } from './jobs/job-queue.js';
export { JobQueue } from './jobs/job-queue.js';
export type { RunningServer, StartServerOptions } from './server.js';
export { createLogger, DEMO_DATA_DIR, DEMO_MAP_NAME, startServer } from './server.js';
export type { CreateMapStoreOptions } from './store/create-map-store.js';
export { createMapStore } from './store/create-map-store.js';
export type { EmbeddedMapStoreOptions } from './store/embedded/embedded-map-store.js';
export {
  DEFAULT_EMBEDDED_MAP_STORE_OPTIONS,
  EmbeddedMapStore,
} from './store/embedded/embedded-map-store.js';
export type { StoreErrorCode, StoreInputProblem } from './store/errors.js';
export {
  AccountNotFoundError,
  CommunityNotFoundError,
  InvalidMapError,
  InvalidQueryError,
  isStoreError,
  ListeningNotFoundError,
  MapNotFoundError,
  PvCaseNotFoundError,
  PvReviewConflictError,
  ShortlistNotFoundError,
  STORE_ERROR_CODES,
  StoreInputError,
  StoreNotFoundError,
  StoreUnavailableError,
} from './store/errors.js';
export type { PvCaseQuery, SaveListeningInput } from './store/listening-model.js';
export {
  PV_CASES_MAX_LIMIT,
  prepareListening,
  pvCaseQuerySchema,
  saveListeningInputSchema,
} from './store/listening-model.js';
export type { PreparedMap, SaveMapInput } from './store/map-model.js';
export { prepareMap, saveMapInputSchema } from './store/map-model.js';
export type {
  AccountDetail,
  AccountPath,
  AccountsResource,
  CommunityDetail,
  EgoNetwork,
  ExportAuditEntry,
  ExportAuditInput,
  ExportAuditResource,
  GetMapOptions,
  ListeningResource,
  ListMapsOptions,
  MapGraph,
  MapStore,
  MapsResource,
  Page,
  PvCasesResource,
  SaveMapOptions,
  SaveProgress,
  SaveShortlistInput,
  Shortlist,
  ShortlistSummary,
  ShortlistsResource,
} from './store/map-store.js';
export { exportAuditInputSchema, saveShortlistInputSchema } from './store/map-store.js';
export { isUnavailableCode, mapDriverError } from './store/neo4j/driver-errors.js';
export type {
  Neo4jConnectionConfig,
  Neo4jMapStoreOptions,
} from './store/neo4j/neo4j-map-store.js';
export {
  DEFAULT_NEO4J_MAP_STORE_OPTIONS,
  Neo4jMapStore,
} from './store/neo4j/neo4j-map-store.js';
export { MIGRATIONS } from './store/neo4j/schema.js';
export type { CommunityQuery, EgoDirection, EgoQuery, PathQuery } from './store/queries.js';
export {
  communityQuerySchema,
  EGO_DIRECTIONS,
  egoQuerySchema,
  PATH_MAX_HOPS,
  pathQuerySchema,
  searchQuerySchema,
} from './store/queries.js';
