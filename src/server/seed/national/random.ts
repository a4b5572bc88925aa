// sfc32 (Chris Doty-Humphrey's Small Fast Counter, as in PractRand) seeded through splitmix32: small, fast and
// well tested; any fixed algorithm works as long as the same seed always gives the same stream.

const splitmix32 = (state: number) => () => {
  state = (state + 0x9e3779b9) | 0;
  let z = state;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
};

/** FNV-1a of a label, to derive one independent stream per domain from the seed. */
const fnv1a = (s: string) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
};

const HEX = '0123456789abcdef';

/** A seeded pseudo-random stream with the draws the national seed needs; the same seed gives the same draws. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(readonly seed: number) {
    const mix = splitmix32(seed >>> 0);
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let i = 0; i < 12; i++) this.next();
  }

  /** An independent stream for one domain, so adding draws to one domain never shifts another. */
  fork(label: string): Rng {
    return new Rng((Math.imul(this.seed ^ fnv1a(label), 0x9e3779b1) ^ fnv1a(`${label}#`)) >>> 0);
  }

  /** The next 32-bit unsigned integer (sfc32). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next() / 4_294_967_296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T {
    if (!items.length) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.float() * items.length)]!;
  }

  /** One key of a weight table, with probability proportional to its weight. */
  weighted<K extends string>(table: Readonly<Record<K, number>>): K {
    const entries = Object.entries(table) as [K, number][];
    return this.weightedOf(
      entries.map(([k]) => k),
      entries.map(([, w]) => w),
    );
  }

  /** One element of `items` with probability proportional to `weights[i]`. */
  weightedOf<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let x = this.float() * total;
    for (let i = 0; i < items.length; i++) {
      x -= weights[i]!;
      if (x < 0) return items[i]!;
    }
    return items[items.length - 1]!;
  }

  /** Repeated weighted draws from one large list: running sums once, then a binary search per draw. */
  picker<T>(items: readonly T[], weights: readonly number[]): () => T {
    const sums: number[] = [];
    let total = 0;
    for (const w of weights) {
      total += w;
      sums.push(total);
    }
    return () => {
      const x = this.float() * total;
      let lo = 0;
      let hi = sums.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sums[mid]! > x) hi = mid;
        else lo = mid + 1;
      }
      return items[lo]!;
    };
  }

  /** `k` distinct elements in random order (k is capped at the list's length). */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = [...items];
    const n = Math.min(k, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.float() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.float());
  }

  /** Lognormal with the given median and log-space standard deviation (heavy right tail). */
  lognormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Pareto (type I) with scale `min` and shape `alpha`: the classic model of firm-size tails. */
  pareto(min: number, alpha: number): number {
    return min / (1 - this.float()) ** (1 / alpha);
  }

  /** A Poisson count with mean `lambda` (Knuth for small means, a rounded normal above 30). */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    const limit = Math.exp(-lambda);
    let k = 0;
    for (let p = this.float(); p > limit; p *= this.float()) k++;
    return k;
  }

  /** An instant uniformly in [from, to]. */
  between(from: Date, to: Date): Date {
    return new Date(from.getTime() + Math.floor(this.float() * Math.max(0, to.getTime() - from.getTime())));
  }

  /** A version-4-shaped UUID from this stream, so ids repeat with the seed too. */
  uuid(): string {
    let s = '';
    for (let i = 0; i < 4; i++) {
      const v = this.next();
      for (let j = 0; j < 8; j++) s += HEX[(v >>> (28 - 4 * j)) & 15];
    }
    const variant = HEX[8 + (parseInt(s[16]!, 16) & 3)];
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${variant}${s.slice(17, 20)}-${s.slice(20)}`;
  }
}

/** Splits `total` over weighted keys with at least `floor` each, by largest remainder, so the parts sum exactly. */
export function apportion<K extends string>(
  total: number,
  weights: Readonly<Record<K, number>>,
  floor: number,
): Record<K, number> {
  const keys = Object.keys(weights) as K[];
  const base = Math.min(floor, Math.floor(total / keys.length));
  const rest = total - base * keys.length;
  const sum = keys.reduce((s, k) => s + weights[k], 0);
  const exact = keys.map((k) => (rest * weights[k]) / sum);
  const out = Object.fromEntries(keys.map((k, i) => [k, base + Math.floor(exact[i]!)])) as Record<K, number>;
  let left = total - keys.reduce((s, k) => s + out[k], 0);
  const order = keys
    .map((k, i) => ({ k, r: exact[i]! - Math.floor(exact[i]!) }))
    .sort((x, y) => y.r - x.r || (x.k < y.k ? -1 : 1));
  for (const { k } of order) {
    if (left-- <= 0) break;
    out[k]++;
  }
  return out;
}
