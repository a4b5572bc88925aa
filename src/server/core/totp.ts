import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// RFC 4648 §6 alphabet; authenticator apps expect the secret in it, unpadded.
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Time step X of RFC 6238 §4.1, in seconds (the default every authenticator app uses). */
export const TOTP_STEP_SECONDS = 30;
/** Code length; RFC 4226 §5.3 requires at least 6. */
export const TOTP_DIGITS = 6;

/** Base32 (RFC 4648 §6) without padding. */
export function base32Encode(bytes: Buffer): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += B32[(value << (5 - bits)) & 31];
  return out;
}

/** Decodes base32, ignoring case, spaces and padding; throws on any other character. */
export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=]/g, '');
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const i = B32.indexOf(ch);
    if (i < 0) throw new Error(`not a base32 character: ${ch}`);
    value = ((value << 5) | i) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** HOTP (RFC 4226 §5.3): HMAC-SHA-1 over the 8-byte counter, dynamic truncation, `digits` decimal digits. */
export function hotp(key: Buffer, counter: number, digits = TOTP_DIGITS): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(msg).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The RFC 6238 §4.2 time counter T = floor((now − T0) / X) with T0 = 0. */
export const totpCounter = (now: Date, step = TOTP_STEP_SECONDS) => Math.floor(now.getTime() / 1000 / step);

/** The TOTP code at a time (RFC 6238 §4.2). */
export const totp = (key: Buffer, now: Date, digits = TOTP_DIGITS) => hotp(key, totpCounter(now), digits);

/**
 * Checks a code against the steps now−window … now+window (RFC 6238 §5.2 allows one step of drift each way) and
 * returns the matching counter, or null. Counters at or below `lastCounter` are refused, so a code works once
 * (§5.2: "the verifier MUST NOT accept the second attempt of the same OTP").
 */
export function verifyTotp(
  key: Buffer,
  code: string,
  now: Date,
  opts: { window?: number; lastCounter?: number | null } = {},
): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const window = opts.window ?? 1;
  const current = totpCounter(now);
  let found: number | null = null;
  // Every candidate is compared, so timing does not tell which step matched.
  for (let c = current - window; c <= current + window; c++) {
    const match = timingSafeEqual(Buffer.from(hotp(key, c)), Buffer.from(code));
    if (match && found === null && (opts.lastCounter == null || c > opts.lastCounter)) found = c;
  }
  return found;
}

/** A new shared secret: 160 bits, the length RFC 4226 §4 recommends for HMAC-SHA-1. */
export const newTotpSecret = () => randomBytes(20);

/** The `otpauth://` key URI authenticator apps scan (Google Authenticator key URI format). */
export function otpauthUri(secret: Buffer, issuer: string, account: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const q = new URLSearchParams({
    secret: base32Encode(secret),
    issuer,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_STEP_SECONDS),
  });
  return `otpauth://totp/${label}?${q.toString()}`;
}
