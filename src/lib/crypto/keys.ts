import { randomBytes, randomUUID } from 'node:crypto';
import { KeyConfigError } from './errors';

/** Every data and master key is 256 bits: SM4 and HMAC-SM3 subkeys are derived from it, AES-256 uses it whole. */
export const KEY_BYTES = 32;

/** A key and its identifier, a lowercase canonical UUID that is written into sealed blobs and wrapped keys. */
export interface IdentifiedKey {
  readonly id: string;
  readonly key: Buffer;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX_KEY = /^[0-9a-f]{64}$/i;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Throws a RangeError unless `key` is exactly {@link KEY_BYTES} long (a programming error, not a tamper). */
export function assertKeyLength(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new RangeError(`key must be ${KEY_BYTES} bytes, got ${key.length}`);
}

/** Returns the lowercase form of a UUID key id or throws {@link KeyConfigError}. */
export function normalizeKeyId(id: string): string {
  if (!UUID.test(id))
    throw new KeyConfigError(`key id must be a UUID (8-4-4-4-12 hex), got ${JSON.stringify(id)}`);
  return id.toLowerCase();
}

/** Decodes config key material, either `base64:<32 bytes>` or 64 hex characters, into a 32-byte key. */
export function parseKeyMaterial(text: string): Buffer {
  const value = text.trim();
  if (value.startsWith('base64:')) {
    const b64 = value.slice('base64:'.length);
    // Buffer.from(…, 'base64') silently skips invalid characters, so validate the alphabet first.
    const key = BASE64.test(b64) && b64.length % 4 === 0 ? Buffer.from(b64, 'base64') : undefined;
    if (key?.length === KEY_BYTES) return key;
    throw new KeyConfigError(
      `key material "base64:…" must encode exactly ${KEY_BYTES} bytes (44 base64 characters); ` +
        `got ${b64.length} characters${key ? ` decoding to ${key.length} bytes` : ' that are not valid base64'}`,
    );
  }
  if (HEX_KEY.test(value)) return Buffer.from(value, 'hex');
  throw new KeyConfigError(
    `key material must be "base64:<${KEY_BYTES} bytes>" or ${KEY_BYTES * 2} hex characters; got ${value.length} characters`,
  );
}

/** Builds a master key from its configured id and material, with {@link KeyConfigError} naming the bad id. */
export function parseMasterKey(id: string, material: string): IdentifiedKey {
  const keyId = normalizeKeyId(id);
  try {
    return { id: keyId, key: parseKeyMaterial(material) };
  } catch (err) {
    if (err instanceof KeyConfigError) throw new KeyConfigError(`master key ${keyId}: ${err.message}`);
    throw err;
  }
}

/** Generates a fresh random data key with a random (v4) UUID. */
export function generateDataKey(): IdentifiedKey {
  return { id: randomUUID(), key: randomBytes(KEY_BYTES) };
}
