import { type LayoutNetwork, runForceAtlas2 } from '../../../src/analyze/layout/force-atlas-2.js';
import { createRng } from '../../../src/analyze/random.js';

/** A ring of n nodes in compressed rows, weight 1. */
function ring(n: number): LayoutNetwork {
  const offsets = Int32Array.from({ length: n + 1 }, (_, i) => 2 * i);
  const targets = new Int32Array(2 * n);
  for (let i = 0; i < n; i++) {
    targets[2 * i] = (i + n - 1) % n;
    targets[2 * i + 1] = (i + 1) % n;
  }
  return { offsets, targets, weights: new Float64Array(2 * n).fill(1) };
}

function run(n: number, theta: number, iterations: number, coincident = false) {
  const rng = createRng(5);
  const x = Float64Array.from({ length: n }, () => (coincident ? 0 : rng() * 100));
  const y = Float64Array.from({ length: n }, () => (coincident ? 0 : rng() * 100));
  const done = runForceAtlas2(ring(n), x, y, {
    iterations,
    masses: new Float64Array(n).fill(3),
    scalingRatio: 10,
    gravity: 1,
    strongGravity: false,
    theta,
    deadline: Number.POSITIVE_INFINITY,
    onIteration: () => undefined,
  });
  return { x, y, done };
}

describe('runForceAtlas2', () => {
  it('with Barnes–Hut moves nodes nearly as the exact repulsion does', () => {
    const exact = run(400, 0, 1);
    const approximate = run(400, 0.5, 1);
    const start = run(400, 0, 0);
    let moved = 0;
    let error = 0;
    for (let i = 0; i < 400; i++) {
      moved += Math.hypot(exact.x[i]! - start.x[i]!, exact.y[i]! - start.y[i]!);
      error += Math.hypot(exact.x[i]! - approximate.x[i]!, exact.y[i]! - approximate.y[i]!);
    }
    expect(moved).toBeGreaterThan(0);
    expect(error / moved).toBeLessThan(0.05);
  });

  it('runs the iterations asked, stays finite from coincident positions and stops at the deadline', () => {
    const { x, y, done } = run(50, 1.2, 20, true);
    expect(done).toBe(20);
    for (let i = 0; i < 50; i++) expect(Number.isFinite(x[i]) && Number.isFinite(y[i])).toBe(true);
    const late = runForceAtlas2(ring(10), new Float64Array(10), new Float64Array(10), {
      iterations: 10,
      masses: new Float64Array(10).fill(1),
      scalingRatio: 1,
      gravity: 1,
      strongGravity: false,
      theta: 0,
      deadline: 0,
      onIteration: () => undefined,
    });
    expect(late).toBe(0);
  });
});
