// Scales of the listening charts: where a value or a period falls on an axis, and round values to
// mark it with (steps of 1, 2 or 5 times a power of ten).

/** A value's position: `domain` mapped linearly onto `range` (pixels). */
export type LinearScale = (value: number) => number;

export function linearScale(
  [d0, d1]: readonly [number, number],
  [r0, r1]: readonly [number, number],
): LinearScale {
  const span = d1 - d0;
  if (span === 0) return () => (r0 + r1) / 2;
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}

/** Position of the `index`-th of `count` evenly spaced periods, the first and last at the ends. */
export function pointScale(
  count: number,
  [r0, r1]: readonly [number, number],
): (index: number) => number {
  if (count <= 1) return () => (r0 + r1) / 2;
  return (index) => r0 + (index / (count - 1)) * (r1 - r0);
}

/** The round step that cuts `span` in about `count` parts: 1, 2 or 5 times a power of ten. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || count < 1) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * `[min, max]` widened to multiples of a round step, with the ticks at each step (about `count`
 * of them). An empty span (`min === max`) is widened to one step around it, `[0, 1]` for zeros.
 */
export function niceDomain(
  min: number,
  max: number,
  count = 4,
): { domain: [number, number]; ticks: number[] } {
  if (min > max) [min, max] = [max, min];
  if (min === max) {
    const step = min === 0 ? 1 : niceStep(Math.abs(min), 1);
    if (min >= 0) return niceDomain(0, Math.max(step, max), count);
    return niceDomain(min, 0, count);
  }
  const step = niceStep(max - min, count);
  const start = Math.floor(min / step + 1e-9) * step;
  const end = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; start + i * step <= end + step * 1e-9; i++) {
    ticks.push(Number((start + i * step).toPrecision(12)));
  }
  return { domain: [ticks[0] as number, ticks[ticks.length - 1] as number], ticks };
}

/** At most `count` indices of `length` evenly spaced, the first and last included. */
export function spacedIndices(length: number, count: number): number[] {
  if (length <= count) return Array.from({ length }, (_, i) => i);
  if (count <= 1) return [0];
  const every = Math.ceil((length - 1) / (count - 1));
  const indices: number[] = [];
  for (let i = 0; i < length - 1; i += every) indices.push(i);
  if (length - 1 - (indices[indices.length - 1] as number) < every / 2) indices.pop();
  indices.push(length - 1);
  return indices;
}
