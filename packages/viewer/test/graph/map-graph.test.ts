import {
  addLinks,
  communityProfiles,
  displayName,
  neighbourCounts,
  type SerializedMapGraph,
  toMapGraph,
} from '../../src/graph/map-graph.js';
import { smallMap } from './small-map.js';

describe('toMapGraph', () => {
  it('imports the serialised map with its positions', () => {
    const graph = smallMap();
    expect(graph.order).toBe(6);
    expect(graph.size).toBe(6);
    expect(graph.type).toBe('directed');
    expect(graph.getNodeAttributes('x:b')).toMatchObject({ x: 1, y: 0 });
  });

  it('puts nodes without a position on a circle', () => {
    const graph = toMapGraph({
      attributes: {},
      options: { type: 'undirected', multi: false, allowSelfLoops: false },
      nodes: [{ key: 'a' }, { key: 'b', attributes: { x: 3, y: 4 } }],
      edges: [{ source: 'a', target: 'b' }],
    });
    const a = graph.getNodeAttributes('a');
    expect(Number.isFinite(a.x)).toBe(true);
    expect(Number.isFinite(a.y)).toBe(true);
    expect(graph.getNodeAttributes('b')).toMatchObject({ x: 3, y: 4 });
  });

  it('imports the accounts alone, and the links later', () => {
    const serialized: SerializedMapGraph = {
      attributes: {},
      options: { type: 'directed', multi: false, allowSelfLoops: true },
      nodes: [{ key: 'a' }, { key: 'b' }],
      edges: [{ source: 'a', target: 'b', attributes: { weight: 2 } }],
    };
    const graph = toMapGraph(serialized, { links: false });
    expect([graph.order, graph.size]).toEqual([2, 0]);
    addLinks(graph, serialized);
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
