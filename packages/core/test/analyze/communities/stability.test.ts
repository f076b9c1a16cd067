import { detectCommunities } from '../../../src/analyze/communities/detect-communities.js';
import { communityStability, resolutionSweep } from '../../../src/analyze/communities/stability.js';
import { InvalidInputError } from '../../../src/errors.js';
import { chainOfCliques, karateClub } from './graphs.js';

describe('communityStability', () => {
  it('is fully confident about two cliques', () => {
    const result = communityStability(chainOfCliques([5, 5]), { runs: 5 });
    expect(result.count).toBe(2);
    expect(result.meanNmi).toBeCloseTo(1, 12);
    expect(Object.values(result.confidence)).toEqual(new Array(10).fill(1));
    expect(result.seeds).toEqual([42, 43, 44, 45, 46]);
  });

  it.each(['leiden', 'louvain'] as const)(
    '%s: returns a reproducible consensus run with confidences in [0, 1]',
    (algorithm) => {
      const graph = karateClub();
      const result = communityStability(graph, { algorithm, runs: 12, seed: 1 });
      expect(result.seeds).toContain(result.seed);
      expect(result.partition).toEqual(
        detectCommunities(graph, { algorithm, seed: result.seed }).partition,
      );
      expect(result.meanNmi).toBeGreaterThan(0.5);
      expect(result.meanNmi).toBeLessThanOrEqual(1);
      const confidences = Object.values(result.confidence);
      expect(confidences).toHaveLength(34);
      for (const confidence of confidences) {
        expect(confidence).toBeGreaterThanOrEqual(1 / 12);
        expect(confidence).toBeLessThanOrEqual(1);
      }
    },
  );

  it('is deterministic for a seed and needs at least one run', () => {
    const graph = karateClub();
    expect(communityStability(graph, { runs: 4, seed: 3 })).toEqual(
      communityStability(graph, { runs: 4, seed: 3 }),
    );
    const single = communityStability(graph, { runs: 1 });
    expect(single.meanNmi).toBe(1);
    expect(new Set(Object.values(single.confidence))).toEqual(new Set([1]));
    expect(() => communityStability(graph, { runs: 0 })).toThrow(InvalidInputError);
  });
});

describe('resolutionSweep', () => {
  it('runs evenly spaced resolutions and reports modularity at γ = 1', () => {
    const graph = karateClub();
    const rows = resolutionSweep(graph, { from: 0.5, to: 2, steps: 4, seed: 5 });
    expect(rows.map((row) => row.resolution)).toEqual([0.5, 1, 1.5, 2]);
    const atOne = detectCommunities(graph, { seed: 5 });
    expect(rows[1]).toEqual({ resolution: 1, count: atOne.count, modularity: atOne.modularity });
    expect((rows[0] as { count: number }).count).toBeLessThan((rows[3] as { count: number }).count);
    for (const row of rows) expect(row.modularity).toBeLessThanOrEqual(0.4198 + 1e-4);
  });

  it('takes one resolution for one step and rejects a reversed range', () => {
    expect(resolutionSweep(karateClub(), { from: 0.8, to: 3, steps: 1 })).toHaveLength(1);
    expect(() => resolutionSweep(karateClub(), { from: 2, to: 1 })).toThrow(InvalidInputError);
  });
});
