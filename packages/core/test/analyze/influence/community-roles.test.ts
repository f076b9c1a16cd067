import { DirectedGraph } from 'graphology';
import { computeCommunityRoles } from '../../../src/analyze/influence/community-roles.js';
import { expectInvalid } from './fixtures.js';

/**
 * Community A = a1..a4, B = b1..b3, `x` alone in C. Attention received (in-links, the self-loop on
 * a3 left out): a1 ← a2, a4; a2 ← a1; a3 ← a1, a2; a4 ← nobody; b1 ← a4, a1 (weight 3), b3;
 * b2 ← b1; b3 ← b2.
 */
function twoCommunities(): DirectedGraph {
  const graph = new DirectedGraph();
  const edges: Array<[string, string, number]> = [
    ['a1', 'a2', 1],
    ['a2', 'a1', 1],
    ['a1', 'a3', 1],
    ['a4', 'a1', 1],
    ['a2', 'a3', 1],
    ['a3', 'a3', 5],
    ['a4', 'b1', 1],
    ['a1', 'b1', 3],
    ['b1', 'b2', 1],
    ['b3', 'b1', 1],
    ['b2', 'b3', 1],
  ];
  for (const [s, t, weight] of edges) graph.mergeEdge(s, t, { weight });
  graph.addNode('x');
  return graph;
}

const PARTITION = { a1: 0, a2: 0, a3: 0, a4: 0, b1: 7, b2: 7, b3: 7, x: 3 };

describe('computeCommunityRoles', () => {
  it('counts the links received by default (Guimerà & Amaral on attention), computed by hand', () => {
    const { withinCommunityZ, participation } = computeCommunityRoles(twoCommunities(), PARTITION);
    // κ received from A: a1 2, a2 1, a3 2, a4 0 → mean 1.25, σ² = 0.6875. B: all 1 → z = 0.
    const sigma = Math.sqrt(0.6875);
    expect(withinCommunityZ.a1).toBeCloseTo(0.75 / sigma, 12);
    expect(withinCommunityZ.a2).toBeCloseTo(-0.25 / sigma, 12);
    expect(withinCommunityZ.a4).toBeCloseTo(-1.25 / sigma, 12);
    expect(withinCommunityZ).toMatchObject({ b1: 0, b2: 0, b3: 0, x: 0 });
    // b1 is heard from A (a4, a1) and B (b3): 1 − (4 + 1) / 9. a1 talks to B but is heard only
    // in A, and a4 gives attention to both without receiving any: neither bridges.
    expect(participation).toEqual({
      a1: 0,
      a2: 0,
      a3: 0,
      a4: 0,
      b1: 4 / 9,
      b2: 0,
      b3: 0,
      x: 0,
    });
  });

  it('weighs the links received by their attention with weighted: true', () => {
    const { withinCommunityZ, participation } = computeCommunityRoles(twoCommunities(), PARTITION, {
      weighted: true,
    });
    // b1 ← a4 1, a1 3 (A: 4), b3 1 (B: 1).
    expect(participation.b1).toBeCloseTo(1 - (16 + 1) / 25, 12);
    expect(withinCommunityZ.a1).toBeCloseTo(0.75 / Math.sqrt(0.6875), 12);
  });

  it('throws InvalidInputError when a node has no community or an option is bad', () => {
    const graph = twoCommunities();
    const { x: _, ...missing } = PARTITION;
    expectInvalid(() => computeCommunityRoles(graph, missing), 'partition');
    expectInvalid(
      () => computeCommunityRoles(graph, PARTITION, { weighted: 1 as unknown as boolean }),
      'weighted',
    );
  });
});
