// Analysis jobs: an upload becomes a job that analyses the files (one job at a time, in a child
// process) and saves the map. Opened on a folder (JobQueue.open), the queue keeps every job there, so
// that a restart loses none: finished jobs stay readable, and jobs that were queued or running are
// queued again in their order and run from the start (the analysis is deterministic).
import { EventEmitter } from 'node:events';
import { access, rm } from 'node:fs/promises';
import type { AnalysisOptions, InputLimits, PipelineStage } from '@kolmap/core';
import type { Logger } from 'pino';
import { defaultJobMemoryMb } from '../config.js';
import type { MapStore } from '../store/map-store.js';
import type { AnalysisResult } from './analyse-dataset.js';
import { AnalysisError, describeAnalysisError } from './analysis-error.js';
import { isFinished, type Job, type JobFailure } from './job.js';
import { type JobRecord, JobRecords } from './job-records.js';
import { analysisInChildProcess, type RunAnalysis } from './run-analysis.js';

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
  /** Default: each analysis in a child process with a heap of defaultJobMemoryMb(). */
  runAnalysis?: RunAnalysis;
  /** Secret of privacy-mode pseudonyms (config KOLMAP_PSEUDONYM_KEY). Default none. */
  pseudonymKey?: string | null;
  /** Bounds of every load (config KOLMAP_MAX_*). Default core's DEFAULT_INPUT_LIMITS. */
  limits?: Partial<InputLimits>;
  /** Finished jobs kept for clients to read (older ones are forgotten, on disk too). Default 200. */
  keepFinished?: number;
  /**
   * Runs of a job the server may be stopped during (killed, crashed) before the job fails with
   * INTERRUPTED instead of running again: a job that crashes the server must not do so forever.
   * Default 3.
   */
  maxAttempts?: number;
}

/** Emits `update` with a copy of a job each time it changes. */
export class JobQueue extends EventEmitter<{ update: [Job]; closed: [] }> {
  private readonly store: MapStore;
  private readonly logger: Logger | undefined;
  private readonly runAnalysis: RunAnalysis;
  private readonly pseudonymKey: string | null;
  private readonly limits: Partial<InputLimits> | undefined;
  private readonly keepFinished: number;
  private readonly maxAttempts: number;
  private sweeping: NodeJS.Timeout | null = null;
  private readonly jobs = new Map<string, Job>();
  private readonly waiting: JobRecord[] = [];
  private records: JobRecords | null = null;
  /** Record writes, one after the other, so that an older state never lands after a newer one. */
  private writing: Promise<void> = Promise.resolve();
  private nextSequence = 0;
  private running: Promise<void> | null = null;
  private current: JobRecord | null = null;
  private closed = false;

  /** A queue whose jobs live in this process's memory only; see JobQueue.open to keep them. */
  constructor(options: JobQueueOptions) {
    super();
    this.store = options.store;
    this.logger = options.logger;
    this.runAnalysis =
      options.runAnalysis ?? analysisInChildProcess({ memoryMb: defaultJobMemoryMb() });
    this.pseudonymKey = options.pseudonymKey ?? null;
    this.limits = options.limits;
    this.keepFinished = options.keepFinished ?? 200;
    this.maxAttempts = options.maxAttempts ?? 3;
    this.setMaxListeners(0);
  }

  /**
   * A queue that keeps its jobs in `dir` (one JSON file per job) and takes back those an earlier
   * queue left there:
   * - finished jobs stay readable (the latest `keepFinished`);
   * - jobs that were queued or running are queued again, in the order they were submitted, with
   *   `restarts` counting up; their analysis starts over;
   * - a job whose upload is gone fails with UPLOAD_LOST, one that was running at each of its
   *   `maxAttempts` runs with INTERRUPTED;
   * - the map an interrupted save left `building` is deleted; one whose save had ended (`ready`)
   *   finishes the job;
   * - a record that cannot be read is logged and skipped.
   */
  static async open(options: JobQueueOptions, dir: string): Promise<JobQueue> {
    const queue = new JobQueue(options);
    queue.records = new JobRecords(dir);
    await queue.takeBack(queue.records);
    return queue;
  }

  /**
   * Sweeps abandoned maps now (see sweepAbandonedMaps), then every `intervalMs` until the queue
   * closes. For the server, which is the only writer of its store.
   */
  async startSweeping(intervalMs: number): Promise<void> {
    await this.sweepAbandonedMaps();
    if (this.closed || this.sweeping) return;
    this.sweeping = setInterval(() => void this.sweepAbandonedMaps(), intervalMs);
    this.sweeping.unref();
  }

