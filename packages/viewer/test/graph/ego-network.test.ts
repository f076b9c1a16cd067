import { computeEgoNetwork } from '../../src/graph/ego-network.js';
import { smallMap } from './small-map.js';

describe('computeEgoNetwork', () => {
  const graph = smallMap();
  const ends = (edges: string[]) =>
    edges.map((edge) => `${graph.source(edge)}>${graph.target(edge)}`).sort();

  it('follows attention given (out) one link away', () => {
    const ego = computeEgoNetwork(graph, 'linkedin:c', 1, 'out');
    expect(ego.nodes).toEqual(['linkedin:c', 'x:a', 'actor:d']);
    expect(ends(ego.edges)).toEqual(['linkedin:c>actor:d', 'linkedin:c>x:a']);
  });

  it('follows attention received (in) two links away', () => {
    const ego = computeEgoNetwork(graph, 'x:a', 2, 'in');
    expect(ego.nodes).toEqual(['x:a', 'linkedin:c', 'x:b']);
    expect(ends(ego.edges)).toEqual(['linkedin:c>x:a', 'x:b>linkedin:c']);
  });

  it('follows both directions', () => {
    const ego = computeEgoNetwork(graph, 'actor:d', 2, 'both');
    expect(new Set(ego.nodes)).toEqual(
      new Set(['actor:d', 'x:e', 'x:f', 'linkedin:c', 'x:a', 'x:b']),
    );
    expect(ego.edges).toHaveLength(5);
  });

  it('is empty for an unknown account', () => {
    expect(computeEgoNetwork(graph, 'nobody', 1, 'both')).toEqual({ nodes: [], edges: [] });
  });
});
