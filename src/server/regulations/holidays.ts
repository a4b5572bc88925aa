import holidaysJson from '../../../regulations/china-holidays.json' with { type: 'json' };
import { type HolidaysPack, HolidaysPackSchema } from './holidays-schema';
import { packRegistry } from './pack-io';

const registry = packRegistry({ 'china-holidays': HolidaysPackSchema });
let bundled: HolidaysPack | undefined;

/** The china-holidays pack shipped in regulations/, validated once (every working-day rule shares it). */
export function bundledHolidays(): HolidaysPack {
  bundled ??= registry.parse('china-holidays', holidaysJson, 'regulations/china-holidays.json');
  return bundled;
}
