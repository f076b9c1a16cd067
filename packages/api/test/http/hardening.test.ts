// Requests that try to hurt the server or the user: wrong keys in bulk, deeply nested JSON, and in
// no-key mode pages of other sites (DNS rebinding, cross-site forms). Store-independent: embedded.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Express } from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { createApp, EmbeddedMapStore, JobQueue, loadConfig } from '../../src/index.js';

const KEY = 'analyst-key-0123456789';
let dataDir: string;
let store: EmbeddedMapStore;
let jobs: JobQueue;

function app(env: Record<string, string>): Express {
  const config = loadConfig({ KOLMAP_DATA_DIR: dataDir, KOLMAP_DEMO: 'false', ...env });
  return createApp({ config, store, jobs, logger: pino({ level: 'silent' }) });
}

/** An app whose job queue has the input limits the environment configures, as the server's. */
function limitedApp(env: Record<string, string>): { app: Express; queue: JobQueue } {
  const config = loadConfig({ KOLMAP_DATA_DIR: dataDir, KOLMAP_DEMO: 'false', ...env });
  const queue = new JobQueue({ store, limits: config.inputLimits });
  return {
    app: createApp({ config, store, jobs: queue, logger: pino({ level: 'silent' }) }),
    queue,
  };
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'kolmap-hardening-'));
  store = new EmbeddedMapStore({ dataDir });
  await store.init();
  jobs = new JobQueue({ store });
});

