// A job whose analysis needs more memory than KOLMAP_JOB_MEMORY_MB fails with TOO_LARGE naming the
// limit, and the server goes on: it answers, runs the next job, and keeps no part of the failed map.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { type RunningServer, startServer } from '../../src/index.js';

const JOB_MEMORY_MB = 64;

interface JobBody {
  id: string;
  status: string;
  mapId: string | null;
  error: { code: string; message: string; details: Array<{ field?: string }> } | null;
}

/** An edge list of `pairs` distinct pairs among 50,000 accounts, as a multipart upload. */
function edgeListUpload(name: string, pairs: number): FormData {
  const lines = ['source,target'];
  for (let i = 0; i < pairs; i++) lines.push(`a${i % 50_000},a${(i * 7919 + 13) % 50_000}`);
  const form = new FormData();
  form.append('name', name);
  form.append('options', JSON.stringify({ layout: false }));
  form.append('file', new Blob([`${lines.join('\n')}\n`]), 'edges.csv');
  return form;
}

describe(`a job beyond KOLMAP_JOB_MEMORY_MB=${JOB_MEMORY_MB}`, () => {
  let dataDir: string;
  let server: RunningServer;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kolmap-job-memory-'));
    server = await startServer({
      env: {
        KOLMAP_DATA_DIR: dataDir,
        PORT: '0',
        KOLMAP_RATE_LIMIT: '0',
        KOLMAP_DEMO: 'false',
        KOLMAP_JOB_MEMORY_MB: String(JOB_MEMORY_MB),
      },
      logger: pino({ level: 'silent' }),
    });
  });

  afterAll(async () => {
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const api = (path: string, init?: RequestInit) => fetch(`${server.url}/api/v1${path}`, init);

  async function finished(jobId: string): Promise<JobBody> {
    for (;;) {
      const job = (await (await api(`/jobs/${jobId}`)).json()) as JobBody;
      if (job.status === 'succeeded' || job.status === 'failed') return job;
      await new Promise((done) => setTimeout(done, 100));
    }
  }

  it('fails with TOO_LARGE naming the limit; the server answers, runs the next job, keeps nothing', async () => {
    const before = await server.store.maps.list({ includeBuilding: true });

    const accepted = await api('/maps?wait=false', {
      method: 'POST',
      body: edgeListUpload('too large', 200_000),
    });
    expect(accepted.status).toBe(202);
    const { job } = (await accepted.json()) as { job: JobBody };
    const failed = await finished(job.id);
    expect(failed.status).toBe('failed');
    expect(failed.mapId).toBeNull();
    expect(failed.error?.code).toBe('TOO_LARGE');
    expect(failed.error?.message).toContain(`${JOB_MEMORY_MB} MB`);
    expect(failed.error?.message).toContain('KOLMAP_JOB_MEMORY_MB');
    expect(failed.error?.details).toEqual([expect.objectContaining({ field: 'jobMemoryMb' })]);

    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(await server.store.maps.list({ includeBuilding: true })).toEqual(before);

    const small = await api('/maps?wait=false', {
      method: 'POST',
      body: edgeListUpload('small', 200),
    });
    expect(small.status).toBe(202);
    const succeeded = await finished(((await small.json()) as { job: JobBody }).job.id);
    expect(succeeded).toMatchObject({ status: 'succeeded', error: null });
    const maps = await server.store.maps.list({ includeBuilding: true });
    expect(maps.map(({ id }) => id)).toEqual([succeeded.mapId, ...before.map(({ id }) => id)]);
    expect(maps[0]).toMatchObject({ name: 'small', status: 'ready' });
  }, 60_000);
});
