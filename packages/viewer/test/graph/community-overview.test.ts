import { computeAppearance } from '../../src/graph/appearance.js';
import { computeCommunityOverview } from '../../src/graph/community-overview.js';
import { communityProfiles } from '../../src/graph/map-graph.js';
import { smallMap } from './small-map.js';

describe('computeCommunityOverview', () => {
  it('puts each community at its members’ centroid, coloured like them, with the links between', () => {
    const graph = smallMap();
    const profiles = communityProfiles(graph);
    const { colors } = computeAppearance(graph, profiles);
    const { communities, links } = computeCommunityOverview(graph, profiles, colors, null);
    expect(communities.map(({ id, label, members }) => [id, label, members])).toEqual([
      [0, '#oncology · HCPs', 3],
      [1, '#diabetes', 3],
    ]);
    const [oncology, diabetes] = communities;
    expect(oncology).toMatchObject({ x: 2 / 3, y: 1 / 3, color: colors.get('x:a') });
    expect(diabetes).toMatchObject({ x: 16 / 3, y: 16 / 3, color: colors.get('x:e') });
    // Both have 3 members: the same radius, that of a uniform disc of their spread (√2·rms).
    // Squared distances to (2/3, 1/3): 5/9, 2/9, 5/9.
    const rms = Math.sqrt((5 / 9 + 2 / 9 + 5 / 9) / 3);
    expect(oncology?.radius).toBeCloseTo(Math.SQRT2 * rms);
    expect(diabetes?.radius).toBeCloseTo(oncology?.radius as number);
    // c → d is the one link between them.
    expect(links).toEqual([{ source: 0, target: 1, weight: 1 }]);
  });

  it('sums the links added after a first overview (large maps get their links after the first frame)', () => {
    const graph = smallMap();
    const profiles = communityProfiles(graph);
    const { colors } = computeAppearance(graph, profiles);
    expect(computeCommunityOverview(graph, profiles, colors, null).links).toEqual([
      { source: 0, target: 1, weight: 1 },
    ]);
    graph.addEdge('x:e', 'x:a', { weight: 4 });
    expect(computeCommunityOverview(graph, profiles, colors, null).links).toEqual([
      { source: 0, target: 1, weight: 5 },
    ]);
  });

  it('counts only the accounts shown, and leaves out communities with too few of them', () => {
    const graph = smallMap();
    const profiles = communityProfiles(graph);
    const { colors } = computeAppearance(graph, profiles);
    const shown = new Set(['x:a', 'x:b', 'linkedin:c', 'actor:d', 'x:e']);
    const overview = computeCommunityOverview(graph, profiles, colors, shown, { minMembers: 3 });
    expect(overview.communities.map(({ id }) => id)).toEqual([0]);
    expect(overview.links).toEqual([]);
    const both = computeCommunityOverview(graph, profiles, colors, shown, { minMembers: 2 });
    expect(both.communities.map(({ id, members }) => [id, members])).toEqual([
      [0, 3],
      [1, 2],
    ]);
    expect(both.communities[1]).toMatchObject({ x: 5.5, y: 5 });
  });

  it('sizes discs by members at one density (areas compare as the members do)', () => {
    const graph = smallMap();
    // A third community of 80 accounts on a grid, and one of 20 on a grid twice as dense.
    for (let i = 0; i < 80; i++) {
      graph.addNode(`x:big${i}`, { community: 2, x: 100 + (i % 10), y: Math.floor(i / 10) });
    }
    for (let i = 0; i < 20; i++) {
      graph.addNode(`x:small${i}`, {
        community: 3,
        x: 200 + (i % 5) / 2,
        y: Math.floor(i / 5) / 2,
      });
    }
    const overview = computeCommunityOverview(graph, [], new Map(), null);
    const radius = (id: number) => overview.communities.find((c) => c.id === id)?.radius as number;
    expect(radius(2) / radius(3)).toBeCloseTo(Math.sqrt(80 / 20));
    expect(radius(0) / radius(2)).toBeCloseTo(Math.sqrt(3 / 80));
    expect(overview.communities.find((c) => c.id === 2)?.label).toBe('Community 2');
  });

  it('keeps the heaviest links between communities', () => {
    const graph = smallMap();
    graph.addNode('x:g', { community: 2, x: 9, y: 9 });
    graph.addNode('x:h', { community: 2, x: 9, y: 8 });
    graph.addNode('x:i', { community: 2, x: 8, y: 9 });
    graph.addEdge('x:g', 'x:a', { weight: 7 });
    graph.addEdge('x:e', 'x:h', { weight: 3 });
    const overview = computeCommunityOverview(graph, [], new Map(), null, { maxLinks: 2 });
    expect(overview.links).toEqual([
      { source: 0, target: 2, weight: 7 },
      { source: 1, target: 2, weight: 3 },
    ]);
  });
});
