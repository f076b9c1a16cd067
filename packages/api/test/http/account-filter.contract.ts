// One account filter: `/kols`, `shortlist.json` and the viewer's filters select the same accounts for
// the same filters, on a map of accounts and actors with several languages (`fr`, `fr-CA`, `FR`…),
// platforms, countries, roles and scores. Run against the embedded store and a real Neo4j
// (account-filter-embedded.test.ts, account-filter-neo4j.test.ts), through the HTTP API.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MapGraphResponse } from '@kolmap/model';
import { DirectedGraph } from 'graphology';
import { pino } from 'pino';
import request from 'supertest';
import {
  createApp,
  JobQueue,
  loadConfig,
  type MapStore,
  type SaveMapInput,
} from '../../src/index.js';

/**
 * Twelve nodes: accounts on one platform and actors on several (`platforms`), languages `fr`,
 * `fr-CA`, `FR`, `fr-ca`, `fra`, `en`, `en-GB` and none, countries in any case, every role, and
 * one account without a score (never in a shortlist).
 */
export function filterMap(name: string): SaveMapInput {
  const graph = new DirectedGraph();
  const accounts: Array<[string, Record<string, unknown>]> = [
    [
      'x:fr',
      {
        platform: 'x',
        language: 'fr',
        country: 'FR',
        role: 'leader',
        actorType: 'hcp',
        community: 0,
        kolScore: 95,
      },
    ],
    [
      'x:frca',
      {
        platform: 'x',
        language: 'fr-CA',
        country: 'CA',
        role: 'bridge',
        actorType: 'patient',
        community: 1,
        kolScore: 80,
      },
    ],
    [
      'linkedin:upper',
      {
        platform: 'linkedin',
        language: 'FR',
        country: 'fr',
        role: 'community_leader',
        actorType: 'hcp',
        community: 0,
        kolScore: 70,
      },
    ],
    [
      'youtube:lowerca',
      {
        platform: 'youtube',
        language: 'fr-ca',
        country: 'ca',
        role: 'amplifier',
        actorType: 'media',
        community: 2,
        kolScore: 55,
      },
    ],
    [
      'x:fra',
      {
        platform: 'x',
        language: 'fra',
        country: 'BE',
        role: 'peripheral',
        actorType: 'patient',
        community: 1,
        kolScore: 40,
      },
    ],
    [
      'x:en',
      {
        platform: 'x',
        language: 'en',
        country: 'GB',
        role: 'leader',
        actorType: 'journalist',
        community: 2,
        kolScore: 88,
      },
    ],
    [
      'instagram:engb',
      {
        platform: 'instagram',
        language: 'en-GB',
        country: 'gb',
        role: 'peripheral',
        actorType: 'influencer',
        community: 1,
        kolScore: 20,
      },
    ],
    ['x:none', { platform: 'x', role: 'peripheral', community: 0, kolScore: 10 }],
    [
      'x:unscored',
      { platform: 'x', language: 'fr', country: 'FR', actorType: 'hcp', community: 0 },
    ],
    [
      'actor:multi',
      {
        platforms: ['linkedin', 'youtube'],
        accounts: ['linkedin:m', 'youtube:m'],
        language: 'fr-CA',
        country: 'CA',
        role: 'bridge',
        actorType: 'hcp',
        community: 1,
        kolScore: 65,
      },
    ],
    [
      'actor:both',
      {
        platforms: ['x', 'instagram'],
        accounts: ['x:b', 'instagram:b'],
        language: 'en',
        country: 'FR',
        role: 'leader',
        actorType: 'pharma',
        community: 2,
        kolScore: 75,
      },
    ],
    [
      'actor:nolang',
      {
        platforms: ['bluesky', 'mastodon'],
        accounts: ['bluesky:n', 'mastodon:n'],
        country: 'DE',
        role: 'amplifier',
        actorType: 'researcher',
        community: 0,
        kolScore: 30,
      },
    ],
  ];
  for (const [key, attributes] of accounts) graph.addNode(key, attributes);
  graph.addEdge('x:frca', 'x:fr', { weight: 2 });
  graph.addEdge('actor:multi', 'x:en', { weight: 1 });
  graph.addEdge('x:fra', 'actor:both', { weight: 3 });
  return { name, graph: graph.export() };
}

/**
 * The viewer's filters as the contract uses them. The viewer's modules are loaded by path: they are
 * written for the browser bundler (graphology's default export), not type-checked with the API.
 */
interface ViewerFilters {
  /** The keys of the accounts the filters let through (viewer's graph/filters.ts). */
  filterAccounts(graph: unknown, filters: object, degrees: () => unknown): Set<string>;
  toMapGraph(serialized: MapGraphResponse['graph']): unknown;
  neighbourCounts(graph: unknown): unknown;
  DEFAULT_FILTERS: object;
}

async function viewerFilters(): Promise<ViewerFilters> {
  const load = (path: string) => import(path) as Promise<Partial<ViewerFilters>>;
  const [filters, graph, state] = await Promise.all([
    load('../../../viewer/src/graph/filters.js'),
    load('../../../viewer/src/graph/map-graph.js'),
    load('../../../viewer/src/state/view-state.js'),
  ]);
  return { ...filters, ...graph, ...state } as ViewerFilters;
}

