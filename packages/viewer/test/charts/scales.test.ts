import {
  linearScale,
  niceDomain,
  niceStep,
  pointScale,
  spacedIndices,
} from '../../src/charts/scales.js';

describe('linearScale', () => {
  it('maps the domain onto the range, reversed ranges included', () => {
    const y = linearScale([0, 20], [150, 10]);
    expect(y(0)).toBe(150);
    expect(y(20)).toBe(10);
    expect(y(5)).toBe(115);
  });

  it('puts every value in the middle of an empty domain', () => {
    expect(linearScale([3, 3], [0, 100])(3)).toBe(50);
  });
});

describe('pointScale', () => {
  it('spaces the periods evenly, the first and last at the ends', () => {
    const x = pointScale(5, [40, 440]);
    expect([0, 1, 4].map(x)).toEqual([40, 140, 440]);
    expect(pointScale(1, [40, 440])(0)).toBe(240);
  });
});

describe('niceStep', () => {
  it('takes 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(18, 4)).toBe(5);
    expect(niceStep(0.9, 4)).toBe(0.5);
    expect(niceStep(1000, 4)).toBe(500);
    expect(niceStep(7, 4)).toBe(2);
  });
});

describe('niceDomain', () => {
  it('widens the domain to round ticks', () => {
    expect(niceDomain(0, 18)).toEqual({ domain: [0, 20], ticks: [0, 5, 10, 15, 20] });
  });

  it('keeps negative tonalities around zero', () => {
    expect(niceDomain(-0.08, 0.46)).toEqual({
      domain: [-0.2, 0.6],
      ticks: [-0.2, 0, 0.2, 0.4, 0.6],
    });
  });

  it('gives an empty span room', () => {
    expect(niceDomain(0, 0).domain).toEqual([0, 1]);
    expect(niceDomain(-3, -3).domain[1]).toBe(0);
  });
});

describe('spacedIndices', () => {
  it('keeps the first and last and spaces the others', () => {
    expect(spacedIndices(4, 6)).toEqual([0, 1, 2, 3]);
    expect(spacedIndices(12, 6)).toEqual([0, 3, 6, 9, 11]);
    const days = spacedIndices(366, 6);
    expect(days[0]).toBe(0);
    expect(days[days.length - 1]).toBe(365);
    expect(days.length).toBeLessThanOrEqual(6);
  });
});
