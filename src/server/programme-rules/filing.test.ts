import { describe, expect, it } from 'vitest';
import { bundledHolidays } from '../regulations/holidays';
import { holidayCalendar } from '../regulations/working-days';
import { type FilingSnapshot, refilingObligation, reviewDeadline } from './filing';
import { bundledProgrammePacks } from './programme-pack';

const { measures } = bundledProgrammePacks();
const cal = holidayCalendar(bundledHolidays());
const cst = (local: string) => new Date(`${local}+08:00`);

describe('reviewDeadline (20 China working days)', () => {
  it.each([
    ['2025-03-03T10:00:00', '2025-03-31', 'four plain weeks'],
    [
      '2025-09-22T10:00:00',
      '2025-10-24',
      'skips Golden Week and counts 调休 Sunday 2025-09-28 and Saturday 2025-10-11',
    ],
    ['2026-02-02T09:00:00', '2026-03-06', 'skips the nine-day Spring Festival 2026 and counts 2026-02-14'],
    ['2025-12-31T23:59:00', '2026-01-29', 'New Year 2026 (1–3 January) and 调休 Sunday 2026-01-04'],
    ['2026-09-30T10:00:00', '2026-11-03', 'skips National Day 2026 and counts 调休 Saturday 2026-10-10'],
  ])('submitted %s → last day %s (%s)', (submitted, lastDay) => {
    const d = reviewDeadline(measures, cst(submitted), cal);
    expect(d.lastDay).toBe(lastDay);
    expect(d.dueAt).toEqual(cst(`${lastDay}T23:59:59.999`));
    expect(d.uncoveredYears).toEqual([]);
  });
  it('reports the pack value, its clause and its status', () => {
    const d = reviewDeadline(measures, cst('2025-03-03T10:00:00'), cal);
    expect(d).toMatchObject({ workingDays: 20, status: 'draft' });
    expect(d.clause).toMatch(/art\. 12\?/);
  });
  it('flags years without an official holiday notice', () => {
    expect(reviewDeadline(measures, cst('2026-12-20T10:00:00'), cal).uncoveredYears).toEqual([2027]);
  });
});

describe('refilingObligation (≥ 30 % change → re-file within 3 months)', () => {
  const approved: FilingSnapshot = { categories: { 研发设计数据: 100, 生产运行数据: 40 }, scale: 1_000_000 };
  const changedAt = cst('2025-05-31T15:00:00');
  const at = (categories: Record<string, number>, scale = 1_000_000): FilingSnapshot => ({
    categories,
    scale,
  });

  it.each<[string, FilingSnapshot, string[]]>([
    ['no change', approved, []],
    ['29 % up in a category', at({ 研发设计数据: 129, 生产运行数据: 40 }), []],
    ['exactly 30 % up (inclusive)', at({ 研发设计数据: 130, 生产运行数据: 40 }), ['category:研发设计数据']],
    ['exactly 30 % down (inclusive)', at({ 研发设计数据: 100, 生产运行数据: 28 }), ['category:生产运行数据']],
    ['29.99 % of scale', at(approved.categories, 1_299_900), []],
    ['30 % of scale', at(approved.categories, 1_300_000), ['scale']],
    ['a new category', at({ ...approved.categories, 经营管理数据: 1 }), ['category:经营管理数据']],
    ['a category dropped', at({ 研发设计数据: 100 }), ['category:生产运行数据']],
    [
      'category and scale together',
      at({ 研发设计数据: 10, 生产运行数据: 40 }, 500_000),
      ['category:研发设计数据', 'scale'],
    ],
  ])('%s → %j', (_, current, reasons) => {
    const r = refilingObligation(measures, { approved, current, changedAt });
    expect(r.reasons.map((x) => (x.kind === 'category' ? `category:${x.category}` : x.kind))).toEqual(
      reasons,
    );
    expect(r.required).toBe(reasons.length > 0);
  });
  it('reports before, after and the change in percent', () => {
    const r = refilingObligation(measures, {
      approved,
      current: at({ 研发设计数据: 100, 生产运行数据: 28, 新类别: 5 }),
      changedAt,
    });
    expect(r.reasons).toEqual([
      { kind: 'category', category: '新类别', before: 0, after: 5, changePercent: null },
      { kind: 'category', category: '生产运行数据', before: 40, after: 28, changePercent: 30 },
    ]);
  });
  it('is due 3 months after the change, at the month-end when the day does not exist (Civil Code art. 202)', () => {
    const r = refilingObligation(measures, { approved, current: at({ 研发设计数据: 200 }), changedAt });
    expect(r.required && r.due).toEqual({
      lastDay: '2025-08-31',
      dueAt: cst('2025-08-31T23:59:59.999'),
      uncoveredYears: [],
    });
    const late = refilingObligation(measures, {
      approved,
      current: at({ 研发设计数据: 200 }),
      changedAt: cst('2025-11-30T10:00:00'),
    });
    expect(late.required && late.due.lastDay).toBe('2026-02-28');
    expect(late.required && late.status).toBe('draft');
    const leap = refilingObligation(measures, {
      approved,
      current: at({ 研发设计数据: 200 }),
      changedAt: cst('2027-11-30T10:00:00'),
    });
    expect(leap.required && leap.due.lastDay).toBe('2028-02-29');
  });
  it.each([
    [{ materialChange: true }, ['material-change']],
    [{ destroyed: true }, ['destruction']],
    [{ materialChange: true, destroyed: true }, ['material-change', 'destruction']],
  ])('other triggers %j → %j', (flags, kinds) => {
    const r = refilingObligation(measures, { approved, current: approved, changedAt, ...flags });
    expect(r.reasons.map((x) => x.kind)).toEqual(kinds);
  });
  it('reads the threshold and the triggers from the pack', () => {
    const strict = structuredClone(measures);
    strict.catalogFiling.changeThresholdPercent.value = 10;
    strict.catalogFiling.destructionTriggers.value = false;
    const current = at({ 研发设计数据: 110, 生产运行数据: 40 });
    expect(refilingObligation(strict, { approved, current, changedAt }).required).toBe(true);
    expect(refilingObligation(measures, { approved, current, changedAt }).required).toBe(false);
    expect(
      refilingObligation(strict, { approved, current: approved, changedAt, destroyed: true }).required,
    ).toBe(false);
  });
});
