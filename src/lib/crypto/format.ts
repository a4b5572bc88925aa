import { AEADS, type AeadId } from './aead';
import { SealError } from './errors';
import { normalizeKeyId } from './keys';

/** What a header introduces: a sealed payload under a data key, or a data key wrapped by a master key. */
export type EnvelopeKind = 'data' | 'wrapped-key';

/** Parsed fixed-size header shared by sealed blobs and wrapped keys. */
export interface EnvelopeHeader {
  readonly kind: EnvelopeKind;
  readonly alg: AeadId;
  readonly keyId: string;
  /** The raw header bytes, bound into the AEAD's associated data so no header field can be altered. */
  readonly bytes: Buffer;
}

/**
 * Layout: magic (2) | version (1) | AEAD id (1) | key id as 16 UUID bytes (16) | AEAD payload.
 * Magic 'BW' marks sealed data and 'BK' a wrapped key, so one can never be opened as the other.
 */
export const HEADER_BYTES = 20;
const VERSION = 1;
const MAGIC: Readonly<Record<EnvelopeKind, string>> = { data: 'BW', 'wrapped-key': 'BK' };
const ALG_BYTE: Readonly<Record<AeadId, number>> = { 'sm4-ctr-hmac-sm3': 0x01, 'aes-256-gcm': 0x02 };

/** Serialises a header for `kind`, `alg` and the key id (a UUID string). */
export function encodeHeader(kind: EnvelopeKind, alg: AeadId, keyId: string): Buffer {
  if (!(alg in AEADS)) throw new RangeError(`unknown AEAD ${JSON.stringify(alg)}`);
  const header = Buffer.alloc(HEADER_BYTES);
  header.write(MAGIC[kind], 0, 'latin1');
  header[2] = VERSION;
  header[3] = ALG_BYTE[alg];
  Buffer.from(normalizeKeyId(keyId).replaceAll('-', ''), 'hex').copy(header, 4);
  return header;
}

/** Parses and validates the header of `blob`, which must be of `kind`; throws SealError('format'|'algorithm'). */
export function decodeHeader(blob: Buffer, kind: EnvelopeKind): EnvelopeHeader {
  if (blob.length < HEADER_BYTES) throw new SealError('format', `sealed ${kind} is shorter than its header`);
  if (blob.toString('latin1', 0, 2) !== MAGIC[kind])
    throw new SealError('format', `not a sealed ${kind} (bad magic)`);
  if (blob[2] !== VERSION) throw new SealError('format', `unsupported sealed ${kind} version ${blob[2]}`);
  const alg = (Object.keys(ALG_BYTE) as AeadId[]).find((id) => ALG_BYTE[id] === blob[3]);
  if (!alg) throw new SealError('algorithm', `unknown AEAD id byte 0x${blob[3]?.toString(16)}`);
  const hex = blob.toString('hex', 4, HEADER_BYTES);
  const keyId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { kind, alg, keyId, bytes: blob.subarray(0, HEADER_BYTES) };
}
