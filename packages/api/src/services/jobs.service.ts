// Analysis jobs: an upload becomes a job of the queue (jobs/job-queue.ts); small ones are waited for
// and answered with their saved map, larger ones followed through the job.
import type { AnalysisOptions } from '@kolmap/core';
import type { MapSummary } from '@kolmap/model';
import { isFinished, type Job } from '../jobs/job.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { MapsResource } from '../store/map-store.js';
import { JobFailedError, JobNotFoundError } from './service-errors.js';

/** A dataset received to analyse into a map. */
export interface AnalysisRequest {
  /** The job's id (the upload folder is named after it). */
  id: string;
  name: string;
  options: AnalysisOptions;
  /** Paths of the uploaded files. */
  files: string[];
  /** Their folder, removed once the job ends. */
  uploadDir: string;
  /** Their size in all. */
  bytes: number;
  createdBy: string;
  /** Wait for the saved map; default: only when the upload is at most `syncMaxBytes`. */
  wait?: boolean;
}

/** A submitted analysis: the job, and the saved map when it was waited for. */
export interface AnalysisOutcome {
  job: Job;
  map: MapSummary | null;
}

export class JobsService {
  private readonly jobs: JobQueue;
  private readonly maps: MapsResource;
  private readonly syncMaxBytes: number;

  /** @param syncMaxBytes uploads up to this size are waited for (config KOLMAP_SYNC_MAX_BYTES). */
  constructor(jobs: JobQueue, maps: MapsResource, syncMaxBytes: number) {
    this.jobs = jobs;
    this.maps = maps;
    this.syncMaxBytes = syncMaxBytes;
  }

  /**
   * Queues the analysis of an upload and, when it is to be waited for, gives its saved map
   * (JobFailedError when the job fails). `onSubmitted` is called with the job once it is queued.
   */
  async analyse(
    request: AnalysisRequest,
    onSubmitted: (job: Job) => void = () => undefined,
  ): Promise<AnalysisOutcome> {
    const job = await this.jobs.submit({
      id: request.id,
      name: request.name,
      files: request.files,
      uploadDir: request.uploadDir,
      options: request.options,
      createdBy: request.createdBy,
    });
    onSubmitted(job);
    if (!(request.wait ?? request.bytes <= this.syncMaxBytes)) return { job, map: null };
    const finished = await this.jobs.whenFinished(job.id);
    if (finished.status === 'failed') throw new JobFailedError(finished);
    const {
      params: _p,
      provenance: _v,
      attributes: _a,
      ...map
    } = await this.maps.get(finished.mapId as string);
    return { job: finished, map };
  }

  /** A job, queued, running or among the latest finished ones (JobNotFoundError otherwise). */
  get(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw new JobNotFoundError(jobId);
    return job;
  }

  /**
   * Follows a job: `onChange` gets it now, then at each change, until it is finished or `stop` is
   * called. JobNotFoundError when there is no such job.
   */
  follow(jobId: string, onChange: (job: Job) => void): { stop: () => void } {
    const first = this.get(jobId);
    const listener = (job: Job) => {
      if (job.id === jobId) send(job);
    };
    const stop = () => {
      this.jobs.off('update', listener);
    };
    const send = (job: Job) => {
      if (isFinished(job)) stop();
      onChange(job);
    };
    this.jobs.on('update', listener);
    send(first);
    return { stop };
  }
}
