// Jobs across restarts, against a real store: a queue stopped or abandoned mid-job, then a new queue
// (and a new store connection) on the same folders that takes the jobs back. Run on the embedded
// store and on Neo4j (job-queue.test.ts).
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { type AnalysisOptions, analysisOptionsSchema } from '@kolmap/core';
import { type Logger, pino } from 'pino';
import { writeJsonRecords } from '../../src/http/upload.js';
import { analyseDataset, type Job, JobQueue, type MapStore } from '../../src/index.js';
import { AnalysisError, describeAnalysisError } from '../../src/jobs/analysis-error.js';
import type { RunAnalysis } from '../../src/jobs/run-analysis.js';
import { newId } from '../../src/store/map-store.js';

/** A new connection to the same store each call: what a restarted server opens. */
export type ReopenStore = (dataDir: string) => Promise<MapStore>;

const silent = pino({ level: 'silent' });
const options: AnalysisOptions = analysisOptionsSchema.parse({ layout: false });

const RECORDS = [
  { kind: 'account', platform: 'x', id: 'u1', name: 'Dr Alice Martin', actorType: 'hcp' },
  { kind: 'account', platform: 'x', id: 'u2', name: 'Bob' },
  { kind: 'account', platform: 'x', id: 'u3', name: 'Chloé' },
  { kind: 'interaction', platform: 'x', type: 'repost', source: 'u2', target: 'u1' },
  { kind: 'interaction', platform: 'x', type: 'reply', source: 'u3', target: 'u1' },
  { kind: 'interaction', platform: 'x', type: 'mention', source: 'u1', target: 'u3' },
];

/** The analysis in this thread (faster than a worker), failing as the worker does. */
const analyse: RunAnalysis = (...args) =>
  analyseDataset(...args).catch((error: unknown) => {
    throw new AnalysisError(describeAnalysisError(error));
  });

/** An analysis that starts, says so, and goes on only when released (never, for a "killed" server). */
function heldAnalysis(): { run: RunAnalysis; started: Promise<void>; release(): void } {
  let started: () => void = () => undefined;
  let release: () => void = () => undefined;
  const startedPromise = new Promise<void>((resolve) => {
    started = resolve;
  });
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    started: startedPromise,
    release,
    run: async (...args) => {
      started();
      await released;
      return analyse(...args);
    },
  };
}

/** A logger whose warnings are collected. */
function collectingLogger(): { logger: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: pino({ level: 'warn' }, stream), lines };
}

