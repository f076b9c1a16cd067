// Analysis jobs: an upload becomes a job that analyses the files (one job at a time, in a worker
// thread) and saves the map. Jobs live in this process's memory: the latest ones are kept for
// clients to read, and a restart forgets them (their uploads are removed either way).
import { EventEmitter } from 'node:events';
import { rm } from 'node:fs/promises';
import type { Logger } from 'pino';
import type { MapStore } from '../store/map-store.js';
import type { AnalysisJobStage, AnalysisOptions, AnalysisResult } from './analyse-dataset.js';
import { AnalysisError, type AnalysisFailure, describeAnalysisError } from './analysis-error.js';
import { type RunAnalysis, runAnalysisInWorker } from './run-analysis.js';

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

/** Failure codes of a job: the analysis' (bad input…) or the store's. */
export type JobFailure =
  | AnalysisFailure
  | {
      code: 'INVALID_MAP' | 'STORE_UNAVAILABLE' | 'CANCELLED';
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
}

export interface SubmitJob {
  id: string;
  name: string;
  files: string[];
  /** Folder of the uploaded files, removed once the job ends. */
  uploadDir: string;
  options: AnalysisOptions;
  createdBy: string;
}

export interface JobQueueOptions {
  /** Where internal failures are logged (their causes are never shown to clients). */
  logger?: Logger;
  store: MapStore;
  runAnalysis?: RunAnalysis;
  /** Secret of privacy-mode pseudonyms (config KOLMAP_PSEUDONYM_KEY). Default none. */
  pseudonymKey?: string | null;
  /** Finished jobs kept for clients to read. Default 200. */
  keepFinished?: number;
}

interface QueuedJob extends SubmitJob {
  job: Job;
}

/** Emits `update` with a copy of a job each time it changes. */
export class JobQueue extends EventEmitter<{ update: [Job] }> {
  private readonly store: MapStore;
  private readonly logger: Logger | undefined;
  private readonly runAnalysis: RunAnalysis;
  private readonly pseudonymKey: string | null;
  private readonly keepFinished: number;
  private readonly jobs = new Map<string, Job>();
  private readonly waiting: QueuedJob[] = [];
  private running: Promise<void> | null = null;
  private closed = false;

  constructor(options: JobQueueOptions) {
    super();
    this.store = options.store;
    this.logger = options.logger;
    this.runAnalysis = options.runAnalysis ?? runAnalysisInWorker;
    this.pseudonymKey = options.pseudonymKey ?? null;
    this.keepFinished = options.keepFinished ?? 200;
    this.setMaxListeners(0);
  }

  /** Queues a job; it starts once the jobs before it have finished. */
  submit(submitted: SubmitJob): Job {
    if (this.closed) throw new JobQueueClosedError();
    const job: Job = {
      id: submitted.id,
      name: submitted.name,
      status: 'queued',
      stage: 'queued',
      progress: null,
      createdBy: submitted.createdBy,
      createdAt: new Date().toISOString(),
      startedAt: null,
      finishedAt: null,
      mapId: null,
      rejected: 0,
      error: null,
    };
    this.jobs.set(job.id, job);
    this.waiting.push({ ...submitted, job });
    this.forgetOldJobs();
    this.runNext();
    return { ...job };
  }

  get(id: string): Job | undefined {
    const job = this.jobs.get(id);
    return job && { ...job };
  }

  /** Resolves with the job once it has succeeded or failed. */
  async whenFinished(id: string): Promise<Job> {
    const job = this.get(id);
    if (!job) throw new Error(`no job ${id}`);
    if (isFinished(job)) return job;
    return new Promise((resolve) => {
      const listener = (update: Job) => {
        if (update.id !== id || !isFinished(update)) return;
        this.off('update', listener);
        resolve(update);
      };
      this.on('update', listener);
    });
  }

  /** Stops taking jobs, fails the queued ones and waits for the running one. */
  async close(): Promise<void> {
    this.closed = true;
    for (const queued of this.waiting.splice(0)) {
      this.finish(queued.job, {
        error: { code: 'CANCELLED', message: 'the server stopped', details: [] },
      });
      await rm(queued.uploadDir, { recursive: true, force: true });
    }
    await this.running;
  }

  private runNext(): void {
    if (this.running || this.closed) return;
    const next = this.waiting.shift();
    if (!next) return;
    this.running = this.run(next).finally(() => {
      this.running = null;
      this.runNext();
    });
  }

  private async run(queued: QueuedJob): Promise<void> {
    const { job } = queued;
    this.update(job, { status: 'running', startedAt: new Date().toISOString(), stage: 'loading' });
    try {
      const result = await this.runAnalysis(
        queued.files,
        queued.options,
        (progress) => {
          this.update(job, {
            stage: progress.stage satisfies AnalysisJobStage,
            progress:
              progress.done !== undefined && progress.total !== undefined
                ? { done: progress.done, total: progress.total }
                : null,
          });
        },
        { by: job.createdBy, pseudonymKey: this.pseudonymKey },
      );
      this.update(job, { stage: 'saving', progress: null, rejected: result.rejected });
      const map = await this.save(job, result);
      this.finish(job, { mapId: map.id });
    } catch (error) {
      const failure = toJobFailure(error);
      if (failure.code === 'INTERNAL') {
        this.logger?.error({ err: error, jobId: job.id }, 'analysis job failed');
      }
      this.finish(job, { error: failure });
    } finally {
      await rm(queued.uploadDir, { recursive: true, force: true });
    }
  }

  private save(job: Job, { graph, listening }: AnalysisResult) {
    return this.store.saveMap(
      { name: job.name, graph, ...(listening && { listening }) },
      {
        onProgress: ({ done, total }) => this.update(job, { progress: { done, total } }),
      },
    );
  }

  private finish(job: Job, outcome: { mapId: string } | { error: JobFailure }): void {
    this.update(job, {
      ...outcome,
      status: 'mapId' in outcome ? 'succeeded' : 'failed',
      stage: 'done',
      progress: null,
      finishedAt: new Date().toISOString(),
    });
  }

  private update(job: Job, changes: Partial<Job>): void {
    Object.assign(job, changes);
    this.emit('update', { ...job });
  }

  private forgetOldJobs(): void {
    const finished = [...this.jobs.values()].filter(isFinished);
    for (const job of finished.slice(0, Math.max(0, finished.length - this.keepFinished))) {
      this.jobs.delete(job.id);
    }
  }
}

/** A job submitted while the server stops. */
export class JobQueueClosedError extends Error {
  readonly code = 'SHUTTING_DOWN';
  constructor() {
    super('the server is stopping; send the upload again once it is back');
    this.name = 'JobQueueClosedError';
  }
}

export function isFinished(job: Job): boolean {
  return job.status === 'succeeded' || job.status === 'failed';
}

function toJobFailure(error: unknown): JobFailure {
  if (error instanceof AnalysisError) return error.failure;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'INVALID_INPUT') {
    return {
      code: 'INVALID_MAP',
      message: (error as Error).message,
      details: (error as { problems?: unknown[] }).problems ?? [],
    };
  }
  if (code === 'STORE_UNAVAILABLE') {
    return { code, message: 'the map store is unavailable; try again later', details: [] };
  }
  return describeAnalysisError(error);
}
