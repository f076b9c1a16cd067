// An analysis job as the queue runs it and its records keep it: model's `jobSchema` (what clients
// read: status, stage, progress, the map or the failure it ended with) with the failure typed.
import type { JobView } from '@kolmap/model';
import type { AnalysisFailure } from './analysis-error.js';

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

/** A job as the queue keeps it: its wire shape (model's `jobSchema`) with the failure typed. */
export interface Job extends JobView {
  error: JobFailure | null;
}

export function isFinished(job: Job): boolean {
  return job.status === 'succeeded' || job.status === 'failed';
}
