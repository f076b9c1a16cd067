import { computeCommunityOverview } from '../../src/graph/community-overview.js';
import { communityProfiles, neighbourCounts } from '../../src/graph/map-graph.js';
import {
  afterAccountsMoved,
  deriveView,
  type MapData,
  needsLinks,
} from '../../src/render/derive-view.js';
import { DEFAULT_VIEW_STATE, type ViewState } from '../../src/state/view-state.js';
import { smallMap } from '../graph/small-map.js';

function setUp() {
  const graph = smallMap();
  const data: MapData = {
    graph,
    communities: communityProfiles(graph),
    degrees: () => neighbourCounts(graph),
  };
  const state: ViewState = { ...DEFAULT_VIEW_STATE, mapId: 'm' };
  return { graph, data, state, view: deriveView(data, state) };
}

describe('deriveView', () => {
  it('shows everything and brings nothing forward by default', () => {
    const { view } = setUp();
    expect(view.shown).toBeNull();
    expect(view.focus).toBeNull();
    expect(view.counts().shown).toBe(6);
    expect(view.path).toBeUndefined();
  });

  it('gives the same view back when only the camera moved', () => {
    const { data, state, view } = setUp();
    const moved = { ...state, camera: { x: 0.2, y: 0.3, ratio: 0.5 } };
    expect(deriveView(data, moved, { state, view })).toBe(view);
  });

  it('computes the overview again at the centroids the accounts moved to (a layout)', () => {
    const { graph, data, view } = setUp();
    expect(afterAccountsMoved(data, view)).toBe(view);
    const drawn = {
      ...view,
      overview: computeCommunityOverview(graph, data.communities, view.appearance.colors, null),
    };
    graph.updateEachNodeAttributes((_node, attributes) => ({
      ...attributes,
      x: (attributes.x as number) + 10,
    }));
    const moved = afterAccountsMoved(data, drawn);
    expect(moved.appearance).toBe(view.appearance);
    const before = drawn.overview.communities;
    expect(moved.overview?.communities).toHaveLength(before.length);
    moved.overview?.communities.forEach(({ x }, index) => {
      expect(x).toBeCloseTo((before[index]?.x as number) + 10);
    });
  });

  it('recomputes only what the change touches', () => {
    const { data, state, view } = setUp();
    const filtered = { ...state, filters: { ...state.filters, communities: [1] } };
    const next = deriveView(data, filtered, { state, view });
    expect(next.appearance).toBe(view.appearance);
    expect(next.shown).toEqual(new Set(['actor:d', 'x:e', 'x:f']));
    expect(next.counts().shown).toBe(3);
    const recoloured = deriveView(
      data,
      { ...filtered, colorBy: 'role' },
      { state: filtered, view: next },
    );
    expect(recoloured.appearance).not.toBe(next.appearance);
    expect(recoloured.shown).toBe(next.shown);
  });

  it('brings forward the path, else the ego network, else the selection, else the community', () => {
    const { data, state } = setUp();
    const nodes = (changes: Partial<ViewState>) => [
      ...(deriveView(data, { ...state, ...changes }).focus?.nodes ?? []),
    ];
    expect(nodes({ focusCommunity: 1 })).toEqual(['actor:d', 'x:e', 'x:f']);
    expect(nodes({ focusCommunity: 1, selected: 'x:e' })).toEqual(['x:e', 'actor:d']);
    expect(
      nodes({ selected: 'linkedin:c', ego: { hops: 1, direction: 'out' }, focusCommunity: 1 }),
    ).toEqual(['linkedin:c', 'x:a', 'actor:d']);
    expect(
      nodes({
        selected: 'linkedin:c',
        ego: { hops: 1, direction: 'out' },
        path: { from: 'x:b', to: 'x:f', directed: true },
      }),
    ).toEqual(['x:b', 'linkedin:c', 'actor:d', 'x:f']);
  });

  it('says when no path is found, and falls back to the selection', () => {
    const { data, state } = setUp();
    const view = deriveView(data, {
      ...state,
      selected: 'x:e',
      path: { from: 'x:e', to: 'x:a', directed: true },
    });
    expect(view.path).toBeNull();
    expect([...(view.focus?.nodes ?? [])]).toEqual(['x:e', 'actor:d']);
  });
});

describe('needsLinks', () => {
  it('tells the views that read the links from those that show the accounts alone', () => {
    const state: ViewState = { ...DEFAULT_VIEW_STATE, mapId: 'm' };
    expect(needsLinks({ ...state, camera: { x: 0.5, y: 0.5, ratio: 1 }, colorBy: 'role' })).toBe(
      false,
    );
    expect(needsLinks({ ...state, selected: 'x:a' })).toBe(true);
    expect(needsLinks({ ...state, focusCommunity: 1 })).toBe(true);
    expect(needsLinks({ ...state, path: { from: 'x:a', to: 'x:f', directed: false } })).toBe(true);
    expect(needsLinks({ ...state, filters: { ...state.filters, minDegree: 2 } })).toBe(true);
  });
});