afterAll(async () => {
  await jobs.close();
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('API keys', () => {
  it('rate-limits wrong keys like any other request of their address', async () => {
    const limited = app({ KOLMAP_API_KEYS: `ana:analyst:${KEY}`, KOLMAP_RATE_LIMIT: '3' });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const answer = await request(limited)
        .get('/api/v1/maps')
        .set('Authorization', `Bearer wrong-key-${i}-0123456789`);
      statuses.push(answer.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    // The right key has its own budget.
    await request(limited).get('/api/v1/maps').set('Authorization', `Bearer ${KEY}`).expect(200);
  });
});

describe('JSON bodies', () => {
  it('refuses JSON nested deeper than the limit with 400, naming the limit, not a 500', async () => {
    const server = app({ KOLMAP_RATE_LIMIT: '0' });
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const answer = await request(server)
      .post('/api/v1/maps')
      .set('Content-Type', 'application/json')
      .send(`{"name":"deep","records":${deep}}`)
      .expect(400);
    expect(answer.body.error.code).toBe('INVALID_INPUT');
    expect(answer.body.error.message).toContain('KOLMAP_JSON_MAX_DEPTH');
    const field = await request(server)
      .post('/api/v1/maps')
      .field('name', 'deep options')
      .field('options', `{"a":${deep}}`)
      .attach('file', Buffer.from('a,b\n'), 'edges.csv')
      .expect(400);
    expect(field.body.error.details[0].path).toBe('body.options');
    // Brackets inside strings are text, not nesting.
    const rename = await request(server)
      .patch('/api/v1/maps/00000000000000000000')
      .send({ name: '['.repeat(150) })
      .expect(404);
    expect(rename.body.error.code).toBe('NOT_FOUND');
  });
});

describe('URLs', () => {
  it('refuses a path parameter that is not valid percent-encoding with 400, not a 500 (found by fuzzing)', async () => {
    const server = app({ KOLMAP_RATE_LIMIT: '0' });
    for (const path of [
      '/api/v1/maps/%',
      '/api/v1/maps/%zz/kols',
      '/api/v1/maps/x/pv-cases/%E0%A4%A',
    ]) {
      const answer = await request(server).get(path).expect(400);
      expect(answer.body.error.code).toBe('INVALID_INPUT');
    }
    await request(server)
      .patch('/api/v1/maps/%/pv-cases/a00000aaa0aa000000aa')
      .send({})
      .expect(400);
  });
});

describe('multipart bodies', () => {
  it('refuses a form cut off inside a file with 400, leaving no unhandled rejection (found by fuzzing)', async () => {
    const server = app({ KOLMAP_RATE_LIMIT: '0' });
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      for (const field of ['file', 'watch']) {
        const answer = await request(server)
          .post('/api/v1/maps')
          .set('Content-Type', 'multipart/form-data; boundary=x')
          .send(
            `--x\r\nContent-Disposition: form-data; name="${field}"; filename="a.csv"\r\n\r\na,b`,
          )
          .expect(400);
        expect(answer.body.error.code).toBe('INVALID_INPUT');
      }
      await new Promise((done) => setTimeout(done, 50));
    } finally {
      process.off('unhandledRejection', record);
    }
    expect(unhandled).toEqual([]);
  });
});

describe('uploads beyond the input limits', () => {
  it('stops a gzip bomb and a flood of records with 413 naming the limit and the file, not a path', async () => {
    const { app: limited, queue } = limitedApp({
      KOLMAP_RATE_LIMIT: '0',
      KOLMAP_MAX_FILE_BYTES: '1mb',
    });
    const { app: counted, queue: countedQueue } = limitedApp({
      KOLMAP_RATE_LIMIT: '0',
      KOLMAP_MAX_RECORDS: '500',
    });
    try {
      const bomb = gzipSync('a,b\n'.repeat(1_000_000));
      expect(bomb.length).toBeLessThan(50_000);
      const expanded = await request(limited)
        .post('/api/v1/maps')
        .field('name', 'bomb')
        .attach('file', bomb, 'edges.csv.gz')
        .expect(413);
      expect(expanded.body.error.code).toBe('TOO_LARGE');
      expect(expanded.body.error.details[0]).toMatchObject({
        file: 'edges.csv.gz',
        field: 'maxBytes',
      });
      expect(JSON.stringify(expanded.body)).not.toContain(dataDir);
      const flood = Array.from({ length: 1000 }, (_, i) => `a${i},b${i}`).join('\n');
      const records = await request(counted)
        .post('/api/v1/maps')
        .field('name', 'flood')
        .attach('file', Buffer.from(flood), 'edges.csv')
        .expect(413);
      expect(records.body.error.details[0]).toMatchObject({
        file: 'edges.csv',
        line: 501,
        field: 'maxRecords',
      });
      expect(await store.maps.list({ includeBuilding: true })).toEqual([]);
    } finally {
      await queue.close();
      await countedQueue.close();
    }
  });

  it('names a bad record by the uploaded file’s own name, never a server path', async () => {
    const answer = await request(app({ KOLMAP_RATE_LIMIT: '0' }))
      .post('/api/v1/maps')
      .field('name', 'bad')
      .attach('file', Buffer.from('platform,id,followers\nx,a,many\n'), 'accounts.csv')
      .expect(400);
    expect(answer.body.error.details[0]).toMatchObject({ file: 'accounts.csv', line: 2 });
    expect(JSON.stringify(answer.body)).not.toContain(dataDir);
  });
});

describe('no-key mode', () => {
  it('answers only requests addressed to this machine by name (no DNS rebinding)', async () => {
    const local = app({ KOLMAP_RATE_LIMIT: '0' });
    for (const host of ['localhost:3000', '127.0.0.1:3000', '[::1]:3000', 'LOCALHOST']) {
      await request(local).get('/api/v1/maps').set('Host', host).expect(200);
    }
    for (const host of ['evil.example:3000', 'localhost.evil.example', '127.0.0.2:3000']) {
      const answer = await request(local).get('/api/v1/maps').set('Host', host).expect(403);
      expect(answer.body.error.code).toBe('FORBIDDEN');
    }
  });

  it('refuses changes sent by pages of other origins, not by programs or the viewer', async () => {
    const local = app({ KOLMAP_RATE_LIMIT: '0' });
    const cross = await request(local)
      .post('/api/v1/maps')
      .set('Host', 'localhost:3000')
      .set('Origin', 'https://evil.example')
      .type('form')
      .send('name=x')
      .expect(403);
    expect(cross.body.error.code).toBe('FORBIDDEN');
    await request(local)
      .patch('/api/v1/maps/00000000000000000000')
      .set('Host', 'localhost:3000')
      .set('Origin', 'null')
      .send({ name: 'x' })
      .expect(403);
    // The viewer's own origin, a program without Origin, and reads from anywhere pass the guard.
    await request(local)
      .patch('/api/v1/maps/00000000000000000000')
      .set('Host', 'localhost:3000')
      .set('Origin', 'http://localhost:3000')
      .send({ name: 'x' })
      .expect(404);
    await request(local).patch('/api/v1/maps/00000000000000000000').send({ name: 'x' }).expect(404);
    await request(local).get('/api/v1/maps').set('Origin', 'https://evil.example').expect(200);
  });

  it('lets configured CORS origins change things, and keyed servers any host', async () => {
    const cors = app({ KOLMAP_RATE_LIMIT: '0', KOLMAP_CORS_ORIGINS: 'https://app.example' });
    await request(cors)
      .patch('/api/v1/maps/00000000000000000000')
      .set('Origin', 'https://app.example')
      .send({ name: 'x' })
      .expect(404);
    const keyed = app({ KOLMAP_API_KEYS: `ana:analyst:${KEY}`, KOLMAP_RATE_LIMIT: '0' });
    await request(keyed)
      .get('/api/v1/maps')
      .set('Host', 'kolmap.example.org')
      .set('Authorization', `Bearer ${KEY}`)
      .expect(200);
  });
});
