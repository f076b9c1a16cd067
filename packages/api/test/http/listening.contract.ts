// The listening routes against a real store: the demo data uploaded with the demo watch list as a
// job, series with filters, topics, the pharmacovigilance review queue and its roles, the
// do-not-contact list in shortlists and the PV exclusions in marketing outputs. Run against the
// embedded store (listening-embedded.test.ts) and a real Neo4j (listening-neo4j.test.ts).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { listenToPosts, loadDataset, purgeExpiredPosts, readWatchList } from '@kolmap/core';
import { drawnAccountAttributes, type MapGraphResponse } from '@kolmap/model';
import type { Express } from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { smallMap } from '../../../../test/store/map-fixtures.js';
import { createApp, JobQueue, loadConfig, type MapStore } from '../../src/index.js';

const DEMO = resolve(import.meta.dirname, '../../../../data/demo');
const WATCH = resolve(import.meta.dirname, '../../../../data/listening-sample/demo-watch.yaml');
/** Retention (730 days) counts back from here: every post of the demo (2024) is kept. */
const NOW = '2025-01-15';
const KEYS = {
  viewer: 'viewer-key-0123456789',
  analyst: 'analyst-key-0123456789',
  admin: 'admin-key-0123456789',
};
const api = (path: string) => `/api/v1${path}`;

interface PvCaseBody {
  id: string;
  status: string;
  assignee: string | null;
  flag: { post: string; text: string };
  history: Array<{ by: string; action: string; from: string | null; to: string | null }>;
}

