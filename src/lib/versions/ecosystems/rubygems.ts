import {
  type Cmp,
  compareDigits,
  compareUtf8,
  isDigitCode,
  isDigits,
  isZeroDigits,
  keyWriter,
} from '../sort-key';
import { assertVersionText, defineEcosystem } from './define';

/**
 * RubyGems (Gem::Version) as osv-scalibr canonicalises it: a "." is inserted wherever digits and non-digits
 * meet, the numeric release is followed by the segments from the first non-numeric one on, trailing "0"
 * segments of both groups are dropped, and segments compare with padding "0": numbers numerically, strings
 * by bytes, a number above a string.
 */
export type GemVersion = readonly string[];

function removeZeros(segs: string[]): string[] {
  let i = segs.length;
  while (i > 0 && segs[i - 1] === '0') i--;
  return segs.slice(0, i);
}

function parseGem(input: string): GemVersion {
  assertVersionText('RubyGems', input);
  let canonical = '';
  let checkPrevious = false;
  let previousWasDigit = true;
  for (const ch of input) {
    if (ch === '.') {
      checkPrevious = false;
      canonical += '.';
      continue;
    }
    const digit = isDigitCode(ch.charCodeAt(0));
    if (checkPrevious && previousWasDigit !== digit) canonical += '.';
    canonical += ch;
    previousWasDigit = digit;
    checkPrevious = true;
  }
  const numbers: string[] = [];
  const build: string[] = [];
  for (const seg of canonical.split('.')) {
    if (build.length > 0 || !isDigits(seg)) build.push(seg);
    else numbers.push(seg);
  }
  const segments = [...removeZeros(numbers), ...removeZeros(build)];
  // A trailing zero-valued number ("00") equals the implicit padding; dropping it keeps equal versions' keys equal.
  while (segments.length > 0 && isDigits(segments[segments.length - 1] as string)) {
    if (!isZeroDigits(segments[segments.length - 1] as string)) break;
    segments.pop();
  }
  return segments;
}

// Segment ranks: strings < zero followed by a string < END < zero followed by a number < positive numbers.
const STRING = 2;
const ZERO_LOW = 3;
const END = 4;
const ZERO_HIGH = 5;
const NUMBER = 6;

function rankAt(segs: GemVersion, i: number): number {
  const s = segs[i];
  if (s === undefined) return END;
  if (!isDigits(s)) return STRING;
  if (!isZeroDigits(s)) return NUMBER;
  for (let j = i + 1; j < segs.length; j++) {
    const t = segs[j] as string;
    if (!isDigits(t)) return ZERO_LOW;
    if (!isZeroDigits(t)) return ZERO_HIGH;
  }
  return ZERO_HIGH;
}

function compareGem(a: GemVersion, b: GemVersion): Cmp {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ra = rankAt(a, i);
    const rb = rankAt(b, i);
    if (ra !== rb) return ra < rb ? -1 : 1;
    if (ra === STRING) {
      const d = compareUtf8(a[i] as string, b[i] as string);
      if (d !== 0) return d;
    } else if (ra === NUMBER) {
      const d = compareDigits(a[i] as string, b[i] as string);
      if (d !== 0) return d;
    }
  }
  return 0;
}

function gemKey(segs: GemVersion): string {
  const w = keyWriter.begin();
  for (let i = 0; i < segs.length; i++) {
    const r = rankAt(segs, i);
    w.byte(r);
    const s = segs[i] as string;
    if (r === STRING) w.text(s);
    else if (r === NUMBER) w.digits(s, 0, s.length);
  }
  w.byte(END);
  return w.finish();
}

/** RubyGems (Gem::Version ordering). */
export const rubygems = defineEcosystem<GemVersion>('RubyGems', {
  parse: parseGem,
  compare: compareGem,
  key: gemKey,
  isPrerelease: (segs) => segs.some((s) => !isDigits(s)),
});
