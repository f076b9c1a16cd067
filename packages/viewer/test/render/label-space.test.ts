import { boxesOverlap, createLabelSpace } from '../../src/render/label-space.js';

describe('createLabelSpace', () => {
  it('gives a box only when it overlaps none given before', () => {
    const space = createLabelSpace();
    expect(space.claim({ x: 0, y: 0, width: 100, height: 12 })).toBe(true);
    expect(space.claim({ x: 90, y: 5, width: 50, height: 12 })).toBe(false);
    expect(space.claim({ x: 100, y: 0, width: 50, height: 12 })).toBe(true);
    expect(space.claim({ x: 10, y: 12, width: 300, height: 12 })).toBe(true);
    // A long box overlapping one far from its start, across several grid cells.
    expect(space.claim({ x: -500, y: 20, width: 560, height: 3 })).toBe(false);
    expect(space.boxes()).toHaveLength(3);
    const boxes = space.boxes();
    for (const a of boxes)
      for (const b of boxes) if (a !== b) expect(boxesOverlap(a, b)).toBe(false);
  });

  it('counts shared area as overlap, touching edges not', () => {
    expect(
      boxesOverlap({ x: 0, y: 0, width: 10, height: 10 }, { x: 10, y: 0, width: 5, height: 5 }),
    ).toBe(false);
    expect(
      boxesOverlap({ x: 0, y: 0, width: 10, height: 10 }, { x: 9, y: 9, width: 5, height: 5 }),
    ).toBe(true);
    expect(
      boxesOverlap({ x: 0, y: 0, width: 10, height: 10 }, { x: 2, y: 2, width: 1, height: 1 }),
    ).toBe(true);
  });
});
