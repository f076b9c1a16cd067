// Public API of @kolmap/core (named exports only).
// The shared vocabularies and review rules live in @kolmap/model; core gives them to its library
// users as its own.
export type {
  ActorType,
  AnalysisStage,
  InteractionType,
  KolRole,
  KolTier,
  Period,
  PipelineStage,
  Platform,
  PvAllowedChange,
  PvAuditAction,
  PvCaseChange,
  PvReviewStatus,
  RecordKind,
  ScoreComponent,
  SeriesDimension,
  SeriesRow,
  ShareOfVoiceRow,
  ShortlistRow,
  Tone,
} from '@kolmap/model';
export {
  ACTOR_TYPES,
  ANALYSIS_STAGES,
  actorTypeSchema,
  allowedReviewChanges,
  INTERACTION_TYPES,
  interactionTypeSchema,
  KOL_ROLES,
  KOL_TIERS,
  PERIODS,
  PIPELINE_STAGES,
  PLATFORMS,
  PV_AUDIT_ACTIONS,
  PV_REVIEW_STATUSES,
  PV_REVIEW_TRANSITIONS,
  platformSchema,
  platformsOf,
  pvCaseChangeSchema,
  RECORD_KINDS,
  reviewChangeNeedsNote,
  SCORE_COMPONENTS,
  SERIES_DIMENSIONS,
  TONES,
} from '@kolmap/model';
export type { AccountNetwork, NetworkType } from './analyze/account-network.js';
export { graphOfNetwork, networkOfGraph } from './analyze/account-network.js';
export type { AnalyzeOptions, MapAnalysis, NetworkAnalysis } from './analyze/analyze-graph.js';
export {
  analysisAttributes,
  analyzeGraph,
  analyzeNetwork,
  DEFAULT_ANALYZE_OPTIONS,
} from './analyze/analyze-graph.js';
export type {
  CommunityLabel,
  CommunityLabelOptions,
} from './analyze/communities/community-labels.js';
export {
  ACTOR_TYPE_PLURALS,
  DEFAULT_COMMUNITY_LABEL_OPTIONS,
  labelCommunities,
  PLATFORM_NAMES,
} from './analyze/communities/community-labels.js';
export type { ValueShare } from './analyze/communities/community-members.js';
export type {
  CommunityMember,
  CommunityProfile,
  CommunityProfileOptions,
  CommunitySummaryOptions,
  CommunitySummaryRow,
} from './analyze/communities/community-profiles.js';
export {
  communitySummaryTable,
  DEFAULT_COMMUNITY_PROFILE_OPTIONS,
  DEFAULT_COMMUNITY_SUMMARY_OPTIONS,
  profileCommunities,
  profileNetworkCommunities,
} from './analyze/communities/community-profiles.js';
export type {
  AssignCommunitiesOptions,
  CommunityAlgorithm,
  CommunityDirection,
  CommunityOptions,
  CommunityResult,
} from './analyze/communities/detect-communities.js';
export {
  assignCommunities,
  COMMUNITY_ALGORITHMS,
  COMMUNITY_DIRECTIONS,
  DEFAULT_ASSIGN_COMMUNITIES_OPTIONS,
  DEFAULT_COMMUNITY_OPTIONS,
  defaultCommunityDirection,
  detectCommunities,
  detectNetworkCommunities,
} from './analyze/communities/detect-communities.js';
export type {
  DistinctiveTerm,
  TermKind,
  TermSource,
} from './analyze/communities/distinctive-terms.js';
export {
  distinctiveTerms,
  ENGLISH_STOP_WORDS,
  FRENCH_STOP_WORDS,
  TERM_KINDS,
} from './analyze/communities/distinctive-terms.js';
export type {
  CommunityMeasureOptions,
  ModularityOptions,
  Partition,
} from './analyze/communities/quality.js';
export {
  adjustedRandIndex,
  communityConductance,
  communityDensity,
  DEFAULT_COMMUNITY_MEASURE_OPTIONS,
  DEFAULT_MODULARITY_OPTIONS,
  modularity,
  normalizedMutualInformation,
} from './analyze/communities/quality.js';
export type {
  ResolutionSweepOptions,
  ResolutionSweepRow,
  StabilityOptions,
  StabilityResult,
} from './analyze/communities/stability.js';
export {
  communityStability,
  DEFAULT_RESOLUTION_SWEEP_OPTIONS,
  DEFAULT_STABILITY_OPTIONS,
  resolutionSweep,
} from './analyze/communities/stability.js';
export type { EdgeWeightGetter } from './analyze/communities/weighted-network.js';
export type {
  BetweennessOptions,
  BetweennessRun,
  BetweennessStop,
} from './analyze/influence/betweenness.js';
export {
  betweennessChecks,
  betweennessPivots,
  computeBetweenness,
  DEFAULT_BETWEENNESS_OPTIONS,
  networkBetweenness,
  resolveBetweennessOptions,
} from './analyze/influence/betweenness.js';
export type {
  CommunityRoleOptions,
  NetworkCommunityRoles,
} from './analyze/influence/community-roles.js';
export {
  computeCommunityRoles,
  DEFAULT_COMMUNITY_ROLE_OPTIONS,
} from './analyze/influence/community-roles.js';
export type {
  InfluenceAttribute,
  InfluenceMetrics,
  InfluenceOptions,
  InfluenceOptionsInput,
  InfluenceResult,
} from './analyze/influence/compute-influence.js';
export {
  assignInfluence,
  computeInfluence,
  computeNetworkInfluence,
  DEFAULT_INFLUENCE_OPTIONS,
  INFLUENCE_ATTRIBUTES,
  resolveInfluenceOptions,
} from './analyze/influence/compute-influence.js';
export type { CorenessOptions } from './analyze/influence/coreness.js';
export {
  computeCoreness,
  DEFAULT_CORENESS_OPTIONS,
  networkCoreness,
} from './analyze/influence/coreness.js';
export type { HitsOptions } from './analyze/influence/hits.js';
export {
  computeHits,
  DEFAULT_HITS_OPTIONS,
  networkHits,
  resolveHitsOptions,
} from './analyze/influence/hits.js';
export type { InfluenceNetwork, UndirectedView } from './analyze/influence/influence-network.js';
export {
  toInfluenceNetwork,
  toReceivedView,
  toUndirectedView,
} from './analyze/influence/influence-network.js';
export type { IterativeRun, PageRankOptions } from './analyze/influence/pagerank.js';
export {
  computePageRank,
  DEFAULT_PAGERANK_OPTIONS,
  networkPageRank,
  resolvePageRankOptions,
} from './analyze/influence/pagerank.js';
export type { NetworkStrengths, StrengthOptions } from './analyze/influence/strengths.js';
export {
  computeStrengths,
  DEFAULT_STRENGTH_OPTIONS,
  networkStrengths,
} from './analyze/influence/strengths.js';
export type { LayoutOptions, Positions } from './analyze/layout/compute-layout.js';
export {
  assignLayout,
  computeLayout,
  computeNetworkLayout,
  DEFAULT_LAYOUT_OPTIONS,
} from './analyze/layout/compute-layout.js';
export type { NodeSizeOptions } from './analyze/layout/node-sizes.js';
export {
  assignNodeSizes,
  computeNodeSizes,
  DEFAULT_NODE_SIZE_OPTIONS,
} from './analyze/layout/node-sizes.js';
export type { Rng } from './analyze/random.js';
export { createRng } from './analyze/random.js';
export type {
  AssignKolScoreOptionsInput,
  KolExclusion,
  KolScore,
  KolScoreOptions,
  KolScoreOptionsInput,
  KolScoreResult,
  ScoreWeights,
} from './analyze/score/kol-score.js';
export {
  assignKolScores,
  computeKolScores,
  computeNetworkKolScores,
  DEFAULT_KOL_SCORE_OPTIONS,
  DEFAULT_SCORE_WEIGHTS,
  KOL_EXCLUSIONS,
  KOL_SCORE_ATTRIBUTES,
  KOL_TIER_SHARES,
  kolScoreOptionsSchema,
  resolveKolScoreOptions,
} from './analyze/score/kol-score.js';
export { percentileRanks } from './analyze/score/percentile-ranks.js';
export type {
  RoleOptions,
  RoleOptionsInput,
} from './analyze/score/roles.js';
export {
  amplificationShares,
  DEFAULT_ROLE_OPTIONS,
  networkAmplificationShares,
} from './analyze/score/roles.js';
export type { AccountNodeAttributes, SelfLoopPolicy } from './build/account-graph.js';
export type {
  ActorNodeAttributes,
  ActorProjectionOptions,
} from './build/actor-projection.js';
export {
  DEFAULT_ACTOR_PROJECTION_OPTIONS,
  projectActorNetwork,
  projectActors,
} from './build/actor-projection.js';
export type { CombinedEdgeAttributes, CombinedGraphOptions } from './build/combined-graph.js';
export {
  buildCombinedGraph,
  buildCombinedNetwork,
  DEFAULT_COMBINED_GRAPH_OPTIONS,
} from './build/combined-graph.js';
export type { FollowEdgeAttributes, FollowerGraphOptions } from './build/follower-graph.js';
export {
  buildFollowerGraph,
  buildFollowerNetwork,
  DEFAULT_FOLLOWER_GRAPH_OPTIONS,
} from './build/follower-graph.js';
export type {
  InteractionEdgeAttributes,
  InteractionGraphOptions,
} from './build/interaction-graph.js';
export {
  buildInteractionGraph,
  buildInteractionNetwork,
  DEFAULT_INTERACTION_GRAPH_OPTIONS,
} from './build/interaction-graph.js';
export type { InputLocation, InputProblem } from './errors.js';
export {
  AnalysisAbortedError,
  formatLocation,
  formatProblem,
  InputLimitError,
  InvalidInputError,
  UnreadableInputError,
} from './errors.js';
export { csvCell, csvRow } from './export/csv.js';
export { toGexf } from './export/gexf.js';
export type { GraphFileFormat } from './export/graph-file.js';
export { GRAPH_FILE_FORMATS, graphFileFormatOf, writeGraphFile } from './export/graph-file.js';
export { toGraphml } from './export/graphml.js';
export { toGraphologyJson } from './export/graphology-json.js';
export type { ReportDefaults, ReportOptions } from './export/report.js';
export { DEFAULT_REPORT_OPTIONS, toHtmlReport, toMarkdownReport } from './export/report.js';
export { writeFileAtomic } from './export/write-file-atomic.js';
export type { Compliance, PrivacyDefaults, RetentionDays } from './listen/compliance.js';
export {
  complianceSchema,
  DEFAULT_PRIVACY_OPTIONS,
  PUBLIC_ACTOR_TYPES,
} from './listen/compliance.js';
export type {
  Tonality,
  TonalityLexicon,
  TonalityOptions,
} from './listen/compute-tonality.js';
export {
  computeTonality,
  DEFAULT_TONALITY_OPTIONS,
  TONALITY_LEXICONS,
  textTonality,
  tonalityLanguage,
} from './listen/compute-tonality.js';
export type {
  PvCriteria,
  PvEventKind,
  PvFinding,
  PvIntakeDefaults,
  PvIntakeOptions,
  PvPostContext,
  PvScope,
} from './listen/detect-pv-cases.js';
export {
  DEFAULT_PV_INTAKE_OPTIONS,
  detectPvCase,
  PV_EVENT_KINDS,
  PV_SCOPES,
  pvIntakeOptionsSchema,
  resolvePvIntakeOptions,
} from './listen/detect-pv-cases.js';
export type {
  AuthorInfo,
  ListenedPost,
  Listening,
  ListenOptions,
} from './listen/listen-to-posts.js';
export { listenOptionsSchema, listenToPosts } from './listen/listen-to-posts.js';
export {
  PV_CASE_COLUMNS,
  pvCasesToCsv,
  SERIES_COLUMNS,
  SHARE_OF_VOICE_COLUMNS,
  seriesToCsv,
  shareOfVoiceToCsv,
  TOPIC_COMMUNITY_COLUMNS,
  topicCommunitiesToCsv,
} from './listen/listening-csv.js';
export type { MarketingPost, MarketingPostsOptions } from './listen/marketing-posts.js';
export {
  MARKETING_POST_COLUMNS,
  marketingPostsToCsv,
  toMarketingPosts,
} from './listen/marketing-posts.js';
export type { Brand, WatchMatcher, WatchMatches } from './listen/match-watch-list.js';
export { compileWatchList, matchWatchList } from './listen/match-watch-list.js';
export type { PrivacyAccount, PrivacyOptions, Pseudonyms } from './listen/privacy.js';
export {
  buildPseudonyms,
  isPrivateAccount,
  PSEUDONYM_PREFIX,
  pseudonymOf,
  revealPseudonym,
} from './listen/privacy.js';
export type { PurgeResult } from './listen/retention.js';
export { purgeExpiredPosts } from './listen/retention.js';
export type {
  PvAuditEntry,
  PvCase,
  PvExclusionOptions,
  PvFlag,
  PvReviewer,
} from './listen/review-queue.js';
export {
  changePvCase,
  marketingExclusions,
  mergePvCases,
  openPvCases,
  PvReviewError,
} from './listen/review-queue.js';
export type {
  SeriesOptions,
  ShareOfVoiceOptions,
} from './listen/series.js';
export {
  computeSeries,
  computeShareOfVoice,
  periodOf,
  periodsBetween,
} from './listen/series.js';
export { CLAUSE_BREAK, tokenize } from './listen/text-tokens.js';
export type { TonalityLanguage } from './listen/tonality-lexicon.js';
export { TONALITY_LANGUAGES } from './listen/tonality-lexicon.js';
export type {
  CommunityTerm,
  DescribeOptions,
  ProjectionOptions,
  SpreadPost,
  TopicCommunity,
  TopicCommunityResult,
} from './listen/topic-communities.js';
export {
  buildTopicGraph,
  DEFAULT_DESCRIBE_OPTIONS,
  DEFAULT_PROJECTION_OPTIONS,
  describeTopicCommunities,
  detectTopicCommunities,
  findCommunityLeaders,
  projectTopicGraph,
  TOPIC_NODE_PREFIX,
} from './listen/topic-communities.js';
export type { WatchedArea, WatchedBrand, WatchList } from './listen/watch-list.js';
export { parseWatchList, readWatchList, watchListSchema } from './listen/watch-list.js';
export { csvRecordKind, loadCsv } from './load/csv.js';
export type { AccountEntry, Dataset, DatasetCollectorOptions, LoadReport } from './load/dataset.js';
export { accountKey, DatasetCollector, emptyReport } from './load/dataset.js';
export { loadEdgeList, loadSnap } from './load/edge-list.js';
export type { EdgeRow } from './load/edge-table.js';
export { EdgeTable, typeCode, typeOfCode, UNTYPED } from './load/edge-table.js';
export { loadGml } from './load/gml.js';
export { loadGexf, loadGraphml } from './load/graph-files.js';
export { inputChecksum } from './load/input-checksum.js';
export type { InputLimits } from './load/input-limits.js';
export { DEFAULT_INPUT_LIMITS } from './load/input-limits.js';
export { loadJsonl } from './load/jsonl.js';
export { detectFormat, loadDataset } from './load/load-dataset.js';
export type { InputFormat, LoadOptions, LoadProgress } from './load/options.js';
export { INPUT_FORMATS } from './load/options.js';
export type { ResolvedLoadOptions } from './load/resolve-load-options.js';
export { DEFAULT_LOAD_OPTIONS, resolveLoadOptions } from './load/resolve-load-options.js';
export type { DatasetSummary } from './load/summarize-dataset.js';
export { summarizeDataset } from './load/summarize-dataset.js';
export type {
  AnalysisOptions,
  AnalysisOptionsInput,
  GraphKind,
  RunAnalysisOptions,
} from './pipeline/analysis-options.js';
export {
  analysisOptionsSchema,
  DEFAULT_ANALYSIS_OPTIONS,
  GRAPH_KINDS,
} from './pipeline/analysis-options.js';
export type { MapGraphOptions } from './pipeline/build-map-graph.js';
export { buildMapGraph, buildMapNetwork } from './pipeline/build-map-graph.js';
export type {
  ListenedDataset,
  ListeningNodeAttributes,
  ListenToDatasetOptions,
} from './pipeline/listen-to-dataset.js';
export { listenToDataset } from './pipeline/listen-to-dataset.js';
export type {
  ListeningCommunity,
  ListeningInfo,
  ListeningPostRow,
  MapListening,
} from './pipeline/map-listening.js';
export type {
  AnalysisProgress,
  AnalysisRun,
  RunAnalysisContext,
} from './pipeline/run-analysis.js';
export { runAnalysis } from './pipeline/run-analysis.js';
export { dateSchema, toEpochMs } from './schema/dates.js';
export type {
  Account,
  Follow,
  Interaction,
  Post,
} from './schema/records.js';
export {
  accountSchema,
  followSchema,
  interactionSchema,
  postSchema,
  recordSchemas,
} from './schema/records.js';
export type {
  Shortlist,
  ShortlistDefaults,
  ShortlistMode,
  ShortlistOptions,
} from './shortlist/build-shortlist.js';
export {
  buildShortlist,
  DEFAULT_SHORTLIST_OPTIONS,
  SHORTLIST_MODES,
  shortlistOptionsSchema,
  shortlistRowOf,
} from './shortlist/build-shortlist.js';
export type { ShortlistCsvOptions } from './shortlist/shortlist-to-csv.js';
export {
  DEFAULT_SHORTLIST_CSV_OPTIONS,
  SHORTLIST_COLUMNS,
  shortlistToCsv,
  shortlistToJson,
} from './shortlist/shortlist-to-csv.js';
export { KOLMAP_VERSION } from './version.js';
