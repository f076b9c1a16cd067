import { DirectedGraph, UndirectedGraph } from 'graphology';
import {
  communitySummaryTable,
  profileCommunities,
} from '../../../src/analyze/communities/community-profiles.js';
import { InvalidInputError } from '../../../src/errors.js';
import type { Post } from '../../../src/schema/records.js';

/**
 * Community 0: four members around the neurologist a3; community 1: three around the HCP b2;
 * community 2: one account alone. Inside 0: 2 + 3 + 1 + 1 = 7; inside 1: 2 + 1 = 3;
 * a3 → b1 (4) and c1 → a3 (1) cross; a2's self-loop (5) stays inside 0.
 */
function smallMap(): { graph: DirectedGraph; partition: Record<string, number> } {
  const graph = new DirectedGraph();
  const account = (key: string, attributes: Record<string, unknown>) => {
    const [platform, id] = key.split(':') as [string, string];
    graph.addNode(key, { platform, id, ...attributes });
  };
  account('instagram:a1', {
    name: 'Alice',
    actorType: 'patient',
    language: 'fr',
    country: 'FR',
    therapeuticAreas: ['multiple-sclerosis'],
  });
  account('instagram:a2', {
    handle: 'bea',
    actorType: 'patient',
    language: 'fr',
    therapeuticAreas: ['multiple-sclerosis', 'stroke'],
  });
  account('x:a3', {
    handle: 'drthomas',
    actorType: 'hcp',
    language: 'fr',
    country: 'FR',
    therapeuticAreas: ['multiple-sclerosis'],
  });
  account('instagram:a4', { actorType: 'patient', language: 'en' });
  account('x:b1', {
    name: 'Ben',
    actorType: 'hcp',
    language: 'en',
    therapeuticAreas: ['oncology'],
  });
  account('linkedin:b2', { name: 'Beth', actorType: 'hcp', language: 'en' });
  account('x:b3', { name: 'Bob', actorType: 'journalist', language: 'en' });
  account('facebook:c1', { name: 'Cal', actorType: 'other', language: 'fr' });
  const edge = (source: string, target: string, weight: number) =>
    graph.addEdge(source, target, { weight });
  edge('instagram:a1', 'x:a3', 2);
  edge('instagram:a2', 'x:a3', 3);
  edge('instagram:a4', 'instagram:a1', 1);
  edge('x:a3', 'instagram:a2', 1);
  edge('instagram:a2', 'instagram:a2', 5);
  edge('x:b1', 'linkedin:b2', 2);
  edge('x:b3', 'linkedin:b2', 1);
  edge('x:a3', 'x:b1', 4);
  edge('facebook:c1', 'x:a3', 1);
  const partition = {
    'instagram:a1': 0,
    'instagram:a2': 0,
    'x:a3': 0,
    'instagram:a4': 0,
    'x:b1': 1,
    'linkedin:b2': 1,
    'x:b3': 1,
    'facebook:c1': 2,
  };
  return { graph, partition };
}

function expectInvalid(run: () => unknown, field: string): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).problems[0]?.field).toBe(field);
    return;
  }
  throw new Error('expected an InvalidInputError');
}