export function describeJobRestarts(name: string, reopenStore: ReopenStore): void {
  describe(`jobs across restarts: ${name}`, () => {
    let dataDir: string;
    let jobsDir: string;
    const stores: MapStore[] = [];
    const created: string[] = [];

    beforeEach(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'kolmap-jobs-'));
      jobsDir = join(dataDir, 'jobs');
    });

    afterEach(async () => {
      const store = await open();
      for (const id of created.splice(0)) await store.maps.delete(id).catch(() => undefined);
      for (const opened of stores.splice(0)) await opened.close().catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    });

    async function open(): Promise<MapStore> {
      const store = await reopenStore(dataDir);
      stores.push(store);
      return store;
    }

    /** An upload of RECORDS in this test's uploads folder, as the API writes it. */
    async function upload(mapName: string) {
      const id = newId();
      const uploadDir = join(dataDir, 'uploads', id);
      const { files } = await writeJsonRecords(RECORDS, uploadDir);
      return { id, name: mapName, files, uploadDir, options, createdBy: 'alice' };
    }

    async function finished(queue: JobQueue, id: string): Promise<Job> {
      const job = await queue.whenFinished(id);
      if (job.mapId) created.push(job.mapId);
      return job;
    }

    it('runs again, in their order, the jobs a killed server was running and had queued', async () => {
      const held = heldAnalysis();
      const before = await JobQueue.open({ store: await open(), runAnalysis: held.run }, jobsDir);
      const first = await before.submit(await upload(`restarted ${name} 1`));
      const second = await before.submit(await upload(`restarted ${name} 2`));
      await held.started;
      expect(before.get(first.id)).toMatchObject({ status: 'running', stage: 'loading' });
      // The server is killed here: the held analysis never ends, nothing more is written.

      const order: string[] = [];
      const after = await JobQueue.open(
        {
          store: await open(),
          runAnalysis: (files, ...rest) => {
            order.push(files[0] as string);
            return analyse(files, ...rest);
          },
        },
        jobsDir,
      );
      for (const job of [first, second]) {
        expect(after.get(job.id)).toMatchObject({ restarts: 1, createdBy: 'alice' });
      }
      const done = [await finished(after, first.id), await finished(after, second.id)];
      expect(order.map((file) => basename(dirname(file)))).toEqual([first.id, second.id]);
      const store = await open();
      for (const [index, job] of done.entries()) {
        expect(job).toMatchObject({ status: 'succeeded', restarts: 1, error: null });
        const map = await store.maps.get(job.mapId as string);
        expect(map).toMatchObject({ name: `restarted ${name} ${index + 1}`, status: 'ready' });
        expect(map.counts.accounts).toBe(3);
      }
      await after.close();
      expect(await readdir(join(dataDir, 'uploads'))).toEqual([]);
    });

    it('deletes the map a killed save left building, and saves the job’s map again', async () => {
      const store = await open();
      let cut: (mapId: string) => void = () => undefined;
      const cutAt = new Promise<string>((resolve) => {
        cut = resolve;
      });
      let end: () => void = () => undefined;
      const ended = new Promise<void>((resolve) => {
        end = resolve;
      });
      // The real store, whose save stops at its first progress report, as soon as the map exists and
      // before anything of it is written (the process dies there), until the test ends: only then
      // does it fail, so that the store can close.
      const dying: MapStore = Object.create(store, {
        maps: {
          value: Object.create(store.maps, {
            save: {
              value: (...[input, saving]: Parameters<MapStore['maps']['save']>) =>
                store.maps.save(input, {
                  onProgress: async (progress) => {
                    await saving?.onProgress?.(progress);
                    cut(progress.mapId);
                    await ended;
                    throw new Error('the server was killed');
                  },
                }),
            },
          }),
        },
      });
      const before = await JobQueue.open({ store: dying, runAnalysis: analyse }, jobsDir);
      const job = await before.submit(await upload(`cut ${name}`));
      const building = await cutAt;
      expect(before.get(job.id)).toMatchObject({ status: 'running', stage: 'saving' });
      expect((await store.maps.get(building, { anyStatus: true })).status).toBe('building');

      const after = await JobQueue.open({ store: await open(), runAnalysis: analyse }, jobsDir);
      const again = await finished(after, job.id);
      expect(again).toMatchObject({ status: 'succeeded', restarts: 1 });
      expect(again.mapId).not.toBe(building);
      const reader = await open();
      await expect(reader.maps.get(building, { anyStatus: true })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      const names = (await reader.maps.list({ includeBuilding: true })).map((map) => map.name);
      expect(names.filter((mapName) => mapName === `cut ${name}`)).toHaveLength(1);
      await after.close();
      end();
      await before.close();
    });

    it('finishes, without running it again, a job whose map was saved just before the kill', async () => {
      const queue = await JobQueue.open({ store: await open(), runAnalysis: analyse }, jobsDir);
      const saved = await finished(queue, (await queue.submit(await upload(`saved ${name}`))).id);
      await queue.close();
      // What a kill between the store's last write and the job's leaves: a ready map, a running job.
      const file = join(jobsDir, `${saved.id}.json`);
      const record = JSON.parse(await readFile(file, 'utf8'));
      const running = {
        ...saved,
        status: 'running',
        stage: 'saving',
        mapId: null,
        finishedAt: null,
      };
      await writeFile(file, JSON.stringify({ ...record, job: running, savingMapId: saved.mapId }));

      const runs: string[][] = [];
      const runAnalysis: RunAnalysis = (files, ...rest) => {
        runs.push(files);
        return analyse(files, ...rest);
      };
      const after = await JobQueue.open({ store: await open(), runAnalysis }, jobsDir);
      expect(after.get(saved.id)).toMatchObject({
        status: 'succeeded',
        mapId: saved.mapId,
        restarts: 1,
      });
      expect(runs).toEqual([]);
      await after.close();
    });

    it('keeps the latest finished jobs readable after a restart, and forgets older ones on disk too', async () => {
      const queue = await JobQueue.open(
        { store: await open(), runAnalysis: analyse, keepFinished: 2 },
        jobsDir,
      );
      const jobs: Job[] = [];
      for (const index of [1, 2, 3]) {
        const submitted = await queue.submit(await upload(`kept ${name} ${index}`));
        jobs.push(await finished(queue, submitted.id));
      }
      const bad = await upload(`bad ${name}`);
      await writeFile(
        bad.files[0] as string,
        '{"kind":"account","platform":"x","id":"u1","followers":-5}\n',
      );
      jobs.push(await queue.whenFinished((await queue.submit(bad)).id));
      await queue.close();
      // Forgotten when the fourth was submitted: the first two (keepFinished 2 counts the finished).
      expect((await readdir(jobsDir)).sort()).toEqual(
        jobs
          .slice(2)
          .map(({ id }) => `${id}.json`)
          .sort(),
      );

      const after = await JobQueue.open({ store: await open(), keepFinished: 2 }, jobsDir);
      expect(after.get(jobs[0]?.id as string)).toBeUndefined();
      expect(after.get(jobs[2]?.id as string)).toEqual(jobs[2]);
      expect(after.get(jobs[3]?.id as string)).toMatchObject({
        status: 'failed',
        restarts: 0,
        error: {
          code: 'INVALID_INPUT',
          details: [expect.objectContaining({ line: 1, field: 'followers' })],
        },
      });
      await after.close();
    });

    it('fails a job whose upload is gone, saying to upload again', async () => {
      const held = heldAnalysis();
      const before = await JobQueue.open({ store: await open(), runAnalysis: held.run }, jobsDir);
      const submitted = await upload(`lost ${name}`);
      const job = await before.submit(submitted);
      await held.started;
      await rm(submitted.uploadDir, { recursive: true });

      const after = await JobQueue.open({ store: await open(), runAnalysis: analyse }, jobsDir);
      const lost = after.get(job.id);
      expect(lost).toMatchObject({
        status: 'failed',
        stage: 'done',
        restarts: 1,
        mapId: null,
        error: {
          code: 'UPLOAD_LOST',
          message: expect.stringContaining('upload the dataset again'),
        },
      });
      await after.close();
      const later = await JobQueue.open({ store: await open() }, jobsDir);
      expect(later.get(job.id)).toEqual(lost);
      await later.close();
    });

    it('stops running a job the server was killed during at each of its runs', async () => {
      const killed = heldAnalysis();
      const first = await JobQueue.open(
        { store: await open(), runAnalysis: killed.run, maxAttempts: 2 },
        jobsDir,
      );
      const poison = await first.submit(await upload(`poison ${name}`));
      const behind = await first.submit(await upload(`behind ${name}`));
      await killed.started;
      const killedAgain = heldAnalysis();
      await JobQueue.open(
        { store: await open(), runAnalysis: killedAgain.run, maxAttempts: 2 },
        jobsDir,
      );
      await killedAgain.started;

      const last = await JobQueue.open(
        { store: await open(), runAnalysis: analyse, maxAttempts: 2 },
        jobsDir,
      );
      expect(last.get(poison.id)).toMatchObject({
        status: 'failed',
        restarts: 2,
        error: { code: 'INTERRUPTED' },
      });
      expect(await finished(last, behind.id)).toMatchObject({ status: 'succeeded', restarts: 2 });
      await last.close();
      expect(await readdir(join(dataDir, 'uploads'))).toEqual([]);
    });

    it('logs and skips the records it cannot read', async () => {
      const queue = await JobQueue.open({ store: await open(), runAnalysis: analyse }, jobsDir);
      const good = await finished(queue, (await queue.submit(await upload(`good ${name}`))).id);
      await queue.close();
      const record = JSON.parse(await readFile(join(jobsDir, `${good.id}.json`), 'utf8'));
      const other = newId();
      await writeFile(join(jobsDir, `${newId()}.json`), '{"sequence": 3, "job": {"id": "x"');
      await writeFile(
        join(jobsDir, `${other}.json`),
        JSON.stringify({ ...record, job: { ...record.job, id: other, status: 'paused' } }),
      );
      await writeFile(join(jobsDir, `${good.id}.json.0a1b2c.tmp`), '{"half');

      const { logger, lines } = collectingLogger();
      const after = await JobQueue.open({ store: await open(), logger }, jobsDir);
      expect(after.get(good.id)).toEqual(good);
      expect(after.get(other)).toBeUndefined();
      const skipped = lines.filter((line) => line.msg === 'job record unreadable: skipped');
      expect(skipped.map((line) => line.file).sort()).toEqual(
        (await readdir(jobsDir))
          .filter((file) => file !== `${good.id}.json`)
          .map((file) => join(jobsDir, file))
          .sort(),
      );
      expect(skipped.map((line) => line.reason)).toEqual(
        expect.arrayContaining([expect.stringContaining('job.status')]),
      );
      expect(await readdir(jobsDir)).not.toContain(`${good.id}.json.0a1b2c.tmp`);
      await after.close();
    });

    it('stops gracefully: the running job ends, queued jobs wait for the next start', async () => {
      const held = heldAnalysis();
      const before = await JobQueue.open({ store: await open(), runAnalysis: held.run }, jobsDir);
      const running = await before.submit(await upload(`graceful ${name} 1`));
      const queued = await before.submit(await upload(`graceful ${name} 2`));
      await held.started;
      const waiting = before.whenFinished(queued.id);
      const closing = before.close();
      await expect(waiting).rejects.toMatchObject({ code: 'SHUTTING_DOWN' });
      await expect(before.submit(await upload('too late'))).rejects.toMatchObject({
        code: 'SHUTTING_DOWN',
      });
      held.release();
      await closing;
      expect(before.get(running.id)).toMatchObject({ status: 'succeeded', restarts: 0 });
      created.push(before.get(running.id)?.mapId as string);
      expect(before.get(queued.id)).toMatchObject({ status: 'queued' });

      const after = await JobQueue.open({ store: await open(), runAnalysis: analyse }, jobsDir);
      expect(after.get(running.id)).toEqual(before.get(running.id));
      expect(await finished(after, queued.id)).toMatchObject({ status: 'succeeded', restarts: 1 });
      await after.close();
      expect(await readdir(join(dataDir, 'uploads'))).toEqual([]);
    });
  });
}
