import { packBoxes, separateDiscs } from '../../../src/analyze/layout/pack-discs.js';

describe('separateDiscs', () => {
  it('leaves no two discs overlapping, even from one point', () => {
    const n = 30;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    const r = Float64Array.from({ length: n }, (_, i) => 1 + (i % 5));
    separateDiscs(x, y, r, 0.5, 500);
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        const distance = Math.hypot(x[a]! - x[b]!, y[a]! - y[b]!);
        expect(distance).toBeGreaterThan((r[a]! + r[b]! + 0.5) * 0.99);
      }
    }
  });
});

describe('packBoxes', () => {
  it('leaves the first box in place and puts the others in rows below it, none overlapping', () => {
    const boxes = [
      { minX: -10, minY: -10, maxX: 10, maxY: 10 },
      ...Array.from({ length: 8 }, () => ({ minX: 0, minY: 0, maxX: 4, maxY: 4 })),
    ];
    const { dx, dy } = packBoxes(boxes, 1);
    expect([dx[0], dy[0]]).toEqual([0, 0]);
    const placed = boxes.slice(1).map((box, k) => ({
      minX: box.minX + dx[k + 1]!,
      maxX: box.maxX + dx[k + 1]!,
      minY: box.minY + dy[k + 1]!,
      maxY: box.maxY + dy[k + 1]!,
    }));
    placed.forEach((box, k) => {
      expect(box.maxY).toBeLessThan(-10);
      for (const other of placed.slice(k + 1)) {
        const apart =
          box.maxX < other.minX ||
          other.maxX < box.minX ||
          box.maxY < other.minY ||
          other.maxY < box.minY;
        expect(apart).toBe(true);
      }
    });
    expect(new Set(placed.map((box) => box.maxY)).size).toBe(2);
  });
});