describe('profileCommunities', () => {
  const { graph, partition } = smallMap();
  const profiles = profileCommunities(graph, partition);
  const [first, second, third] = profiles;

  it('gives one profile per community, ids ascending, with sizes', () => {
    expect(profiles.map((profile) => [profile.id, profile.size])).toEqual([
      [0, 4],
      [1, 3],
      [2, 1],
    ]);
  });

  it('measures the share of the weight touching a community that stays inside', () => {
    expect(first).toMatchObject({ internalWeight: 12, externalWeight: 5 });
    expect(first?.internalLinkShare).toBeCloseTo(12 / 17, 12);
    expect(second).toMatchObject({ internalWeight: 3, externalWeight: 4 });
    expect(second?.internalLinkShare).toBeCloseTo(3 / 7, 12);
    expect(third?.internalLinkShare).toBe(0);
  });

  it('lists top members by attention received from the whole graph, ties by key', () => {
    expect(first?.topMembers).toEqual([
      {
        key: 'x:a3',
        name: '@drthomas',
        handle: 'drthomas',
        actorType: 'hcp',
        platform: 'x',
        weightedInDegree: 6,
      },
      {
        key: 'instagram:a1',
        name: 'Alice',
        handle: undefined,
        actorType: 'patient',
        platform: 'instagram',
        weightedInDegree: 1,
      },
      expect.objectContaining({ key: 'instagram:a2', weightedInDegree: 1 }),
      expect.objectContaining({ key: 'instagram:a4', name: 'instagram:a4', weightedInDegree: 0 }),
    ]);
    expect(second?.topMembers.map((member) => [member.name, member.weightedInDegree])).toEqual([
      ['Ben', 4],
      ['Beth', 3],
      ['Bob', 0],
    ]);
    const two = profileCommunities(graph, partition, { topMembers: 2 });
    expect(two[0]?.topMembers.map((member) => member.key)).toEqual(['x:a3', 'instagram:a1']);
  });

  it('counts actor types, platforms, languages, countries and areas with shares of the size', () => {
    expect(first?.actorTypes).toEqual([
      { value: 'patient', count: 3, share: 0.75 },
      { value: 'hcp', count: 1, share: 0.25 },
    ]);
    expect(first?.platforms).toEqual([
      { value: 'instagram', count: 3, share: 0.75 },
      { value: 'x', count: 1, share: 0.25 },
    ]);
    expect(first?.languages.map((share) => [share.value, share.count])).toEqual([
      ['fr', 3],
      ['en', 1],
    ]);
    expect(first?.countries).toEqual([{ value: 'FR', count: 2, share: 0.5 }]);
    expect(first?.therapeuticAreas).toEqual([
      { value: 'multiple-sclerosis', count: 3, share: 0.75 },
      { value: 'stroke', count: 1, share: 0.25 },
    ]);
    expect(first?.dominantActorType?.value).toBe('patient');
    expect(first?.dominantPlatform?.value).toBe('instagram');
    expect(first?.dominantLanguage?.value).toBe('fr');
    expect(first?.dominantTherapeuticArea?.value).toBe('multiple-sclerosis');
    expect(second?.actorTypes[0]).toEqual({ value: 'hcp', count: 2, share: 2 / 3 });
    expect(third?.dominantTherapeuticArea).toBeNull();
  });

  it("puts communities smaller than minSize in the display group 'other', keeping their ids", () => {
    expect(profiles.map((profile) => profile.displayGroup)).toEqual([0, 1, 'other']);
    const bigger = profileCommunities(graph, partition, { minSize: 4 });
    expect(bigger.map((profile) => [profile.id, profile.displayGroup])).toEqual([
      [0, 0],
      [1, 'other'],
      [2, 'other'],
    ]);
    expect(
      profileCommunities(graph, partition, { minSize: 1 }).map((profile) => profile.displayGroup),
    ).toEqual([0, 1, 2]);
  });

  it('labels each community from its hashtags, actor types and platforms', () => {
    const posts: Post[] = [
      { id: 'p1', platform: 'instagram', author: 'a1', createdAt: '2024-01-01', hashtags: ['SEP'] },
      {
        id: 'p2',
        platform: 'instagram',
        author: 'a2',
        createdAt: '2024-01-01',
        hashtags: ['#SEP'],
      },
      { id: 'p3', platform: 'x', author: 'b1', createdAt: '2024-01-01', text: 'Read #cancer' },
    ];
    const labelled = profileCommunities(graph, partition, { posts });
    expect(labelled.map((profile) => profile.label)).toEqual([
      '#SEP · patients · Instagram',
      '#cancer · HCPs · X',
      'Facebook',
    ]);
    expect(labelled[0]?.terms[0]).toMatchObject({ term: '#SEP', count: 2 });
  });

  it('reads the weight as asked and counts undirected edges as attention both ways', () => {
    const unweighted = profileCommunities(graph, partition, { getEdgeWeight: null });
    expect(unweighted[0]?.internalLinkShare).toBeCloseTo(5 / 7, 12);
    expect(unweighted[0]?.topMembers[0]?.weightedInDegree).toBe(3);
    const undirected = new UndirectedGraph();
    undirected.mergeEdge('a', 'b', { weight: 2 });
    undirected.mergeEdge('b', 'c', { weight: 1 });
    const [only] = profileCommunities(undirected, { a: 0, b: 0, c: 0 });
    expect(only?.topMembers.map((member) => [member.key, member.weightedInDegree])).toEqual([
      ['b', 3],
      ['a', 2],
      ['c', 1],
    ]);
    expect(only?.internalLinkShare).toBe(1);
  });

  it('throws InvalidInputError on a node without community, a bad weight or option', () => {
    expectInvalid(
      () => profileCommunities(graph, { ...partition, 'x:b3': undefined as never }),
      'partition',
    );
    const negative = smallMap().graph;
    negative.setEdgeAttribute(negative.edges()[0], 'weight', -1);
    expectInvalid(() => profileCommunities(negative, partition), 'weight');
    expectInvalid(() => profileCommunities(graph, partition, { topMembers: -1 }), 'topMembers');
    expectInvalid(() => profileCommunities(graph, partition, { minSize: 1.5 }), 'minSize');
    expectInvalid(
      () => profileCommunities(graph, partition, { getEdgeWeight: 3 as never }),
      'getEdgeWeight',
    );
    expectInvalid(
      () => profileCommunities(graph, partition, { actorTypeShare: 2 }),
      'actorTypeShare',
    );
  });

  it('gives the same profiles on every run', () => {
    expect(profileCommunities(graph, partition)).toEqual(profiles);
  });
});

