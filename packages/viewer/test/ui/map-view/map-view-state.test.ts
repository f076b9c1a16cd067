import { deriveView } from '../../../src/render/derive-view.js';
import { DEFAULT_VIEW_STATE, type ViewState } from '../../../src/state/view-state.js';
import { createPageData } from '../../../src/ui/map-view/map-data.js';
import {
  CLEARED,
  openingView,
  pageKeyAction,
  shortlistTabLabel,
  stageStatus,
  toScene,
} from '../../../src/ui/map-view/map-view-state.js';
import { smallMap } from '../../graph/small-map.js';

const state: ViewState = { ...DEFAULT_VIEW_STATE, mapId: 'm' };

describe('openingView', () => {
  it('keeps a selection on the map and lets go of one that is not', () => {
    const graph = smallMap();
    expect(openingView({ ...state, selected: 'x:a' }, graph).selected).toBe('x:a');
    const gone = openingView({ ...state, selected: 'x:nobody', colorBy: 'role' }, graph);
    expect(gone).toEqual({ ...state, colorBy: 'role' });
  });
});

describe('toScene', () => {
  it('draws the derived view with the hover and the selection', () => {
    const graph = smallMap();
    const view = deriveView(createPageData(graph).data, { ...state, selected: 'x:a' });
    const scene = toScene(view, 'x:a', null, graph, 1);
    expect(scene).toEqual({
      appearance: view.appearance,
      shown: null,
      focus: view.focus,
      hover: null,
      selected: 'x:a',
      directed: true,
      overview: null,
      showOverview: false,
    });
  });
});

describe('the page’s words and keys', () => {
  it('counts the accounts and links, or the accounts shown', () => {
    expect(stageStatus(null, 1200, 5400)).toBe('1,200 accounts · 5,400 links');
    expect(stageStatus(new Set(['a', 'b']), 2, 1)).toBe('2 accounts · 1 links');
    expect(stageStatus(new Set(['a']), 1200, 5400)).toBe('1 of 1,200 accounts shown');
  });

  it('counts the shortlist in its tab', () => {
    expect(shortlistTabLabel(0)).toBe('Shortlist');
    expect(shortlistTabLabel(3)).toBe('Shortlist (3)');
  });

  it('goes to the search with /, clears with Escape, not while typing or in a dialog', () => {
    expect(pageKeyAction('/', false, false)).toBe('search');
    expect(pageKeyAction('Escape', false, false)).toBe('clear');
    expect(pageKeyAction('Escape', false, true)).toBeNull();
    expect(pageKeyAction('/', true, false)).toBeNull();
    expect(pageKeyAction('a', false, false)).toBeNull();
    expect(CLEARED).toEqual({ selected: null, ego: null, path: null, focusCommunity: null });
  });
});

describe('createPageData', () => {
  it('counts and indexes on first use, and counts again once told links changed', () => {
    const graph = smallMap();
    const page = createPageData(graph);
    const degrees = page.data.degrees();
    expect(page.data.degrees()).toBe(degrees);
    expect(degrees.get('linkedin:c')).toBe(3);
    page.forgetDegrees();
    expect(page.data.degrees()).not.toBe(degrees);
    expect(page.searchIndex()).toBe(page.searchIndex());
    expect(page.accountIndex().get('x:a')).toBe('x:a');
    expect(page.data.communities.map((community) => community.id)).toEqual([0, 1]);
  });
});
