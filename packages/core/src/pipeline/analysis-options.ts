// The options of an analysis (runAnalysis): what to read, which graph to build, how to analyse it
// and whether to listen too. The zod schema is what the API takes and documents; the library and
// the CLI may also give the builders' filters and the KOL score's options.
import {
  INTERACTION_TYPES,
  type InteractionType,
  type Platform,
  platformSchema,
} from '@kolmap/model';
import { z } from 'zod';
import { COMMUNITY_ALGORITHMS } from '../analyze/communities/detect-communities.js';
import type { KolScoreOptionsInput } from '../analyze/score/kol-score.js';
import type { SelfLoopPolicy } from '../build/account-graph.js';
import { watchListSchema } from '../listen/watch-list.js';
import type { InputLimits } from '../load/input-limits.js';
import { INPUT_FORMATS } from '../load/options.js';

/** The graphs an analysis builds: interactions, follows, or both combined. */
export const GRAPH_KINDS = ['interaction', 'follow', 'combined'] as const;
export type GraphKind = (typeof GRAPH_KINDS)[number];

/** What to build and how to analyse it; every field has a default. */
export const analysisOptionsSchema = z
  .strictObject({
    /** Which graph: interactions (default), follows, or both combined. */
    graph: z.enum(GRAPH_KINDS).default('interaction'),
    /** Merge the accounts of one actor (`actorId`) into one node. */
    actors: z.boolean().default(false),
    undirected: z.boolean().default(false),
    /** Format of every file; default: told from each file name. */
    format: z.enum(INPUT_FORMATS).optional(),
    /** Keep the good records and skip the bad ones instead of refusing the upload. */
    skipInvalid: z.boolean().default(false),
    /** Lines to skip at the top of edge lists. */
    skipLines: z.number().int().min(0).max(1000).optional(),
    /** Platform of records that name none. */
    platform: platformSchema.optional(),
    /** Interaction graphs: drop edges whose aggregated weight is below this. */
    minWeight: z.number().nonnegative().max(1e9).optional(),
    /** Interaction graphs: weight of each interaction type. */
    typeWeights: z
      .partialRecord(z.enum(INTERACTION_TYPES), z.number().nonnegative().max(1e6))
      .optional(),
    algorithm: z.enum(COMMUNITY_ALGORITHMS).default('leiden'),
    resolution: z.number().positive().max(100).default(1),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(42),
    /** Compute a ForceAtlas2 layout (the viewer draws the positions). */
    layout: z.boolean().default(true),
    /**
     * A watch list (docs/listening.md): listen to the posts too, and save the series, topics and
     * pharmacovigilance cases with the map.
     */
    watch: watchListSchema.optional(),
    /** With `watch`: the date the retention limits count back from (ISO 8601); default now. */
    now: z.union([z.iso.datetime({ offset: true }), z.iso.date()]).optional(),
  })
  .refine((options) => options.now === undefined || options.watch !== undefined, {
    message: 'now is the date of the watch list’s retention limits: give it with watch',
    path: ['now'],
  });
export type AnalysisOptionsInput = z.input<typeof analysisOptionsSchema>;
export type AnalysisOptions = z.output<typeof analysisOptionsSchema>;

/** Every default of analysisOptionsSchema: an interaction graph per account, Leiden, seed 42, a layout. */
export const DEFAULT_ANALYSIS_OPTIONS: Readonly<AnalysisOptions> = Object.freeze(
  analysisOptionsSchema.parse({}),
);

/**
 * runAnalysis's options: an analysis' options (analysisOptionsSchema, defaults filled in) and those
 * only library and CLI callers give.
 */
export interface RunAnalysisOptions extends AnalysisOptions {
  /** Keep only the accounts and links of these platforms. Default all. */
  platforms?: Platform[];
  /** Interaction and combined graphs: keep only these interaction types. Default all. */
  types?: InteractionType[];
  /** Interaction and combined graphs: keep the interactions on or after this date (ISO 8601). */
  since?: string;
  /** Interaction and combined graphs: keep the interactions on or before this date (ISO 8601). */
  until?: string;
  /** Edges from an account to itself: `keep` (the builders' default) or `drop`. */
  selfLoops?: SelfLoopPolicy;
  /** KOL score options (see computeKolScores): weights, excluded actor types, low-quality keys. */
  score?: KolScoreOptionsInput;
  /** Bounds of the load (see InputLimits); default DEFAULT_INPUT_LIMITS. */
  limits?: Partial<InputLimits>;
}
