import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, otpauthUri, totp, totpCounter, verifyTotp } from './totp';

// RFC 6238 Appendix B and RFC 4226 Appendix D use the ASCII seed "12345678901234567890" for HMAC-SHA-1.
const SEED = Buffer.from('12345678901234567890', 'ascii');
const at = (seconds: number) => new Date(seconds * 1000);

describe('RFC 4226 HOTP', () => {
  it('matches the Appendix D values for counters 0–9', () => {
    const want = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ];
    expect(want.map((_, c) => hotp(SEED, c))).toEqual(want);
  });
});

describe('RFC 6238 TOTP (SHA-1)', () => {
  // Appendix B, SHA-1 rows: time (s), T as hex, 8-digit TOTP.
  const vectors: [number, string, string][] = [
    [59, '0000000000000001', '94287082'],
    [1111111109, '00000000023523EC', '07081804'],
    [1111111111, '00000000023523ED', '14050471'],
    [1234567890, '000000000273EF07', '89005924'],
    [2000000000, '0000000003F940AA', '69279037'],
    [20000000000, '0000000027BC86AA', '65353130'],
  ];

  it('computes the Appendix B counters and 8-digit codes', () => {
    for (const [t, counter, code] of vectors) {
      expect(totpCounter(at(t)).toString(16).toUpperCase().padStart(16, '0')).toBe(counter);
      expect(totp(SEED, at(t), 8)).toBe(code);
    }
  });

  it('truncates to 6 digits as the last six of the same value', () => {
    for (const [t, , code] of vectors) expect(totp(SEED, at(t))).toBe(code.slice(-6));
  });
});

describe('verifyTotp', () => {
  const now = at(1111111111);
  const step = (n: number) => totp(SEED, at(1111111111 + n * 30));

  it('accepts the current step and one step either side, returning the matched counter', () => {
    const c = totpCounter(now);
    expect(verifyTotp(SEED, step(0), now)).toBe(c);
    expect(verifyTotp(SEED, step(-1), now)).toBe(c - 1);
    expect(verifyTotp(SEED, step(1), now)).toBe(c + 1);
  });

  it('refuses codes two steps away, malformed codes and codes at or before the last used counter', () => {
    expect(verifyTotp(SEED, step(2), now)).toBeNull();
    expect(verifyTotp(SEED, step(-2), now)).toBeNull();
    expect(verifyTotp(SEED, '12345', now)).toBeNull();
    expect(verifyTotp(SEED, 'abcdef', now)).toBeNull();
    const c = totpCounter(now);
    expect(verifyTotp(SEED, step(0), now, { lastCounter: c })).toBeNull();
    expect(verifyTotp(SEED, step(-1), now, { lastCounter: c - 1 })).toBeNull();
    expect(verifyTotp(SEED, step(1), now, { lastCounter: c })).toBe(c + 1);
  });
});

describe('base32 and the key URI', () => {
  it('round-trips and matches RFC 4648 §10 vectors (unpadded)', () => {
    const cases: [string, string][] = [
      ['', ''],
      ['f', 'MY'],
      ['fo', 'MZXQ'],
      ['foo', 'MZXW6'],
      ['foob', 'MZXW6YQ'],
      ['fooba', 'MZXW6YTB'],
      ['foobar', 'MZXW6YTBOI'],
    ];
    for (const [plain, enc] of cases) {
      expect(base32Encode(Buffer.from(plain))).toBe(enc);
      expect(base32Decode(`${enc.toLowerCase()}==`).toString()).toBe(plain);
    }
    expect(base32Encode(SEED)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(() => base32Decode('M1')).toThrow();
  });

  it('builds an otpauth URI with issuer, account and the parameters in use', () => {
    const uri = new URL(otpauthUri(SEED, 'Bulwark', 'gd.admin@bulwark.demo'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Bulwark:gd.admin@bulwark.demo');
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
      issuer: 'Bulwark',
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
  });
});
