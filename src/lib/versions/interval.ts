/**
 * Sets of versions as intervals over sort keys (see sort-key.ts). An interval with a null bound is unbounded
 * on that side. Lists returned by this module are normalised: sorted, non-empty, disjoint and non-adjacent,
 * so a key's membership is one binary search.
 */

/** One end of an interval. `version` is the version text the bound came from (for display and vers output). */
export interface KeyBound {
  readonly key: string;
  readonly inclusive: boolean;
  readonly version?: string;
}

/** The versions whose keys lie between `lower` and `upper` (null: unbounded). */
export interface KeyInterval {
  readonly lower: KeyBound | null;
  readonly upper: KeyBound | null;
}

/**
 * A compiled range: a version with key `k` matches when `k` is in `intervals`, or when `k` is in
 * `stableIntervals` and the version is not a pre-release (node-semver and PEP 440 exclude pre-releases
 * unless the range names one). Both lists are normalised; ranges without that rule leave `stableIntervals` empty.
 */
export interface CompiledRange {
  readonly intervals: readonly KeyInterval[];
  readonly stableIntervals: readonly KeyInterval[];
}

/** The interval holding every version. */
export const ALL: KeyInterval = { lower: null, upper: null };

/** The interval holding exactly the versions whose key is `key`. */
export function pointInterval(key: string, version?: string): KeyInterval {
  const bound: KeyBound =
    version === undefined ? { key, inclusive: true } : { key, inclusive: true, version };
  return { lower: bound, upper: bound };
}

/** Lower bounds in ascending order (an inclusive bound starts before an exclusive one at the same key). */
function compareLower(a: KeyBound | null, b: KeyBound | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  return a.inclusive === b.inclusive ? 0 : a.inclusive ? -1 : 1;
}

/** Upper bounds in ascending order (an exclusive bound ends before an inclusive one at the same key). */
function compareUpper(a: KeyBound | null, b: KeyBound | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  return a.inclusive === b.inclusive ? 0 : a.inclusive ? 1 : -1;
}

/** True when an interval holds no key. */
export function isEmptyInterval(i: KeyInterval): boolean {
  if (i.lower === null || i.upper === null) return false;
  if (i.lower.key !== i.upper.key) return i.lower.key > i.upper.key;
  return !(i.lower.inclusive && i.upper.inclusive);
}

/** True when an interval ending at `upper` overlaps or touches one starting at `lower`. */
function reaches(upper: KeyBound | null, lower: KeyBound | null): boolean {
  if (upper === null || lower === null) return true;
  if (lower.key !== upper.key) return lower.key < upper.key;
  return lower.inclusive || upper.inclusive;
}

/** Sorts, drops empty intervals and merges overlapping or touching ones. */
export function normalizeIntervals(list: readonly KeyInterval[]): KeyInterval[] {
  const sorted = list.filter((i) => !isEmptyInterval(i)).sort((a, b) => compareLower(a.lower, b.lower));
  const out: KeyInterval[] = [];
  for (const next of sorted) {
    const last = out[out.length - 1];
    if (last && reaches(last.upper, next.lower)) {
      if (compareUpper(next.upper, last.upper) > 0)
        out[out.length - 1] = { lower: last.lower, upper: next.upper };
    } else {
      out.push(next);
    }
  }
  return out;
}

/** Union of two interval lists. */
export function unionIntervals(a: readonly KeyInterval[], b: readonly KeyInterval[]): KeyInterval[] {
  return normalizeIntervals([...a, ...b]);
}

/** Intersection of two normalised interval lists. */
export function intersectIntervals(a: readonly KeyInterval[], b: readonly KeyInterval[]): KeyInterval[] {
  const out: KeyInterval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as KeyInterval;
    const y = b[j] as KeyInterval;
    const lower = compareLower(x.lower, y.lower) >= 0 ? x.lower : y.lower;
    const upper = compareUpper(x.upper, y.upper) <= 0 ? x.upper : y.upper;
    const candidate = { lower, upper };
    if (!isEmptyInterval(candidate)) out.push(candidate);
    if (compareUpper(x.upper, y.upper) <= 0) i++;
    else j++;
  }
  return normalizeIntervals(out);
}

