// An analysis job as clients read it: status, stage, progress, and the map or the failure it ended
// with. Shared by the queue that runs jobs and the records that keep them on disk.
import { PIPELINE_STAGES } from '@kolmap/core';
import { z } from 'zod';
import type { AnalysisFailure } from './analysis-error.js';

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
/** A job's stages: queued, the analysis pipeline's (core's PIPELINE_STAGES), saving, done. */
export const JOB_STAGES = ['queued', ...PIPELINE_STAGES, 'saving', 'done'] as const;
export type JobStage = (typeof JOB_STAGES)[number];

/** Failure codes of a job: the analysis' (bad input…), the store's, or a lost upload. */
export type JobFailure =
  | AnalysisFailure
  | {
      /**
       * UPLOAD_LOST: the server restarted and the job's files were gone. INTERRUPTED: the server
       * stopped each time the job ran, and it is not run again.
       */
      code: 'INVALID_MAP' | 'STORE_UNAVAILABLE' | 'UPLOAD_LOST' | 'INTERRUPTED';
      message: string;
      details: unknown[];
    };

export interface Job {
  id: string;
  /** The name the map will have. */
  name: string;
  status: JobStatus;
  stage: JobStage;
  /** Progress within the stage (loading: bytes; saving: records), when known. */
  progress: { done: number; total: number } | null;
  createdBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** The saved map (status `succeeded`). */
  mapId: string | null;
  /** Records skipped as invalid (option `skipInvalid`). */
  rejected: number;
  error: JobFailure | null;
  /**
   * Times the server restarted before the job finished: each time the job was queued again and its
   * analysis started over from the beginning.
   */
  restarts: number;
}

export function isFinished(job: Job): boolean {
  return job.status === 'succeeded' || job.status === 'failed';
}

/** A job as clients read it and as its record keeps it (also the OpenAPI document's `Job`). */
export const jobSchema = z
  .object({
    id: z.string().min(1),
    name: z.string(),
    status: z.enum(JOB_STATUSES),
    stage: z.enum(JOB_STAGES),
    progress: z.object({ done: z.number(), total: z.number() }).nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    mapId: z.string().nullable(),
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
