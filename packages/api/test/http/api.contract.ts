// The HTTP API against a real store: every route, its errors, keys and roles, uploads from
// request to job to map. Run against the embedded store (api-embedded.test.ts) and a real Neo4j
// (api-neo4j.test.ts). The suite creates its own maps and deletes them at the end.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Express } from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { smallMap } from '../../../../test/store/map-fixtures.js';
import {
  type ApiConfig,
  createApp,
  JobQueue,
  loadConfig,
  type MapStore,
  type MapSummary,
} from '../../src/index.js';

const DEMO = resolve(import.meta.dirname, '../../../../data/demo');
const silent = pino({ level: 'silent' });
const KEYS = {
  viewer: 'viewer-key-0123456789',
  analyst: 'analyst-key-0123456789',
  admin: 'admin-key-0123456789',
};

export type ApiStoreFactory = () => Promise<MapStore>;

interface TestApp {
  app: Express;
  store: MapStore;
  jobs: JobQueue;
  config: ApiConfig;
  dataDir: string;
  close(): Promise<void>;
}

/** An app over a fresh store, configured by `env` (a temporary KOLMAP_DATA_DIR, no rate limit). */
async function openApp(
  openStore: ApiStoreFactory,
  env: Record<string, string> = {},
): Promise<TestApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'kolmap-api-'));
  const config = loadConfig({ KOLMAP_DATA_DIR: dataDir, KOLMAP_RATE_LIMIT: '0', ...env });
  const store = await openStore();
  const jobs = new JobQueue({ store });
  const app = createApp({ config, store, jobs, logger: silent });
  return {
    app,
    store,
    jobs,
    config,
    dataDir,
    close: async () => {
      await jobs.close();
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const api = (path: string) => `/api/v1${path}`;

export function describeApiContract(name: string, openStore: ApiStoreFactory): void {
  describe(`HTTP API: ${name}`, () => {
    let t: TestApp;
    let small: MapSummary;
    const created: string[] = [];

    beforeAll(async () => {
      t = await openApp(openStore);
      small = await t.store.maps.save(smallMap(`api small ${Date.now()}`));
      created.push(small.id);
    }, 120_000);

    afterAll(async () => {
      for (const id of created) await t.store.maps.delete(id).catch(() => undefined);
      await t?.close();
    }, 120_000);

    describe('health, documentation, headers', () => {
      it('answers healthz and readyz', async () => {
        await request(t.app).get('/healthz').expect(200, { status: 'ok' });
        const ready = await request(t.app).get('/readyz').expect(200);
        expect(ready.body).toMatchObject({ status: 'ready', store: t.store.kind });
      });

      it('serves an OpenAPI document naming every route, and a readable page', async () => {
        const { body } = await request(t.app).get(api('/openapi.json')).expect(200);
        expect(body.openapi).toBe('3.1.0');
        const paths = Object.keys(body.paths);
        for (const path of [
          '/api/v1/maps',
          '/api/v1/maps/{id}',
          '/api/v1/jobs/{jobId}',
          '/api/v1/jobs/{jobId}/events',
          '/api/v1/maps/{id}/graph',
          '/api/v1/maps/{id}/kols',
          '/api/v1/maps/{id}/communities/{cid}',
          '/api/v1/maps/{id}/accounts/{key}',
          '/api/v1/maps/{id}/path',
          '/api/v1/maps/{id}/search',
          '/api/v1/maps/{id}/shortlist.csv',
          '/api/v1/maps/{id}/shortlists/{sid}.csv',
          '/api/v1/maps/{id}/export.graphml',
        ]) {
          expect(paths).toContain(path);
        }
        const kols = body.paths['/api/v1/maps/{id}/kols'].get;
        expect(kols.parameters.map((p: { name: string }) => p.name)).toEqual(
          expect.arrayContaining(['id', 'community', 'minScore', 'limit', 'cursor']),
        );
        const page = await request(t.app).get(api('/docs')).expect(200);
        expect(page.headers['content-type']).toMatch(/text\/html/);
        expect(page.text).toContain('/api/v1/maps/{id}/kols');
      });

      it('sets security headers and request ids, hides the framework, keeps CORS closed', async () => {
        const response = await request(t.app)
          .get(api('/maps'))
          .set('Origin', 'https://elsewhere.example')
          .set('X-Request-Id', 'trace-42')
          .expect(200);
        expect(response.headers['x-content-type-options']).toBe('nosniff');
        expect(response.headers['content-security-policy']).toBeDefined();
        expect(response.headers['x-powered-by']).toBeUndefined();
        expect(response.headers['access-control-allow-origin']).toBeUndefined();
        expect(response.headers['x-request-id']).toBe('trace-42');
        const other = await request(t.app).get(api('/maps')).set('X-Request-Id', 'bad id!');
        expect(other.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      });

      it('answers unknown routes with a JSON 404', async () => {
        const { body } = await request(t.app).get(api('/nothing/here')).expect(404);
        expect(body.error.code).toBe('NOT_FOUND');
      });
    });

    describe('maps', () => {
      it('lists, gives and renames maps', async () => {
        const { body } = await request(t.app).get(api('/maps')).expect(200);
        expect(body.maps.map((m: MapSummary) => m.id)).toContain(small.id);
        const info = await request(t.app)
          .get(api(`/maps/${small.id}`))
          .expect(200);
        expect(info.body).toMatchObject({
          id: small.id,
          status: 'ready',
          counts: small.counts,
          provenance: { inputChecksum: 'sha256:abc' },
        });
        const renamed = await request(t.app)
          .patch(api(`/maps/${small.id}`))
          .send({ name: '  Oncology 2024  ' })
          .expect(200);
        expect(renamed.body.name).toBe('Oncology 2024');
        const graph = await request(t.app)
          .get(api(`/maps/${small.id}/graph`))
          .expect(200);
        expect(graph.body.map.name).toBe('Oncology 2024');
      });

      it('deletes a map (admin), then does not find it', async () => {
        const doomed = await t.store.maps.save(smallMap('doomed'));
        created.push(doomed.id);
        await request(t.app)
          .delete(api(`/maps/${doomed.id}`))
          .expect(204);
        const { body } = await request(t.app)
          .get(api(`/maps/${doomed.id}/kols`))
          .expect(404);
        expect(body.error.code).toBe('NOT_FOUND');
        await request(t.app)
          .delete(api(`/maps/${doomed.id}`))
          .expect(404);
      });
    });

    describe('reading a map', () => {
      it('gives the graph the viewer draws in columns, whole, top N or one community', async () => {
        const { body, headers } = await request(t.app)
          .get(api(`/maps/${small.id}/graph`))
          .set('Accept-Encoding', 'gzip')
          .expect(200);
        expect(headers['content-encoding']).toBe('gzip');
        const { accounts, links } = body.graph;
        expect(body.graph.type).toBe('directed');
        expect(accounts.keys).toHaveLength(small.counts.accounts);
        expect(links.source).toHaveLength(small.counts.interactions);
        expect(links.target).toHaveLength(small.counts.interactions);
        const a = accounts.keys.indexOf('x:a');
        expect([accounts.x[a], accounts.y[a], accounts.kolScore[a], accounts.community[a]]).toEqual(
          [1.5, -2.25, 90, 0],
        );
        expect(accounts.bio).toBeUndefined();
        expect(body.graph.communities.map((c: { id: number }) => c.id).sort()).toEqual([0, 1, 2]);
        const top = await request(t.app)
          .get(api(`/maps/${small.id}/graph?top=2`))
          .set('Accept-Encoding', 'identity')
          .expect(200);
        expect(top.headers['content-encoding']).toBeUndefined();
        const keys = top.body.graph.accounts.keys;
        expect(keys).toEqual(['x:a', keys[1]]);
        expect(
          [...top.body.graph.links.source, ...top.body.graph.links.target].every(
            (index: number) => index < 2,
          ),
        ).toBe(true);
        const one = await request(t.app)
          .get(api(`/maps/${small.id}/graph?community=0`))
          .expect(200);
        expect(one.body.graph.accounts.keys.length).toBeGreaterThan(0);
        expect(
          one.body.graph.accounts.community.every((community: number) => community === 0),
        ).toBe(true);
      });

      it('pages KOLs with filters, repeated or comma-separated', async () => {
        const first = await request(t.app)
          .get(api(`/maps/${small.id}/kols?limit=3`))
          .expect(200);
        expect(first.body.items[0].key).toBe('x:a');
        expect(first.body.nextCursor).toEqual(expect.any(String));
        const second = await request(t.app)
          .get(api(`/maps/${small.id}/kols`))
          .query({ limit: 3, cursor: first.body.nextCursor })
          .expect(200);
        const seen = [...first.body.items, ...second.body.items].map((a: { key: string }) => a.key);
        expect(new Set(seen).size).toBe(6);
        const repeated = await request(t.app)
          .get(api(`/maps/${small.id}/kols?community=0&community=1`))
          .expect(200);
        const commas = await request(t.app)
          .get(api(`/maps/${small.id}/kols?community=0,1`))
          .expect(200);
        expect(commas.body).toEqual(repeated.body);
        expect(
          repeated.body.items.every((a: { attributes: { community: number } }) =>
            [0, 1].includes(a.attributes.community),
          ),
        ).toBe(true);
        const byCountry = await request(t.app)
          .get(api(`/maps/${small.id}/kols?country=FR,be&language=fr`))
          .expect(200);
        expect(byCountry.body.items.map((a: { key: string }) => a.key)).toEqual(['x:c', 'x:e']);
        const scored = await request(t.app)
          .get(api(`/maps/${small.id}/kols?minScore=80&actorType=hcp`))
          .expect(200);
        expect(
          scored.body.items.every(
            (a: { attributes: { kolScore: number; actorType: string } }) =>
              a.attributes.kolScore >= 80 && a.attributes.actorType === 'hcp',
          ),
        ).toBe(true);
      });

      it('gives communities and one community with its members', async () => {
        const { body } = await request(t.app)
          .get(api(`/maps/${small.id}/communities`))
          .expect(200);
        expect(body.communities[0]).toMatchObject({
          id: expect.any(Number),
          label: expect.any(String),
        });
        const one = await request(t.app)
          .get(api(`/maps/${small.id}/communities/0?limit=1`))
          .expect(200);
        expect(one.body.profile.label).toBe('Oncologists');
        expect(one.body.members.map((a: { key: string }) => a.key)).toEqual(['x:a']);
        await request(t.app)
          .get(api(`/maps/${small.id}/communities/99`))
          .expect(404);
      });

      it('gives an account with its ego network (URL-encoded key)', async () => {
        const { body } = await request(t.app)
          .get(api(`/maps/${small.id}/accounts/${encodeURIComponent('x:a')}?direction=out`))
          .expect(200);
        expect(body.account).toMatchObject({
          key: 'x:a',
          attributes: { name: 'Sébastien Marieu' },
        });
        expect(body.account.attributes.scoreBreakdown).toBeDefined();
        expect(body.ego.edges.every((e: { source: string }) => e.source === 'x:a')).toBe(true);
        expect(body.ego.edges[0]).toMatchObject({ source: 'x:a', target: 'x:b' });
        const two = await request(t.app)
          .get(api(`/maps/${small.id}/accounts/x%3Aa?hops=2&maxEdges=3`))
          .expect(200);
        expect(two.body.ego.edges.length).toBeLessThanOrEqual(3);
        await request(t.app)
          .get(api(`/maps/${small.id}/accounts/x%3Anobody`))
          .expect(404);
      });

      it('finds paths, or says there is none', async () => {
        const { body } = await request(t.app)
          .get(api(`/maps/${small.id}/path`))
          .query({ from: 'x:a', to: 'x:e' })
          .expect(200);
        expect(body.path.nodes.map((a: { key: string }) => a.key)).toEqual([
          'x:a',
          'x:c',
          'linkedin:d',
          'x:e',
        ]);
        const none = await request(t.app)
          .get(api(`/maps/${small.id}/path`))
          .query({ from: 'x:a', to: 'x:g' })
          .expect(200);
        expect(none.body.path).toBeNull();
      });

      it('searches names and handles without accents or case', async () => {
        const { body } = await request(t.app)
          .get(api(`/maps/${small.id}/search?q=SEBASTIEN`))
          .expect(200);
        expect(body.items.map((a: { key: string }) => a.key)).toEqual(['x:a']);
      });
    });

    describe('shortlists and exports, all audited', () => {
      it('exports shortlists as CSV and JSON with filters, and logs each export', async () => {
        const csv = await request(t.app)
          .get(api(`/maps/${small.id}/shortlist.csv?limit=2&community=0,1`))
          .expect(200);
        expect(csv.headers['content-type']).toMatch(/text\/csv/);
        expect(csv.headers['content-disposition']).toMatch(/attachment/);
        const lines = csv.text.trim().split(/\r?\n/);
        expect(lines[0]).toMatch(/^position,key,name/);
        expect(lines).toHaveLength(3);
        expect(lines[1]).toContain('x:a');
        const json = await request(t.app)
          .get(api(`/maps/${small.id}/shortlist.json?mode=diverse&limit=3`))
          .expect(200);
        expect(JSON.parse(json.text)).toHaveLength(3);
        const audit = await request(t.app)
          .get(api(`/maps/${small.id}/audit`))
          .expect(200);
        const whats = audit.body.entries.map((e: { what: string }) => e.what);
        expect(whats).toEqual(expect.arrayContaining(['shortlist.csv', 'shortlist.json']));
        const entry = audit.body.entries.find((e: { what: string }) => e.what === 'shortlist.csv');
        expect(entry).toMatchObject({ actor: 'local', filters: { limit: 2, community: [0, 1] } });
      });

      it('saves shortlists and exports one as CSV, rows in the saved order', async () => {
        const saved = await request(t.app)
          .post(api(`/maps/${small.id}/shortlists`))
          .send({ name: 'Congress speakers', accountKeys: ['x:c', 'x:a'] })
          .expect(201);
        expect(saved.body).toMatchObject({
          name: 'Congress speakers',
          size: 2,
          createdBy: 'local',
        });
        const list = await request(t.app)
          .get(api(`/maps/${small.id}/shortlists`))
          .expect(200);
        expect(list.body.shortlists.map((s: { id: string }) => s.id)).toContain(saved.body.id);
        const csv = await request(t.app)
          .get(api(`/maps/${small.id}/shortlists/${saved.body.id}.csv`))
          .expect(200);
        const rows = csv.text.trim().split(/\r?\n/).slice(1);
        expect(rows.map((row) => row.split(',')[1])).toEqual(['x:c', 'x:a']);
        const excel = await request(t.app)
          .get(api(`/maps/${small.id}/shortlists/${saved.body.id}.csv?excel=true`))
          .expect(200);
        expect(excel.text.startsWith('\uFEFF')).toBe(true);
        expect(excel.text.split('\r\n')[1]?.split(';')[1]).toBe('x:c');
        await request(t.app)
          .post(api(`/maps/${small.id}/shortlists`))
          .send({ name: 'ghosts', accountKeys: ['x:nobody'] })
          .expect(404);
      });

      it('exports the whole map as GEXF, GraphML and JSON', async () => {
        const gexf = await request(t.app)
          .get(api(`/maps/${small.id}/export.gexf`))
          .expect(200);
        expect(gexf.text).toContain('<gexf');
        expect(gexf.text).toContain('Sébastien Marieu');
        const graphml = await request(t.app)
          .get(api(`/maps/${small.id}/export.graphml`))
          .expect(200);
        expect(graphml.text).toContain('<graphml');
        const json = await request(t.app)
          .get(api(`/maps/${small.id}/export.json`))
          .expect(200);
        const graph = JSON.parse(json.text);
        expect(graph.nodes).toHaveLength(small.counts.accounts);
        expect(graph.edges).toHaveLength(small.counts.interactions);
        const audit = await request(t.app)
          .get(api(`/maps/${small.id}/audit`))
          .expect(200);
        expect(audit.body.entries.map((e: { what: string }) => e.what)).toEqual(
          expect.arrayContaining(['export.gexf', 'export.graphml', 'export.json']),
        );
      });
    });

    describe('bad input: a clear 4xx naming what is wrong, never a 500', () => {
      const cases: Array<[string, () => request.Test, number, string | null]> = [
        [
          'a non-numeric limit',
          () => request(t.app).get(api(`/maps/${small.id}/kols?limit=ten`)),
          400,
          'query.limit',
        ],
        [
          'a huge number',
          () => request(t.app).get(api(`/maps/${small.id}/kols?limit=1${'0'.repeat(400)}`)),
          400,
          'query.limit',
        ],
        [
          'a negative community',
          () => request(t.app).get(api(`/maps/${small.id}/kols?community=-1`)),
          400,
          'query.community[0]',
        ],
        [
          'an unknown field',
          () => request(t.app).get(api(`/maps/${small.id}/kols?sort=name`)),
          400,
          'query',
        ],
        [
          'an unknown actor type',
          () => request(t.app).get(api(`/maps/${small.id}/kols?actorType=wizard`)),
          400,
          'query.actorType[0]',
        ],
        [
          'a forged cursor',
          () => request(t.app).get(api(`/maps/${small.id}/kols?cursor=abc`)),
          400,
          'cursor',
        ],
        [
          'path traversal as a map id',
          () => request(t.app).get(api('/maps/..%2F..%2Fetc%2Fpasswd/kols')),
          400,
          'params.id',
        ],
        [
          'a map id of the wrong shape',
          () => request(t.app).get(api('/maps/ABC/kols')),
          400,
          'params.id',
        ],
        [
          'three hops',
          () => request(t.app).get(api(`/maps/${small.id}/accounts/x%3Aa?hops=3`)),
          400,
          'query.hops',
        ],
        [
          'a path without its end',
          () => request(t.app).get(api(`/maps/${small.id}/path?from=x%3Aa`)),
          400,
          'query.to',
        ],
        [
          'an empty search',
          () => request(t.app).get(api(`/maps/${small.id}/search?q=`)),
          400,
          'query.q',
        ],
        [
          'a rename with a number',
          () =>
            request(t.app)
              .patch(api(`/maps/${small.id}`))
              .send({ name: 42 }),
          400,
          'body.name',
        ],
        [
          'a rename with extra fields',
          () =>
            request(t.app)
              .patch(api(`/maps/${small.id}`))
              .send({ name: 'x', status: 'ready' }),
          400,
          'body',
        ],
        [
          'a rename as text',
          () =>
            request(t.app)
              .patch(api(`/maps/${small.id}`))
              .set('Content-Type', 'text/plain')
              .send('name=x'),
          415,
          null,
        ],
        [
          'malformed JSON',
          () =>
            request(t.app)
              .patch(api(`/maps/${small.id}`))
              .set('Content-Type', 'application/json')
              .send('{"name":'),
          400,
          null,
        ],
        [
          'an unknown map',
          () => request(t.app).get(api(`/maps/${'0'.repeat(20)}/kols`)),
          404,
          null,
        ],
        [
          'an upload as text',
          () => request(t.app).post(api('/maps')).set('Content-Type', 'text/plain').send('a,b'),
          415,
          null,
        ],
        [
          'an upload without records',
          () => request(t.app).post(api('/maps')).send({ name: 'x', records: [] }),
          400,
          'body.records',
        ],
        [
          'an upload with a bad option',
          () =>
            request(t.app)
              .post(api('/maps'))
              .send({ name: 'x', options: { seed: -1 }, records: [{ kind: 'account' }] }),
          400,
          'body.options.seed',
        ],
      ];
      it.each(cases)('refuses %s', async (_label, send, status, path) => {
        const response = await send();
        expect(response.status).toBe(status);
        expect(response.body.error).toMatchObject({
          code: expect.any(String),
          message: expect.any(String),
        });
        expect(JSON.stringify(response.body)).not.toMatch(/at .*\.ts:\d+/);
        if (path) {
          expect(response.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
        }
      });
    });

    describe('uploads', () => {
      it('analyses small JSON records within the request (201)', async () => {
        const records = [
          { kind: 'account', platform: 'x', id: 'u1', name: 'Dr Alice Martin', actorType: 'hcp' },
          { kind: 'account', platform: 'x', id: 'u2', name: 'Bob' },
          { kind: 'account', platform: 'x', id: 'u3', name: 'Chloé' },
          {
            kind: 'interaction',
            platform: 'x',
            type: 'repost',
            source: 'u2',
            target: 'u1',
            timestamp: '2024-03-01T10:00:00Z',
          },
          {
            kind: 'interaction',
            platform: 'x',
            type: 'reply',
            source: 'u3',
            target: 'u1',
            timestamp: '2024-03-02T10:00:00Z',
          },
          {
            kind: 'interaction',
            platform: 'x',
            type: 'mention',
            source: 'u1',
            target: 'u3',
            timestamp: '2024-03-03T10:00:00Z',
          },
        ];
        const { body, headers } = await request(t.app)
          .post(api('/maps'))
          .send({ name: 'tiny', options: { layout: false }, records })
          .expect(201);
        created.push(body.map.id);
        expect(headers.location).toBe(`/api/v1/maps/${body.map.id}`);
        expect(body.map).toMatchObject({
          name: 'tiny',
          status: 'ready',
          counts: { accounts: 3, interactions: 3 },
        });
        expect(body.job).toMatchObject({
          status: 'succeeded',
          mapId: body.map.id,
          createdBy: 'local',
        });
        const kols = await request(t.app)
          .get(api(`/maps/${body.map.id}/kols?limit=1`))
          .expect(200);
        expect(kols.body.items[0].attributes.name).toBe('Dr Alice Martin');
        const info = await request(t.app)
          .get(api(`/maps/${body.map.id}`))
          .expect(200);
        expect(info.body.provenance.inputChecksum).toMatch(/^sha256:/);
      });

      it('refuses a bad record naming the file, line and field, and saves nothing', async () => {
        const name = `broken ${Date.now()}`;
        const { body } = await request(t.app)
          .post(api('/maps'))
          .send({
            name,
            records: [
              { kind: 'account', platform: 'x', id: 'u1' },
              { kind: 'account', platform: 'x', id: 'u2', followers: -5 },
            ],
          })
          .expect(400);
        expect(body.error.code).toBe('INVALID_INPUT');
        expect(body.error.details[0]).toMatchObject({
          file: expect.stringContaining('records.jsonl'),
          line: 2,
          field: 'followers',
        });
        const maps = await t.store.maps.list({ includeBuilding: true });
        expect(maps.filter((map) => map.name === name)).toEqual([]);
      });

      it('refuses malformed CSV and unknown formats in multipart uploads', async () => {
        const csv = await request(t.app)
          .post(api('/maps'))
          .field('name', 'bad csv')
          .attach(
            'file',
            Buffer.from('platform,id,followers\nx,a,12\nx,b,"unclosed\n'),
            'accounts.csv',
          )
          .expect(400);
        expect(csv.body.error.details[0]).toMatchObject({
          file: expect.stringContaining('accounts.csv'),
        });
        const unknown = await request(t.app)
          .post(api('/maps'))
          .field('name', 'unknown')
          .attach('file', Buffer.from('hello'), '../../notes.docx')
          .expect(415);
        expect(unknown.body.error.code).toBe('UNREADABLE_INPUT');
        expect(unknown.body.error.message).toContain('notes.docx');
        expect(unknown.body.error.message).not.toContain('..');
        const noName = await request(t.app)
          .post(api('/maps'))
          .attach('file', Buffer.from('a b\n'), 'edges.txt')
          .expect(400);
        expect(noName.body.error.details[0].path).toBe('body.name');
        expect(await readdir(join(t.dataDir, 'uploads')).catch(() => [])).toEqual([]);
      });

      it('uploads the demo data as a job, streams its progress, and serves the map', async () => {
        const files = ['accounts.csv', 'posts.csv', 'follows.csv'];
        let upload = request(t.app)
          .post(api('/maps?wait=false'))
          .field('name', 'demo upload')
          .field('options', JSON.stringify({ actors: true, layout: false }));
        for (const file of files) {
          upload = upload.attach('file', await readFile(join(DEMO, file)), file);
        }
        const accepted = await upload.expect(202);
        const jobId = accepted.body.job.id as string;
        expect(accepted.headers.location).toBe(`/api/v1/jobs/${jobId}`);

        const server = t.app.listen(0, '127.0.0.1');
        await new Promise((done) => server.once('listening', done));
        const { port } = server.address() as AddressInfo;
        const events: Array<{
          event: string;
          stage: string;
          status: string;
          mapId: string | null;
        }> = [];
        try {
          const response = await fetch(`http://127.0.0.1:${port}${api(`/jobs/${jobId}/events`)}`);
          expect(response.headers.get('content-type')).toBe('text/event-stream');
          const text = await response.text();
          for (const block of text.trim().split('\n\n')) {
            const event = /^event: (\w+)/m.exec(block)?.[1] ?? '';
            const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? '{}');
            events.push({ event, ...data });
          }
        } finally {
          server.close();
        }
        const last = events[events.length - 1];
        expect(last).toMatchObject({ event: 'done', status: 'succeeded' });
        expect(events.slice(0, -1).every((e) => e.event === 'progress')).toBe(true);
        const mapId = last?.mapId as string;
        created.push(mapId);
        const job = await request(t.app)
          .get(api(`/jobs/${jobId}`))
          .expect(200);
        expect(job.body).toMatchObject({ status: 'succeeded', mapId, stage: 'done' });

        const kols = await request(t.app)
          .get(api(`/maps/${mapId}/kols?limit=5`))
          .expect(200);
        expect(kols.body.items).toHaveLength(5);
        expect(kols.body.items[0].attributes).toMatchObject({
          rank: 1,
          kolScore: expect.any(Number),
        });
        const truth = JSON.parse(await readFile(join(DEMO, 'ground-truth.json'), 'utf8'));
        expect(JSON.stringify(truth)).toContain(kols.body.items[0].key.replace(/^actor:/, ''));

        // On a map of actors, an actor is on each platform of its accounts.
        const onYoutube = await request(t.app)
          .get(api(`/maps/${mapId}/kols?platform=youtube&limit=20`))
          .expect(200);
        expect(onYoutube.body.items.length).toBeGreaterThan(0);
        for (const { attributes } of onYoutube.body.items as Array<{
          attributes: { platform?: string; platforms?: string[] };
        }>) {
          expect([attributes.platform, ...(attributes.platforms ?? [])]).toContain('youtube');
        }

        // Marketing's shortlist by country and language, with both in its rows.
        const rowsOf = async (query: string) =>
          JSON.parse(
            (
              await request(t.app)
                .get(api(`/maps/${mapId}/shortlist.json?limit=10000${query}`))
                .expect(200)
            ).text,
          ) as Array<{ country: string | null; language: string | null }>;
        const everyone = await rowsOf('');
        const countries = new Set(everyone.map(({ country }) => country));
        expect(countries.size).toBeGreaterThan(2);
        const french = await rowsOf('&country=fr&language=FR');
        expect(french.length).toBeGreaterThan(0);
        expect(french.length).toBeLessThan(everyone.length);
        expect(french.every(({ country, language }) => country === 'FR' && language === 'fr')).toBe(
          true,
        );
        expect(french.length).toBe(
          everyone.filter(({ country, language }) => country === 'FR' && language === 'fr').length,
        );
        expect(await readdir(join(t.dataDir, 'uploads'))).toEqual([]);
      }, 180_000);
    });

    describe('keys, roles and limits', () => {
      let keyed: TestApp;
      let limited: TestApp;
      let mapId: string;

      beforeAll(async () => {
        keyed = await openApp(openStore, {
          KOLMAP_API_KEYS: `vera:viewer:${KEYS.viewer},anna:analyst:${KEYS.analyst},ada:admin:${KEYS.admin}`,
          HOST: '0.0.0.0',
        });
        limited = await openApp(openStore, {
          KOLMAP_RATE_LIMIT: '3',
          KOLMAP_JSON_MAX_BYTES: '200',
          KOLMAP_UPLOAD_MAX_BYTES: '1kb',
          KOLMAP_CORS_ORIGINS: 'https://intranet.example',
        });
        mapId = (await keyed.store.maps.save(smallMap('keyed'))).id;
        created.push(mapId);
      }, 60_000);

      afterAll(async () => {
        await keyed?.close();
        await limited?.close();
      });

      it('listens on every interface only with keys', () => {
        expect(keyed.config.host).toBe('0.0.0.0');
        expect(limited.config.host).toBe('127.0.0.1');
      });

      it('needs a known key, and a role high enough', async () => {
        const none = await request(keyed.app).get(api('/maps')).expect(401);
        expect(none.body.error.code).toBe('UNAUTHENTICATED');
        await request(keyed.app)
          .get(api('/maps'))
          .set('Authorization', 'Bearer not-a-key-at-all')
          .expect(401);
        await request(keyed.app)
          .get(api('/maps'))
          .set('Authorization', `Bearer ${KEYS.viewer}`)
          .expect(200);
        await request(keyed.app).get(api('/maps')).set('X-API-Key', KEYS.viewer).expect(200);
        const forbidden = await request(keyed.app)
          .get(api(`/maps/${mapId}/shortlist.csv`))
          .set('Authorization', `Bearer ${KEYS.viewer}`)
          .expect(403);
        expect(forbidden.body.error.code).toBe('FORBIDDEN');
        await request(keyed.app)
          .post(api('/maps'))
          .set('Authorization', `Bearer ${KEYS.viewer}`)
          .send({ name: 'x', records: [{}] })
          .expect(403);
        await request(keyed.app)
          .get(api(`/maps/${mapId}/shortlist.csv`))
          .set('Authorization', `Bearer ${KEYS.analyst}`)
          .expect(200);
        await request(keyed.app)
          .delete(api(`/maps/${mapId}`))
          .set('Authorization', `Bearer ${KEYS.analyst}`)
          .expect(403);
        const me = await request(keyed.app)
          .get(api('/me'))
          .set('Authorization', `Bearer ${KEYS.analyst}`)
          .expect(200);
        expect(me.body).toEqual({ name: 'anna', role: 'analyst' });
        await request(keyed.app).get(api('/me')).expect(401);
        const audit = await request(keyed.app)
          .get(api(`/maps/${mapId}/audit`))
          .set('Authorization', `Bearer ${KEYS.admin}`)
          .expect(200);
        expect(audit.body.entries.map((e: { actor: string }) => e.actor)).toEqual(['anna']);
        await request(keyed.app)
          .delete(api(`/maps/${mapId}`))
          .set('Authorization', `Bearer ${KEYS.admin}`)
          .expect(204);
        await request(keyed.app).get('/healthz').expect(200);
        await request(keyed.app).get(api('/openapi.json')).expect(200);
      });

      it('limits requests per key, sizes of bodies and uploads, and opens CORS to named origins', async () => {
        const statuses: number[] = [];
        for (let i = 0; i < 4; i++)
          statuses.push((await request(limited.app).get(api('/maps'))).status);
        expect(statuses).toEqual([200, 200, 200, 429]);
        const limitedAgain = await request(limited.app).get(api('/maps'));
        expect(limitedAgain.body.error.code).toBe('TOO_MANY_REQUESTS');
        expect(limitedAgain.headers.ratelimit).toBeDefined();

        const fresh = await openApp(openStore, {
          KOLMAP_JSON_MAX_BYTES: '200',
          KOLMAP_UPLOAD_MAX_BYTES: '1kb',
          KOLMAP_CORS_ORIGINS: 'https://intranet.example',
        });
        try {
          const name = `too big ${Date.now()}`;
          const json = await request(fresh.app)
            .post(api('/maps'))
            .send({
              name,
              records: [{ kind: 'account', platform: 'x', id: 'a', bio: 'x'.repeat(500) }],
            })
            .expect(413);
          expect(json.body.error.code).toBe('TOO_LARGE');
          const file = await request(fresh.app)
            .post(api('/maps'))
            .field('name', name)
            .attach('file', Buffer.alloc(4096, 'a b\n'), 'edges.txt');
          expect(file.status).toBe(413);
          expect(file.body.error.code).toBe('TOO_LARGE');
          const maps = await fresh.store.maps.list({ includeBuilding: true });
          expect(maps.filter((map) => map.name === name)).toEqual([]);
          expect(await readdir(join(fresh.dataDir, 'uploads')).catch(() => [])).toEqual([]);
          const cors = await request(fresh.app)
            .get(api('/maps'))
            .set('Origin', 'https://intranet.example')
            .expect(200);
          expect(cors.headers['access-control-allow-origin']).toBe('https://intranet.example');
        } finally {
          await fresh.close();
        }
      });
    });
  });
}