describe('communitySummaryTable', () => {
  const { graph, partition } = smallMap();
  const profiles = profileCommunities(graph, partition, { minSize: 2 });

  it('gives one printable row per community, the small ones gathered in a last row', () => {
    expect(communitySummaryTable(profiles)).toEqual([
      {
        id: 0,
        label: profiles[0]?.label,
        size: 4,
        internal: '71%',
        topMembers: '@drthomas, Alice, @bea',
        actorTypes: 'patients 75%, HCPs 25%',
        platforms: 'Instagram 75%, X 25%',
        languages: 'fr 75%, en 25%',
      },
      {
        id: 1,
        label: profiles[1]?.label,
        size: 3,
        internal: '43%',
        topMembers: 'Ben, Beth, Bob',
        actorTypes: 'HCPs 67%, journalists 33%',
        platforms: 'X 67%, LinkedIn 33%',
        languages: 'en 100%',
      },
      {
        id: 'other',
        label: '1 small community',
        size: 1,
        internal: '',
        topMembers: 'Cal',
        actorTypes: 'other accounts 100%',
        platforms: 'Facebook 100%',
        languages: 'fr 100%',
      },
    ]);
  });

  it('keeps every community on its own row without groupOther, and honours the counts', () => {
    const rows = communitySummaryTable(profiles, { groupOther: false, topMembers: 1, values: 1 });
    expect(rows.map((row) => row.id)).toEqual([0, 1, 2]);
    expect(rows[0]).toMatchObject({
      topMembers: '@drthomas',
      actorTypes: 'patients 75%',
      platforms: 'Instagram 75%',
    });
  });

  it('merges the compositions of several small communities', () => {
    const all = profileCommunities(graph, partition, { minSize: 10 });
    const [row] = communitySummaryTable(all);
    expect(row).toMatchObject({
      id: 'other',
      label: '3 small communities',
      size: 8,
      topMembers: '@drthomas, Ben, Beth',
      actorTypes: 'HCPs 38%, patients 38%',
      languages: 'en 50%, fr 50%',
    });
  });
});
