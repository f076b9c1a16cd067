// How the Neo4j store writes :INTERACTS relationships: the model's attributes as cells of each row
// (CREATE_INTERACTIONS), any other in a map. Every attribute must come back as it was given, each
// under its own name, and counts must be Neo4j integers (not floats) whichever way they travelled.
import neo4j from 'neo4j-driver';
import { type MapSummary, Neo4jMapStore, type SaveMapInput } from '../../packages/api/src/index.js';
import { interactionRecords } from './map-fixtures.js';
import { describeWithNeo4j } from './neo4j-test-server.js';

/** One edge with every attribute the model names, each with its own value; one with others only. */
function interactionsMap(): SaveMapInput {
  const node = (key: string) => ({ key, attributes: { platform: 'x', name: key } });
  return {
    name: `interaction properties ${Date.now()}`,
    graph: {
      attributes: {},
      options: { type: 'directed', multi: false, allowSelfLoops: true },
      nodes: [node('x:a'), node('x:b'), node('x:c')],
      edges: [
        {
          source: 'x:a',
          target: 'x:b',
          attributes: {
            weight: 2.5,
            count: 2 ** 40,
            follow: 1,
            mention: 2,
            reply: 3,
            repost: 4,
            quote: 5,
            comment: 6,
            like: 7,
            coauthor: 8,
            firstAt: '2024-01-02T03:04:05.000Z',
            lastAt: '2024-02-03T04:05:06.000Z',
          },
        },
        {
          source: 'x:b',
          target: 'x:c',
          attributes: {
            weight: 1,
            channel: 'dm',
            tags: ['onco', 'trial'],
            shares: 12,
            detail: { source: 'export', mixed: [1, 'two'] },
          },
        },
        { source: 'x:c', target: 'x:a', attributes: {} },
      ],
    },
  };
}

describeWithNeo4j('Neo4jMapStore interaction properties', (config) => {
  let store: Neo4jMapStore;
  let driver: ReturnType<typeof neo4j.driver>;
  let map: MapSummary;

  beforeAll(async () => {
    store = new Neo4jMapStore(config);
    await store.init();
    map = await store.maps.save(interactionsMap());
    driver = neo4j.driver(
      config.uri,
      config.password === undefined
        ? undefined
        : neo4j.auth.basic(config.user ?? 'neo4j', config.password),
    );
  });

  afterAll(async () => {
    await store.maps.delete(map.id).catch(() => undefined);
    await store.close();
    await driver.close();
  });

  it('gives every attribute back as it was given', async () => {
    const given = interactionsMap().graph.edges;
    const interactions = interactionRecords(await store.accounts.readGraph(map.id));
    const stored = (source: string) => interactions.find((edge) => edge.source === source);
    expect(stored('x:a')?.attributes).toEqual(given[0]?.attributes);
    expect(stored('x:b')?.attributes).toEqual(given[1]?.attributes);
    expect(stored('x:c')?.attributes).toEqual({});
  });

  it('stores counts as integers, the weight as a float, the dates as strings', async () => {
    const { records } = await driver.executeQuery(
      `MATCH (s:Account {mapId: $mapId})-[r:INTERACTS]->()
       RETURN s.key AS source, [key IN keys(r) | [key, valueType(r[key])]] AS types`,
      { mapId: map.id },
      { database: config.database ?? 'neo4j' },
    );
    const types = Object.fromEntries(
      records.map((record) => [
        record.get('source') as string,
        Object.fromEntries(record.get('types') as Array<[string, string]>),
      ]),
    );
    const integer = 'INTEGER NOT NULL';
    expect(types['x:a']).toEqual({
      weight: 'FLOAT NOT NULL',
      count: integer,
      follow: integer,
      mention: integer,
      reply: integer,
      repost: integer,
      quote: integer,
      comment: integer,
      like: integer,
      coauthor: integer,
      firstAt: 'STRING NOT NULL',
      lastAt: 'STRING NOT NULL',
    });
    expect(types['x:b']).toMatchObject({
      weight: 'FLOAT NOT NULL',
      channel: 'STRING NOT NULL',
      tags: 'LIST<STRING NOT NULL> NOT NULL',
      detail: 'STRING NOT NULL',
    });
    expect(types['x:c']).toEqual({});
  });
});
