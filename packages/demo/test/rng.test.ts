// The seeded generator: repeatable, seed- and stream-dependent, and its distributions.
import { cumulate, Rng } from '../src/rng.js';

const draws = (rng: Rng, n: number): number[] => Array.from({ length: n }, () => rng.next());

describe('Rng', () => {
  it('repeats its sequence for the same seed and stream', () => {
    expect(draws(new Rng(7, 'a'), 50)).toEqual(draws(new Rng(7, 'a'), 50));
  });

  it('gives different sequences for other seeds or streams', () => {
    const base = draws(new Rng(7, 'a'), 10);
    expect(draws(new Rng(8, 'a'), 10)).not.toEqual(base);
    expect(draws(new Rng(7, 'b'), 10)).not.toEqual(base);
    expect(draws(new Rng(7 + 2 ** 32, 'a'), 10)).not.toEqual(base);
  });

  it('draws uniform numbers in [0, 1)', () => {
    const values = draws(new Rng(1), 20000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeCloseTo(0.5, 1);
  });

  it('picks indices in proportion to their weights and never a zero weight', () => {
    const rng = new Rng(3);
    const sums = cumulate([1, 0, 3]);
    const counts = [0, 0, 0];
    for (let i = 0; i < 8000; i++) {
      const index = rng.pickCumulative(sums);
      counts[index] = (counts[index] ?? 0) + 1;
    }
    expect(counts[1]).toBe(0);
    expect((counts[2] ?? 0) / (counts[0] ?? 1)).toBeGreaterThan(2.5);
    expect((counts[2] ?? 0) / (counts[0] ?? 1)).toBeLessThan(3.5);
  });

  it('draws a heavy-tailed Pareto above its minimum', () => {
    const rng = new Rng(5);
    const values = Array.from({ length: 5000 }, () => rng.pareto(1.5, 2));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...values)).toBeGreaterThan(100);
  });
});
