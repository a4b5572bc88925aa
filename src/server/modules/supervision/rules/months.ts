import { endOfShanghaiDay, type LocalDate, shanghaiDate } from '../../../regulations/working-days';

const pad = (n: number) => String(n).padStart(2, '0');
const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${pad(m + 1)}`;
};

/** A Shanghai calendar month (YYYY-MM) as its first day, the next month's first day, and those days' start instants. */
export function monthRange(month: string): { from: LocalDate; to: LocalDate; fromAt: Date; toAt: Date } {
  const from = `${month}-01`;
  const to = `${nextMonth(month)}-01`;
  const startOf = (day: LocalDate) => new Date(endOfShanghaiDay(day).getTime() - 86_400_000 + 1);
  return { from, to, fromAt: startOf(from), toAt: startOf(to) };
}

/** Every month (YYYY-MM) from the one holding `fromDay` to the one holding `now`, in Shanghai time. */
export function trendMonths(fromDay: LocalDate, now: Date): string[] {
  const last = shanghaiDate(now).slice(0, 7);
  const out: string[] = [];
  for (let m = fromDay.slice(0, 7); m <= last; m = nextMonth(m)) out.push(m);
  return out;
}

/** The last instant (24:00 China time) of each of those months that has ended by `now`. */
export function monthEnds(fromDay: LocalDate, now: Date): Date[] {
  return trendMonths(fromDay, now)
    .map((m) => new Date(monthRange(m).toAt.getTime() - 1))
    .filter((end) => end < now);
}
