// An analysis job as clients read it: status, stage, progress, and the map or the failure it ended
// with.
import { z } from 'zod';

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
/** The stages of a map's analysis (core's analyzeGraph), in order. */
export const ANALYSIS_STAGES = ['communities', 'influence', 'score', 'profiles', 'layout'] as const;
export type AnalysisStage = (typeof ANALYSIS_STAGES)[number];
/**
 * The stages of the pipeline every analysis runs (core's runAnalysis: `kolmap analyze`, `kolmap
 * listen`, the API's jobs), in order; layout only with a layout, listening only with a watch list.
 */
export const PIPELINE_STAGES = ['loading', 'building', ...ANALYSIS_STAGES, 'listening'] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];
/** A job's stages: queued, the pipeline's, saving the map, done. */
export const JOB_STAGES = ['queued', ...PIPELINE_STAGES, 'saving', 'done'] as const;
export type JobStage = (typeof JOB_STAGES)[number];

/** A job as clients read it and as its record keeps it (also the OpenAPI document's `Job`). */
export const jobSchema = z
  .object({
    id: z.string().min(1),
    /** The name the map will have. */
    name: z.string(),
    status: z.enum(JOB_STATUSES),
    stage: z.enum(JOB_STAGES),
    /** Progress within the stage (loading: bytes; layout: percent; saving: records), when known. */
    progress: z.object({ done: z.number(), total: z.number() }).nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    /** The saved map (status `succeeded`). */
    mapId: z.string().nullable(),
    /** Records skipped as invalid (option `skipInvalid`). */
    rejected: z.number().int(),
    error: z
      .object({ code: z.string(), message: z.string(), details: z.array(z.unknown()) })
      .nullable(),
    restarts: z
      .number()
      .int()
      .nonnegative()
      .describe(
        'times the server restarted before the job finished; each time the job was queued again and its analysis started over',
      ),
  })
  .meta({ id: 'Job' });
export type JobView = z.infer<typeof jobSchema>;
