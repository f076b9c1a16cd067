// The KOL order shared by both stores: comparator, order strings (Neo4j's index order) and cursors.
import { InvalidQueryError } from '../../src/store/errors.js';
import {
  compareKolOrder,
  nextCursor,
  orderString,
  resolveFindKols,
  type SortPosition,
  scorePrefix,
  scorePrefixAfter,
} from '../../src/store/queries.js';

describe('KOL order strings', () => {
  it('sort as the KOL order does, for close, equal, negative and extreme scores', () => {
    const scores = [
      100, 99.99999999999999, 50.00000000000001, 50, 50, 49.99999999999999, 1e-300, 0, -0, -1e-300,
      -1,
    ];
    const positions: SortPosition[] = scores.flatMap((score, i) => [
      { score, key: `k${i}b` },
      { score, key: `k${i}a` },
    ]);
    const byComparator = [...positions].sort(compareKolOrder).map(orderString);
    const byString = positions.map(orderString).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(byString).toEqual(byComparator);
  });

  it('bound scores: prefix of s ≤ every order string of s < prefix after s', () => {
    for (const score of [100, 75.5, 0, -1]) {
      const text = orderString({ score, key: 'x:\u{10ffff}' });
      expect(scorePrefix(score) <= text).toBe(true);
      expect(text < scorePrefixAfter(score)).toBe(true);
      expect(orderString({ score: score - 0.25, key: '' }) >= scorePrefixAfter(score)).toBe(true);
    }
  });
});

describe('cursors', () => {
  it('round-trip a position for the same map and filters only', () => {
    const query = resolveFindKols('m1', { community: 2, limit: 10 });
    const cursor = nextCursor('m1', query, { score: 12.5, key: 'x:é' });
    expect(resolveFindKols('m1', { community: 2, limit: 10, cursor }).after).toEqual({
      score: 12.5,
      key: 'x:é',
    });
    expect(resolveFindKols('m1', { community: [2], limit: 99, cursor }).after).toEqual({
      score: 12.5,
      key: 'x:é',
    });
    expect(() => resolveFindKols('m2', { community: 2, cursor })).toThrow(InvalidQueryError);
    expect(() => resolveFindKols('m1', { community: 3, cursor })).toThrow(InvalidQueryError);
  });
});