/** The viewer's filters (state/view-state.ts `Filters`): lists of values, score bounds. */
interface Filters {
  communities: number[];
  actorTypes: string[];
  platforms: string[];
  languages: string[];
  countries: string[];
  roles: string[];
  minScore: number;
  maxScore: number;
}

interface FilterCase {
  /** The `/kols` and shortlist query. */
  query: string;
  /** The same filters as the viewer holds them. */
  filters: Partial<Filters>;
  /** What `/kols` finds, when the case pins it down. */
  expected?: string[];
}

const CASES: FilterCase[] = [
  { query: '', filters: {} },
  {
    query: 'language=fr',
    filters: { languages: ['fr'] },
    expected: ['actor:multi', 'linkedin:upper', 'x:fr', 'x:frca', 'x:unscored', 'youtube:lowerca'],
  },
  {
    query: 'language=FR',
    filters: { languages: ['FR'] },
    expected: ['actor:multi', 'linkedin:upper', 'x:fr', 'x:frca', 'x:unscored', 'youtube:lowerca'],
  },
  {
    query: 'language=fr-CA',
    filters: { languages: ['fr-CA'] },
    expected: ['actor:multi', 'x:frca', 'youtube:lowerca'],
  },
  {
    query: 'language=en,fr-ca',
    filters: { languages: ['en', 'fr-ca'] },
    expected: ['actor:both', 'actor:multi', 'instagram:engb', 'x:en', 'x:frca', 'youtube:lowerca'],
  },
  { query: 'language=fra', filters: { languages: ['fra'] }, expected: ['x:fra'] },
  {
    query: 'country=fr',
    filters: { countries: ['fr'] },
    expected: ['actor:both', 'linkedin:upper', 'x:fr', 'x:unscored'],
  },
  {
    query: 'platform=linkedin',
    filters: { platforms: ['linkedin'] },
    expected: ['actor:multi', 'linkedin:upper'],
  },
  { query: 'platform=x&language=fr', filters: { platforms: ['x'], languages: ['fr'] } },
  { query: 'platform=youtube,mastodon', filters: { platforms: ['youtube', 'mastodon'] } },
  { query: 'role=leader,bridge', filters: { roles: ['leader', 'bridge'] } },
  { query: 'actorType=hcp&minScore=30', filters: { actorTypes: ['hcp'], minScore: 30 } },
  { query: 'minScore=20&maxScore=70', filters: { minScore: 20, maxScore: 70 } },
  { query: 'community=1&country=CA', filters: { communities: [1], countries: ['CA'] } },
  {
    query: 'community=0,2&platform=x&language=en',
    filters: { communities: [0, 2], platforms: ['x'], languages: ['en'] },
    expected: ['actor:both', 'x:en'],
  },
];

export type FilterStoreFactory = () => Promise<MapStore>;

export function describeAccountFilterContract(name: string, openStore: FilterStoreFactory): void {
  describe(`one account filter for /kols, shortlists and the viewer: ${name}`, () => {
    let store: MapStore;
    let jobs: JobQueue;
    let dataDir: string;
    let app: ReturnType<typeof createApp>;
    let mapId: string;
    let drawn: MapGraphResponse;
    let viewer: ViewerFilters;

    beforeAll(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'kolmap-filter-'));
      store = await openStore();
      jobs = new JobQueue({ store });
      const config = loadConfig({ KOLMAP_DATA_DIR: dataDir, KOLMAP_RATE_LIMIT: '0' });
      app = createApp({ config, store, jobs, logger: pino({ level: 'silent' }) });
      mapId = (await store.maps.save(filterMap(`filters ${Date.now()}`))).id;
      drawn = (await request(app).get(`/api/v1/maps/${mapId}/graph`).expect(200)).body;
      viewer = await viewerFilters();
    }, 120_000);

    afterAll(async () => {
      if (mapId) await store.maps.delete(mapId).catch(() => undefined);
      await jobs?.close();
      await store?.close();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    }, 120_000);

    const scored = new Set(
      filterMap('scores')
        .graph.nodes.filter((node) => typeof node.attributes?.kolScore === 'number')
        .map((node) => node.key),
    );

    it.each(CASES)(
      'selects the same accounts for ?$query',
      async ({ query, filters, expected }) => {
        const kols = await request(app)
          .get(`/api/v1/maps/${mapId}/kols?limit=1000&${query}`)
          .expect(200);
        const fromKols = (kols.body.items as Array<{ key: string }>).map(({ key }) => key).sort();
        const shortlist = await request(app)
          .get(`/api/v1/maps/${mapId}/shortlist.json?limit=1000&${query}`)
          .expect(200);
        const fromShortlist = (JSON.parse(shortlist.text) as Array<{ key: string }>)
          .map(({ key }) => key)
          .sort();
        const graph = viewer.toMapGraph(drawn.graph);
        const fromViewer = [
          ...viewer.filterAccounts(graph, { ...viewer.DEFAULT_FILTERS, ...filters }, () =>
            viewer.neighbourCounts(graph),
          ),
        ].sort();

        if (expected) expect(fromKols).toEqual([...expected].sort());
        expect(fromViewer).toEqual(fromKols);
        expect(fromShortlist).toEqual(fromKols.filter((key) => scored.has(key)));
      },
    );
  });
}
