import { InvalidVersionError } from '../errors';
import { compareDigits, compareUtf8, keyWriter } from '../sort-key';
import { assertWellFormed, defineEcosystem } from './define';

/** vers "lexicographic": plain UTF-8 byte order, no normalisation. */
export const lexicographic = defineEcosystem<string>('lexicographic', {
  parse(version) {
    assertWellFormed('lexicographic', version);
    return version;
  },
  compare: compareUtf8,
  key(v) {
    const w = keyWriter.begin();
    w.text(v);
    return w.finish();
  },
});

/** An RFC 3339 instant: whole seconds since 0000-01-01 shifted to be non-negative, and fraction digits. */
export interface Instant {
  readonly seconds: string;
  readonly fraction: string;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})$/;
// Shift so the earliest representable instant (0000-01-01T00:00:00+23:59) is non-negative.
const SHIFT = 62_167_219_200 + 86_400;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function parseInstant(input: string): Instant {
  const m = typeof input === 'string' ? RFC3339.exec(input) : null;
  if (!m) throw new InvalidVersionError('datetime', String(input), 'not an RFC 3339 timestamp');
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59) {
    throw new InvalidVersionError('datetime', input, 'date or time out of range');
  }
  if (second > 60) throw new InvalidVersionError('datetime', input, 'seconds out of range');
  const zone = (m[8] as string).toUpperCase();
  let offset = 0;
  if (zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    offset = sign * (Number(zone.slice(1, 3)) * 3600 + Number(zone.slice(4, 6)) * 60);
  }
  const seconds = daysFromCivil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offset;
  return { seconds: String(seconds + SHIFT), fraction: (m[7] ?? '').replace(/0+$/, '') };
}

/** vers "datetime": RFC 3339 timestamps ordered by the instant they denote. */
export const datetime = defineEcosystem<Instant>('datetime', {
  parse: parseInstant,
  compare: (a, b) => compareDigits(a.seconds, b.seconds) || compareUtf8(a.fraction, b.fraction),
  key(v) {
    const w = keyWriter.begin();
    w.digits(v.seconds, 0, v.seconds.length);
    w.text(v.fraction);
    return w.finish();
  },
});