function flip(bound: KeyBound): KeyBound {
  return bound.version === undefined
    ? { key: bound.key, inclusive: !bound.inclusive }
    : { key: bound.key, inclusive: !bound.inclusive, version: bound.version };
}

/** Complement of a normalised interval list. */
export function complementIntervals(list: readonly KeyInterval[]): KeyInterval[] {
  const out: KeyInterval[] = [];
  let gapStart: KeyBound | null = null;
  for (const i of list) {
    if (i.lower !== null) out.push({ lower: gapStart, upper: flip(i.lower) });
    if (i.upper === null) return normalizeIntervals(out);
    gapStart = flip(i.upper);
  }
  out.push({ lower: gapStart, upper: null });
  return normalizeIntervals(out);
}

/** `a` minus `b`. */
export function subtractIntervals(a: readonly KeyInterval[], b: readonly KeyInterval[]): KeyInterval[] {
  return intersectIntervals(normalizeIntervals(a), complementIntervals(normalizeIntervals(b)));
}

/** True when `key` lies in the interval. */
export function intervalContains(i: KeyInterval, key: string): boolean {
  if (i.lower !== null && (key < i.lower.key || (key === i.lower.key && !i.lower.inclusive))) return false;
  if (i.upper !== null && (key > i.upper.key || (key === i.upper.key && !i.upper.inclusive))) return false;
  return true;
}

/** True when `key` lies in one of the intervals of a normalised list (binary search). */
export function intervalsContain(list: readonly KeyInterval[], key: string): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const i = list[mid] as KeyInterval;
    if (i.lower !== null && (key < i.lower.key || (key === i.lower.key && !i.lower.inclusive))) hi = mid - 1;
    else if (i.upper !== null && (key > i.upper.key || (key === i.upper.key && !i.upper.inclusive)))
      lo = mid + 1;
    else return true;
  }
  return false;
}

/** True when a version (its key and whether it is a pre-release) matches a compiled range. */
export function matchesCompiled(range: CompiledRange, key: string, isPrerelease: boolean): boolean {
  return (
    intervalsContain(range.intervals, key) || (!isPrerelease && intervalsContain(range.stableIntervals, key))
  );
}

/** A compiled range without the pre-release rule. */
export function plainRange(intervals: readonly KeyInterval[]): CompiledRange {
  return { intervals: normalizeIntervals(intervals), stableIntervals: [] };
}

/** Union of compiled ranges. */
export function unionCompiled(a: CompiledRange, b: CompiledRange): CompiledRange {
  const intervals = unionIntervals(a.intervals, b.intervals);
  return {
    intervals,
    stableIntervals: subtractIntervals(unionIntervals(a.stableIntervals, b.stableIntervals), intervals),
  };
}

/** Intersection of compiled ranges. */
export function intersectCompiled(a: CompiledRange, b: CompiledRange): CompiledRange {
  const intervals = intersectIntervals(a.intervals, b.intervals);
  const aAll = unionIntervals(a.intervals, a.stableIntervals);
  const bAll = unionIntervals(b.intervals, b.stableIntervals);
  return { intervals, stableIntervals: subtractIntervals(intersectIntervals(aAll, bAll), intervals) };
}

/**
 * Index range `[start, end)` of the keys of a sorted key array that lie in `interval` (two binary searches),
 * for engines that keep every known version of a package sorted by key.
 */
export function findKeyRange(sortedKeys: readonly string[], interval: KeyInterval): [number, number] {
  const firstNotBelow = (pred: (k: string) => boolean): number => {
    let lo = 0;
    let hi = sortedKeys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pred(sortedKeys[mid] as string)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const { lower, upper } = interval;
  const start =
    lower === null ? 0 : firstNotBelow((k) => k < lower.key || (k === lower.key && !lower.inclusive));
  const end =
    upper === null
      ? sortedKeys.length
      : firstNotBelow((k) => k < upper.key || (k === upper.key && upper.inclusive));
  return [start, Math.max(start, end)];
}
