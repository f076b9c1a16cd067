import { DirectedGraph, UndirectedGraph } from 'graphology';
import { computeInfluence } from '../../../src/analyze/influence/compute-influence.js';
import { computeKolScores, type KolScoreResult } from '../../../src/analyze/score/kol-score.js';
import { amplificationShares, DEFAULT_ROLE_OPTIONS } from '../../../src/analyze/score/roles.js';

/**
 * Three communities, each around a hub its members mention: h0 (14 members a0–a13), h1 (12, b0–b11),
 * h2 (10, c0–c9). In community 2, `bridge` is mentioned by two members of each community, and
 * `spammer` mentions two members of each community without being mentioned; in community 0, `amp`
 * reposts h0 and a2 heavily; in community 1, `talker` mentions six members three times each, and
 * b8 mentions `relay`, who mentions c5: the only way from b8 to community 2.
 */
function threeCommunities(): { graph: DirectedGraph; partition: Record<string, number> } {
  const graph = new DirectedGraph();
  const partition: Record<string, number> = {};
  const node = (key: string, community: number) => {
    graph.addNode(key);
    partition[key] = community;
  };
  const mention = (source: string, target: string, times = 1) =>
    graph.addEdge(source, target, { weight: 1.5 * times, mention: times, count: times });
  const repost = (source: string, target: string, times: number) =>
    graph.addEdge(source, target, { weight: 3 * times, repost: times, count: times });
  for (const [hub, prefix, members, community] of [
    ['h0', 'a', 14, 0],
    ['h1', 'b', 12, 1],
    ['h2', 'c', 10, 2],
  ] as const) {
    node(hub, community);
    for (let i = 0; i < members; i++) {
      node(`${prefix}${i}`, community);
      mention(`${prefix}${i}`, hub);
    }
  }
  node('bridge', 2);
  for (const source of ['a0', 'a1', 'b0', 'b1', 'c0', 'c1']) mention(source, 'bridge');
  node('spammer', 2);
  for (const target of ['a0', 'a1', 'b0', 'b1', 'c0', 'c1']) mention('spammer', target);
  node('relay', 1);
  mention('b8', 'relay');
  mention('relay', 'c5');
  node('amp', 0);
  repost('amp', 'h0', 10);
  repost('amp', 'a2', 5);
  mention('amp', 'a3');
  node('talker', 1);
  for (const target of ['b2', 'b3', 'b4', 'b5', 'b6', 'b7']) mention('talker', target, 3);
  return { graph, partition };
}

function rolesOf(result: KolScoreResult): Record<string, string | null> {
  return Object.fromEntries(result.accounts.map((account) => [account.key, account.role]));
}

describe('roles', () => {
  const { graph, partition } = threeCommunities();
  const influence = computeInfluence(graph, { partition });

  it('finds the leader, the community leaders, the bridge, the amplifier and the peripherals', () => {
    const roles = rolesOf(computeKolScores(graph, influence));
    expect(roles.h0).toBe('leader');
    expect(roles.h1).toBe('community_leader');
    expect(roles.h2).toBe('community_leader');
    expect(roles.bridge).toBe('bridge');
    expect(roles.amp).toBe('amplifier');
    // Very active, but mentions rather than reposts.
    expect(roles.talker).toBe('peripheral');
    // Gives attention to every community, receives none: not a bridge.
    expect(roles.spammer).toBe('peripheral');
    for (const key of ['a5', 'a13', 'b9', 'c7'])
      expect([key, roles[key]]).toEqual([key, 'peripheral']);
    const counts = new Map<string | null, number>();
    for (const role of Object.values(roles)) counts.set(role, (counts.get(role) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({
      leader: 1,
      community_leader: 2,
      bridge: 1,
      amplifier: 1,
      peripheral: graph.order - 5,
    });
  });

  it('uses the coordinates of Guimerà & Amaral behind each role', () => {
    const at = (key: string) => influence.keys.indexOf(key);
    expect(influence.participation?.[at('bridge')]).toBeCloseTo(2 / 3, 12);
    expect(influence.withinCommunityZ?.[at('h1')]).toBeGreaterThanOrEqual(2.5);
    expect(influence.withinCommunityZ?.[at('talker')]).toBeLessThan(2.5);
    expect(DEFAULT_ROLE_OPTIONS).toMatchObject({ hubZ: 2.5, bridgeParticipation: 0.62 });
  });

  it('follows the thresholds given', () => {
    // Without the first-in-community rule, the hubs still lead by their z-score.
    const byZ = rolesOf(computeKolScores(graph, influence, { roles: { communityLeaders: 0 } }));
    expect([byZ.h1, byZ.h2]).toEqual(['community_leader', 'community_leader']);
    // Communities of 14 ranked members or more only: community 2 (13) has no leader.
    const large = rolesOf(computeKolScores(graph, influence, { roles: { minCommunitySize: 14 } }));
    expect([large.h1, large.h2]).toEqual(['community_leader', 'peripheral']);
    // Participation needs more links than the bridge has.
    expect(
      rolesOf(computeKolScores(graph, influence, { roles: { bridgeMinLinks: 7 } })).bridge,
    ).toBe('peripheral');
    // relay carries b8's only paths to community 2: a broker once the threshold lets it in. The
    // spammer gives attention to every community and receives none: never a bridge.
    const brokers = rolesOf(
      computeKolScores(graph, influence, { roles: { bridgeBetweennessPercentile: 0.9 } }),
    );
    expect([brokers.relay, brokers.spammer]).toEqual(['bridge', 'peripheral']);
    // Reposts must be all of its out-interactions: amp's 15 of 16 are not enough.
    expect(rolesOf(computeKolScores(graph, influence, { roles: { amplifierShare: 1 } })).amp).toBe(
      'peripheral',
    );
    // Every account in the top half is a leader.
    const half = rolesOf(computeKolScores(graph, influence, { roles: { leaderShare: 0.5 } }));
    expect([half.h0, half.h1, half.h2]).toEqual(['leader', 'leader', 'leader']);
  });

  it('gives no community leader nor participation bridge without a partition', () => {
    const plain = computeInfluence(graph);
    const roles = rolesOf(computeKolScores(graph, plain));
    expect(roles.h0).toBe('leader');
    expect([roles.h1, roles.bridge, roles.amp]).toEqual(['peripheral', 'peripheral', 'amplifier']);
  });
});

describe('amplificationShares', () => {
  it('is the share of the typed out-interactions of the given types, untyped counts as others', () => {
    const graph = new DirectedGraph();
    for (const key of ['a', 'b', 'c', 'd']) graph.addNode(key);
    graph.addEdge('a', 'b', { weight: 9, repost: 2, quote: 1, mention: 1, follow: 5 });
    graph.addEdge('a', 'c', { weight: 2, count: 4 });
    graph.addEdge('b', 'b', { weight: 3, repost: 3 });
    graph.addEdge('c', 'a', { weight: 1, like: 2 });
    expect([...amplificationShares(graph, graph.nodes(), ['repost', 'quote'])]).toEqual([
      3 / 8,
      0,
      0,
      0,
    ]);
    expect([...amplificationShares(graph, graph.nodes(), ['like'])]).toEqual([0, 0, 1, 0]);
  });

  it('counts an undirected edge for both of its ends', () => {
    const graph = new UndirectedGraph();
    graph.addNode('a');
    graph.addNode('b');
    graph.addEdge('a', 'b', { repost: 1, mention: 1 });
    expect([...amplificationShares(graph, ['a', 'b'], ['repost'])]).toEqual([0.5, 0.5]);
  });
});
