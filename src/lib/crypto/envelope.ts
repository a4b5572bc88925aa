import { AEADS, type AeadId, DEFAULT_AEAD } from './aead';
import { SealError } from './errors';
import { decodeHeader, encodeHeader, HEADER_BYTES } from './format';
import { assertKeyLength, type IdentifiedKey, KEY_BYTES, normalizeKeyId } from './keys';

function seal(
  kind: 'data' | 'wrapped-key',
  key: IdentifiedKey,
  plaintext: Buffer,
  aad: Buffer,
  alg: AeadId,
): Buffer {
  assertKeyLength(key.key);
  const header = encodeHeader(kind, alg, key.id);
  return Buffer.concat([header, AEADS[alg].seal(key.key, plaintext, Buffer.concat([header, aad]))]);
}

/** Seals `plaintext` under a data key; `aad` (e.g. the owning record id) must be presented again to open. */
export function sealWithDataKey(
  dataKey: IdentifiedKey,
  plaintext: Buffer,
  aad: Buffer = Buffer.alloc(0),
  alg: AeadId = DEFAULT_AEAD,
): Buffer {
  return seal('data', dataKey, plaintext, aad, alg);
}

/** Returns the id of the data key a sealed blob needs, without opening it; throws SealError if malformed. */
export function peekKeyId(blob: Buffer): string {
  return decodeHeader(blob, 'data').keyId;
}

/** Opens a blob from {@link sealWithDataKey}; throws SealError on a foreign key id, tamper, wrong key or aad. */
export function openWithDataKey(dataKey: IdentifiedKey, blob: Buffer, aad: Buffer = Buffer.alloc(0)): Buffer {
  const header = decodeHeader(blob, 'data');
  if (header.keyId !== normalizeKeyId(dataKey.id)) {
    throw new SealError('key', `blob is sealed under data key ${header.keyId}, not ${dataKey.id}`);
  }
  const aead = AEADS[header.alg];
  return aead.open(dataKey.key, blob.subarray(HEADER_BYTES), Buffer.concat([header.bytes, aad]));
}

/** Wraps raw data-key bytes under a master key; the result records the master key id and algorithm. */
export function wrapDataKey(
  masterKey: IdentifiedKey,
  dataKeyBytes: Buffer,
  alg: AeadId = DEFAULT_AEAD,
): Buffer {
  assertKeyLength(dataKeyBytes);
  return seal('wrapped-key', masterKey, dataKeyBytes, Buffer.alloc(0), alg);
}

/** Returns the id of the master key that wrapped `wrapped`, e.g. to find keys still needing rotation. */
export function peekMasterKeyId(wrapped: Buffer): string {
  return decodeHeader(wrapped, 'wrapped-key').keyId;
}

/** Unwraps a data key with whichever master key (by lowercase id) wrapped it; throws SealError otherwise. */
export function unwrapDataKey(masterKeys: ReadonlyMap<string, Buffer>, wrapped: Buffer): Buffer {
  const header = decodeHeader(wrapped, 'wrapped-key');
  const masterKey = masterKeys.get(header.keyId);
  if (!masterKey) throw new SealError('key', `master key ${header.keyId} is not configured`);
  const dataKey = AEADS[header.alg].open(masterKey, wrapped.subarray(HEADER_BYTES), header.bytes);
  if (dataKey.length !== KEY_BYTES)
    throw new SealError('format', `wrapped data key is ${dataKey.length} bytes`);
  return dataKey;
}

/**
 * Master-key rotation for one wrapped data key: unwrap with any of `oldMasters`, wrap with `newMaster`. Sealed blobs
 * are untouched because they reference the data key id, which does not change. Keeps the algorithm unless given.
 */
export function rewrap(
  wrapped: Buffer,
  oldMasters: ReadonlyMap<string, Buffer>,
  newMaster: IdentifiedKey,
  alg?: AeadId,
): Buffer {
  const dataKey = unwrapDataKey(oldMasters, wrapped);
  try {
    return wrapDataKey(newMaster, dataKey, alg ?? decodeHeader(wrapped, 'wrapped-key').alg);
  } finally {
    dataKey.fill(0);
  }
}
