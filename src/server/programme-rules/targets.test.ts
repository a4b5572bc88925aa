import { describe, expect, it } from 'vitest';
import type { Target } from './plan-schema';
import { bundledProgrammePacks } from './programme-pack';
import { programmeProgress, type SeriesPoint, targetProgress } from './targets';

const { plan } = bundledProgrammePacks();
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const pts = (...p: [string, number][]): SeriesPoint[] => p.map(([d, value]) => ({ at: day(d), value }));
const gt100: Target = { zh: '测试', en: 'test', op: 'gt', value: 100, unit: 'cases' };
const gte100: Target = { ...gt100, op: 'gte' };
const deadline = day('2025-01-31');
const now = day('2025-01-11');

describe('targetProgress', () => {
  it.each<[string, Target, SeriesPoint[], number, number, boolean, boolean]>([
    // name, target, series, value, projected, met, onTrack
    ['no data', gt100, [], 0, 0, false, false],
    ['one point cannot project', gte100, pts(['2025-01-10', 40]), 40, 40, false, false],
    [
      '5 a day for 20 more days reaches 100',
      gte100,
      pts(['2025-01-01', 0], ['2025-01-11', 50]),
      50,
      150,
      false,
      true,
    ],
    ['exactly on target, gte', gte100, pts(['2025-01-01', 50], ['2025-01-11', 75]), 75, 125, false, true],
    [
      'exactly 100 projected: gt misses, the strict reading of 超',
      gt100,
      pts(['2025-01-01', 40], ['2025-01-11', 60]),
      60,
      100,
      false,
      false,
    ],
    ['already met', gt100, pts(['2025-01-01', 90], ['2025-01-11', 101]), 101, 123, true, true],
    [
      'falling counts project no change',
      gte100,
      pts(['2025-01-01', 80], ['2025-01-11', 60]),
      60,
      60,
      false,
      false,
    ],
    [
      'points after now are ignored',
      gte100,
      pts(['2025-01-01', 0], ['2025-01-11', 10], ['2025-01-20', 999]),
      10,
      30,
      false,
      false,
    ],
  ])('%s', (_, target, series, value, projected, met, onTrack) => {
    const p = targetProgress(target, series, now, deadline, 180);
    expect(p.value).toBe(value);
    expect(p.projectedAtDeadline).toBeCloseTo(projected, 9);
    expect(p.met).toBe(met);
    expect(p.onTrack).toBe(onTrack);
    expect(p.pct).toBeCloseTo((value / 100) * 100, 9);
  });
  it('fits the pace by least squares over noisy points', () => {
    const p = targetProgress(
      gte100,
      pts(['2025-01-01', 0], ['2025-01-06', 30], ['2025-01-11', 40]),
      now,
      deadline,
      180,
    );
    expect(p.pacePerDay).toBeCloseTo(4, 9);
    expect(p.projectedAtDeadline).toBeCloseTo(40 + 4 * 20, 9);
  });
  it('only uses points inside the window for the pace', () => {
    const series = pts(['2024-01-01', 0], ['2025-01-01', 100], ['2025-01-11', 100]);
    expect(targetProgress(gte100, series, now, deadline, 30).pacePerDay).toBe(0);
    expect(targetProgress(gte100, series, now, deadline, 3650).pacePerDay).toBeGreaterThan(0);
  });
  it('after the deadline reports the count at the deadline', () => {
    const series = pts(['2025-01-20', 90], ['2025-02-10', 120]);
    const p = targetProgress(gte100, series, day('2025-03-01'), deadline, 180);
    expect([p.value, p.projectedAtDeadline, p.met, p.onTrack]).toEqual([120, 90, true, false]);
  });
});

describe('programmeProgress', () => {
  it('measures each series against the pack target and the 2026-12-31 deadline', () => {
    const r = programmeProgress(
      plan,
      {
        enterprisesProtected: [
          { at: new Date('2025-03-01T00:00:00+08:00'), value: 22_360 },
          { at: new Date('2025-07-01T00:00:00+08:00'), value: 27_240 },
        ],
      },
      new Date('2025-07-01T00:00:00+08:00'),
    );
    expect(Object.keys(r)).toEqual(['enterprisesProtected']);
    const p = r.enterprisesProtected!;
    expect(p).toMatchObject({ value: 27_240, target: 45_000, op: 'gt', met: false });
    expect(p.pct).toBeCloseTo(60.533, 3);
    // 4,880 over 122 days = 40 a day; 549 days (less 1 ms) to 2026-12-31 24:00 → ≈ 49,200.
    expect(p.pacePerDay).toBeCloseTo(40, 9);
    expect(p.projectedAtDeadline).toBeCloseTo(27_240 + 40 * 549, 2);
    expect(p.onTrack).toBe(true);
  });
});
