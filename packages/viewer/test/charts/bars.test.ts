import { layoutBars } from '../../src/charts/bars.js';

describe('layoutBars', () => {
  it('lays out one row per item and one bar per value on one scale', () => {
    const layout = layoutBars(
      [
        [0.5, 0.25],
        [0.1, 0],
      ],
      { width: 300, labelWidth: 100, valueWidth: 50, barHeight: 8, barGap: 2, rowGap: 10 },
    );
    expect(layout.x0).toBe(100);
    expect(layout.x1).toBe(250);
    expect(layout.rows[0]?.bars.map((bar) => bar.width)).toEqual([150, 75]);
    expect(layout.rows[1]?.bars.map((bar) => bar.width)).toEqual([30, 0]);
    expect(layout.rows.map((row) => row.y)).toEqual([0, 28]);
    expect(layout.rows[0]?.bars[1]?.y).toBe(10);
    expect(layout.rows[0]?.middle).toBe(9);
    expect(layout.height).toBe(46);
  });

  it('clamps values to 0 and max', () => {
    const layout = layoutBars([[-1, 3]], { width: 200, labelWidth: 0, valueWidth: 0, max: 2 });
    expect(layout.rows[0]?.bars.map((bar) => bar.width)).toEqual([0, 200]);
  });

  it('draws nothing long when every value is 0', () => {
    const layout = layoutBars([[0]], { width: 200 });
    expect(layout.rows[0]?.bars[0]?.width).toBe(0);
  });
});
