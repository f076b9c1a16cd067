import {
  COMMUNITY_PALETTE,
  colorValue,
  computeAppearance,
  OTHER_COLOR,
  OTHER_COMMUNITIES,
} from '../../src/graph/appearance.js';
import { communityProfiles } from '../../src/graph/map-graph.js';
import { TONALITY_COLORS, tonalityColor } from '../../src/graph/tonality-scale.js';
import { smallMap } from './small-map.js';

describe('computeAppearance', () => {
  it('colours communities by size and names them in the legend with their labels', () => {
    const graph = smallMap();
    graph.mergeNodeAttributes('x:f', { community: 2 });
    const { colors, legend } = computeAppearance(graph, communityProfiles(graph), {
      colouredCommunities: 2,
    });
    expect(colors.get('x:a')).toBe(COMMUNITY_PALETTE[0]);
    expect(colors.get('actor:d')).toBe(COMMUNITY_PALETTE[1]);
    expect(colors.get('x:f')).toBe(OTHER_COLOR);
    expect(legend).toEqual([
      {
        value: '0',
        label: '#oncology · HCPs',
        color: COMMUNITY_PALETTE[0],
        count: 3,
        communities: [0],
      },
      { value: '1', label: '#diabetes', color: COMMUNITY_PALETTE[1], count: 2, communities: [1] },
      {
        value: OTHER_COMMUNITIES,
        label: '1 smaller community',
        color: OTHER_COLOR,
        count: 1,
        communities: [2],
      },
    ]);
  });

  it("follows the analysis' display groups when the profiles have them", () => {
    const graph = smallMap();
    const profiles = communityProfiles(graph).map((profile) => ({
      ...profile,
      displayGroup: profile.id === 0 ? ('other' as const) : 0,
    }));
    const { colors, legend } = computeAppearance(graph, profiles);
    expect(colors.get('x:a')).toBe(OTHER_COLOR);
    expect(colors.get('x:e')).toBe(COMMUNITY_PALETTE[0]);
    expect(legend.map((entry) => entry.value)).toEqual(['1', OTHER_COMMUNITIES]);
  });

  it('gives each actor type the same colour on every map, with the most frequent first', () => {
    const { colors, legend } = computeAppearance(smallMap(), [], { colorBy: 'actorType' });
    expect(colors.get('x:b')).toBe(colors.get('x:e'));
    expect(colors.get('x:a')).not.toBe(colors.get('x:b'));
    expect(legend[0]).toMatchObject({ value: 'patient', label: 'Patient', count: 2 });
    expect(legend.find((entry) => entry.value === '')).toMatchObject({
      label: 'Unknown',
      count: 1,
    });
  });

  it('colours actors on several platforms apart', () => {
    const graph = smallMap();
    expect(colorValue('platform', graph.getNodeAttributes('actor:d'))).toBe('several');
    const { legend } = computeAppearance(graph, [], { colorBy: 'platform' });
    expect(legend.map((entry) => [entry.label, entry.count])).toEqual([
      ['X', 4],
      ['LinkedIn', 1],
      ['Several platforms', 1],
    ]);
  });

  it('sizes by KOL score cubed between the minimum and maximum size', () => {
    const { sizes } = computeAppearance(smallMap(), [], { minSize: 2, maxSize: 12 });
    expect(sizes.get('x:a')).toBe(12);
    expect(sizes.get('x:b')).toBeCloseTo(2 + 10 * 0.125);
    expect(sizes.get('x:f')).toBe(2);
  });

  it("sizes by the map's own sizes, rescaled, when it has them (by KOL score when not)", () => {
    const graph = smallMap();
    graph.forEachNode((node, { kolScore }) => {
      graph.setNodeAttribute(node, 'size', 10 + (kolScore ?? 0) / 10);
    });
    graph.removeNodeAttribute('x:f', 'size');
    const { sizes } = computeAppearance(graph, [], { minSize: 2, maxSize: 12 });
    const scores = graph
      .filterNodes((node) => node !== 'x:f')
      .map((node) => graph.getNodeAttribute(node, 'kolScore') ?? 0);
    const [low, high] = [Math.min(...scores), Math.max(...scores)];
    expect(sizes.get('x:f')).toBe(2);
    graph.forEachNode((node, { kolScore }) => {
      if (node !== 'x:f') {
        expect(sizes.get(node)).toBeCloseTo(2 + (10 * ((kolScore ?? 0) - low)) / (high - low));
      }
    });
    expect(computeAppearance(smallMap(), [], { sizeBy: 'size' }).sizes).toEqual(
      computeAppearance(smallMap(), [], { sizeBy: 'kolScore' }).sizes,
    );
  });

  it('sizes heavy-tailed measures by the square root of their share of the largest', () => {
    const { sizes } = computeAppearance(smallMap(), [], {
      sizeBy: 'followers',
      minSize: 0,
      maxSize: 10,
    });
    expect(sizes.get('actor:d')).toBe(10);
    expect(sizes.get('x:a')).toBeCloseTo(10 * Math.sqrt(9000 / 20000));
  });

  it('leaves the graph as it was', () => {
    const graph = smallMap();
    const before = JSON.stringify(graph.export());
    computeAppearance(graph, communityProfiles(graph), { colorBy: 'role', sizeBy: 'pagerank' });
    expect(JSON.stringify(graph.export())).toBe(before);
  });
});

describe('colouring by what listening found', () => {
  it('colours tonality on a diverging scale and counts negative, neutral and positive accounts', () => {
    const graph = smallMap();
    const tonalities: Record<string, number> = {
      'x:a': 0.4,
      'x:b': -0.2,
      'linkedin:c': 0.01,
      'actor:d': 0.3,
    };
    for (const [node, tonality] of Object.entries(tonalities)) {
      graph.mergeNodeAttributes(node, { tonality });
    }
    const { colors, legend, scale } = computeAppearance(graph, [], { colorBy: 'tonality' });
    expect(scale).toEqual({ min: -0.4, max: 0.4, colors: TONALITY_COLORS });
    expect(colors.get('x:a')).toBe(TONALITY_COLORS[4]);
    expect(colors.get('x:b')).toBe(tonalityColor(-0.2, 0.4));
    expect(colors.get('x:e')).toBe(OTHER_COLOR);
    expect(legend.map((entry) => [entry.value, entry.count])).toEqual([
      ['positive', 2],
      ['neutral', 1],
      ['negative', 1],
      ['', 2],
    ]);
  });

  it('gives the most frequent topics the palette and the others a shared grey', () => {
    const graph = smallMap();
    const topics: Record<string, string> = {
      'x:a': '#cancer',
      'x:b': '#cancer',
      'linkedin:c': '#SEP',
    };
    for (const [node, topic] of Object.entries(topics)) graph.mergeNodeAttributes(node, { topic });
    graph.mergeNodeAttributes('actor:d', { topic: '#AVC' });
    const { colors, legend, scale } = computeAppearance(graph, [], {
      colorBy: 'topic',
      colouredCommunities: 2,
    });
    expect(scale).toBeNull();
    expect(colors.get('x:a')).toBe(COMMUNITY_PALETTE[0]);
    expect(colors.get('actor:d')).toBe(COMMUNITY_PALETTE[1]);
    expect(colors.get('linkedin:c')).toBe(OTHER_COLOR);
    expect(legend.map((entry) => [entry.label, entry.count])).toEqual([
      ['#cancer', 2],
      ['#AVC', 1],
      ['1 other topic', 1],
      ['No topic', 2],
    ]);
  });
});
