import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Hash algorithms Bulwark chains and fingerprints with; SM3 is GB/T 32905. */
export type HashAlg = 'sm3' | 'sha256';

/** Hex digest of UTF-8 text. */
export const digestHex = (alg: HashAlg, text: string) => createHash(alg).update(text, 'utf8').digest('hex');

/** SHA-256 hex of a secret token, for at-rest lookup of sessions, API tokens and invitations. */
export const tokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** A URL-safe random secret with an optional readable prefix. */
export const randomToken = (bytes = 32, prefix = '') => prefix + randomBytes(bytes).toString('base64url');

/** Constant-time string equality for secrets. */
export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
