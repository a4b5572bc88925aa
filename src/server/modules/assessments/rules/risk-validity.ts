import type { LocalDate } from '../../../regulations/working-days';
import {
  addCalendarMonths,
  addLocalDays,
  endOfShanghaiDay,
  shanghaiDate,
} from '../../../regulations/working-days';

const DAY = 86_400_000;

/**
 * The last day a risk-assessment result is valid: 82号 makes a result valid 1 year (the pack's `resultValidMonths`)
 * from the day the report is first issued; a month without the corresponding day ends on its last day (Civil Code
 * art. 202), so 2024-02-29 runs to 2025-02-28.
 */
export const validUntil = (issuedOn: LocalDate, months: number): LocalDate =>
  addCalendarMonths(endOfShanghaiDay(issuedOn), months).lastDay;

/** Whole Shanghai days from `now`'s day to `until` (0 on the last valid day, negative once expired). */
export const daysLeft = (until: LocalDate, now: Date): number =>
  Math.round((Date.parse(until) - Date.parse(shanghaiDate(now))) / DAY);

/** Whether a result has expired at `now` (the last valid day has ended in Shanghai). */
export const isExpired = (until: LocalDate, now: Date) => now.getTime() > endOfShanghaiDay(until).getTime();

/** One reminder a job should send now. */
export type ReminderDue = { kind: 'before'; days: number } | { kind: 'expired' };

/**
 * The reminder due at `now`, if any (Bulwark product choice: the pack's `reminderDaysBefore`, then once on expiry).
 * A reminder is due from the start of its Shanghai day; `lastReminderAt` makes it idempotent: nothing is sent again
 * once a reminder went out at or after that moment, and when a job missed several days only the latest is sent.
 */
export function reminderDue(
  until: LocalDate,
  daysBefore: readonly number[],
  now: Date,
  lastReminderAt: Date | null,
): ReminderDue | null {
  const last = lastReminderAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  const expiredAt = endOfShanghaiDay(until).getTime() + 1;
  if (now.getTime() >= expiredAt) return last >= expiredAt ? null : { kind: 'expired' };
  const startOf = (day: LocalDate) => endOfShanghaiDay(day).getTime() - DAY + 1;
  const due = [...daysBefore]
    .sort((a, b) => a - b)
    .map((d) => ({ d, at: startOf(addLocalDays(until, -d)) }))
    .find((r) => r.at <= now.getTime());
  if (!due || last >= due.at) return null;
  return { kind: 'before', days: due.d };
}
