// Seeded pseudo-random numbers for the demo generator: sfc32, seeded through splitmix32.
// sfc32 is Chris Doty-Humphrey's Small Fast Counting generator (PractRand); JS form after bryc/code, PRNGs.md.

/** A seeded generator of uniform numbers in [0, 1), plus the few distributions the generator needs. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /**
   * @param seed any safe integer; the same seed and stream always give the same sequence.
   * @param stream names an independent sequence for the same seed (e.g. `'follows'`). Default `''`.
   */
  constructor(seed: number, stream = '') {
    let state = (Math.floor(seed / 2 ** 32) ^ fnv1a(stream)) >>> 0;
    state = splitmix32(state ^ (seed >>> 0));
    this.a = splitmix32(state);
    this.b = splitmix32(this.a);
    this.c = splitmix32(this.b);
    this.d = 1;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** A uniform number in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** A uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A uniform element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /** A standard normal deviate (Box–Muller). */
  normal(): number {
    return Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
  }

  /** A lognormal deviate: exp(mu + sigma·N(0,1)). */
  lognormal(mu: number, sigma: number): number {
    return Math.exp(mu + sigma * this.normal());
  }

  /** A Pareto deviate with shape `alpha` and minimum `xm`: heavy-tailed for small alpha. */
  pareto(alpha: number, xm = 1): number {
    return xm / (1 - this.next()) ** (1 / alpha);
  }

  /** An exponential deviate of mean 1. */
  exponential(): number {
    return -Math.log(1 - this.next());
  }

  /** An index drawn with probability proportional to weights, given their running sums. */
  pickCumulative(cumulative: Float64Array | readonly number[]): number {
    const total = cumulative[cumulative.length - 1] ?? 0;
    const x = this.next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((cumulative[mid] as number) > x) high = mid;
      else low = mid + 1;
    }
    return low;
  }

  /** Shuffles a list in place (Fisher–Yates) and returns it. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [items[i], items[j]] = [items[j] as T, items[i] as T];
    }
    return items;
  }
}

/** Running sums of weights, for Rng.pickCumulative. */
export function cumulate(weights: readonly number[]): Float64Array {
  const sums = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((weight, index) => {
    sum += weight;
    sums[index] = sum;
  });
  return sums;
}

/** splitmix32 finaliser (Vigna's splitmix, 32-bit form): a well-mixed word from any word. */
function splitmix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** FNV-1a hash of a string's UTF-16 code units. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  return hash >>> 0;
}
