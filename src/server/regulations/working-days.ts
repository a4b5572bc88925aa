import type { HolidaysPack } from './holidays-schema';

/** A calendar day in China time (Asia/Shanghai), as `YYYY-MM-DD`. */
export type LocalDate = string;
/** How a period is counted. */
export type DayKind = 'calendar' | 'working';

/** Asia/Shanghai is UTC+8 all year (China has observed no DST since 1991). */
const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The Shanghai calendar day an instant falls on. */
export const shanghaiDate = (instant: Date): LocalDate =>
  new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);

/** The last millisecond of a Shanghai day: 24:00 is the cut-off of a period's last day (Civil Code art. 203). */
export const endOfShanghaiDay = (day: LocalDate): Date =>
  new Date(Date.parse(`${day}T00:00:00Z`) - OFFSET_MS + DAY_MS - 1);

/** The day `n` days after `day` (n may be negative). */
export const addLocalDays = (day: LocalDate, n: number): LocalDate =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** Rest days and adjusted working days (调休) from the holiday pack, plus the years it covers. */
export interface HolidayCalendar {
  weekendDays: ReadonlySet<number>;
  restDays: ReadonlySet<LocalDate>;
  adjustedWorkdays: ReadonlySet<LocalDate>;
  coveredYears: ReadonlySet<number>;
}

/** Builds the lookup sets from a validated china-holidays pack; years whose notice is unpublished stay uncovered. */
export function holidayCalendar(pack: HolidaysPack): HolidayCalendar {
  const restDays = new Set<LocalDate>();
  const adjustedWorkdays = new Set<LocalDate>();
  const coveredYears = new Set<number>();
  for (const y of pack.years) {
    if (!y.value) continue;
    coveredYears.add(y.year);
    for (const f of y.value) {
      for (let d = f.from; d <= f.to; d = addLocalDays(d, 1)) restDays.add(d);
      for (const d of f.workdays) adjustedWorkdays.add(d);
    }
  }
  return { weekendDays: new Set(pack.weekendDays), restDays, adjustedWorkdays, coveredYears };
}

/** Whether a day is a China working day, and whether the calendar covered its year (else weekends-only fallback). */
export function isWorkingDay(day: LocalDate, cal: HolidayCalendar): { working: boolean; covered: boolean } {
  const covered = cal.coveredYears.has(Number(day.slice(0, 4)));
  if (cal.adjustedWorkdays.has(day)) return { working: true, covered };
  if (cal.restDays.has(day)) return { working: false, covered };
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return { working: !cal.weekendDays.has(weekday), covered };
}

/** A computed deadline: the end of its last day, and the years counted without an official calendar (flag these). */
export interface Deadline {
  dueAt: Date;
  lastDay: LocalDate;
  uncoveredYears: number[];
}

const checkCount = (n: number) => {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`day count must be a non-negative integer, got ${n}`);
};

/**
 * N calendar days after `from`: the start day is not counted (Civil Code art. 201) and the period ends at
 * 24:00 Shanghai time on the Nth day (art. 203 para. 2). n = 0 means the end of the start day. Art. 203
 * para. 1 would move a last day that falls on a holiday to the next working day; we keep the stricter date.
 */
export function addCalendarDays(from: Date, n: number): Deadline {
  checkCount(n);
  const lastDay = addLocalDays(shanghaiDate(from), n);
  return { dueAt: endOfShanghaiDay(lastDay), lastDay, uncoveredYears: [] };
}

/**
 * N calendar months after `from`: the period ends at 24:00 Shanghai time on the corresponding day of the Nth
 * month, or on that month's last day when it has no corresponding day (Civil Code art. 202).
 */
export function addCalendarMonths(from: Date, n: number): Deadline {
  checkCount(n);
  const start = shanghaiDate(from);
  const months = Number(start.slice(0, 4)) * 12 + Number(start.slice(5, 7)) - 1 + n;
  const year = Math.floor(months / 12);
  const month = months % 12;
  const daysInMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(Number(start.slice(8, 10)), daysInMonth);
  const lastDay = new Date(Date.UTC(year, month, day)).toISOString().slice(0, 10);
  return { dueAt: endOfShanghaiDay(lastDay), lastDay, uncoveredYears: [] };
}

/** N China working days after `from` (start day not counted, Civil Code art. 201), ending 24:00 Shanghai time. */
export function addWorkingDays(from: Date, n: number, cal: HolidayCalendar): Deadline {
  checkCount(n);
  const uncovered = new Set<number>();
  let day = shanghaiDate(from);
  for (let counted = 0; counted < n; ) {
    day = addLocalDays(day, 1);
    const w = isWorkingDay(day, cal);
    if (!w.covered) uncovered.add(Number(day.slice(0, 4)));
    if (w.working) counted++;
  }
  return { dueAt: endOfShanghaiDay(day), lastDay: day, uncoveredYears: [...uncovered].sort((a, b) => a - b) };
}

/** N days of the given kind after `from`. */
export const addDays = (from: Date, n: number, kind: DayKind, cal: HolidayCalendar): Deadline =>
  kind === 'calendar' ? addCalendarDays(from, n) : addWorkingDays(from, n, cal);
