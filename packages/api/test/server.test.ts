// The server entry: the demo map saved on first start only, a clear refusal of bad configuration,
// a graceful stop (in-flight requests finish, then the store closes), and jobs that outlive a
// server killed mid-analysis.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pino } from 'pino';
import { DEMO_MAP_NAME, startServer } from '../src/index.js';

const silent = pino({ level: 'silent' });
const ROOT = resolve(import.meta.dirname, '../../..');
const MAIN = resolve(import.meta.dirname, '../src/main.ts');
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'kolmap-server-'));
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const env = () => ({ KOLMAP_DATA_DIR: dataDir, PORT: '0', KOLMAP_RATE_LIMIT: '0' });

describe('startServer', () => {
  it('saves the demo map on first start only, and serves it', async () => {
    const first = await startServer({ env: env(), logger: silent });
    let mapId: string;
    try {
      expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const { maps } = (await (await fetch(`${first.url}/api/v1/maps`)).json()) as {
        maps: Array<{ id: string; name: string; counts: { accounts: number } }>;
      };
      expect(maps.map(({ name }) => name)).toEqual([DEMO_MAP_NAME]);
      mapId = maps[0]?.id as string;
      expect(maps[0]?.counts.accounts).toBeGreaterThan(1000);
      const kols = (await (
        await fetch(`${first.url}/api/v1/maps/${mapId}/kols?limit=3`)
      ).json()) as {
        items: Array<{ attributes: { rank: number } }>;
      };
      expect(kols.items.map(({ attributes }) => attributes.rank)).toEqual([1, 2, 3]);
      // With the demo watch list: the 30 pharmacovigilance cases planted in the demo data.
      const cases = (await (
        await fetch(`${first.url}/api/v1/maps/${mapId}/pv-cases?limit=100`)
      ).json()) as { items: Array<{ status: string }> };
      expect(cases.items).toHaveLength(30);
      expect(cases.items.every(({ status }) => status === 'new')).toBe(true);
    } finally {
      await first.close();
    }
    const second = await startServer({ env: env(), logger: silent });
    try {
      const { maps } = (await (await fetch(`${second.url}/api/v1/maps`)).json()) as {
        maps: Array<{ id: string }>;
      };
      expect(maps.map(({ id }) => id)).toEqual([mapId]);
    } finally {
      await second.close();
    }
  }, 120_000);

  it('lets in-flight requests finish when it stops, then closes the store', async () => {
    const server = await startServer({ env: { ...env(), KOLMAP_DEMO: 'false' }, logger: silent });
    const listed = (await (await fetch(`${server.url}/api/v1/maps`)).json()) as {
      maps: Array<{ id: string }>;
    };
    // A rename whose body arrives in two parts, the stop asked for in between.
    const body = JSON.stringify({ name: 'Renamed while stopping' });
    const answer = new Promise<{ status: number; text: string }>((done, fail) => {
      const sending = httpRequest(
        `${server.url}/api/v1/maps/${listed.maps[0]?.id}`,
        { method: 'PATCH', headers: { 'Content-Type': 'application/json' } },
        (response) => {
          let text = '';
          response.on('data', (chunk) => {
            text += chunk;
          });
          response.on('end', () => done({ status: response.statusCode ?? 0, text }));
        },
      );
      sending.on('error', fail);
      sending.write(body.slice(0, 10));
      setTimeout(() => {
        stopped = server.close();
        setTimeout(() => sending.end(body.slice(10)), 100);
      }, 100);
    });
    let stopped: Promise<void> | undefined;
    const { status, text } = await answer;
    expect(status).toBe(200);
    expect(JSON.parse(text).name).toBe('Renamed while stopping');
    await stopped;
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    await expect(server.store.ping()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
  }, 60_000);
});

describe('the server command', () => {
  it('refuses bad configuration, naming each variable, with exit code 2', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      env: { ...process.env, PORT: 'eighty', KOLMAP_API_KEYS: 'x:boss:0123456789abcdef0' },
      cwd: ROOT,
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const code = await new Promise((done) => child.on('close', done));
    expect(code).toBe(2);
    expect(stderr).toContain('PORT');
    expect(stderr).toContain('KOLMAP_API_KEYS');
    expect(stderr).not.toContain('0123456789abcdef0');
  }, 60_000);

  it('refuses a port already in use with a sentence and exit code 2', async () => {
    const taken = createTcpServer();
    await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done));
    const { port } = taken.address() as { port: number };
    const portDataDir = await mkdtemp(join(tmpdir(), 'kolmap-server-port-'));
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
        env: {
          ...process.env,
          PORT: String(port),
          KOLMAP_DATA_DIR: portDataDir,
          KOLMAP_DEMO: 'false',
          LOG_LEVEL: 'silent',
        },
        cwd: ROOT,
      });
      let stderr = '';
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
      });
      const code = await new Promise((done) => child.on('close', done));
      expect(code).toBe(2);
      expect(stderr).toContain(`cannot listen on 127.0.0.1:${port}`);
      expect(stderr).toContain('already in use');
      expect(stderr).not.toContain('TypeError');
    } finally {
      taken.close();
      await rm(portDataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('jobs across a restart', () => {
  it('runs again the job of a server killed mid-analysis, and removes only stray uploads', async () => {
    const jobsDataDir = await mkdtemp(join(tmpdir(), 'kolmap-server-jobs-'));
    const jobsEnv = {
      KOLMAP_DATA_DIR: jobsDataDir,
      PORT: '0',
      KOLMAP_RATE_LIMIT: '0',
      KOLMAP_DEMO: 'false',
      LOG_LEVEL: 'silent',
    };
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
        env: { ...process.env, ...jobsEnv },
        cwd: ROOT,
      });
      const exited = new Promise((done) => child.on('close', done));
      const url = await new Promise<string>((done, fail) => {
        let stdout = '';
        child.stdout.on('data', (chunk) => {
          stdout += chunk;
          const running = /running at (http\S+)/.exec(stdout);
          if (running) done(running[1] as string);
        });
        child.on('close', () => fail(new Error(`the server stopped: ${stdout}`)));
      });
      const form = new FormData();
      form.append('name', 'demo before the crash');
      form.append('options', JSON.stringify({ actors: true, layout: false }));
      for (const file of ['accounts.csv', 'posts.csv', 'follows.csv']) {
        const content = await readFile(join(ROOT, 'data/demo', file));
        form.append('file', new Blob([content]), file);
      }
      const accepted = await fetch(`${url}/api/v1/maps?wait=false`, { method: 'POST', body: form });
      expect(accepted.status).toBe(202);
      const { job } = (await accepted.json()) as { job: { id: string } };
      child.kill('SIGKILL');
      await exited;
      await mkdir(join(jobsDataDir, 'uploads', 'stray'));

      const server = await startServer({ env: jobsEnv, logger: silent });
      try {
        expect(await readdir(join(jobsDataDir, 'uploads'))).not.toContain('stray');
        let finished: { status: string; restarts: number; mapId: string | null };
        do {
          await new Promise((done) => setTimeout(done, 200));
          finished = await (await fetch(`${server.url}/api/v1/jobs/${job.id}`)).json();
        } while (finished.status === 'queued' || finished.status === 'running');
        expect(finished).toMatchObject({ status: 'succeeded', restarts: 1 });
        const map = await server.store.maps.get(finished.mapId as string);
        expect(map.name).toBe('demo before the crash');
        expect(map.counts.accounts).toBeGreaterThan(1000);
      } finally {
        await server.close();
      }
      expect(await readdir(join(jobsDataDir, 'uploads'))).toEqual([]);
    } finally {
      await rm(jobsDataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
