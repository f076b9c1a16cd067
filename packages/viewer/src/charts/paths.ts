// SVG path data of the listening charts: lines through points (broken where a value is missing)
// and the area between a line and a baseline.

/** A point of a line; `y` null where the series has no value (no posts that period). */
export interface LinePoint {
  x: number;
  y: number | null;
}

const fixed = (value: number) => Number(value.toFixed(2));

/**
 * `M…L…` through the points in order, starting a new piece after each missing value; a point alone
 * between gaps is drawn as a dot (a zero-length segment, visible with round line caps).
 */
export function linePath(points: readonly LinePoint[]): string {
  const pieces: string[] = [];
  let piece: string[] = [];
  const close = () => {
    if (piece.length === 1) piece.push(`L${piece[0]?.slice(1)}`);
    if (piece.length > 0) pieces.push(piece.join(''));
    piece = [];
  };
  for (const { x, y } of points) {
    if (y === null || !Number.isFinite(y)) {
      close();
      continue;
    }
    piece.push(`${piece.length === 0 ? 'M' : 'L'}${fixed(x)},${fixed(y)}`);
  }
  close();
  return pieces.join('');
}

/** The closed area under (or over) a line down to `baseline`; missing values count as the baseline. */
export function areaPath(points: readonly LinePoint[], baseline: number): string {
  if (points.length === 0) return '';
  const top = points.map(
    ({ x, y }, i) => `${i === 0 ? 'M' : 'L'}${fixed(x)},${fixed(y ?? baseline)}`,
  );
  const last = points[points.length - 1] as LinePoint;
  const first = points[0] as LinePoint;
  return `${top.join('')}L${fixed(last.x)},${fixed(baseline)}L${fixed(first.x)},${fixed(baseline)}Z`;
}
