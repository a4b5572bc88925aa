import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDigits, compareKeys, compareUtf8, keyWriter } from './sort-key';

const digitsKey = (s: string) => {
  const w = keyWriter.begin();
  w.digits(s, 0, s.length);
  return w.finish();
};
const textKey = (s: string) => {
  const w = keyWriter.begin();
  w.text(s);
  return w.finish();
};
const sign = (n: number | bigint) => (n < 0 ? -1 : n > 0 ? 1 : 0);

describe('number encoding', () => {
  it('orders digit strings numerically, any length, ignoring leading zeros', () => {
    const digitString = fc.stringMatching(/^[0-9]{1,300}$/);
    fc.assert(
      fc.property(digitString, digitString, (a, b) => {
        const expected = sign(BigInt(a) - BigInt(b));
        expect(compareKeys(digitsKey(a), digitsKey(b))).toBe(expected);
        expect(compareDigits(a, b)).toBe(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps every code unit below 256 and a first byte of at least 1', () => {
    for (const s of ['0', '000', '7', '99', '12345678901234567890', '9'.repeat(260)]) {
      const key = digitsKey(s);
      expect(key.charCodeAt(0)).toBeGreaterThanOrEqual(1);
      expect([...key].every((c) => c.charCodeAt(0) < 256)).toBe(true);
    }
    expect(digitsKey('0')).toBe(digitsKey('0000'));
    expect(digitsKey('20240101').length).toBe(5);
  });
});

describe('text encoding', () => {
  it('orders strings like their UTF-8 bytes (prefix first), including NUL, 0x01 and astral characters', () => {
    const text = fc.string({
      unit: fc.constantFrom('\u0000', '\u0001', 'a', 'b', 'é', '\ue000', '\uffff', '😀'),
    });
    fc.assert(
      fc.property(text, text, (a, b) => {
        const bytes = (s: string) => Buffer.from(s, 'utf8');
        expect(compareUtf8(a, b)).toBe(sign(Buffer.compare(bytes(a), bytes(b))));
        expect(compareKeys(textKey(a), textKey(b))).toBe(compareUtf8(a, b));
      }),
      { numRuns: 500 },
    );
  });

  it('byte-compares the same way after Buffer.from(key, "latin1")', () => {
    const a = textKey('1.0-alpha');
    const b = textKey('1.0-alpha.1');
    expect(compareKeys(a, b)).toBe(-1);
    expect(Buffer.compare(Buffer.from(a, 'latin1'), Buffer.from(b, 'latin1'))).toBe(-1);
  });
});
