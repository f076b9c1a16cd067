import {
  type AccountRecord,
  DRAWN_ATTRIBUTES,
  drawnAccountAttributes,
  drawnGraphSchema,
  toDrawnGraph,
} from '../src/index.js';

const accounts: AccountRecord[] = [
  {
    key: 'x:a',
    attributes: {
      name: 'Ana',
      handle: 'ana',
      platform: 'x',
      role: 'leader',
      country: 'FR',
      community: 0,
      kolScore: 0,
      x: -1.5,
      y: 2.25,
      bio: 'not drawn',
      scoreBreakdown: { pagerank: 1 },
    },
  },
  {
    key: 'actor:b',
    attributes: { name: 'Bea', platforms: ['x', 'linkedin'], role: 'leader', community: 1 },
  },
  { key: 'x:c', attributes: { platform: 'x', country: 'FR', kolScore: 12.5 } },
  { key: 'x:d', attributes: { platforms: ['x', 'linkedin'] } },
];

describe('toDrawnGraph', () => {
  const drawn = toDrawnGraph({
    directed: true,
    communities: [{ id: 0, size: 1 }],
    accounts,
    interactions: [
      { source: 'x:a', target: 'actor:b', attributes: { weight: 3 } },
      { source: 'x:c', target: 'x:a', attributes: {} },
      { source: 'x:a', target: 'x:gone', attributes: { weight: 9 } },
    ],
  });

  it('gives each drawn attribute one column, categories as values and codes', () => {
    expect(drawn.accounts.keys).toEqual(['x:a', 'actor:b', 'x:c', 'x:d']);
    expect(drawn.accounts.kolScore).toEqual([0, null, 12.5, null]);
    expect(drawn.accounts.name).toEqual(['Ana', 'Bea', null, null]);
    expect(drawn.accounts.country).toEqual({ values: ['FR'], codes: [0, -1, 0, -1] });
    expect(drawn.accounts.platforms).toEqual({
      values: [['x', 'linkedin']],
      codes: [-1, 0, -1, 0],
    });
    // No account has these: no column.
    expect(drawn.accounts.tonality).toBeUndefined();
    expect(drawn.accounts.topic).toBeUndefined();
    expect(Object.keys(drawn.accounts)).not.toContain('bio');
    expect(drawnGraphSchema.parse(drawn)).toEqual(drawn);
  });

  it('gives the links among the drawn accounts as indices, weight 1 when the map has none', () => {
    expect(drawn.type).toBe('directed');
    expect(drawn.links).toEqual({ source: [0, 2], target: [1, 0], weight: [3, 1] });
  });

  it('reads back each account with its drawn attributes only', () => {
    const drawnNames = new Set<string>(DRAWN_ATTRIBUTES);
    const expected = accounts.map(({ attributes }) =>
      Object.fromEntries(Object.entries(attributes).filter(([name]) => drawnNames.has(name))),
    );
    expect(drawnAccountAttributes(drawn.accounts)).toEqual(expected);
  });
});
