import { DirectedGraph } from 'graphology';
import { computeCommunityRoles } from '../../../src/analyze/influence/community-roles.js';
import { expectInvalid } from './fixtures.js';

/**
 * Community A = a1..a4, B = b1..b3. Undirected view: a1–a2 (both ways, 1 + 1), a1–a3, a1–a4,
 * a2–a3, a4–b1, a1–b1 (weight 3), b1–b2, b1–b3, b2–b3; a self-loop on a3; `x` alone in C.
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
  it('counts links by default (Guimerà & Amaral), computed by hand', () => {
    const { withinCommunityZ, participation } = computeCommunityRoles(twoCommunities(), PARTITION);
    // κ in A: a1 3, a2 2, a3 2, a4 1 → mean 2, σ = √0.5. B: all 2 → σ = 0 → z = 0.
    const z = Math.SQRT2;
    expect(withinCommunityZ.a1).toBeCloseTo(z, 12);
    expect(withinCommunityZ.a4).toBeCloseTo(-z, 12);
    expect(withinCommunityZ).toMatchObject({ a2: 0, a3: 0, b1: 0, b2: 0, b3: 0, x: 0 });
    // a1: 3 of 4 links in A, 1 in B → 1 − (9 + 1) / 16; a4 and b1 split evenly; x has no link.
    expect(participation).toEqual({
      a1: 6 / 16,
      a2: 0,
      a3: 0,
      a4: 0.5,
      b1: 0.5,
      b2: 0,
      b3: 0,
      x: 0,
    });
  });

  it('weighs links by the attention exchanged with weighted: true', () => {
    const { withinCommunityZ, participation } = computeCommunityRoles(twoCommunities(), PARTITION, {
      weighted: true,
    });
    // a1: a2 2, a3 1, a4 1, b1 3 → κ 4 of 7. κ in A: 4, 3, 2, 1 → mean 2.5, σ = √1.25.
    expect(participation.a1).toBeCloseTo(1 - (16 + 9) / 49, 12);
    expect(withinCommunityZ.a1).toBeCloseTo(1.5 / Math.sqrt(1.25), 12);
    expect(withinCommunityZ.a3).toBeCloseTo(-0.5 / Math.sqrt(1.25), 12);
    // b1: a4 1, a1 3, b2 1, b3 1 → 2 of 6 in B, 4 in A.
    expect(participation.b1).toBeCloseTo(1 - (4 + 16) / 36, 12);
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
