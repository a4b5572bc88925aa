/**
 * Byte-comparable sort keys.
 *
 * A sort key is a JavaScript string whose code units are all in 0x00..0xFF (so V8 stores it one byte per
 * character). Keys compare with the ordinary `<`, `>` and `===` operators (code-unit order), and
 * `Buffer.from(key, 'latin1')` gives the same order under `Buffer.compare`. For every ecosystem:
 * `compare(a, b) === sign(key(a) vs key(b))`, and equal versions have identical keys.
 *
 * Keys are built into one reusable scratch buffer, so building a key allocates only the result string.
 */

/** Shared scratch writer; keys are built synchronously and never nested, so one instance is enough. */
class KeyWriter {
  private buf = new Uint8Array(256);
  private len = 0;

  /** Bytes written so far. */
  get length(): number {
    return this.len;
  }

  /** Starts a new key. */
  begin(): this {
    this.len = 0;
    return this;
  }

  private ensure(extra: number): void {
    if (this.len + extra <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.len + extra));
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  /** Appends one byte (0..255). */
  byte(b: number): void {
    this.ensure(1);
    this.buf[this.len++] = b;
  }

  /**
   * Appends the non-negative decimal integer written by the ASCII digits `s[start, end)` (leading zeros allowed,
   * any length). Encoding: a length byte (significant digit count + 1; 0xFD plus 4 bytes when above 250 digits),
   * then the digits packed two per byte. A larger number always has a larger encoding, and the first byte is >= 1.
   */
  digits(s: string, start: number, end: number): void {
    let i = start;
    while (i < end && s.charCodeAt(i) === 48) i++;
    const n = end - i;
    this.ensure(6 + ((n + 1) >> 1));
    if (n <= 250) {
      this.buf[this.len++] = n + 1;
    } else {
      this.buf[this.len++] = 0xfd;
      this.buf[this.len++] = (n >>> 24) & 0xff;
      this.buf[this.len++] = (n >>> 16) & 0xff;
      this.buf[this.len++] = (n >>> 8) & 0xff;
      this.buf[this.len++] = n & 0xff;
    }
    for (; i + 1 < end; i += 2) this.buf[this.len++] = (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48;
    if (i < end) this.buf[this.len++] = (s.charCodeAt(i) - 48) * 10;
  }

  /** Appends a small non-negative safe integer with the same encoding as {@link digits}. */
  int(value: number): void {
    const s = String(value);
    this.digits(s, 0, s.length);
  }

  /**
   * Appends `s[start, end)` as UTF-8 bytes, escaping 0x00 and 0x01, followed by a 0x00 terminator, so that
   * keys of two strings compare like the strings' UTF-8 bytes (a proper prefix sorts first).
   */
  text(s: string, start = 0, end = s.length): void {
    this.ensure((end - start) * 4 + 1);
    const buf = this.buf;
    let len = this.len;
    for (let i = start; i < end; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) {
        if (c <= 1) {
          buf[len++] = 1;
          buf[len++] = c + 1;
        } else {
          buf[len++] = c;
        }
      } else if (c < 0x800) {
        buf[len++] = 0xc0 | (c >> 6);
        buf[len++] = 0x80 | (c & 0x3f);
      } else {
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
          const lo = s.charCodeAt(i + 1);
          if (lo >= 0xdc00 && lo <= 0xdfff) {
            c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
            i++;
            buf[len++] = 0xf0 | (c >> 18);
            buf[len++] = 0x80 | ((c >> 12) & 0x3f);
            buf[len++] = 0x80 | ((c >> 6) & 0x3f);
            buf[len++] = 0x80 | (c & 0x3f);
            continue;
          }
        }
        buf[len++] = 0xe0 | (c >> 12);
        buf[len++] = 0x80 | ((c >> 6) & 0x3f);
        buf[len++] = 0x80 | (c & 0x3f);
      }
    }
    buf[len++] = 0;
    this.len = len;
  }

  /** Returns the finished key. */
  finish(): string {
    // Explicit-argument String.fromCharCode calls are several times faster than apply() on a typed array.
    const b = this.buf;
    const n = this.len;
    const f = String.fromCharCode;
    let out = '';
    let i = 0;
    for (; i + 8 <= n; i += 8) {
      out +=
        f(b[i] as number, b[i + 1] as number, b[i + 2] as number, b[i + 3] as number) +
        f(b[i + 4] as number, b[i + 5] as number, b[i + 6] as number, b[i + 7] as number);
    }
    for (; i < n; i++) out += f(b[i] as number);
    return out;
  }
}

/** The shared key writer used by every ecosystem. */
export const keyWriter = new KeyWriter();

/** The type of {@link keyWriter}. */
export type { KeyWriter };

/** Three-way comparison result. */
export type Cmp = -1 | 0 | 1;

/** Compares two sort keys (or any strings) by code unit. */
export function compareKeys(a: string, b: string): Cmp {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares two strings in UTF-8 byte order (what Go's strings.Compare and C's strcmp do). */
export function compareUtf8(a: string, b: string): Cmp {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // UTF-16 orders surrogates (U+10000..) below U+E000..U+FFFF; UTF-8 orders them above.
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x < y ? -1 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

/** Compares two non-negative decimal digit strings numerically (leading zeros ignored, any length, '' is 0). */
export function compareDigits(a: string, b: string): Cmp {
  let i = 0;
  let j = 0;
  while (i < a.length && a.charCodeAt(i) === 48) i++;
  while (j < b.length && b.charCodeAt(j) === 48) j++;
  const la = a.length - i;
  const lb = b.length - j;
  if (la !== lb) return la < lb ? -1 : 1;
  for (; i < a.length; i++, j++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(j);
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** True for the char code of an ASCII digit. */
export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** True when `s` is a non-empty run of ASCII digits. */
export function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** True when `s` is all zeros (or empty). */
export function isZeroDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== 48) return false;
  return true;
}

/** Turns any number into -1, 0 or 1. */
export function sign(n: number): Cmp {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}
