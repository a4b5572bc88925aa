import { describe, expect, it } from 'vitest';
import { bundledHolidays } from './holidays';
import {
  addCalendarDays,
  addCalendarMonths,
  addDays,
  addWorkingDays,
  endOfShanghaiDay,
  holidayCalendar,
  isWorkingDay,
  shanghaiDate,
} from './working-days';

const cal = holidayCalendar(bundledHolidays());
/** An instant written in China time. */
const cst = (local: string) => new Date(`${local}+08:00`);
const lastDayAfter = (local: string, n: number) => addWorkingDays(cst(local), n, cal).lastDay;

describe('Shanghai dates', () => {
  it('maps instants to the UTC+8 calendar day', () => {
    expect(shanghaiDate(new Date('2025-12-31T15:59:59.999Z'))).toBe('2025-12-31');
    expect(shanghaiDate(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01');
  });
  it('ends a day at 23:59:59.999 China time (24:00, Civil Code art. 203)', () => {
    expect(endOfShanghaiDay('2025-03-05').toISOString()).toBe('2025-03-05T15:59:59.999Z');
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-03-04', true, 'an ordinary Wednesday'],
    ['2026-03-07', false, 'an ordinary Saturday'],
    ['2026-10-07', false, 'National Day holiday on a Wednesday'],
    ['2026-10-08', true, 'first day back after National Day 2026'],
    ['2026-10-10', true, '调休 Saturday'],
    ['2026-02-14', true, '调休 Saturday before Spring Festival'],
    ['2025-02-08', true, '调休 Saturday after Spring Festival'],
    ['2025-01-26', true, '调休 Sunday'],
    ['2023-01-02', false, 'New Year holiday Monday'],
    ['2024-02-09', true, '除夕 2024 was not an official holiday'],
    ['2025-01-28', false, '除夕 2025 is a statutory holiday'],
  ])('%s → %s (%s)', (day, working) => {
    expect(isWorkingDay(day, cal)).toEqual({ working, covered: true });
  });
  it('marks 2027 as uncovered (notice not yet published)', () => {
    expect(isWorkingDay('2027-01-01', cal)).toEqual({ working: true, covered: false });
  });
});

describe('addCalendarDays', () => {
  it('does not count the start day and ends at 24:00 on the Nth day', () => {
    const d = addCalendarDays(cst('2025-03-03T10:00:00'), 2);
    expect(d).toEqual({ dueAt: cst('2025-03-05T23:59:59.999'), lastDay: '2025-03-05', uncoveredYears: [] });
  });
  it('uses the China-time day, not the UTC day', () => {
    expect(addCalendarDays(new Date('2025-03-03T15:30:00Z'), 2).lastDay).toBe('2025-03-05');
    expect(addCalendarDays(new Date('2025-03-03T16:30:00Z'), 2).lastDay).toBe('2025-03-06');
  });
  it('ignores holidays (strict reading)', () => {
    expect(addCalendarDays(cst('2025-09-30T10:00:00'), 2).lastDay).toBe('2025-10-02');
  });
  it('treats 0 as the end of the same day and rejects bad counts', () => {
    expect(addCalendarDays(cst('2025-03-03T10:00:00'), 0).lastDay).toBe('2025-03-03');
    expect(() => addCalendarDays(new Date(), -1)).toThrow(RangeError);
    expect(() => addCalendarDays(new Date(), 1.5)).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it('skips Golden Week 2025 and counts the 调休 Saturday after it', () => {
    expect(lastDayAfter('2025-09-30T10:00:00', 1)).toBe('2025-10-09');
    expect(lastDayAfter('2025-09-30T10:00:00', 2)).toBe('2025-10-10');
    expect(lastDayAfter('2025-09-30T10:00:00', 3)).toBe('2025-10-11');
  });
  it('counts the 调休 Sunday before Golden Week 2025', () => {
    expect(lastDayAfter('2025-09-26T10:00:00', 1)).toBe('2025-09-28');
    expect(lastDayAfter('2025-09-26T10:00:00', 2)).toBe('2025-09-29');
    expect(lastDayAfter('2025-09-26T10:00:00', 3)).toBe('2025-09-30');
    expect(lastDayAfter('2025-09-26T10:00:00', 4)).toBe('2025-10-09');
  });
  it('skips Spring Festival 2025 (除夕 to 初七)', () => {
    expect(lastDayAfter('2025-01-24T10:00:00', 1)).toBe('2025-01-26');
    expect(lastDayAfter('2025-01-24T10:00:00', 2)).toBe('2025-01-27');
    expect(lastDayAfter('2025-01-24T10:00:00', 3)).toBe('2025-02-05');
  });
  it('skips the nine-day Spring Festival 2026 and counts both 调休 Saturdays', () => {
    expect(lastDayAfter('2026-02-13T18:00:00', 1)).toBe('2026-02-14');
    expect(lastDayAfter('2026-02-13T18:00:00', 2)).toBe('2026-02-24');
    expect(lastDayAfter('2026-02-27T18:00:00', 1)).toBe('2026-02-28');
  });
  it('skips Golden Week 2026 and counts 2026-10-10', () => {
    expect(lastDayAfter('2026-09-30T09:00:00', 2)).toBe('2026-10-09');
    expect(lastDayAfter('2026-09-30T09:00:00', 3)).toBe('2026-10-10');
  });
  it('ends at 24:00 China time on the last working day', () => {
    expect(addWorkingDays(cst('2025-09-30T10:00:00'), 2, cal).dueAt).toEqual(cst('2025-10-10T23:59:59.999'));
  });
  it('falls back to weekends only in 2027 and flags it', () => {
    const d = addWorkingDays(cst('2026-12-30T10:00:00'), 3, cal);
    expect(d.lastDay).toBe('2027-01-04');
    expect(d.uncoveredYears).toEqual([2027]);
  });
  it('does not flag a count that stays inside covered years', () => {
    expect(addWorkingDays(cst('2026-12-29T10:00:00'), 2, cal).uncoveredYears).toEqual([]);
  });
});

describe('addDays', () => {
  it('dispatches on the day kind', () => {
    const from = cst('2025-09-30T10:00:00');
    expect(addDays(from, 2, 'calendar', cal).lastDay).toBe('2025-10-02');
    expect(addDays(from, 2, 'working', cal).lastDay).toBe('2025-10-10');
  });
});

describe('addCalendarMonths (Civil Code art. 202)', () => {
  it.each([
    ['2025-01-15T10:00:00', 3, '2025-04-15', 'the corresponding day'],
    ['2024-11-30T10:00:00', 3, '2025-02-28', 'no 30 February: the month-end'],
    ['2023-11-30T10:00:00', 3, '2024-02-29', 'leap-year month-end'],
    ['2025-10-31T23:30:00', 3, '2026-01-31', 'across a year end'],
    ['2025-05-31T10:00:00', 0, '2025-05-31', 'zero months is the start day'],
  ])('%s + %i months → %s (%s)', (from, n, lastDay) => {
    const d = addCalendarMonths(cst(from), n);
    expect(d.lastDay).toBe(lastDay);
    expect(d.dueAt).toEqual(cst(`${lastDay}T23:59:59.999`));
  });
  it('counts from the China-time day', () => {
    expect(addCalendarMonths(new Date('2025-01-31T16:30:00Z'), 1).lastDay).toBe('2025-03-01');
  });
  it('rejects a negative count', () => {
    expect(() => addCalendarMonths(cst('2025-01-01T00:00:00'), -1)).toThrow(RangeError);
  });
});
