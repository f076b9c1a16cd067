import { DirectedGraph } from 'graphology';
import { assignLayout, computeLayout } from '../../../src/analyze/layout/compute-layout.js';
import { createRng } from '../../../src/analyze/random.js';

/** Planted communities: `count` groups of `size`, links inside with probability 0.3, 2 % across. */
function planted(count: number, size: number, seed = 1): DirectedGraph {
  const rng = createRng(seed);
  const graph = new DirectedGraph();
  for (let c = 0; c < count; c++) {
    for (let i = 0; i < size; i++) graph.addNode(`${c}-${i}`, { community: c });
  }
  const nodes = graph.nodes();
  for (const a of nodes) {
    for (const b of nodes) {
      if (a >= b) continue;
      const same =
        graph.getNodeAttribute(a, 'community') === graph.getNodeAttribute(b, 'community');
      if (rng() < (same ? 0.3 : 0.002)) graph.addEdge(a, b, { weight: 1 + Math.floor(rng() * 3) });
    }
  }
  return graph;
}

/**
 * Per node: distance to its own community's centroid over the distance to the nearest other
 * centroid. Returns the share of nodes closer to their own and the mean of the ratios.
 */
function separation(graph: DirectedGraph, positions: Record<string, { x: number; y: number }>) {
  const sums = new Map<number, { x: number; y: number; count: number }>();
  graph.forEachNode((node, { community }) => {
    const sum = sums.get(community) ?? { x: 0, y: 0, count: 0 };
    sum.x += positions[node]!.x;
    sum.y += positions[node]!.y;
    sum.count++;
    sums.set(community, sum);
  });
  let closer = 0;
  let ratios = 0;
  graph.forEachNode((node, { community }) => {
    const { x, y } = positions[node]!;
    let own = 0;
    let other = Number.POSITIVE_INFINITY;
    for (const [id, sum] of sums) {
      const distance = Math.hypot(x - sum.x / sum.count, y - sum.y / sum.count);
      if (id === community) own = distance;
      else other = Math.min(other, distance);
    }
    if (own < other) closer++;
    ratios += own / other;
  });
  return { closer: closer / graph.order, meanRatio: ratios / graph.order };
}

describe('community-aware layout', () => {
  it('draws planted communities apart: every member closer to its own centre than to any other', () => {
    const graph = planted(6, 40);
    const { closer, meanRatio } = separation(graph, computeLayout(graph));
    expect(closer).toBe(1);
    expect(meanRatio).toBeLessThan(0.5);
  });

  it('is reproducible for a seed and differs for another seed', () => {
    const graph = planted(4, 30);
    expect(computeLayout(graph, { seed: 3 })).toEqual(computeLayout(graph, { seed: 3 }));
    expect(computeLayout(graph, { seed: 3 })).not.toEqual(computeLayout(graph, { seed: 4 }));
  });

  it('packs groups with no link to the rest below the largest group, not around it', () => {
    const graph = planted(4, 30);
    for (let p = 0; p < 20; p++) {
      graph.addNode(`pair${p}a`, { community: 100 + p });
      graph.addNode(`pair${p}b`, { community: 100 + p });
      graph.addEdge(`pair${p}a`, `pair${p}b`);
    }
    graph.addNode('alone', { community: 200 });
    const positions = computeLayout(graph);
    const main = graph.filterNodes((_node, { community }) => community < 100);
    const lowest = Math.min(...main.map((node) => positions[node]!.y));
    for (const node of graph.filterNodes((_node, { community }) => community >= 100)) {
      expect(positions[node]!.y).toBeLessThan(lowest);
    }
  });

  it('reports its progress as increasing fractions ending at 1', () => {
    const fractions: number[] = [];
    computeLayout(planted(3, 20), {}, (fraction) => fractions.push(fraction));
    expect(fractions.length).toBeGreaterThan(5);
    expect(fractions.length).toBeLessThanOrEqual(102);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
  });

  it('stops near its time limit on a graph that would take longer, positions finite', () => {
    const graph = new DirectedGraph();
    for (let i = 0; i < 20_000; i++) graph.addNode(`n${i}`, { community: i % 2 });
    for (let i = 2; i < 20_000; i++)
      graph.addEdge(`n${i}`, `n${i % 2 === 0 ? i - 2 : (i * 7919) % i}`);
    // CPU time rather than wall-clock time: under a loaded CI machine the wall clock runs on while
    // the process waits, but the layout, stopped at its 0.5 s, has used at most that much CPU.
    const start = process.cpuUsage();
    assignLayout(graph, { iterations: 10_000, timeLimit: 0.5 });
    const { user, system } = process.cpuUsage(start);
    expect((user + system) / 1000).toBeLessThan(5_000);
    graph.forEachNode((_node, { x, y }) => {
      expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
    });
  });

  it('lays out nodes without a community as communities of their own, and rejects a bad time limit', () => {
    const graph = planted(2, 10);
    graph.addNode('stray');
    graph.addEdge('stray', '0-0');
    const positions = computeLayout(graph);
    expect(Number.isFinite(positions.stray?.x)).toBe(true);
    expect(() => computeLayout(graph, { timeLimit: 0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });
});
