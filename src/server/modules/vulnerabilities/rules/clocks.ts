import { addDays, type DayKind, type HolidayCalendar } from '../../../regulations/working-days';
import type { ClockName, RmsvPack } from './rmsv-schema';

const HOUR_MS = 3_600_000;

/** A scheduled reminder for one clock. */
export interface Reminder {
  at: Date;
  clock: ClockName;
  kind: string;
}

/** Every RMSV art. 7 deadline that starts when the provider learns of a vulnerability. */
export interface ClockPlan {
  awareAt: Date;
  /** RMSV art. 7(1) 立即: the pack's working target, not a legal number. */
  verifyDueAt: Date;
  /** RMSV art. 7(1) 立即: the pack's working target, not a legal number. */
  upstreamNotifyDueAt: Date;
  /** RMSV art. 7(2): report within 2 days. */
  nationalReportDueAt: Date;
  nationalReportDayKind: DayKind;
  reminders: Reminder[];
  escalateAt: Date;
  /** Years counted with the weekends-only fallback because no holiday notice was available: flag these. */
  calendarFallbackYears: number[];
}

const plusHours = (d: Date, h: number) => new Date(d.getTime() + h * HOUR_MS);

/** Computes the RMSV art. 7 clocks from the moment the provider became aware (发现或者获知) of the vulnerability. */
export function planClocks(awareAt: Date, rmsv: RmsvPack, cal: HolidayCalendar): ClockPlan {
  const p = rmsv.provider;
  // Hour targets run from the instant itself (Civil Code art. 201 para. 2); day periods from the next day.
  const verifyDueAt = plusHours(awareAt, p.verifyTargetHours.value);
  const upstreamNotifyDueAt = plusHours(awareAt, p.upstreamNotifyTargetHours.value);
  const kind = p.nationalReportDayKind.value;
  const report = addDays(awareAt, p.nationalReportDays.value, kind, cal);
  const due: Record<ClockName, Date> = {
    verify: verifyDueAt,
    'upstream-notify': upstreamNotifyDueAt,
    'national-report': report.dueAt,
  };
  const reminders = rmsv.workflow.reminders.value
    .map((r) => ({ at: plusHours(due[r.clock], -r.hoursBeforeDue), clock: r.clock, kind: r.kind }))
    .filter((r) => r.at.getTime() > awareAt.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  return {
    awareAt,
    verifyDueAt,
    upstreamNotifyDueAt,
    nationalReportDueAt: report.dueAt,
    nationalReportDayKind: kind,
    reminders,
    escalateAt: plusHours(report.dueAt, rmsv.workflow.escalateHoursAfterNationalReportDue.value),
    calendarFallbackYears: report.uncoveredYears,
  };
}

/** Where a clock stands. */
export type ClockStatus = 'pending' | 'due-soon' | 'overdue' | 'met' | 'met-late';

/** The pack's "due soon" window in milliseconds. */
export const dueSoonMs = (rmsv: RmsvPack) => rmsv.workflow.dueSoonHours.value * HOUR_MS;

/** A clock's status at `now`; done exactly at the due instant counts as met. */
export function clockStatus(
  now: Date,
  dueAt: Date,
  doneAt: Date | null,
  dueSoonWindowMs: number,
): ClockStatus {
  if (doneAt) return doneAt.getTime() <= dueAt.getTime() ? 'met' : 'met-late';
  const left = remainingMs(now, dueAt);
  if (left < 0) return 'overdue';
  return left <= dueSoonWindowMs ? 'due-soon' : 'pending';
}

/** Milliseconds until `dueAt` (negative once overdue), for countdowns. */
export const remainingMs = (now: Date, dueAt: Date) => dueAt.getTime() - now.getTime();
