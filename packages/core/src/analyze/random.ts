// Seeded pseudo-random numbers for the analyses, so that every result can be reproduced from its seed.
// mulberry32 (Tommy Ettinger, public domain): 32-bit state, period 2^32, good enough for shuffles and tie-breaks.

/** A function returning uniform numbers in [0, 1), like `Math.random`. */
export type Rng = () => number;

/**
 * Creates a mulberry32 generator. The same seed always gives the same sequence.
 *
 * @param seed any finite number; it is truncated to an integer and reduced modulo 2^32.
 */
export function createRng(seed: number): Rng {
  let state = Math.trunc(seed) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
