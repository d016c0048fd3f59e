/**
 * Seeded randomness for the demo-data generator. Every draw comes from a
 * stream named by the seed and a label (`imports/2024-05`, `sink/LCT_EDI…`),
 * so the same options give the same bytes, and a change in one part of the
 * world does not reshuffle the others. No Math.random anywhere.
 */

/** z of the 90th percentile of the standard normal distribution. */
const Z90 = 1.2815515655446004;

/** A lognormal distribution given as domain.md gives it: median and 90th percentile. */
export interface LogNormal {
  readonly median: number;
  readonly p90: number;
}

/** cyrb128: four well-mixed 32-bit words from a string, to seed sfc32. */
function seedWords(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** sfc32: small, fast, and good enough for simulation (passes PractRand to 2^40+). */
export class Random {
  #a: number;
  #b: number;
  #c: number;
  #d: number;
  #spareNormal: number | null = null;

  constructor(
    private readonly seed: number,
    readonly label: string,
  ) {
    [this.#a, this.#b, this.#c, this.#d] = seedWords(`${seed}\u0000${label}`);
    // The first outputs of a fresh sfc32 state are weakly mixed.
    for (let i = 0; i < 15; i++) this.next();
  }

  /** An independent stream for a sub-part, named by its label (not by how much this stream was used). */
  fork(label: string): Random {
    return new Random(this.seed, `${this.label}/${label}`);
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform in [low, high). */
  between(low: number, high: number): number {
    return low + (high - low) * this.next();
  }

  /** Integer in [low, high]. */
  intBetween(low: number, high: number): number {
    return low + this.int(high - low + 1);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error(`${this.label}: pick from an empty list`);
    return items[this.int(items.length)] as T;
  }

  /** One of the entries, with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of entries) total += weight;
    let u = this.next() * total;
    for (const [value, weight] of entries) {
      u -= weight;
      if (u < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (last === undefined) throw new Error(`${this.label}: weighted pick from an empty list`);
    return last[0];
  }

  /** Standard normal (Box–Muller, the second value of each pair kept for the next call). */
  normal(): number {
    if (this.#spareNormal !== null) {
      const spare = this.#spareNormal;
      this.#spareNormal = null;
      return spare;
    }
    const u = 1 - this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.#spareNormal = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** A lognormal draw with the distribution's median and P90 (in the distribution's unit). */
  lognormal(distribution: LogNormal): number {
    return distribution.median * Math.exp(sigmaOf(distribution) * this.normal());
  }

  /** Poisson count: multiplication method for small means, normal approximation above. */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 40) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  /** Fisher–Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }
}

/** σ of the underlying normal: ln(P90 / median) / z90. */
export function sigmaOf(distribution: LogNormal): number {
  return Math.log(distribution.p90 / distribution.median) / Z90;
}

/** The same distribution stretched by a factor (both median and P90). */
export function scaled(distribution: LogNormal, factor: number): LogNormal {
  return { median: distribution.median * factor, p90: distribution.p90 * factor };
}
