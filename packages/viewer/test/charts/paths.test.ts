import { areaPath, linePath } from '../../src/charts/paths.js';

describe('linePath', () => {
  it('draws through the points in order', () => {
    expect(
      linePath([
        { x: 0, y: 10 },
        { x: 5, y: 2.345 },
        { x: 10, y: 0 },
      ]),
    ).toBe('M0,10L5,2.35L10,0');
  });

  it('breaks at missing values and draws a lone point as a dot', () => {
    expect(
      linePath([
        { x: 0, y: 1 },
        { x: 1, y: 2 },
        { x: 2, y: null },
        { x: 3, y: 4 },
        { x: 4, y: null },
      ]),
    ).toBe('M0,1L1,2M3,4L3,4');
  });

  it('is empty without values', () => {
    expect(linePath([{ x: 0, y: null }])).toBe('');
  });
});

describe('areaPath', () => {
  it('closes the line down to the baseline', () => {
    expect(
      areaPath(
        [
          { x: 0, y: 10 },
          { x: 10, y: null },
        ],
        50,
      ),
    ).toBe('M0,10L10,50L10,50L0,50Z');
  });
});
