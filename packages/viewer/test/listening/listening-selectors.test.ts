import type { ListeningQuery } from '../../src/api/api-client.js';
import { keepWatched, withDay } from '../../src/listening/listening-selectors.js';
import { DEFAULT_LISTENING_QUERY } from '../../src/state/view-state.js';

const watch = { brands: ['Glucora', 'Oncavir', 'Strokan'], areas: ['diabetes', 'oncology'] };
const query = (patch: Partial<ListeningQuery>): ListeningQuery => ({
  ...DEFAULT_LISTENING_QUERY,
  ...patch,
});

describe('keepWatched', () => {
  it('keeps the brands and area the watch list has, as it spells them', () => {
    const asked = query({ brands: ['oncavir', 'Nope', 'ONCAVIR', 'Glucora'], area: 'Oncology' });
    expect(keepWatched(asked, watch)).toEqual(
      query({ brands: ['Oncavir', 'Glucora'], area: 'oncology' }),
    );
  });

  it('lets go of an area the watch list has not', () => {
    expect(keepWatched(query({ area: 'cardiology', period: 'week' }), watch)).toEqual(
      query({ period: 'week' }),
    );
  });

  it('gives the query itself when it names nothing unknown', () => {
    const asked = query({ brands: ['Strokan'], area: 'diabetes', platforms: ['x'] });
    expect(keepWatched(asked, watch)).toBe(asked);
    expect(keepWatched(DEFAULT_LISTENING_QUERY, watch)).toBe(DEFAULT_LISTENING_QUERY);
  });
});

describe('withDay', () => {
  it('sets or clears one end of the range', () => {
    expect(withDay(query({ to: '2024-06-30' }), 'from', '2024-03-01')).toEqual(
      query({ from: '2024-03-01', to: '2024-06-30' }),
    );
    expect(withDay(query({ from: '2024-03-01' }), 'from', null)).toEqual(query({}));
    expect(withDay(query({ from: '2024-03-01' }), 'to', '2024-03-01')).toEqual(
      query({ from: '2024-03-01', to: '2024-03-01' }),
    );
  });

  it('lets the other end go when the range would end before it starts', () => {
    expect(withDay(query({ to: '2024-02-01' }), 'from', '2024-03-01')).toEqual(
      query({ from: '2024-03-01' }),
    );
    expect(withDay(query({ from: '2024-03-01' }), 'to', '2024-02-01')).toEqual(
      query({ to: '2024-02-01' }),
    );
  });
});
