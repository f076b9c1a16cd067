import { findShortestPath } from '../../src/graph/shortest-path.js';
import { smallMap } from './small-map.js';

describe('findShortestPath', () => {
  const graph = smallMap();

  it('follows the direction of attention when asked', () => {
    const path = findShortestPath(graph, 'x:a', 'x:e', true);
    expect(path?.nodes).toEqual(['x:a', 'x:b', 'linkedin:c', 'actor:d', 'x:e']);
    expect(path?.edges.map((edge) => graph.source(edge))).toEqual([
      'x:a',
      'x:b',
      'linkedin:c',
      'actor:d',
    ]);
  });

  it('takes links either way otherwise', () => {
    expect(findShortestPath(graph, 'x:a', 'x:e', false)?.nodes).toEqual([
      'x:a',
      'linkedin:c',
      'actor:d',
      'x:e',
    ]);
  });

  it('is null when no path follows the direction, or an account is unknown', () => {
    expect(findShortestPath(graph, 'x:e', 'x:a', true)).toBeNull();
    expect(findShortestPath(graph, 'x:a', 'nobody', false)).toBeNull();
  });

  it('is the account alone from itself to itself', () => {
    expect(findShortestPath(graph, 'x:a', 'x:a', true)).toEqual({ nodes: ['x:a'], edges: [] });
  });
});
