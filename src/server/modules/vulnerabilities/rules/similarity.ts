/** A version as an opaque string, or a simple range (from inclusive by default, to exclusive by default). */
export type VersionSpec =
  | string
  | { from?: string; to?: string; fromInclusive?: boolean; toInclusive?: boolean };

/** A total order on version strings. */
export type VersionCompare = (a: string, b: string) => number;

/** Digit runs compare as numbers ("1.10" > "1.9"); good enough for opaque versions, replaceable by callers. */
export const naturalCompare: VersionCompare = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })
  .compare;

// Words most titles share carry no signal. Chinese fillers are cut out before bigramming so they leave no seams.
const STOP_WORDS = new Set([
  'a',
  'an',
  'the',
  'in',
  'of',
  'on',
  'for',
  'and',
  'to',
  'via',
  'vulnerability',
  'vulnerabilities',
]);
const STOP_ZH = /漏洞|存在/g;
const RUNS = /\p{Script=Han}+|[^\s\p{P}\p{S}\p{Script=Han}]+/gu;

/** Title tokens: Latin/digit words, plus character bigrams of Chinese runs (a lone character stays a token). */
export function titleTokens(title: string): Set<string> {
  const out = new Set<string>();
  const text = title.normalize('NFKC').toLowerCase().replace(STOP_ZH, ' ');
  for (const run of text.match(RUNS) ?? []) {
    const chars = [...run];
    if (!/\p{Script=Han}/u.test(run)) {
      if (!STOP_WORDS.has(run)) out.add(run);
    } else if (chars.length === 1) out.add(run);
    else for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  }
  return out;
}

/** |A ∩ B| / |A ∪ B|; 0 when both are empty. */
export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  const union = a.size + b.size - common;
  return union === 0 ? 0 : common / union;
}

/** Token Jaccard similarity of two titles, Chinese or English. */
export const titleSimilarity = (a: string, b: string) => jaccard(titleTokens(a), titleTokens(b));

interface Interval {
  lo?: string;
  loIn: boolean;
  hi?: string;
  hiIn: boolean;
}

const toInterval = (v: VersionSpec): Interval =>
  typeof v === 'string'
    ? { lo: v, loIn: true, hi: v, hiIn: true }
    : { lo: v.from, loIn: v.fromInclusive ?? true, hi: v.to, hiIn: v.toInclusive ?? false };

/** Whether interval `a` starts before interval `b` ends. */
function startsBeforeEnd(a: Interval, b: Interval, cmp: VersionCompare): boolean {
  if (a.lo === undefined || b.hi === undefined) return true;
  const c = cmp(a.lo, b.hi);
  return c < 0 || (c === 0 && a.loIn && b.hiIn);
}

/** Whether any version or range in `a` intersects any in `b`. */
export function versionsOverlap(
  a: readonly VersionSpec[],
  b: readonly VersionSpec[],
  cmp: VersionCompare = naturalCompare,
): boolean {
  return a.some((x) =>
    b.some((y) => {
      const [i, j] = [toInterval(x), toInterval(y)];
      return startsBeforeEnd(i, j, cmp) && startsBeforeEnd(j, i, cmp);
    }),
  );
}
