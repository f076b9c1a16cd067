// The jobs kept on disk (KOLMAP_DATA_DIR/jobs): one JSON file per job, each written atomically, so
// that a server started again finds the jobs of the one before, finished or not.
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { type AnalysisOptions, analysisOptionsSchema, writeFileAtomic } from '@kolmap/core';
import { jobSchema } from '@kolmap/model';
import { z } from 'zod';
import type { Job } from './job.js';

/** What a restarted server needs to answer for a job and to run it again. */
export interface JobRecord {
  /** Rank of the job among all jobs submitted: the order jobs are queued again in. */
  sequence: number;
  job: Job;
  /** Folder of the uploaded files, kept until the job ends. */
  uploadDir: string;
  files: string[];
  options: AnalysisOptions;
  /** Times the job's run started (a restart finds a job `running` when its run was cut short). */
  attempts: number;
  /** The map the store was saving for the job (status `building` until the save ends), once known. */
  savingMapId: string | null;
}

/** A record that could not be read, and why. */
export interface UnreadableJobRecord {
  file: string;
  reason: string;
}

// Paths are kept relative to the records' folder, so that the data folder may move between runs.
const recordSchema = z.object({
  sequence: z.number().int().nonnegative(),
  job: jobSchema,
  uploadDir: z.string(),
  files: z.array(z.string()),
  options: analysisOptionsSchema,
  attempts: z.number().int().nonnegative(),
  savingMapId: z.string().nullable(),
});

export class JobRecords {
  /** `dir`: the folder of the records, created on the first write. */
  constructor(readonly dir: string) {}

  /** Writes the record of `record.job` (temporary file, fsync, rename): never seen half-written. */
  async save(record: JobRecord): Promise<void> {
    const stored = {
      ...record,
      uploadDir: relative(this.dir, record.uploadDir),
      files: record.files.map((file) => relative(this.dir, file)),
    };
    await writeFileAtomic(this.file(record.job.id), `${JSON.stringify(stored)}\n`);
  }

  async remove(jobId: string): Promise<void> {
    await rm(this.file(jobId), { force: true });
  }

  /**
   * Every record of the folder, in the order the jobs were submitted, and those that cannot be read
   * (left in place for an admin to look at). Temporary files of writes a stop cut short are removed.
   */
  async load(): Promise<{ records: JobRecord[]; unreadable: UnreadableJobRecord[] }> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        return { records: [], unreadable: [] };
      throw error;
    }
    const records: JobRecord[] = [];
    const unreadable: UnreadableJobRecord[] = [];
    for (const name of names) {
      const file = join(this.dir, name);
      if (name.endsWith('.tmp')) {
        await rm(file, { force: true });
        continue;
      }
      if (!name.endsWith('.json')) continue;
      const read = await this.read(file);
      if ('reason' in read) unreadable.push(read);
      else records.push(read);
    }
    records.sort((a, b) => a.sequence - b.sequence);
    return { records, unreadable };
  }

  private async read(file: string): Promise<JobRecord | UnreadableJobRecord> {
    let content: unknown;
    try {
      content = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      return { file, reason: (error as Error).message };
    }
    const parsed = recordSchema.safeParse(content);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { file, reason: `${issue?.path.join('.')}: ${issue?.message}` };
    }
    const { job, uploadDir, files } = parsed.data;
    // The id names the file a later write replaces or removes: it must be this file.
    if (this.file(job.id) !== file) {
      return { file, reason: `job.id: ${job.id} is not the job of this file` };
    }
    return {
      ...parsed.data,
      job: job as Job,
      uploadDir: resolve(this.dir, uploadDir),
      files: files.map((path) => resolve(this.dir, path)),
    };
  }

  private file(jobId: string): string {
    return join(this.dir, `${jobId}.json`);
  }
}
