import { groupPairs } from '../../src/build/aggregate-edges.js';

describe('groupPairs', () => {
  it('groups parts by ordered pair, pairs by source then first appearance of the target', () => {
    const groups = groupPairs(
      Int32Array.from([2, 0, 2, 0, 1, 0]),
      Int32Array.from([1, 2, 1, 1, 0, 2]),
      3,
      false,
    );
    expect(groups.length).toBe(4);
    expect(Array.from(groups.source)).toEqual([0, 0, 1, 2]);
    expect(Array.from(groups.target)).toEqual([2, 1, 0, 1]);
    expect(Array.from(groups.pairOf)).toEqual([3, 0, 3, 1, 2, 0]);
  });

  it('merges a→b and b→a when undirected, lower end first', () => {
    const groups = groupPairs(Int32Array.from([2, 1, 1]), Int32Array.from([1, 2, 1]), 3, true);
    expect(groups.length).toBe(2);
    expect(Array.from(groups.source)).toEqual([1, 1]);
    expect(Array.from(groups.target)).toEqual([2, 1]);
    expect(Array.from(groups.pairOf)).toEqual([0, 0, 1]);
  });
});
