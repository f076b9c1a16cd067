// Fuzz suite of the HTTP API (issue 16): generated and mutated requests at every route the OpenAPI
// document lists — params, query strings, JSON bodies, multipart uploads of garbage files — over the
// embedded store. No answer may be a 5xx, the server must keep answering, and the maps stored before
// the run must come out of it unchanged, and memory stays bounded. 3,600 seeded cases (see RUNS).

import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { pino } from 'pino';
import request from 'supertest';
import { smallMap } from '../../../../test/store/map-fixtures.js';
import {
  createApp,
  EmbeddedMapStore,
  JobQueue,
  loadConfig,
  type MapSummary,
} from '../../src/index.js';

const SEED = 16_2026;
/** Cases per property; 3,600 requests in all. */
const RUNS = { routes: 3_000, uploads: 200, rawBodies: 400 };
const api = (path: string) => `/api/v1${path}`;

interface Operation {
  method: 'get' | 'post' | 'patch' | 'delete';
  /** OpenAPI path, e.g. `/api/v1/maps/{id}`. */
  path: string;
  query: string[];
  bodyKeys: string[];
}

interface Snapshot {
  maps: Array<Pick<MapSummary, 'id' | 'name' | 'status' | 'directed' | 'counts'>>;
  kols: unknown;
  shortlists: unknown[];
  account: unknown;
  csv: string;
}

let dataDir: string;
let store: EmbeddedMapStore;
let jobs: JobQueue;
let server: Server;
let keep: MapSummary;
let victim: MapSummary;
let shortlistId: string;
let operations: Operation[];
let before: Snapshot;
const statuses = new Map<number, number>();
let rssBefore: number;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'kolmap-fuzz-api-'));
  const config = loadConfig({
    KOLMAP_DATA_DIR: dataDir,
    KOLMAP_DEMO: 'false',
    KOLMAP_RATE_LIMIT: '0',
    KOLMAP_UPLOAD_MAX_BYTES: '256kb',
    KOLMAP_MAX_RECORDS: '2000',
    KOLMAP_MAX_LINE_LENGTH: '4096',
  });
  store = new EmbeddedMapStore({ dataDir });
  await store.init();
  jobs = new JobQueue({ store, limits: config.inputLimits });
  const app = createApp({ config, store, jobs, logger: pino({ level: 'silent' }) });
  server = app.listen(0, '127.0.0.1');
  await new Promise((done) => server.once('listening', done));
  keep = await store.maps.save(smallMap('fuzz keep'));
  victim = await store.maps.save(smallMap('fuzz victim'));
  const saved = await request(server)
    .post(api(`/maps/${keep.id}/shortlists`))
    .send({ name: 'fuzz shortlist', accountKeys: ['x:a', 'x:b'] })
    .expect(201);
  shortlistId = saved.body.id;
  operations = await openApiOperations();
  before = await snapshot();
  rssBefore = process.memoryUsage().rss;
}, 120_000);

