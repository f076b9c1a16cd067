import { buildAccountIndex } from '../../src/graph/account-nodes.js';
import { smallMap } from './small-map.js';

describe('buildAccountIndex', () => {
  it("finds each node by its key and each actor by its merged accounts' keys", () => {
    const graph = smallMap();
    graph.mergeNodeAttributes('actor:d', { accounts: ['x:d1', 'linkedin:d2'] });
    const index = buildAccountIndex(graph);
    expect(index.get('x:a')).toBe('x:a');
    expect(index.get('linkedin:d2')).toBe('actor:d');
    expect(index.get('x:unknown')).toBeUndefined();
  });
});
