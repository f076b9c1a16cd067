import {
  fromIdRanges,
  fromViewUrl,
  MAX_LINKED_IDS,
  toIdRanges,
  toViewUrl,
} from '../../src/state/url-state.js';
import { DEFAULT_FILTERS, DEFAULT_VIEW_STATE, type ViewState } from '../../src/state/view-state.js';

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
        roles: ['leader', 'bridge'],
        minScore: 20,
        maxScore: 95.5,
        minDegree: 3,
      },
      colorBy: 'actorType',
      sizeBy: 'followers',
      camera: { x: 0.51234, y: 0.25, ratio: 0.125 },
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
