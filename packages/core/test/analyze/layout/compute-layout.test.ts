import { DirectedGraph } from 'graphology';
import { assignLayout, computeLayout } from '../../../src/analyze/layout/compute-layout.js';

function twoGroups(): DirectedGraph {
  const graph = new DirectedGraph();
  for (const group of ['a', 'b']) {
    for (let i = 0; i < 12; i++) graph.addNode(`${group}${i}`);
    for (let i = 0; i < 12; i++) {
      for (let j = i + 1; j < 12; j++) graph.addEdge(`${group}${i}`, `${group}${j}`, { weight: 1 });
    }
  }
  graph.addEdge('a0', 'b0', { weight: 1 });
  return graph;
}

const distance = (p: { x: number; y: number }, q: { x: number; y: number }) =>
  Math.hypot(p.x - q.x, p.y - q.y);

describe('computeLayout', () => {
  it('is reproducible for a seed and differs for another seed', () => {
    const graph = twoGroups();
    expect(computeLayout(graph, { seed: 7 })).toEqual(computeLayout(graph, { seed: 7 }));
    expect(computeLayout(graph, { seed: 7 })).not.toEqual(computeLayout(graph, { seed: 8 }));
  });

  it('puts members of a dense group closer to each other than to the other group', () => {
    const positions = computeLayout(twoGroups());
    let inside = 0;
    let across = 0;
    for (let i = 1; i < 12; i++) {
      inside +=
        distance(positions[`a${i}`]!, positions.a1!) + distance(positions[`b${i}`]!, positions.b1!);
      across +=
        distance(positions[`a${i}`]!, positions.b1!) + distance(positions[`b${i}`]!, positions.a1!);
    }
    expect(inside).toBeLessThan(across / 2);
  });

  it('assignLayout writes finite x and y on every node and leaves the edges alone', () => {
    const graph = twoGroups();
    assignLayout(graph, { iterations: 10 });
    graph.forEachNode((_node, attributes) => {
      expect(Number.isFinite(attributes.x)).toBe(true);
      expect(Number.isFinite(attributes.y)).toBe(true);
    });
    expect(graph.size).toBe(133);
  });

  it('keeps positions finite and unchanged in shape whatever the unit of the weights', () => {
    const chain = (scale: number, outlier: number) => {
      const graph = new DirectedGraph();
      for (let i = 0; i < 30; i++) graph.addNode(`n${i}`);
      for (let i = 0; i < 29; i++) {
        graph.addEdge(`n${i}`, `n${i + 1}`, { weight: (i === 3 ? outlier : 1) * scale });
      }
      return graph;
    };
    const huge = computeLayout(chain(1, 1e20));
    for (const { x, y } of Object.values(huge)) {
      expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
    }
    const counts = computeLayout(chain(1, 5));
    const shares = computeLayout(chain(1e-6, 5));
    for (const node of Object.keys(counts)) {
      expect(shares[node]?.x).toBeCloseTo(counts[node]?.x as number, 6);
      expect(shares[node]?.y).toBeCloseTo(counts[node]?.y as number, 6);
    }
  });

  it('handles an empty graph and rejects bad options with the option named', () => {
    expect(computeLayout(new DirectedGraph())).toEqual({});
    expect(() => computeLayout(twoGroups(), { iterations: -1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });
});
