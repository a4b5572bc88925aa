import { describe, expect, it } from 'vitest';
import { holidayCalendar } from '../../../regulations/working-days';
import { clockStatus, dueSoonMs, planClocks, remainingMs } from './clocks';
import { bundledPacks } from './regulation-pack';

const { rmsv, holidays } = bundledPacks();
const cal = holidayCalendar(holidays);
const cst = (local: string) => new Date(`${local}+08:00`);
const H = 3_600_000;

describe('planClocks', () => {
  const aware = cst('2026-02-13T09:00:00');
  const plan = planClocks(aware, rmsv, cal);

  it('sets the art. 7(1) targets in hours from awareness', () => {
    expect(plan.verifyDueAt).toEqual(cst('2026-02-14T09:00:00'));
    expect(plan.upstreamNotifyDueAt).toEqual(cst('2026-02-14T09:00:00'));
  });
  it('sets the art. 7(2) report due at the end of the 2nd calendar day by default', () => {
    expect(plan.nationalReportDayKind).toBe('calendar');
    expect(plan.nationalReportDueAt).toEqual(cst('2026-02-15T23:59:59.999'));
    expect(plan.escalateAt).toEqual(plan.nationalReportDueAt);
  });
  it('schedules the pack reminders in time order', () => {
    expect(plan.reminders.map((r) => [r.kind, r.at])).toEqual([
      ['verify-due-soon', cst('2026-02-14T03:00:00')],
      ['upstream-notify-due-soon', cst('2026-02-14T03:00:00')],
      ['national-report-first-reminder', cst('2026-02-14T23:59:59.999')],
      ['national-report-due-soon', cst('2026-02-15T17:59:59.999')],
    ]);
  });
  it('counts China working days when the pack says so (Spring Festival 2026)', () => {
    const pack = structuredClone(rmsv);
    pack.provider.nationalReportDayKind.value = 'working';
    pack.workflow.escalateHoursAfterNationalReportDue.value = 2;
    const p = planClocks(aware, pack, cal);
    expect(p.nationalReportDueAt).toEqual(cst('2026-02-24T23:59:59.999'));
    expect(p.escalateAt).toEqual(cst('2026-02-25T01:59:59.999'));
    expect(p.calendarFallbackYears).toEqual([]);
  });
  it('flags a working-day deadline counted without an official calendar', () => {
    const pack = structuredClone(rmsv);
    pack.provider.nationalReportDayKind.value = 'working';
    expect(planClocks(cst('2026-12-31T09:00:00'), pack, cal).calendarFallbackYears).toEqual([2027]);
  });
  it('drops reminders that would fall before awareness', () => {
    const pack = structuredClone(rmsv);
    pack.workflow.reminders.value = [{ clock: 'verify', kind: 'too-early', hoursBeforeDue: 30 }];
    expect(planClocks(aware, pack, cal).reminders).toEqual([]);
  });
});

describe('clockStatus', () => {
  const due = cst('2026-03-02T23:59:59.999');
  const soon = dueSoonMs(rmsv);

  it('reads the due-soon window from the pack', () => {
    expect(soon).toBe(12 * H);
  });
  it.each([
    ['pending', new Date(due.getTime() - soon - 1), null],
    ['due-soon', new Date(due.getTime() - soon), null],
    ['due-soon', due, null],
    ['overdue', new Date(due.getTime() + 1), null],
    ['met', new Date(due.getTime() + H), due],
    ['met', new Date(due.getTime() + H), new Date(due.getTime() - H)],
    ['met-late', new Date(due.getTime() + H), new Date(due.getTime() + 1)],
  ] as const)('%s at %s (done %s)', (status, now, done) => {
    expect(clockStatus(now, due, done, soon)).toBe(status);
  });
  it('counts down in milliseconds, negative once overdue', () => {
    expect(remainingMs(new Date(due.getTime() - 5000), due)).toBe(5000);
    expect(remainingMs(new Date(due.getTime() + 5000), due)).toBe(-5000);
  });
});
