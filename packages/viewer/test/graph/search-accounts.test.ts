import { buildSearchIndex, foldQuery, searchAccounts } from '../../src/graph/search-accounts.js';
import { smallMap } from './small-map.js';

describe('searchAccounts', () => {
  const index = buildSearchIndex(smallMap());
  const keys = (query: string) => searchAccounts(index, query).map((entry) => entry.key);

  it('ignores case, accents and a leading @', () => {
    expect(foldQuery('  @Chloé ')).toBe('chloe');
    expect(keys('CHLOE')).toEqual(['linkedin:c']);
    expect(keys('@ana_l')).toEqual(['x:a']);
  });

  it('puts names and handles that start with the text first, then by KOL score', () => {
    expect(keys('a')).toEqual(['x:a', 'actor:d', 'linkedin:c', 'x:f']);
    expect(keys('e')).toEqual(['x:e', 'x:a', 'actor:d', 'linkedin:c']);
    expect(keys('mart')).toEqual(['linkedin:c']);
  });

  it('finds an account by its key or its id on any platform first (maps without names)', () => {
    expect(keys('x:f')[0]).toBe('x:f');
    expect(keys('f')[0]).toBe('x:f');
    expect(keys('d')[0]).toBe('actor:d');
    expect(keys('@d')[0]).toBe('actor:d');
  });

  it('labels accounts by name, else handle', () => {
    expect(searchAccounts(index, 'eve')[0]?.label).toBe('@eve');
  });

  it('finds nothing for blank text and stops at the limit', () => {
    expect(keys('  ')).toEqual([]);
    expect(searchAccounts(index, 'a', 2)).toHaveLength(2);
  });
});
