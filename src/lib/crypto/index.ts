/**
 * Envelope encryption for data sealed at rest (architecture principle 6).
 *
 * - Two AEADs behind {@link Aead}: `sm4-ctr-hmac-sm3` (default; SM4 GB/T 32907 in CTR mode, encrypt-then-MAC with
 *   HMAC-SM3 GB/T 32905 / RFC 2104, subkeys by HKDF-SM3) and `aes-256-gcm`.
 * - Sealed blobs and wrapped data keys share a self-describing 20-byte header (magic, version, AEAD id, key id) that
 *   is authenticated as associated data.
 * - Data keys are wrapped by master keys from config; `rewrap` rotates the master key without touching blobs.
 *
 * Every failure to open is a {@link SealError}; bad configuration is a {@link KeyConfigError}.
 */
export { AEADS, type Aead, type AeadId, DEFAULT_AEAD } from './aead';
export {
  openWithDataKey,
  peekKeyId,
  peekMasterKeyId,
  rewrap,
  sealWithDataKey,
  unwrapDataKey,
  wrapDataKey,
} from './envelope';
export { KeyConfigError, SealError, type SealFailure } from './errors';
export {
  generateDataKey,
  type IdentifiedKey,
  KEY_BYTES,
  normalizeKeyId,
  parseKeyMaterial,
  parseMasterKey,
} from './keys';
