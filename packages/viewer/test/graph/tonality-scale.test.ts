import {
  mixColors,
  TONALITY_COLORS,
  tonalityColor,
  tonalityLimit,
} from '../../src/graph/tonality-scale.js';

describe('tonalityLimit', () => {
  it("is the 95th percentile of |tonality|, up to a tenth, so outliers don't wash the scale out", () => {
    const values = [...Array.from({ length: 95 }, (_, i) => (i % 2 ? 0.3 : -0.1)), 0.9, 0.9];
    expect(tonalityLimit(values)).toBe(0.3);
  });

  it('stays between 0.1 and 1', () => {
    expect(tonalityLimit([0, 0.01])).toBe(0.1);
    expect(tonalityLimit([-1, 1])).toBe(1);
    expect(tonalityLimit([])).toBe(1);
  });
});

describe('tonalityColor', () => {
  it('runs from the negative end through the middle to the positive end', () => {
    expect(tonalityColor(-0.5, 0.5)).toBe(TONALITY_COLORS[0]);
    expect(tonalityColor(0, 0.5)).toBe(TONALITY_COLORS[2]);
    expect(tonalityColor(0.5, 0.5)).toBe(TONALITY_COLORS[4]);
    expect(tonalityColor(2, 0.5)).toBe(TONALITY_COLORS[4]);
  });
});

describe('mixColors', () => {
  it('mixes channel by channel', () => {
    expect(mixColors('#000000', '#ffffff', 0.5)).toBe('#808080');
    expect(mixColors('#102030', '#102030', 0.3)).toBe('#102030');
  });
});
