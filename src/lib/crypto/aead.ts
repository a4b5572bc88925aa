import { aes256Gcm } from './aes-256-gcm';
import { sm4CtrHmacSm3 } from './sm4-ctr-hmac-sm3';

/** Identifier of an AEAD construction; SM4 is the default per architecture principle 6. */
export type AeadId = 'sm4-ctr-hmac-sm3' | 'aes-256-gcm';

/** Authenticated encryption with associated data over a 32-byte key; `open` throws SealError on any mismatch. */
export interface Aead {
  readonly id: AeadId;
  seal(key: Buffer, plaintext: Buffer, aad: Buffer): Buffer;
  open(key: Buffer, sealed: Buffer, aad: Buffer): Buffer;
}

/** The default construction: SM4-CTR + HMAC-SM3, because node:crypto has no SM4-GCM (stack.md §7). */
export const DEFAULT_AEAD: AeadId = 'sm4-ctr-hmac-sm3';

/** Both constructions by id. */
export const AEADS: Readonly<Record<AeadId, Aead>> = {
  'sm4-ctr-hmac-sm3': sm4CtrHmacSm3,
  'aes-256-gcm': aes256Gcm,
};
