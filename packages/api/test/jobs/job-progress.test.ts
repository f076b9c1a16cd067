// A job's updates (what its server-sent events carry) name every stage of the pipeline in order,
// the layout's percent done included, then saving and done.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analysisOptionsSchema } from '@kolmap/core';
import { EmbeddedMapStore, JobQueue } from '../../src/index.js';
import type { Job } from '../../src/jobs/job.js';

describe('job progress', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kolmap-job-progress-'));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('reports each stage, the layout with its percent done, then saving and done', async () => {
    const store = new EmbeddedMapStore({ dataDir: join(dataDir, 'store') });
    await store.init();
    const queue = new JobQueue({ store });
    const uploadDir = join(dataDir, 'upload');
    await mkdir(uploadDir);
    const lines = ['source,target'];
    for (let i = 0; i < 300; i++) lines.push(`a${i % 60},a${(i * 7 + 1) % 60}`);
    const file = join(uploadDir, 'edges.csv');
    await writeFile(file, `${lines.join('\n')}\n`);
    const updates: Job[] = [];
    queue.on('update', (job) => updates.push(job));
    try {
      const job = await queue.submit({
        id: 'progress',
        name: 'progress',
        files: [file],
        uploadDir,
        options: analysisOptionsSchema.parse({}),
        createdBy: 'test',
      });
      const finished = await queue.whenFinished(job.id);
      expect(finished.status).toBe('succeeded');
    } finally {
      await queue.close();
      await store.close();
    }
    const stages = updates
      .map(({ stage }) => stage)
      .filter((stage, index, all) => stage !== all[index - 1]);
    expect(stages).toEqual([
      'loading',
      'building',
      'communities',
      'influence',
      'score',
      'profiles',
      'layout',
      'saving',
      'done',
    ]);
    const layout = updates.filter(({ stage, progress }) => stage === 'layout' && progress);
    expect(layout.at(-1)?.progress).toEqual({ done: 100, total: 100 });
  }, 60_000);
});
