import { detectCommunities } from '../../../src/analyze/communities/detect-communities.js';
import { leiden } from '../../../src/analyze/communities/leiden.js';
import {
  networkModularity,
  toWeightedNetwork,
} from '../../../src/analyze/communities/weighted-network.js';
import { createRng } from '../../../src/analyze/random.js';
import { communitiesAreConnected, karateClub, plantedGraph } from './graphs.js';

describe('leiden', () => {
  const parameters = (seed: number) => ({
    resolution: 1,
    randomness: 0.01,
    rng: createRng(seed),
    maxIterations: 10,
    maxWork: Number.POSITIVE_INFINITY,
  });

  it.each([
    [300, 6, 3, 0.3],
    [400, 10, 2, 0.5],
    [200, 4, 6, 0.6],
  ])(
    'returns connected communities only (n %i, %i groups, degree %i, mixing %f)',
    (n, groups, degree, mixing) => {
      for (const seed of [1, 2, 3, 4, 5]) {
        const graph = plantedGraph(seed, n, groups, degree, mixing);
        for (const direction of ['directed', 'undirected'] as const) {
          for (const resolution of [0.5, 1, 2]) {
            const result = detectCommunities(graph, { seed, direction, resolution });
            expect(communitiesAreConnected(graph, result.partition)).toBe(true);
            for (const level of result.levels)
              expect(communitiesAreConnected(graph, level)).toBe(true);
          }
        }
      }
    },
  );

  it('returns dense labels, nested levels ending with the membership, and the iterations it ran', () => {
    const network = toWeightedNetwork(plantedGraph(7, 300, 5, 4, 0.3), 'weight', false);
    const outcome = leiden(network, parameters(7));
    expect(new Set(outcome.membership).size).toBe(outcome.count);
    expect(Math.max(...outcome.membership)).toBe(outcome.count - 1);
    expect(outcome.levels.at(-1)).toEqual(outcome.membership);
    expect(outcome.iterations).toBeGreaterThanOrEqual(1);
    expect(outcome.iterations).toBeLessThanOrEqual(10);
  });

  it('never lowers modularity with more iterations', () => {
    const network = toWeightedNetwork(plantedGraph(8, 500, 8, 3, 0.4), 'weight', true);
    const quality = (maxIterations: number) => {
      const outcome = leiden(network, { ...parameters(8), maxIterations });
      return networkModularity(network, outcome.membership, outcome.count, 1);
    };
    expect(quality(3)).toBeGreaterThanOrEqual(quality(1) - 1e-12);
  });

  it('stops at maxWork / adjacency entries iterations, 2 at least', () => {
    const network = toWeightedNetwork(plantedGraph(9, 2000, 8, 3, 0.6), 'weight', true);
    const entries = network.neighbors.length;
    const unbounded = leiden(network, parameters(9));
    expect(unbounded.iterations).toBeGreaterThan(3);
    expect(leiden(network, { ...parameters(9), maxWork: 3.5 * entries }).iterations).toBe(3);
    expect(leiden(network, { ...parameters(9), maxWork: 1 }).iterations).toBe(2);
  });

  it('still finds the karate optimum with more randomness in the refinement', () => {
    const graph = karateClub();
    const best = Math.max(
      ...[1, 2, 3, 4, 5].map(
        (seed) => detectCommunities(graph, { seed, randomness: 0.5 }).modularity,
      ),
    );
    expect(best).toBeCloseTo(0.4198, 4);
  });

  it('merges everything connected at resolution 0', () => {
    const graph = plantedGraph(2, 100, 4, 4, 0.3);
    const result = detectCommunities(graph, { resolution: 0 });
    const components = detectCommunities(graph, { resolution: 0, algorithm: 'louvain' });
    expect(result.count).toBe(components.count);
  });
});
