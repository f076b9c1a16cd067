// The diverging colour scale of tonality (−1 most negative … 1 most positive): red through a pale
// yellow at 0 to blue (ColorBrewer's RdYlBu, its middle darkened to show on white), stretched over
// the tonalities the map has, so that accounts a little more or less positive than most still differ.

/** Colours from most negative to most positive, evenly spaced from −limit to +limit. */
export const TONALITY_COLORS = ['#d7191c', '#fdae61', '#e6d27a', '#abd9e9', '#2c7bb6'] as const;

/** |tonality| below which an account reads as neutral (core's neutral band for a post, 0.05). */
export const NEUTRAL_BAND = 0.05;

/**
 * The tonality the scale's ends stand for: the 95th percentile of |tonality| (so that a few extreme
 * accounts do not wash the others out), rounded up to a tenth, between 0.1 and 1.
 */
export function tonalityLimit(values: readonly number[]): number {
  if (values.length === 0) return 1;
  const sorted = values.map(Math.abs).sort((a, b) => a - b);
  const high = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] as number;
  return Math.min(1, Math.max(0.1, Math.ceil(high * 10 - 1e-9) / 10));
}

/** The colour of a tonality on a scale from −limit to +limit (values beyond take the ends'). */
export function tonalityColor(value: number, limit: number): string {
  const share = (Math.max(-limit, Math.min(limit, value)) + limit) / (2 * limit);
  const position = share * (TONALITY_COLORS.length - 1);
  const index = Math.min(TONALITY_COLORS.length - 2, Math.floor(position));
  return mixColors(
    TONALITY_COLORS[index] as string,
    TONALITY_COLORS[index + 1] as string,
    position - index,
  );
}

/** `#rrggbb` between `a` (t = 0) and `b` (t = 1). */
export function mixColors(a: string, b: string, t: number): string {
  const channel = (color: string, at: number) => Number.parseInt(color.slice(at, at + 2), 16);
  let hex = '#';
  for (const at of [1, 3, 5]) {
    const value = Math.round(channel(a, at) + (channel(b, at) - channel(a, at)) * t);
    hex += value.toString(16).padStart(2, '0');
  }
  return hex;
}
