import { InvalidVersionError } from '../errors';
import { type Cmp, compareDigits, isDigitCode, isDigits, type KeyWriter, keyWriter } from '../sort-key';
import { assertVersionText, defineEcosystem } from './define';

/** A Debian version [epoch:]upstream[-revision] (deb-version(7)); a missing revision equals "0". */
export interface DebianVersion {
  readonly epoch: string;
  readonly upstream: string;
  readonly revision: string;
}

function parseDebian(input: string): DebianVersion {
  const str = input.trim();
  assertVersionText('Debian', str);
  let rest = str;
  let epoch = '0';
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    epoch = rest.slice(0, colon);
    if (!isDigits(epoch)) throw new InvalidVersionError('Debian', input, 'epoch must be a number');
    rest = rest.slice(colon + 1);
  }
  const dash = rest.lastIndexOf('-');
  if (dash < 0) return { epoch, upstream: rest, revision: '0' };
  return { epoch, upstream: rest.slice(0, dash), revision: rest.slice(dash + 1) };
}

/** dpkg's character order: "~" < end of part < letters < everything else (by code). */
function charWeight(c: number): number {
  if (c === 126) return 1;
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return c;
  return 256 + c;
}

/** dpkg verrevcmp: alternate non-digit runs (by {@link charWeight}) and digit runs (numerically). */
function comparePart(a: string, b: string): Cmp {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while (
      (i < a.length && !isDigitCode(a.charCodeAt(i))) ||
      (j < b.length && !isDigitCode(b.charCodeAt(j)))
    ) {
      const wa = i < a.length && !isDigitCode(a.charCodeAt(i)) ? charWeight(a.charCodeAt(i)) : 2;
      const wb = j < b.length && !isDigitCode(b.charCodeAt(j)) ? charWeight(b.charCodeAt(j)) : 2;
      if (wa !== wb) return wa < wb ? -1 : 1;
      i++;
      j++;
    }
    const si = i;
    const sj = j;
    while (i < a.length && isDigitCode(a.charCodeAt(i))) i++;
    while (j < b.length && isDigitCode(b.charCodeAt(j))) j++;
    const d = compareDigits(a.slice(si, i), b.slice(sj, j));
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Key of one part: per run, the non-digit weights, 0x02 (end of run), then the digit run as a number (0 is
 * 0x01). The end of a part is written 0x02 0x01 0x02: dpkg pads a shorter part with empty runs and zeros, so
 * the end sorts like a zero followed by an empty run, above "~" and below letters and other characters.
 * A part that is only zeros (or empty) is just the end, as dpkg treats it.
 */
function writePart(w: KeyWriter, s: string): void {
  if (!/^0*$/.test(s)) {
    let i = 0;
    while (i < s.length) {
      for (; i < s.length && !isDigitCode(s.charCodeAt(i)); i++) {
        const c = s.charCodeAt(i);
        const weight = charWeight(c);
        if (weight < 256) w.byte(weight);
        else if (c < 256) {
          w.byte(123);
          w.byte(c);
        } else {
          w.byte(124);
          w.byte(c >> 8);
          w.byte(c & 0xff);
        }
      }
      w.byte(2);
      const start = i;
      while (i < s.length && isDigitCode(s.charCodeAt(i))) i++;
      w.digits(s, start, i);
    }
  }
  w.byte(2);
  w.byte(1);
  w.byte(2);
}

/** Debian (dpkg ordering). */
export const debian = defineEcosystem<DebianVersion>('Debian', {
  parse: parseDebian,
  compare: (a, b) =>
    compareDigits(a.epoch, b.epoch) ||
    comparePart(a.upstream, b.upstream) ||
    comparePart(a.revision, b.revision),
  key(v) {
    const w = keyWriter.begin();
    w.digits(v.epoch, 0, v.epoch.length);
    writePart(w, v.upstream);
    writePart(w, v.revision);
    return w.finish();
  },
});