afterAll(async () => {
  await new Promise((done) => server.close(done));
  await jobs.close();
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Every operation of the OpenAPI document, with its query parameters and JSON body keys. */
async function openApiOperations(): Promise<Operation[]> {
  const { body } = await request(server).get(api('/openapi.json')).expect(200);
  const list: Operation[] = [];
  for (const [path, item] of Object.entries<Record<string, OpenApiOperation>>(body.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!['get', 'post', 'patch', 'delete'].includes(method)) continue;
      const schema = operation.requestBody?.content?.['application/json']?.schema;
      list.push({
        method: method as Operation['method'],
        path,
        query: (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        bodyKeys: Object.keys(resolve(body, schema)?.properties ?? {}),
      });
    }
  }
  return list;
}

interface OpenApiOperation {
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

interface JsonSchema {
  $ref?: string;
  properties?: Record<string, unknown>;
}

function resolve(
  document: { components?: { schemas?: Record<string, JsonSchema> } },
  schema?: JsonSchema,
) {
  if (!schema?.$ref) return schema;
  return document.components?.schemas?.[schema.$ref.split('/').pop() ?? ''];
}

/**
 * What the run must not change: the kept map (its summary, a KOL page, its saved shortlist, an
 * account). Only the victim map may be deleted or renamed; accepted renames of the kept map are
 * undone at once (see `check`), and new shortlists and maps that requests saved are not compared.
 */
async function snapshot(): Promise<Snapshot> {
  const maps = (await store.maps.list())
    .filter((map) => map.id === keep.id)
    .map(({ id, name, status, directed, counts }) => ({ id, name, status, directed, counts }));
  const kols = (
    await request(server)
      .get(api(`/maps/${keep.id}/kols?limit=50`))
      .expect(200)
  ).body;
  const shortlists = (
    await request(server)
      .get(api(`/maps/${keep.id}/shortlists`))
      .expect(200)
  ).body.shortlists.filter((item: { id: string }) => item.id === shortlistId);
  const account = (
    await request(server)
      .get(api(`/maps/${keep.id}/accounts/x:a`))
      .expect(200)
  ).body;
  const csv = (
    await request(server)
      .get(api(`/maps/${keep.id}/shortlists/${shortlistId}.csv`))
      .expect(200)
  ).text;
  return { maps, kols, shortlists, account, csv };
}

/** Strings that break parsers, paths and queries. */
const hostile = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.stringMatching(/^[0-9a-z]{20}$/),
  fc.integer({ min: -1e9, max: 1e9 }).map(String),
  fc.constantFrom(
    '',
    '..',
    '../../etc/passwd',
    '%2e%2e%2f',
    '%00',
    '%',
    '%zz',
    'NaN',
    '-1',
    '1e309',
    '0x10',
    'true',
    '[]',
    '{}',
    "' OR 1=1 --",
    '{"$gt":""}',
    '<script>',
    '=cmd|',
    'x'.repeat(5000),
  ),
);

/** A path parameter: a real id (so handlers run past their 404), or something hostile. */
function paramValue(name: string, method: Operation['method']): fc.Arbitrary<string> {
  const real: Record<string, string[]> = {
    id: method === 'delete' ? [victim.id] : [keep.id, victim.id],
    cid: ['0', '1', '2', '99'],
    key: ['x:a', 'linkedin:d', 'x:zz'],
    sid: [shortlistId],
  };
  const known = real[name] ?? [];
  const encoded = hostile.map((value) => encodeURIComponent(value));
  const raw = hostile.filter((value) => !/[/?#\s]/.test(value));
  return known.length > 0
    ? fc.oneof({ arbitrary: fc.constantFrom(...known), weight: 4 }, encoded, raw)
    : fc.oneof(encoded, raw);
}

/** Values a route accepts (names, account keys, review states, numbers) to get past validation. */
const plausible = fc.constantFrom<unknown>(
  'fuzz name',
  ['x:a', 'x:b'],
  ['x:zz'],
  [],
  'confirmed',
  'dismissed',
  'open',
  1,
  10,
  true,
  { community: 0 },
);

const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: 'small' },
  { arbitrary: plausible, weight: 3 },
  hostile,
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
  fc.array(hostile, { maxLength: 4 }),
);

/** A JSON body: empty, any JSON, or an object of the route's own keys with generated values. */
function jsonBody(keys: string[]): fc.Arbitrary<unknown> {
  const own =
    keys.length > 0
      ? fc.dictionary(fc.constantFrom(...keys), jsonValue, { maxKeys: keys.length })
      : fc.constant({});
  return fc.oneof(own, own, fc.jsonValue({ maxDepth: 4 }), fc.constant(undefined));
}

const requestCase = (operation: Operation) =>
  fc.record({
    params: fc.tuple(
      ...[...operation.path.matchAll(/\{(\w+)\}/g)].map((m) =>
        paramValue(m[1] ?? '', operation.method),
      ),
      fc.constant(''),
    ),
    query: fc.dictionary(
      fc.oneof(
        { arbitrary: fc.constantFrom(...operation.query, 'wait', 'limit', 'cursor'), weight: 4 },
        hostile,
      ),
      fc.oneof(
        {
          arbitrary: fc.constantFrom(
            '0',
            '1',
            '5',
            '50',
            'true',
            'false',
            'x:a',
            'x:b',
            'onco',
            'json',
          ),
          weight: 3,
        },
        hostile,
        fc.array(hostile, { maxLength: 3 }),
      ),
      { maxKeys: 4 },
    ),
    body: jsonBody(operation.bodyKeys),
    accept: fc.constantFrom(undefined, 'application/json', 'text/csv', '*/*', 'x/y;q=abc'),
  });

/** Fills the `{name}` parts of an OpenAPI path in order. */
function fill(path: string, values: string[]): string {
  let index = 0;
  return path.replace(/\{\w+\}/g, () => values[index++] ?? '');
}

function queryString(query: Record<string, string | string[]>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, item);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Records an answer's status; a 5xx fails the case. A rename of the kept map is undone at once. */
async function check(
  answer: request.Response,
  what: string,
  operation?: Operation,
  path?: string,
): Promise<void> {
  statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
  if (what.startsWith('upload') && answer.status !== 400)
    console.log(answer.status, what, JSON.stringify(answer.body).slice(0, 200));
  if (answer.status >= 500) {
    throw new Error(`${what} → ${answer.status} ${JSON.stringify(answer.body).slice(0, 500)}`);
  }
  if (operation?.method === 'patch' && path === api(`/maps/${keep.id}`) && answer.status === 200) {
    await request(server).patch(path).send({ name: keep.name }).expect(200);
  }
}

describe(`HTTP API under fuzzing (${RUNS.routes + RUNS.uploads + RUNS.rawBodies} requests, seed ${SEED})`, () => {
  it('lists the routes to fuzz from the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThanOrEqual(25);
    expect(operations.map((o) => `${o.method} ${o.path}`)).toEqual(
      expect.arrayContaining([
        'post /api/v1/maps',
        'delete /api/v1/maps/{id}',
        'patch /api/v1/maps/{id}',
      ]),
    );
  });

  it('answers generated params, queries and JSON bodies on every route without a 5xx', async () => {
    const cases = fc
      .integer({ min: 0, max: operations.length - 1 })
      .chain((index) =>
        requestCase(operations[index] as Operation).map((input) => ({ index, input })),
      );
    await fc.assert(
      fc.asyncProperty(cases, async ({ index, input }) => {
        const operation = operations[index] as Operation;
        const path = fill(operation.path, input.params);
        // The SSE stream of a real job would stay open; fuzzed job ids are never real.
        let call = request(server)
          [operation.method](`${path}${queryString(input.query)}`)
          .timeout(10_000);
        if (input.accept) call = call.set('Accept', input.accept);
        if (operation.method !== 'get' && input.body !== undefined) {
          call = call.set('Content-Type', 'application/json').send(JSON.stringify(input.body));
        }
        await check(await call, `${operation.method.toUpperCase()} ${path}`, operation, path);
      }),
      { seed: SEED, numRuns: RUNS.routes },
    );
  }, 300_000);

  it('answers multipart uploads of garbage and mutated files without a 5xx', async () => {
    const names = fc.oneof(
      fc.constantFrom(
        'accounts.csv',
        'follows.csv',
        'posts.csv',
        'interactions.csv',
        'edges.csv',
        'edges.txt',
        'records.jsonl',
        'g.gml',
        'g.gexf',
        'g.graphml',
        'edges.csv.gz',
        'notes.docx',
        '../../x.csv',
        '',
      ),
      hostile,
    );
    const content = fc.oneof(
      {
        arbitrary: fc.constantFrom(
          'a,b\nb,c\nc,a\n',
          'a b\nb c\n',
          'source,target,weight\na,b,1e400\n',
        ),
        weight: 3,
      },
      fc
        .array(fc.tuple(hostile, hostile), { maxLength: 20 })
        .map((rows) => rows.map((r) => r.join(',')).join('\n')),
      fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
      fc.constant(`graph [ ${'node [ id 1 ] '.repeat(3)}`),
      fc.constant('a,b\n'.repeat(70_000)),
    );
    const file = fc.oneof(
      fc.record({ name: names, content, gzip: fc.boolean() }),
      fc.constantFrom(
        { name: 'edges.csv', content: 'a,b\nb,c\nc,a\n', gzip: false },
        { name: 'edges.csv.gz', content: 'a,b\nb,c\nc,a\nc,d\n', gzip: true },
      ),
    );
    const upload = fc.record({
      name: fc.option(fc.oneof({ arbitrary: fc.constant('fuzz upload'), weight: 3 }, hostile), {
        freq: 8,
      }),
      options: fc.option(
        fc.oneof(
          hostile,
          fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
        ),
        { freq: 2 },
      ),
      watch: fc.option(hostile, { freq: 2 }),
      files: fc.array(file, { maxLength: 3 }),
      wait: fc.constantFrom(undefined, 'true', 'false', 'maybe'),
    });
    await fc.assert(
      fc.asyncProperty(upload, async (input) => {
        const query = input.wait === undefined ? '' : `?wait=${input.wait}`;
        let call = request(server)
          .post(api(`/maps${query}`))
          .timeout(30_000);
        if (input.name !== null) call = call.field('name', input.name);
        if (input.options !== null) call = call.field('options', input.options);
        if (input.watch !== null) call = call.field('watch', input.watch);
        for (const f of input.files) {
          const bytes = Buffer.from(f.content, 'latin1');
          call = call.attach('file', f.gzip ? gzipSync(bytes) : bytes, f.name || 'unnamed');
        }
        await check(await call, `upload ${JSON.stringify(input).slice(0, 300)}`);
      }),
      { seed: SEED, numRuns: RUNS.uploads },
    );
  }, 300_000);

  it('answers raw bodies with any content type without a 5xx', async () => {
    const writes = () => operations.filter((o) => o.method !== 'get');
    const raw = fc.record({
      index: fc.nat(),
      params: fc.array(hostile, { maxLength: 3 }),
      contentType: fc.constantFrom(
        'application/json',
        'application/json; charset=latin1',
        'text/plain',
        'multipart/form-data',
        'multipart/form-data; boundary=x',
        'application/x-www-form-urlencoded',
        'application/octet-stream',
        'application/gzip',
      ),
      body: fc.oneof(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.jsonValue().map((v) => JSON.stringify(v).slice(0, -1)),
        fc.nat({ max: 3000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
        fc
          .nat({ max: 3000 })
          .map((depth) => `{"name":"n","records":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`),
        fc.constant(
          '--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\na,b',
        ),
      ),
    });
    await fc.assert(
      fc.asyncProperty(raw, async (input) => {
        const list = writes();
        const operation = list[input.index % list.length] as Operation;
        const values = input.params.map((value) => encodeURIComponent(value) || 'x');
        const path = fill(operation.path, [...values, victim.id, victim.id]);
        const answer = await request(server)
          [operation.method](path)
          .timeout(10_000)
          .set('Content-Type', input.contentType)
          .send(input.body);
        await check(
          answer,
          `${operation.method.toUpperCase()} ${path} (${input.contentType})`,
          operation,
          path,
        );
      }),
      { seed: SEED, numRuns: RUNS.rawBodies },
    );
  }, 300_000);

  it('keeps the server up and the stored maps unchanged by the requests it refused', async () => {
    await request(server).get('/healthz').expect(200);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(512 * 1024 ** 2);
    const after = await snapshot();
    expect(after).toEqual(before);
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(RUNS.routes + RUNS.uploads + RUNS.rawBodies);
    expect([...statuses.keys()].filter((status) => status >= 500)).toEqual([]);
    // The requests reached the handlers: reads, saved uploads and refusals all occurred.
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([200, 201, 400, 404, 413, 415]));
  });
});
