import {
  fromIdRanges,
  fromViewUrl,
  MAX_LINKED_IDS,
  toIdRanges,
  toViewUrl,
} from '../../src/state/url-state.js';
import {
  DEFAULT_FILTERS,
  DEFAULT_LISTENING_QUERY,
  DEFAULT_VIEW_STATE,
  type ViewState,
} from '../../src/state/view-state.js';

const read = (url: string): ViewState => {
  const { pathname, search } = new URL(url, 'http://kolmap.test');
  return fromViewUrl(pathname, search);
};

describe('toViewUrl / fromViewUrl', () => {
  it('gives a short link for a map opened as it is', () => {
    const state = { ...DEFAULT_VIEW_STATE, mapId: 'abc123' };
    expect(toViewUrl(state)).toBe('/maps/abc123');
    expect(read('/maps/abc123')).toEqual(state);
  });

  it('keeps a colouring by tonality or topic', () => {
    for (const colorBy of ['tonality', 'topic'] as const) {
      const state = { ...DEFAULT_VIEW_STATE, mapId: 'm', colorBy };
      expect(toViewUrl(state)).toBe(`/maps/m?colour=${colorBy}`);
      expect(read(`/maps/m?colour=${colorBy}`)).toEqual(state);
    }
  });

  it('reproduces a whole view', () => {
    const state: ViewState = {
      mapId: 'abc123',
      selected: 'twitter:123',
      ego: { hops: 2, direction: 'in' },
      path: { from: 'twitter:123', to: 'x:9 & co', directed: true },
      focusCommunity: 4,
      filters: {
        communities: [0, 1, 2, 3, 7],
        actorTypes: ['hcp', 'researcher'],
        platforms: ['x'],
        languages: ['fr'],
        countries: ['FR', 'GB'],
        roles: ['leader', 'bridge'],
        minScore: 20,
        maxScore: 95.5,
        minDegree: 3,
      },
      colorBy: 'actorType',
      sizeBy: 'followers',
      camera: { x: 0.51234, y: 0.25, ratio: 0.125 },
      view: 'listening',
      listening: {
        by: 'area',
        period: 'week',
        brands: ['Glucora', 'Oncavir'],
        area: 'oncology',
        platforms: ['x', 'linkedin'],
        from: '2024-03-01',
        to: '2024-06-30',
      },
    };
    const url = toViewUrl(state);
    expect(url).toContain('communities=0-3%2C7');
    expect(url).toContain('node=twitter%3A123');
    expect(read(url)).toEqual(state);
  });

  it('rounds the camera to five significant digits', () => {
    const url = toViewUrl({
      ...DEFAULT_VIEW_STATE,
      mapId: 'm',
      camera: { x: 0.123456789, y: 2, ratio: 0.000123456 },
    });
    expect(read(url).camera).toEqual({ x: 0.12346, y: 2, ratio: 0.00012346 });
  });

  it('is the map picker without a map', () => {
    expect(toViewUrl(DEFAULT_VIEW_STATE)).toBe('/');
    expect(read('/')).toEqual(DEFAULT_VIEW_STATE);
    expect(read('/elsewhere?node=x')).toEqual(DEFAULT_VIEW_STATE);
  });

  it('falls back to the default of each value a link gets wrong', () => {
    const state = read(
      '/maps/m?colour=shoe&size=&score=90-10&degree=-1&camera=1,2&ego=3-in&focus=x&from=a',
    );
    expect(state).toEqual({ ...DEFAULT_VIEW_STATE, mapId: 'm' });
    expect(read('/maps/m?score=0-101').filters).toEqual(DEFAULT_FILTERS);
    expect(read('/maps/m?camera=0.5,0.5,0').camera).toBeNull();
  });

  it('keeps an ego network only with a selection', () => {
    expect(read('/maps/m?ego=1-out').ego).toBeNull();
    expect(read('/maps/m?node=a&ego=1-out').ego).toEqual({ hops: 1, direction: 'out' });
    const url = toViewUrl({ ...DEFAULT_VIEW_STATE, mapId: 'm', ego: { hops: 1, direction: 'in' } });
    expect(url).toBe('/maps/m');
  });

  it('keeps the open view, Explore left out', () => {
    for (const view of ['listening', 'pv'] as const) {
      const state = { ...DEFAULT_VIEW_STATE, mapId: 'm', view };
      expect(toViewUrl(state)).toBe(`/maps/m?view=${view}`);
      expect(read(`/maps/m?view=${view}`)).toEqual(state);
    }
    expect(toViewUrl({ ...DEFAULT_VIEW_STATE, mapId: 'm', view: 'explore' })).toBe('/maps/m');
  });

  it('names the listening selectors apart from the filters and the path', () => {
    const listening = {
      ...DEFAULT_LISTENING_QUERY,
      period: 'week' as const,
      brands: ['Glucora'],
      area: 'oncology',
      platforms: ['x'],
      from: '2024-03-01',
    };
    const state: ViewState = { ...DEFAULT_VIEW_STATE, mapId: 'm', view: 'listening', listening };
    expect(toViewUrl(state)).toBe(
      '/maps/m?view=listening&per=week&brands=Glucora&area=oncology&on=x&since=2024-03-01',
    );
    const opened = read(
      '/maps/m?view=listening&per=week&brands=Glucora&area=oncology&on=x&since=2024-03-01&platforms=linkedin&from=a&to=b',
    );
    expect(opened.listening).toEqual(listening);
    expect(opened.filters.platforms).toEqual(['linkedin']);
    expect(opened.path).toEqual({ from: 'a', to: 'b', directed: false });
  });

  it('leaves the listening defaults out', () => {
    const state = { ...DEFAULT_VIEW_STATE, mapId: 'm', listening: { ...DEFAULT_LISTENING_QUERY } };
    expect(toViewUrl(state)).toBe('/maps/m');
  });

  it('falls back to the default of each listening selector a link gets wrong', () => {
    const state = read(
      '/maps/m?view=shoe&by=colour&per=year&on=x,myspace,&since=2024-02-30&until=tomorrow&area=',
    );
    expect(state).toEqual({
      ...DEFAULT_VIEW_STATE,
      mapId: 'm',
      listening: { ...DEFAULT_LISTENING_QUERY, platforms: ['x'] },
    });
    expect(read('/maps/m?since=2024-02-29&until=2024-03-01').listening).toMatchObject({
      from: '2024-02-29',
      to: '2024-03-01',
    });
    // A range that ends before it starts is no range: both ends are let go.
    expect(read('/maps/m?since=2024-06-01&until=2024-03-01').listening).toEqual(
      DEFAULT_LISTENING_QUERY,
    );
  });

  it('decodes map ids and drops repeated list values', () => {
    expect(read('/maps/a%20b/').mapId).toBe('a b');
    expect(read('/maps/m?types=hcp,,hcp,patient').filters.actorTypes).toEqual(['hcp', 'patient']);
  });
});

describe('id ranges', () => {
  it('writes runs of ids as ranges', () => {
    expect(toIdRanges([7, 3, 0, 1, 2, 2])).toBe('0-3,7');
    expect(toIdRanges([])).toBe('');
    expect(toIdRanges([5])).toBe('5');
  });

  it('reads ranges back, skipping what is not an id', () => {
    expect(fromIdRanges('0-3,7')).toEqual([0, 1, 2, 3, 7]);
    expect(fromIdRanges('5,x,2-1,,4')).toEqual([4, 5]);
    expect(fromIdRanges('')).toEqual([]);
  });

  it('stops at MAX_LINKED_IDS', () => {
    expect(fromIdRanges('0-99999999')).toHaveLength(MAX_LINKED_IDS);
  });
});
