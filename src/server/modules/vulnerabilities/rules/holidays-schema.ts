import { z } from 'zod';
import { sourced } from './sourced';

const isoDate = z.iso.date();
const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();

/** One festival from a State Council notice: its rest days and the weekend days swapped to work (调休). */
const Festival = z
  .strictObject({ name: z.string().min(1), from: isoDate, to: isoDate, workdays: z.array(isoDate) })
  .superRefine((f, ctx) => {
    if (f.from > f.to) ctx.addIssue({ code: 'custom', message: 'from must not be after to', path: ['to'] });
    f.workdays.forEach((d, i) => {
      const w = weekday(d);
      if (w !== 0 && w !== 6) {
        ctx.addIssue({ code: 'custom', message: `${d} is not a Saturday or Sunday`, path: ['workdays', i] });
      }
    });
  });

/** One year's notice; `value: null` means not yet published, so the weekends-only fallback applies. */
const YearEntry = sourced(z.array(Festival).nullable()).extend({
  year: z.number().int().min(2000).max(2100),
});

/** The china-holidays pack: rest days and adjusted working days per year, in Asia/Shanghai dates. */
export const HolidaysPackSchema = z
  .strictObject({
    pack: z.literal('china-holidays'),
    version: z.string().min(1),
    title: z.string().min(1),
    timeZone: z.literal('Asia/Shanghai'),
    weekendDays: z.array(z.number().int().min(0).max(6)),
    fallback: sourced(z.literal('weekends-only')),
    years: z.array(YearEntry),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<number>();
    p.years.forEach((y, i) => {
      if (seen.has(y.year))
        ctx.addIssue({ code: 'custom', message: `duplicate year ${y.year}`, path: ['years', i, 'year'] });
      seen.add(y.year);
    });
  });
/** A validated china-holidays pack. */
export type HolidaysPack = z.infer<typeof HolidaysPackSchema>;
