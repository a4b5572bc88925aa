import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import type { Aead } from './aead';
import { SealError } from './errors';
import { assertKeyLength } from './keys';

const IV_BYTES = 16;
const TAG_BYTES = 32;
const SM4_KEY_BYTES = 16;
const HKDF_INFO = Buffer.from('bulwark/sm4-ctr-hmac-sm3/v1');

/**
 * Splits the 32-byte key into an SM4 key and an HMAC-SM3 key with HKDF (RFC 5869) over SM3 (GB/T 32905). Node's
 * hkdfSync accepts 'sm3'; no fallback exists because a build without SM3 would lack HMAC-SM3 and SM4 as well.
 */
function subkeys(key: Buffer): { enc: Buffer; mac: Buffer } {
  assertKeyLength(key);
  const okm = Buffer.from(hkdfSync('sm3', key, Buffer.alloc(0), HKDF_INFO, SM4_KEY_BYTES + 32));
  return { enc: okm.subarray(0, SM4_KEY_BYTES), mac: okm.subarray(SM4_KEY_BYTES) };
}

/**
 * HMAC-SM3 (RFC 2104 over GB/T 32905) of aad || iv || ciphertext || 64-bit big-endian bit length of aad; the length
 * suffix (as in RFC 7518 §5.2.2.1) stops bytes from sliding between aad and ciphertext.
 */
function tag(macKey: Buffer, aad: Buffer, iv: Buffer, ciphertext: Buffer): Buffer {
  const aadBits = Buffer.alloc(8);
  aadBits.writeBigUInt64BE(BigInt(aad.length) * 8n);
  return createHmac('sm3', macKey).update(aad).update(iv).update(ciphertext).update(aadBits).digest();
}

/** SM4 (GB/T 32907) in CTR mode with a random 128-bit initial counter, then HMAC-SM3: encrypt-then-MAC. */
export const sm4CtrHmacSm3: Aead = {
  id: 'sm4-ctr-hmac-sm3',
  seal(key, plaintext, aad) {
    const { enc, mac } = subkeys(key);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('sm4-ctr', enc, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([iv, ciphertext, tag(mac, aad, iv, ciphertext)]);
  },
  open(key, sealed, aad) {
    const { enc, mac } = subkeys(key);
    if (sealed.length < IV_BYTES + TAG_BYTES)
      throw new SealError('format', 'sm4-ctr-hmac-sm3 payload is truncated');
    const iv = sealed.subarray(0, IV_BYTES);
    const ciphertext = sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES);
    const expected = tag(mac, aad, iv, ciphertext);
    if (!timingSafeEqual(expected, sealed.subarray(sealed.length - TAG_BYTES))) {
      throw new SealError(
        'auth',
        'sm4-ctr-hmac-sm3 authentication failed (tampered data, wrong key or wrong aad)',
      );
    }
    const decipher = createDecipheriv('sm4-ctr', enc, iv);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  },
};
