import { computeAppearance } from '../../src/graph/appearance.js';
import type { MapGraph } from '../../src/graph/map-graph.js';
import { communityProfiles } from '../../src/graph/map-graph.js';
import {
  createReducers,
  edgeSize,
  FADED_COLOR,
  FADED_SIZE,
  FEW_FOCUS_EDGES_COLOR,
  withOpacity,
} from '../../src/render/reducers.js';
import {
  communityFocus,
  needsProcess,
  neighbourhoodFocus,
  type Scene,
} from '../../src/render/scene.js';
import { smallMap } from '../graph/small-map.js';

function setUp(changes: (graph: MapGraph) => Partial<Scene> = () => ({})) {
  const graph = smallMap();
  const appearance = computeAppearance(graph, communityProfiles(graph));
  const scene: Scene = {
    appearance,
    shown: null,
    focus: null,
    hover: null,
    selected: null,
    directed: true,
    overview: null,
    showOverview: false,
    ...changes(graph),
  };
  const reducers = createReducers(graph, () => scene);
  const node = (key: string) => reducers.nodeReducer(key, graph.getNodeAttributes(key));
  const edge = (source: string, target: string) => {
    const key = graph.edge(source, target) as string;
    return reducers.edgeReducer(key, graph.getEdgeAttributes(key));
  };
  return { graph, scene, appearance, node, edge };
}

describe('createReducers', () => {
  it('draws accounts in their colour and size, named', () => {
    const { node, appearance } = setUp();
    expect(node('x:a')).toMatchObject({
      label: 'Dr Ana Léger',
      color: appearance.colors.get('x:a'),
      size: appearance.sizes.get('x:a'),
    });
    expect(node('x:e').label).toBe('@eve');
  });

  it('hides what the filters leave out', () => {
    const { node } = setUp(() => ({ shown: new Set(['x:a']) }));
    expect(node('x:b').hidden).toBe(true);
    expect(node('x:a').hidden).toBeUndefined();
  });

  it('fades what is not brought forward, and draws the links brought forward as arrows', () => {
    const { node, edge } = setUp();
    const focused = setUp((graph) => ({
      focus: neighbourhoodFocus(graph, 'x:a'),
      selected: 'x:a',
    }));
    expect(focused.node('x:e')).toMatchObject({
      color: FADED_COLOR,
      size: (focused.appearance.sizes.get('x:e') as number) * FADED_SIZE,
      label: null,
      zIndex: 0,
    });
    expect(focused.node('x:a')).toMatchObject({ highlighted: true, forceLabel: true });
    expect(focused.node('x:b').forceLabel).toBe(true);
    expect(focused.edge('linkedin:c', 'x:a')).toMatchObject({
      type: 'arrow',
      color: FEW_FOCUS_EDGES_COLOR,
    });
    expect(focused.edge('actor:d', 'x:e')).toEqual({ hidden: true });
    expect(node('x:e').color).not.toBe(FADED_COLOR);
    expect(edge('actor:d', 'x:e').hidden).toBeUndefined();
  });

  it("draws a community's inside links as on the map, the others hidden", () => {
    const { edge, appearance } = setUp((graph) => ({ focus: communityFocus(graph, 1) }));
    expect(edge('actor:d', 'x:e')).toMatchObject({
      color: withOpacity(appearance.colors.get('actor:d') as string, 0.22),
    });
    expect(edge('actor:d', 'x:e').type).toBeUndefined();
    expect(edge('linkedin:c', 'actor:d')).toEqual({ hidden: true });
  });

  it('lets the hovered neighbourhood win over the focus', () => {
    const { node } = setUp((graph) => ({
      focus: communityFocus(graph, 0),
      hover: neighbourhoodFocus(graph, 'x:e'),
    }));
    expect(node('x:a').color).toBe(FADED_COLOR);
    expect(node('actor:d').color).not.toBe(FADED_COLOR);
  });

  it('draws links in their source colour, translucent, thicker when heavier', () => {
    const { edge, appearance } = setUp();
    expect(edge('x:a', 'x:b').color).toBe(
      withOpacity(appearance.colors.get('x:a') as string, 0.22),
    );
    expect(edge('linkedin:c', 'x:a').size).toBeGreaterThan(edge('x:a', 'x:b').size as number);
    expect(edgeSize(1e9)).toBe(4);
  });

  it('draws links as lines when the map has no direction', () => {
    const { edge } = setUp((graph) => ({
      directed: false,
      focus: neighbourhoodFocus(graph, 'x:a'),
    }));
    expect(edge('x:a', 'x:b').type).toBe('line');
  });
});

describe('large maps', () => {
  it('leave what is brought forward to the page’s layer: the reducers draw the map as it is', () => {
    const { node, edge, appearance } = setUp((graph) => ({
      overview: { communities: [], links: [] },
      focus: neighbourhoodFocus(graph, 'x:a'),
      selected: 'x:a',
    }));
    expect(node('x:e')).toMatchObject({ color: appearance.colors.get('x:e'), zIndex: 1 });
    expect(node('x:a').highlighted).toBeUndefined();
    expect(edge('actor:d', 'x:e').hidden).toBeUndefined();
  });

  it('process every account again only when the reducers read what changed', () => {
    const { scene, graph } = setUp();
    const focus = neighbourhoodFocus(graph, 'x:a');
    const large = { ...scene, overview: { communities: [], links: [] } };
    expect(needsProcess(scene, { ...scene, focus, selected: 'x:a' })).toBe(true);
    expect(needsProcess(large, { ...large, focus, selected: 'x:a', hover: focus })).toBe(false);
    expect(needsProcess(large, { ...large, showOverview: true })).toBe(true);
    expect(needsProcess(large, { ...large, shown: new Set(['x:a']) })).toBe(true);
    expect(needsProcess(scene, { ...scene })).toBe(false);
  });
});

describe('scene', () => {
  it('brings forward an account with its neighbours', () => {
    const graph = smallMap();
    const focus = neighbourhoodFocus(graph, 'linkedin:c');
    expect(focus.nodes).toEqual(new Set(['linkedin:c', 'x:b', 'x:a', 'actor:d']));
    expect(focus.edges.size).toBe(3);
  });

  it('brings forward a community with its inside links only', () => {
    const graph = smallMap();
    const focus = communityFocus(graph, 1);
    expect(focus.nodes).toEqual(new Set(['actor:d', 'x:e', 'x:f']));
    expect(focus.edges.size).toBe(2);
  });

  it('withOpacity leaves colours it does not read alone', () => {
    expect(withOpacity('#ff0000', 0.5)).toBe('rgba(255, 0, 0, 0.5)');
    expect(withOpacity('red', 0.5)).toBe('red');
  });
});
