import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Aead } from './aead';
import { SealError } from './errors';
import { assertKeyLength } from './keys';

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM (NIST SP 800-38D) with a random 96-bit nonce and a full 128-bit tag. Random nonces are safe for far
 * more messages than one data key ever seals (SP 800-38D §8.3 allows 2^32 per key).
 */
export const aes256Gcm: Aead = {
  id: 'aes-256-gcm',
  seal(key, plaintext, aad) {
    assertKeyLength(key);
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad);
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([nonce, ciphertext, cipher.getAuthTag()]);
  },
  open(key, sealed, aad) {
    assertKeyLength(key);
    if (sealed.length < NONCE_BYTES + TAG_BYTES)
      throw new SealError('format', 'aes-256-gcm payload is truncated');
    // authTagLength pins the tag size so a truncated tag cannot be accepted.
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, NONCE_BYTES), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(aad);
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    const plaintext = decipher.update(sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES));
    try {
      return Buffer.concat([plaintext, decipher.final()]);
    } catch {
      throw new SealError(
        'auth',
        'aes-256-gcm authentication failed (tampered data, wrong key or wrong aad)',
      );
    }
  },
};
