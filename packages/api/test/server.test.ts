// The server entry: the demo map saved on first start only, a clear refusal of bad configuration,
// and a graceful stop (in-flight requests finish, then the store closes).
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pino } from 'pino';
import { DEMO_MAP_NAME, startServer } from '../src/index.js';

const silent = pino({ level: 'silent' });
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
    const main = resolve(import.meta.dirname, '../src/main.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', main], {
      env: { ...process.env, PORT: 'eighty', KOLMAP_API_KEYS: 'x:boss:0123456789abcdef0' },
      cwd: resolve(import.meta.dirname, '../../..'),
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
});
