// An analysis job as clients read it: status, stage, progress, and the map or the failure it ended
// with.
import { z } from 'zod';

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const JOB_STAGES = [
  'queued',
  'loading',
  'building',
  'communities',
  'influence',
  'score',
  'profiles',
  'layout',
  'listening',
  'saving',
  'done',
] as const;
export type JobStage = (typeof JOB_STAGES)[number];

/** A job as clients read it and as its record keeps it (also the OpenAPI document's `Job`). */
export const jobSchema = z
  .object({
    id: z.string().min(1),
    /** The name the map will have. */
    name: z.string(),
    status: z.enum(JOB_STATUSES),
    stage: z.enum(JOB_STAGES),
    /** Progress within the stage (loading: bytes; saving: records), when known. */
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