  /**
   * Deletes the maps of the store left `building` by a save that is not running: a save that
   * failed while the store was down (its cleanup failed too) or a server that died mid-save. Only
   * while no job of this queue is saving, and only safe when this queue's server is the only one
   * writing to the store (as documented): a save that starts during the sweep creates a map the
   * sweep did not list. Store errors are logged; the next sweep tries again. Gives the ids deleted.
   */
  async sweepAbandonedMaps(): Promise<string[]> {
    if (this.closed || this.current?.job.stage === 'saving') return [];
    const deleted: string[] = [];
    try {
      const maps = await this.store.maps.list({ includeBuilding: true });
      for (const map of maps) {
        if (map.status !== 'building') continue;
        await this.store.maps.delete(map.id);
        deleted.push(map.id);
      }
    } catch (error) {
      this.logger?.warn({ err: error }, 'abandoned maps not swept; the next sweep tries again');
    }
    if (deleted.length > 0) this.logger?.info({ maps: deleted }, 'abandoned building maps deleted');
    return deleted;
  }

  /** Queues a job, kept on disk before this resolves; it starts once the jobs before it have ended. */
  async submit(submitted: SubmitJob): Promise<Job> {
    if (this.closed) {
      await rm(submitted.uploadDir, { recursive: true, force: true });
      throw new JobQueueClosedError();
    }
    const { id, name, createdBy, files, uploadDir, options } = submitted;
    const job: Job = {
      id,
      name,
      status: 'queued',
      stage: 'queued',
      progress: null,
      createdBy,
      createdAt: new Date().toISOString(),
      startedAt: null,
      finishedAt: null,
      mapId: null,
      rejected: 0,
      error: null,
      restarts: 0,
    };
    const queued: JobRecord = {
      sequence: this.nextSequence++,
      job,
      files,
      uploadDir,
      options,
      attempts: 0,
      savingMapId: null,
    };
    try {
      await this.write((records) => records.save(queued));
    } catch (error) {
      await rm(uploadDir, { recursive: true, force: true });
      throw error;
    }
    this.jobs.set(id, job);
    this.waiting.push(queued);
    this.runNext();
    return { ...job };
  }

  get(id: string): Job | undefined {
    const job = this.jobs.get(id);
    return job && { ...job };
  }

  /** The upload folders of the jobs not finished yet (every other upload folder is stray). */
  uploadDirs(): string[] {
    return this.waiting.map(({ uploadDir }) => uploadDir).concat(this.current?.uploadDir ?? []);
  }

  /**
   * Resolves with the job once it has succeeded or failed. Rejects with JobQueueClosedError when
   * the queue closes before the job has run (a kept job then runs at the next start).
   */
  async whenFinished(id: string): Promise<Job> {
    const job = this.get(id);
    if (!job) throw new Error(`no job ${id}`);
    if (isFinished(job)) return job;
    return new Promise((resolve, reject) => {
      const listener = (update: Job) => {
        if (update.id !== id || !isFinished(update)) return;
        stop();
        resolve(update);
      };
      const closed = () => {
        if (this.current?.job.id === id) return;
        stop();
        const kept = this.records ? '; the job is kept and runs once the server is back' : '';
        reject(new JobQueueClosedError(`the server is stopping before job ${id} could run${kept}`));
      };
      const stop = () => {
        this.off('update', listener);
        this.off('closed', closed);
      };
      this.on('update', listener);
      this.on('closed', closed);
      // Submitted while the queue was closing: it will not run in this process.
      if (this.closed) closed();
    });
  }

  /**
   * Stops taking jobs and waits for the running one to end. Queued jobs stay queued: a queue
   * opened on the same folder runs them.
   */
  async close(): Promise<void> {
    this.closed = true;
    if (this.sweeping) clearInterval(this.sweeping);
    this.emit('closed');
    await this.running;
    await this.writing;
  }

  private runNext(): void {
    if (this.running || this.closed) return;
    const next = this.waiting.shift();
    if (!next) return;
    this.current = next;
    this.running = this.run(next).finally(() => {
      this.current = null;
      this.running = null;
      this.runNext();
    });
  }

  private async run(queued: JobRecord): Promise<void> {
    const { job } = queued;
    this.update(job, { status: 'running', startedAt: new Date().toISOString(), stage: 'loading' });
    queued.attempts++;
    await this.keep(queued);
    try {
      const result = await this.runAnalysis(
        queued.files,
        queued.options,
        (progress) => {
          this.update(job, {
            stage: progress.stage satisfies PipelineStage,
            progress:
              progress.done !== undefined && progress.total !== undefined
                ? { done: progress.done, total: progress.total }
                : null,
          });
        },
        {
          by: job.createdBy,
          pseudonymKey: this.pseudonymKey,
          ...(this.limits && { limits: this.limits }),
        },
      );
      this.update(job, { stage: 'saving', progress: null, rejected: result.rejected });
      const map = await this.save(queued, result);
      this.finish(job, { mapId: map.id });
    } catch (error) {
      const failure = toJobFailure(error, queued.files);
      if (failure.code === 'INTERNAL') {
        this.logger?.error({ err: error, jobId: job.id }, 'analysis job failed');
      }
      this.finish(job, { error: failure });
    }
    // The record first: a stop between the two leaves a stray folder, never a job without its upload.
    await this.keep(queued);
    await rm(queued.uploadDir, { recursive: true, force: true });
    await this.forgetOldJobs();
  }

