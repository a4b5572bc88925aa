import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALL,
  type CompiledRange,
  complementIntervals,
  findKeyRange,
  intersectCompiled,
  intersectIntervals,
  intervalContains,
  intervalsContain,
  type KeyBound,
  type KeyInterval,
  matchesCompiled,
  normalizeIntervals,
  pointInterval,
  subtractIntervals,
  unionCompiled,
  unionIntervals,
} from './interval';

const PROBES = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
const bound = fc.option(
  fc.record({ key: fc.constantFrom('b', 'd', 'f', 'h'), inclusive: fc.boolean() }) as fc.Arbitrary<KeyBound>,
  { nil: null },
);
const interval = fc.record({ lower: bound, upper: bound }) as fc.Arbitrary<KeyInterval>;
const list = fc.array(interval, { maxLength: 5 });
const member = (l: readonly KeyInterval[], k: string) => l.some((i) => intervalContains(i, k));

describe('interval algebra', () => {
  it('normalises to sorted, disjoint, non-touching intervals with the same members', () => {
    fc.assert(
      fc.property(list, (l) => {
        const n = normalizeIntervals(l);
        for (const k of PROBES) {
          expect(member(n, k)).toBe(member(l, k));
          expect(intervalsContain(n, k)).toBe(member(l, k));
        }
        for (let i = 1; i < n.length; i++) {
          const prev = n[i - 1] as KeyInterval;
          const cur = n[i] as KeyInterval;
          expect(prev.upper).not.toBeNull();
          expect(cur.lower).not.toBeNull();
          const p = prev.upper as KeyBound;
          const c = cur.lower as KeyBound;
          expect(p.key < c.key || (p.key === c.key && !p.inclusive && !c.inclusive)).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('union, intersection, complement and difference match set semantics', () => {
    fc.assert(
      fc.property(list, list, (a, b) => {
        const na = normalizeIntervals(a);
        const nb = normalizeIntervals(b);
        const union = unionIntervals(a, b);
        const inter = intersectIntervals(na, nb);
        const comp = complementIntervals(na);
        const diff = subtractIntervals(a, b);
        for (const k of PROBES) {
          expect(member(union, k)).toBe(member(a, k) || member(b, k));
          expect(member(inter, k)).toBe(member(a, k) && member(b, k));
          expect(member(comp, k)).toBe(!member(a, k));
          expect(member(diff, k)).toBe(member(a, k) && !member(b, k));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('finds the slice of a sorted key array inside an interval', () => {
    const keys = ['a', 'b', 'b', 'c', 'd', 'f'];
    expect(
      findKeyRange(keys, { lower: { key: 'b', inclusive: true }, upper: { key: 'd', inclusive: false } }),
    ).toEqual([1, 4]);
    expect(
      findKeyRange(keys, { lower: { key: 'b', inclusive: false }, upper: { key: 'd', inclusive: true } }),
    ).toEqual([3, 5]);
    expect(findKeyRange(keys, ALL)).toEqual([0, 6]);
    expect(findKeyRange(keys, pointInterval('e'))).toEqual([5, 5]);
    expect(findKeyRange([], pointInterval('e'))).toEqual([0, 0]);
  });
});

describe('compiled ranges with the pre-release rule', () => {
  const range = (intervals: KeyInterval[], stableIntervals: KeyInterval[]): CompiledRange => ({
    intervals: normalizeIntervals(intervals),
    stableIntervals: normalizeIntervals(stableIntervals),
  });
  const compiled = fc.tuple(list, list).map(([a, b]) => range(a, b));
  const matches = (r: CompiledRange, k: string, pre: boolean) =>
    member(r.intervals, k) || (!pre && member(r.stableIntervals, k));

  it('union and intersection agree with per-version evaluation', () => {
    fc.assert(
      fc.property(compiled, compiled, (x, y) => {
        const u = unionCompiled(x, y);
        const i = intersectCompiled(x, y);
        for (const k of PROBES) {
          for (const pre of [false, true]) {
            expect(matchesCompiled(u, k, pre)).toBe(matches(x, k, pre) || matches(y, k, pre));
            expect(matchesCompiled(i, k, pre)).toBe(matches(x, k, pre) && matches(y, k, pre));
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
