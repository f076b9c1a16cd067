import { toDrawnGraph } from '@kolmap/model';
import {
  addLinks,
  communityProfiles,
  displayName,
  neighbourCounts,
  toMapGraph,
} from '../../src/graph/map-graph.js';
import { smallMap } from './small-map.js';

describe('toMapGraph', () => {
  it('builds the drawn map with its positions, attributes and link weights', () => {
    const graph = smallMap();
    expect(graph.order).toBe(6);
    expect(graph.size).toBe(6);
    expect(graph.type).toBe('directed');
    expect(graph.getNodeAttributes('x:b')).toMatchObject({ x: 1, y: 0 });
    expect(graph.getNodeAttributes('actor:d')).toEqual({
      name: 'Diabetes United',
      platforms: ['facebook', 'instagram'],
      actorType: 'patient_org',
      role: 'community_leader',
      community: 1,
      kolScore: 90,
      pagerank: 0.2,
      followers: 20000,
      inStrength: 6,
      x: 5,
      y: 5,
    });
    expect(graph.getNodeAttributes('x:f')).toEqual({
      name: 'Fay',
      platform: 'x',
      community: 1,
      x: 5,
      y: 6,
    });
    expect(graph.getEdgeAttribute('linkedin:c', 'x:a', 'weight')).toBe(5);
  });

  it('puts nodes without a position on a circle', () => {
    const graph = toMapGraph(
      toDrawnGraph({
        directed: false,
        communities: [],
        accounts: [
          { key: 'a', attributes: {} },
          { key: 'b', attributes: { x: 3, y: 4 } },
        ],
        interactions: [{ source: 'a', target: 'b', attributes: {} }],
      }),
    );
    expect(graph.type).toBe('undirected');
    expect(graph.getEdgeAttribute('a', 'b', 'weight')).toBe(1);
    const a = graph.getNodeAttributes('a');
    expect(Number.isFinite(a.x)).toBe(true);
    expect(Number.isFinite(a.y)).toBe(true);
    expect(graph.getNodeAttributes('b')).toMatchObject({ x: 3, y: 4 });
  });

  it('imports the accounts alone, and the links later', () => {
    const drawn = toDrawnGraph({
      directed: true,
      communities: [],
      accounts: [
        { key: 'a', attributes: {} },
        { key: 'b', attributes: {} },
      ],
      interactions: [{ source: 'a', target: 'b', attributes: { weight: 2 } }],
    });
    const graph = toMapGraph(drawn, { links: false });
    expect([graph.order, graph.size]).toEqual([2, 0]);
    addLinks(graph, drawn);
    expect(graph.size).toBe(1);
    expect(graph.getEdgeAttribute('a', 'b', 'weight')).toBe(2);
  });
});

describe('communityProfiles', () => {
  it('gives the profiles the map carries', () => {
    expect(communityProfiles(smallMap()).map((profile) => profile.label)).toEqual([
      '#oncology · HCPs',
      '#diabetes',
    ]);
  });

  it('counts communities from the nodes when the map has no profiles', () => {
    const graph = smallMap();
    graph.removeAttribute('communities');
    graph.dropNode('x:f');
    expect(communityProfiles(graph)).toEqual([
      { id: 0, size: 3 },
      { id: 1, size: 2 },
    ]);
  });
});

describe('account fields', () => {
  it('names an account by name, else handle, else key', () => {
    expect(displayName('x:1', { name: 'Ana', handle: 'ana' })).toBe('Ana');
    expect(displayName('x:1', { handle: 'ana' })).toBe('@ana');
    expect(displayName('x:1', {})).toBe('x:1');
  });

  it('counts distinct neighbours in either direction', () => {
    const counts = neighbourCounts(smallMap());
    expect(counts.get('linkedin:c')).toBe(3);
    expect(counts.get('x:e')).toBe(1);
  });
});