export function describeListeningApi(name: string, openStore: () => Promise<MapStore>): void {
  describe(`listening API: ${name}`, () => {
    let app: Express;
    let store: MapStore;
    let jobs: JobQueue;
    let dataDir: string;
    let mapId: string;
    let plain: string;
    let cases: PvCaseBody[];
    const as = (role: keyof typeof KEYS) => ({ Authorization: `Bearer ${KEYS[role]}` });

    beforeAll(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'kolmap-listening-api-'));
      const config = loadConfig({
        KOLMAP_DATA_DIR: dataDir,
        KOLMAP_RATE_LIMIT: '0',
        KOLMAP_API_KEYS: `vera:viewer:${KEYS.viewer},anna:analyst:${KEYS.analyst},ada:admin:${KEYS.admin}`,
        KOLMAP_PSEUDONYM_KEY: 'a-test-secret-of-32-characters-at-least',
      });
      store = await openStore();
      jobs = new JobQueue({ store, pseudonymKey: config.pseudonymKey });
      app = createApp({ config, store, jobs, logger: pino({ level: 'silent' }) });

      let upload = request(app)
        .post(api('/maps?wait=false'))
        .set(as('analyst'))
        .field('name', 'demo listened')
        .field('options', JSON.stringify({ layout: false, now: NOW }))
        .attach('watch', await readFile(WATCH), 'demo-watch.yaml');
      for (const file of ['accounts.csv', 'posts.csv', 'follows.csv']) {
        upload = upload.attach('file', await readFile(join(DEMO, file)), file);
      }
      const accepted = await upload.expect(202);
      const job = await jobs.whenFinished(accepted.body.job.id);
      expect(job).toMatchObject({ status: 'succeeded', error: null });
      mapId = job.mapId as string;
      plain = (await store.maps.save(smallMap('not listened'))).id;
      const first = await request(app)
        .get(api(`/maps/${mapId}/pv-cases?limit=500`))
        .set(as('analyst'))
        .expect(200);
      cases = first.body.items;
    }, 300_000);

    afterAll(async () => {
      for (const id of [mapId, plain]) if (id) await store.maps.delete(id).catch(() => undefined);
      await jobs?.close();
      await store?.close();
      await rm(dataDir, { recursive: true, force: true });
    }, 120_000);

    it('saves the listening with the map and tells the viewer about it', async () => {
      const { body: map } = await request(app)
        .get(api(`/maps/${mapId}`))
        .set(as('viewer'))
        .expect(200);
      expect(map.attributes.listening).toEqual({
        watchList: 'Orvenne Pharma, 2024',
        posts: 21000,
        pvCases: 30,
      });
      const { body: drawn } = await request(app)
        .get(api(`/maps/${mapId}/graph`))
        .set(as('viewer'))
        .expect(200);
      const attributes = drawnAccountAttributes((drawn as MapGraphResponse).graph.accounts);
      const toned = attributes.filter((a) => a.tonality !== undefined);
      expect(toned.length).toBeGreaterThan(1000);
      for (const a of toned) expect(Math.abs(a.tonality as number)).toBeLessThanOrEqual(1);
      expect(attributes.some((a) => typeof a.topic === 'string')).toBe(true);
      expect(attributes.some((a) => typeof a.topicCommunity === 'number')).toBe(true);
    });

    it('gives volume, tonality and share of voice per brand and month', async () => {
      const { body } = await request(app)
        .get(api(`/maps/${mapId}/listening`))
        .set(as('viewer'))
        .expect(200);
      expect(body).toMatchObject({ by: 'brand', period: 'month', now: '2025-01-15T00:00:00.000Z' });
      expect(body.counts).toMatchObject({ read: 21000, purged: 0, listened: 21000, pvCases: 30 });
      expect(body.counts.excludedFromMarketing).toBeGreaterThanOrEqual(30);
      expect(body.brands).toHaveLength(13);
      expect(body.brands[0]).toEqual({ name: 'Mammelis', own: true, therapeuticArea: 'oncology' });
      const mammelis = body.series.filter((row: { key: string }) => row.key === 'Mammelis');
      expect(mammelis.map((row: { period: string }) => row.period)).toEqual(
        Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`),
      );
      const months = new Map<string, { share: number; weighted: number }>();
      for (const row of body.shareOfVoice) {
        const month = months.get(row.period) ?? { share: 0, weighted: 0 };
        month.share += row.share;
        month.weighted += row.weightedShare;
        months.set(row.period, month);
      }
      expect(months.size).toBe(12);
      for (const { share, weighted } of months.values()) {
        expect(share).toBeCloseTo(1, 9);
        expect(weighted).toBeCloseTo(1, 9);
      }
    });

    it('filters series by brand, area, platform and dates', async () => {
      const { body: stroke } = await request(app)
        .get(api(`/maps/${mapId}/listening?area=Stroke&period=all`))
        .set(as('viewer'))
        .expect(200);
      expect(stroke.series.map((row: { key: string }) => row.key)).toEqual([
        'Clotavane',
        'Vasclera',
      ]);
      expect(stroke.shareOfVoice.map((row: { brand: string }) => row.brand)).toEqual([
        'Clotavane',
        'Vasclera',
      ]);
      const shares = stroke.shareOfVoice.map((row: { share: number }) => row.share);
      expect(shares[0] + shares[1]).toBeCloseTo(1, 9);

      const { body: all } = await request(app)
        .get(api(`/maps/${mapId}/listening?period=all&by=area`))
        .set(as('viewer'))
        .expect(200);
      const { body: march } = await request(app)
        .get(
          api(
            `/maps/${mapId}/listening?by=topic&brand=clotavane,Vasclera&from=2024-03-01&to=2024-03-31&period=week&top=5&platform=x`,
          ),
        )
        .set(as('viewer'))
        .expect(200);
      const periods = new Set<string>(march.series.map((row: { period: string }) => row.period));
      for (const period of periods) {
        expect(period >= '2024-02-26' && period <= '2024-03-31').toBe(true);
      }
      expect(new Set(march.series.map((row: { key: string }) => row.key)).size).toBeLessThanOrEqual(
        5,
      );
      const marchPosts = march.shareOfVoice.reduce(
        (sum: number, row: { posts: number }) => sum + row.posts,
        0,
      );
      const yearPosts = all.shareOfVoice.reduce(
        (sum: number, row: { posts: number }) => sum + row.posts,
        0,
      );
      expect(marchPosts).toBeGreaterThan(0);
      expect(marchPosts).toBeLessThan(yearPosts / 4);
      expect(march.shareOfVoice.every((row: { brand: string }) => row.brand !== 'Mammelis')).toBe(
        true,
      );

      const bad = await request(app)
        .get(api(`/maps/${mapId}/listening?brand=Nope&period=year`))
        .set(as('viewer'))
        .expect(400);
      expect(bad.body.error.details[0].path).toBe('query.period');
      const unknown = await request(app)
        .get(api(`/maps/${mapId}/listening?brand=Nope`))
        .set(as('viewer'))
        .expect(400);
      expect(unknown.body.error.details).toEqual([
        { path: 'query.brand', message: expect.stringContaining('Mammelis') },
      ]);
      await request(app)
        .get(api(`/maps/${mapId}/listening?from=2024-05-01&to=2024-04-01`))
        .set(as('viewer'))
        .expect(400);
    });

    it('gives topics and thematic communities with leaders, top posts without PV posts', async () => {
      const { body } = await request(app)
        .get(api(`/maps/${mapId}/topics?limit=10`))
        .set(as('viewer'))
        .expect(200);
      expect(body.topics).toHaveLength(10);
      expect(body.topics[0].posts).toBeGreaterThanOrEqual(body.topics[9].posts);
      expect(body.communities.length).toBeGreaterThan(3);
      const flagged = new Set(cases.map(({ id }) => id));
      const topPosts = body.communities.flatMap((c: { topPosts: Array<{ key: string }> }) =>
        c.topPosts.map(({ key }) => key),
      );
      expect(topPosts.length).toBeGreaterThan(10);
      expect(topPosts.filter((key: string) => flagged.has(key))).toEqual([]);
      const leaders = body.communities.flatMap((c: { leaders: Array<{ key: string }> }) =>
        c.leaders.map(({ key }) => key),
      );
      expect(leaders.length).toBeGreaterThan(0);
      for (const key of ['x:x2025', 'tiktok:tt398', 'instagram:ig1608', 'x:x2']) {
        expect(leaders).not.toContain(key);
      }
      expect(body.privacy).toMatchObject({ followerThreshold: 5000 });
      expect(body.privacy.pseudonymised).toBeGreaterThan(0);
      const authors = body.communities.flatMap((c: { topPosts: Array<{ author: string }> }) =>
        c.topPosts.map(({ author }) => author),
      );
      expect(authors.some((author: string) => author.startsWith('anon-'))).toBe(true);

      // Only an admin reverses a pseudonym, and the reversal is logged.
      const pseudonym = authors.find((author: string) => author.startsWith('anon-')) as string;
      await request(app)
        .get(api(`/maps/${mapId}/pseudonyms/${pseudonym}`))
        .set(as('analyst'))
        .expect(403);
      const revealed = await request(app)
        .get(api(`/maps/${mapId}/pseudonyms/${pseudonym}`))
        .set(as('admin'))
        .expect(200);
      expect(revealed.body.accountKey).toMatch(/^[a-z]+:/);
      expect(revealed.body.accountKey.startsWith('anon-')).toBe(false);
      await request(app)
        .get(api(`/maps/${mapId}/pseudonyms/anon-0000000000000000`))
        .set(as('admin'))
        .expect(404);
      const audit = await request(app)
        .get(api(`/maps/${mapId}/audit`))
        .set(as('admin'))
        .expect(200);
      expect(audit.body.entries).toContainEqual(
        expect.objectContaining({ actor: 'ada', what: `pseudonym ${pseudonym}` }),
      );

      const { body: byCommunity } = await request(app)
        .get(api(`/maps/${mapId}/listening?by=community&period=all`))
        .set(as('viewer'))
        .expect(200);
      expect(byCommunity.series.map((row: { key: string }) => Number(row.key)).sort()).toEqual(
        body.communities.map((c: { id: number }) => c.id).sort(),
      );
    });

    it('opens one case per post core flags: the 30 planted cases, named after the uploader', async () => {
      const watch = await readWatchList(WATCH);
      const dataset = await loadDataset([DEMO]);
      const kept = purgeExpiredPosts(dataset.posts, watch.compliance?.retentionDays ?? {}, NOW);
      const authors = new Map(dataset.accounts.map((account) => [account.key, account]));
      const flags = listenToPosts(kept.kept, watch, authors).pvFlags;
      expect(flags).toHaveLength(30);
      expect(cases.map(({ id }) => id).sort()).toEqual(flags.map(({ post }) => post).sort());
      for (const item of cases) {
        expect(item).toMatchObject({ status: 'new', assignee: null });
        expect(item.history).toEqual([
          expect.objectContaining({ by: 'anna', action: 'flagged', to: 'new' }),
        ]);
      }
    }, 120_000);

    it('pages the queue and keeps PV data from viewers', async () => {
      const first = await request(app)
        .get(api(`/maps/${mapId}/pv-cases?limit=20`))
        .set(as('admin'))
        .expect(200);
      expect(first.body.items).toHaveLength(20);
      const counted = Object.values(first.body.byStatus as Record<string, number>);
      expect(Object.keys(first.body.byStatus).sort()).toEqual([
        'dismissed',
        'in_review',
        'new',
        'reported',
      ]);
      expect(counted.reduce((sum, n) => sum + n, 0)).toBe(cases.length);
      for (const item of first.body.items) {
        expect(item.allowedChanges).toEqual(
          item.status === 'new'
            ? [
                { status: 'in_review', needsNote: false },
                { status: 'reported', needsNote: false },
                { status: 'dismissed', needsNote: true },
              ]
            : expect.any(Array),
        );
      }
      const second = await request(app)
        .get(api(`/maps/${mapId}/pv-cases?limit=20&cursor=${first.body.nextCursor}`))
        .set(as('analyst'))
        .expect(200);
      expect(second.body.nextCursor).toBeNull();
      expect([...first.body.items, ...second.body.items]).toEqual(cases);

      const id = encodeURIComponent(cases[0]?.id as string);
      for (const call of [
        request(app).get(api(`/maps/${mapId}/pv-cases`)),
        request(app).get(api(`/maps/${mapId}/pv-cases/${id}`)),
        request(app)
          .patch(api(`/maps/${mapId}/pv-cases/${id}`))
          .send({ note: 'x' }),
      ]) {
        const denied = await call.set(as('viewer')).expect(403);
        expect(denied.body.error.code).toBe('FORBIDDEN');
      }
      await request(app)
        .get(api(`/maps/${mapId}/pv-cases`))
        .expect(401);
      const one = await request(app)
        .get(api(`/maps/${mapId}/pv-cases/${id}`))
        .set(as('analyst'))
        .expect(200);
      expect(one.body).toEqual(cases[0]);
      await request(app)
        .get(api(`/maps/${mapId}/pv-cases/${encodeURIComponent('x:nothing')}`))
        .set(as('analyst'))
        .expect(404);
      const bad = await request(app)
        .get(api(`/maps/${mapId}/pv-cases?status=open`))
        .set(as('analyst'))
        .expect(400);
      expect(bad.body.error.details[0].path).toMatch(/^query\.status/);
    });

    it('takes a case through its statuses, refusing bad transitions with the allowed ones', async () => {
      const item = cases[1] as PvCaseBody;
      const path = api(`/maps/${mapId}/pv-cases/${encodeURIComponent(item.id)}`);
      const patch = (role: keyof typeof KEYS, body: object) =>
        request(app).patch(path).set(as(role)).send(body);

      const taken = await patch('analyst', { status: 'in_review', assignee: 'anna' }).expect(200);
      expect(taken.body).toMatchObject({
        status: 'in_review',
        assignee: 'anna',
        allowedChanges: [
          { status: 'reported', needsNote: false },
          { status: 'dismissed', needsNote: true },
        ],
      });
      const back = await patch('analyst', { status: 'new' }).expect(409);
      expect(back.body.error).toMatchObject({
        code: 'INVALID_REVIEW_CHANGE',
        details: [{ status: 'in_review', allowed: ['reported', 'dismissed'] }],
      });
      const silent = await patch('analyst', { status: 'dismissed' }).expect(409);
      expect(silent.body.error.message).toContain('note');
      await patch('analyst', { status: 'dismissed', note: 'a news item, no patient' }).expect(200);
      await patch('admin', { status: 'in_review' }).expect(409);
      await patch('admin', { status: 'in_review', note: 'the author wrote again' }).expect(200);
      const reported = await patch('admin', { status: 'reported', note: 'sent, ref 2024-17' });
      expect(reported.status).toBe(200);
      const final = await patch('admin', { status: 'dismissed', note: 'no' }).expect(409);
      expect(final.body.error.details[0].allowed).toEqual([]);
      await patch('analyst', {}).expect(400);
      await patch('analyst', { status: 'closed' }).expect(400);

      const { body: trail } = await request(app).get(path).set(as('analyst')).expect(200);
      expect(trail.status).toBe('reported');
      expect(trail.allowedChanges).toEqual([]);
      expect(
        trail.history.map((entry: PvCaseBody['history'][number]) => [
          entry.action,
          entry.by,
          entry.from,
          entry.to,
        ]),
      ).toEqual([
        ['flagged', 'anna', null, 'new'],
        ['status', 'anna', 'new', 'in_review'],
        ['assignee', 'anna', null, 'anna'],
        ['status', 'anna', 'in_review', 'dismissed'],
        ['status', 'ada', 'dismissed', 'in_review'],
        ['status', 'ada', 'in_review', 'reported'],
      ]);
      const { body: reportedOnly } = await request(app)
        .get(api(`/maps/${mapId}/pv-cases?status=reported`))
        .set(as('analyst'))
        .expect(200);
      expect(reportedOnly.items.map(({ id }: PvCaseBody) => id)).toEqual([item.id]);
      expect(reportedOnly.byStatus.reported).toBe(1);
      expect(
        Object.values(reportedOnly.byStatus as Record<string, number>).reduce((a, b) => a + b, 0),
      ).toBe(cases.length);
    });

    it('honours the do-not-contact list in every shortlist', async () => {
      const { body: kols } = await request(app)
        .get(api(`/maps/${mapId}/kols?limit=200`))
        .set(as('viewer'))
        .expect(200);
      expect(kols.items.map(({ key }: { key: string }) => key)).toContain('x:x2025');
      const csv = await request(app)
        .get(api(`/maps/${mapId}/shortlist.csv?limit=3000`))
        .set(as('analyst'))
        .expect(200);
      const keys = csv.text
        .trim()
        .split(/\r?\n/)
        .slice(1)
        .map((row) => row.split(',')[1]);
      expect(keys.length).toBeGreaterThan(1000);
      for (const key of ['x:x2025', 'tiktok:tt398', 'instagram:ig1608', 'x:x2']) {
        expect(keys).not.toContain(key);
      }
      const json = await request(app)
        .get(api(`/maps/${mapId}/shortlist.json?mode=diverse&limit=50`))
        .set(as('analyst'))
        .expect(200);
      expect(json.body.map((row: { key: string }) => row.key)).not.toContain('x:x2025');
      const refused = await request(app)
        .post(api(`/maps/${mapId}/shortlists`))
        .set(as('analyst'))
        .send({ name: 'picked by hand', accountKeys: ['tiktok:tt1', 'tiktok:tt398'] })
        .expect(400);
      expect(refused.body.error.details).toEqual([
        { path: 'body.accountKeys[1]', message: 'tiktok:tt398 is on the do-not-contact list' },
      ]);
      await request(app)
        .post(api(`/maps/${mapId}/shortlists`))
        .set(as('analyst'))
        .send({ name: 'picked by hand', accountKeys: ['tiktok:tt1'] })
        .expect(201);
    });

    it('answers 404 with a clear message for a map analysed without a watch list', async () => {
      for (const path of ['listening', 'topics', 'pv-cases', 'pv-cases/x%3Ap1']) {
        const { body } = await request(app)
          .get(api(`/maps/${plain}/${path}`))
          .set(as('admin'))
          .expect(404);
        expect(body.error.code).toBe('NOT_FOUND');
        expect(body.error.message).toContain('without a watch list');
      }
      await request(app)
        .patch(api(`/maps/${plain}/pv-cases/x%3Ap1`))
        .set(as('admin'))
        .send({ note: 'n' })
        .expect(404);
      await request(app)
        .get(api('/maps/0123456789abcdefghij/listening'))
        .set(as('admin'))
        .expect(404);
    });

    it('refuses a bad watch list naming its line and field, and privacy without a key', async () => {
      const bad = await request(app)
        .post(api('/maps'))
        .set(as('analyst'))
        .field('name', 'bad watch list')
        .field('watch', 'products:\n  - name: Clotavane\n    molecules: 12\n')
        .attach('file', await readFile(join(DEMO, 'accounts.csv')), 'accounts.csv')
        .expect(400);
      expect(bad.body.error.details[0]).toMatchObject({
        file: 'watch',
        line: 3,
        field: 'products[0].molecules',
      });
      const twice = await request(app)
        .post(api('/maps'))
        .set(as('analyst'))
        .field('name', 'two watch lists')
        .field('options', JSON.stringify({ watch: { products: [{ name: 'A' }] } }))
        .field('watch', 'products: [{ name: B }]')
        .attach('file', await readFile(join(DEMO, 'accounts.csv')), 'accounts.csv')
        .expect(400);
      expect(twice.body.error.details[0].path).toBe('body.watch');

      const keyless = createApp({
        config: loadConfig({ KOLMAP_DATA_DIR: dataDir, KOLMAP_RATE_LIMIT: '0' }),
        store,
        jobs,
        logger: pino({ level: 'silent' }),
      });
      const refused = await request(keyless)
        .post(api('/maps'))
        .send({
          name: 'private without a key',
          options: { watch: { products: [{ name: 'Clotavane' }], compliance: { privacy: {} } } },
          records: [{ kind: 'account', platform: 'x', id: 'a' }],
        })
        .expect(400);
      expect(refused.body.error.details[0].path).toBe('body.options.watch.compliance.privacy');
    });

    it('documents the listening routes in OpenAPI', async () => {
      const { body } = await request(app).get(api('/openapi.json')).expect(200);
      for (const path of [
        '/api/v1/maps/{id}/listening',
        '/api/v1/maps/{id}/topics',
        '/api/v1/maps/{id}/pv-cases',
        '/api/v1/maps/{id}/pv-cases/{caseId}',
      ]) {
        expect(Object.keys(body.paths)).toContain(path);
      }
      expect(body.paths['/api/v1/maps/{id}/pv-cases'].get['x-kolmap-role']).toBe('analyst');
      expect(
        body.paths['/api/v1/maps/{id}/pv-cases/{caseId}'].patch.responses['409'],
      ).toBeDefined();
    });
  });
}