  private save(queued: JobRecord, { graph, listening }: AnalysisResult) {
    const { job } = queued;
    return this.store.maps.save(
      { name: job.name, graph, ...(listening && { listening }) },
      {
        onProgress: async ({ mapId, done, total }) => {
          this.update(job, { progress: { done, total } });
          if (queued.savingMapId === mapId) return;
          // Reported as soon as the map exists: a restart deletes the map this save leaves `building`.
          queued.savingMapId = mapId;
          await this.keep(queued);
        },
      },
    );
  }

  /** Reads the jobs of `records` back: see JobQueue.open. */
  private async takeBack(records: JobRecords): Promise<void> {
    const { records: kept, unreadable } = await records.load();
    for (const { file, reason } of unreadable) {
      this.logger?.warn({ file, reason }, 'job record unreadable: skipped');
    }
    for (const record of kept) {
      const { job } = record;
      this.jobs.set(job.id, job);
      this.nextSequence = Math.max(this.nextSequence, record.sequence + 1);
      if (isFinished(job)) continue;
      job.restarts++;
      const mapId = await this.endInterruptedSave(record);
      record.savingMapId = null;
      if (mapId !== null) {
        this.finish(job, { mapId });
      } else if (job.status === 'running' && record.attempts >= this.maxAttempts) {
        this.finish(job, {
          error: {
            code: 'INTERRUPTED',
            message: `the server stopped each of the ${record.attempts} times this job ran, so it is not run again: the upload may need more memory than the server has`,
            details: [],
          },
        });
      } else if (!(await uploadIsThere(record))) {
        this.finish(job, {
          error: {
            code: 'UPLOAD_LOST',
            message:
              'the server restarted and the uploaded files of this job are gone: upload the dataset again',
            details: [],
          },
        });
      } else {
        Object.assign(job, {
          status: 'queued',
          stage: 'queued',
          progress: null,
          startedAt: null,
          rejected: 0,
        } satisfies Partial<Job>);
        this.waiting.push(record);
      }
      await this.keep(record);
      if (isFinished(job)) await rm(record.uploadDir, { recursive: true, force: true });
    }
    this.logger?.info(
      { finished: kept.length - this.waiting.length, queued: this.waiting.length },
      'jobs taken back',
    );
    await this.forgetOldJobs();
    this.runNext();
  }

  /**
   * Deletes the map the job's save left `building`. Gives the map's id when its save had ended
   * (`ready`): only the job's record missed it. A store error is logged and the map left as it is
   * (hidden while `building`).
   */
  private async endInterruptedSave({ job, savingMapId }: JobRecord): Promise<string | null> {
    if (savingMapId === null) return null;
    try {
      const map = await this.store.maps.get(savingMapId, { anyStatus: true });
      if (map.status === 'ready') return map.id;
      if (map.status === 'building') await this.store.maps.delete(savingMapId);
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'NOT_FOUND') {
        this.logger?.warn(
          { err: error, jobId: job.id, mapId: savingMapId },
          'the map of an interrupted save could not be deleted',
        );
      }
    }
    return null;
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

  /**
   * Writes the job's record. A failed write is logged, not thrown: the job goes on, and only a
   * restart would miss the change.
   */
  private async keep(queued: JobRecord): Promise<void> {
    await this.write((records) => records.save(queued)).catch((error) =>
      this.logger?.error({ err: error, jobId: queued.job.id }, 'job record not written'),
    );
  }

  private write(action: (records: JobRecords) => Promise<void>): Promise<void> {
    const { records } = this;
    if (!records) return Promise.resolve();
    const written = this.writing.then(() => action(records));
    this.writing = written.catch(() => undefined);
    return written;
  }

  private async forgetOldJobs(): Promise<void> {
    const finished = [...this.jobs.values()].filter(isFinished);
    for (const job of finished.slice(0, Math.max(0, finished.length - this.keepFinished))) {
      this.jobs.delete(job.id);
      await this.write((records) => records.remove(job.id)).catch((error) =>
        this.logger?.error({ err: error, jobId: job.id }, 'job record not removed'),
      );
    }
  }
}

/** A job submitted, or waited for, while the server stops. */
export class JobQueueClosedError extends Error {
  readonly code = 'SHUTTING_DOWN';
  constructor(message = 'the server is stopping; send the upload again once it is back') {
    super(message);
    this.name = 'JobQueueClosedError';
  }
}

/** Whether the upload folder and every file of the job are still there. */
async function uploadIsThere({ uploadDir, files }: JobRecord): Promise<boolean> {
  try {
    await Promise.all([uploadDir, ...files].map((path) => access(path)));
    return true;
  } catch {
    return false;
  }
}

function toJobFailure(error: unknown, files: readonly string[]): JobFailure {
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
  return describeAnalysisError(error, files);
}
