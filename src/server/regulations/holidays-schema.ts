import { z } from 'zod';
import { sourced } from './sourced';

const isoDate = z.iso.date();
const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();

/** One festival from a State Council notice: its rest days and the weekend days swapped to work (调休). */
const Festival = z
  .strictObject({ name: z.string().min(1), from: isoDate, to: isoDate, workdays: z.array(isoDate) })
  .refine((f) => f.from <= f.to, { message: 'from must not be after to', path: ['to'] });

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
    weekendDays: z.array(z.number().int().min(0).max(6)).max(6, 'a week needs at least one working day'),
    fallback: sourced(z.literal('weekends-only')),
    years: z.array(YearEntry),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<number>();
    p.years.forEach((y, i) => {
      if (seen.has(y.year)) {
        ctx.addIssue({ code: 'custom', message: `duplicate year ${y.year}`, path: ['years', i, 'year'] });
      }
      seen.add(y.year);
      // An adjusted working day (调休) always replaces a weekend day; anything else is a transcription error.
      y.value?.forEach((f, j) => {
        f.workdays.forEach((d, k) => {
          if (p.weekendDays.includes(weekday(d))) return;
          const path = ['years', i, 'value', j, 'workdays', k];
          ctx.addIssue({ code: 'custom', message: `${d} is not a weekend day`, path });
        });
      });
    });
  });
/** A validated china-holidays pack. */
export type HolidaysPack = z.infer<typeof HolidaysPackSchema>;
