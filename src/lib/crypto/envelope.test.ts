import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AEADS, type AeadId } from './aead';
import {
  openWithDataKey,
  peekKeyId,
  peekMasterKeyId,
  rewrap,
  sealWithDataKey,
  unwrapDataKey,
  wrapDataKey,
} from './envelope';
import { SealError } from './errors';
import { generateDataKey, type IdentifiedKey } from './keys';

const algs = Object.keys(AEADS) as AeadId[];
const aad = Buffer.from('vulnerability:7f3c');
const marker = 'BULWARK-PLAINTEXT-MARKER-漏洞细节';

function sealErrorReason(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof SealError) return err.reason;
    throw err;
  }
  return 'opened';
}

describe.each(algs)('envelope with %s', (alg) => {
  const dk = generateDataKey();

  it('round-trips and records the data key id', () => {
    const blob = sealWithDataKey(dk, Buffer.from(marker), aad, alg);
    expect(peekKeyId(blob)).toBe(dk.id);
    expect(openWithDataKey(dk, blob, aad).toString()).toBe(marker);
  });
  it('never contains the plaintext (or its UTF-8 fragments) in the sealed bytes', () => {
    const plaintext = Buffer.from(marker.repeat(50));
    const blob = sealWithDataKey(dk, plaintext, aad, alg);
    expect(blob.includes(Buffer.from(marker))).toBe(false);
    expect(blob.includes(Buffer.from('PLAINTEXT'))).toBe(false);
    expect(blob.includes(Buffer.from('漏洞'))).toBe(false);
  });
  it('rejects a one-bit flip in every region: magic, version, alg id, key id, iv/nonce, ciphertext, tag', () => {
    const blob = sealWithDataKey(dk, Buffer.from(marker), aad, alg);
    const regions: [region: string, offset: number, mask: number, reason: string][] = [
      ['magic', 0, 0x01, 'format'],
      ['version', 2, 0x01, 'format'],
      ['alg id switched to the other AEAD', 3, 0x03, 'auth'],
      ['alg id made unknown', 3, 0x80, 'algorithm'],
      ['key id', 10, 0x01, 'key'],
      ['iv/nonce', 21, 0x01, 'auth'],
      ['ciphertext', 45, 0x01, 'auth'],
      ['tag', blob.length - 1, 0x01, 'auth'],
    ];
    for (const [region, offset, mask, reason] of regions) {
      const tampered = Buffer.from(blob);
      tampered[offset] = (tampered[offset] ?? 0) ^ mask;
      expect(
        sealErrorReason(() => openWithDataKey(dk, tampered, aad)),
        region,
      ).toBe(reason);
    }
  });
  it('binds the header: a blob relabelled with another key id does not open under that key either', () => {
    const other = { id: generateDataKey().id, key: dk.key };
    const blob = sealWithDataKey(dk, Buffer.from(marker), aad, alg);
    const relabelled = Buffer.concat([
      sealWithDataKey(other, Buffer.alloc(0), aad, alg).subarray(0, 20),
      blob.subarray(20),
    ]);
    expect(sealErrorReason(() => openWithDataKey(other, relabelled, aad))).toBe('auth');
  });
  it('rejects a wrong aad, a wrong key with the right id, and truncation', () => {
    const blob = sealWithDataKey(dk, Buffer.from(marker), aad, alg);
    expect(sealErrorReason(() => openWithDataKey(dk, blob, Buffer.from('vulnerability:0000')))).toBe('auth');
    expect(sealErrorReason(() => openWithDataKey({ id: dk.id, key: randomBytes(32) }, blob, aad))).toBe(
      'auth',
    );
    expect(sealErrorReason(() => openWithDataKey(dk, blob.subarray(0, 19), aad))).toBe('format');
  });
  it('wraps data keys so the wrapped form holds neither the key bytes nor opens as a data blob', () => {
    const mk = generateDataKey();
    const wrapped = wrapDataKey(mk, dk.key, alg);
    expect(peekMasterKeyId(wrapped)).toBe(mk.id);
    expect(wrapped.includes(dk.key.subarray(0, 8))).toBe(false);
    expect(unwrapDataKey(new Map([[mk.id, mk.key]]), wrapped)).toEqual(dk.key);
    expect(sealErrorReason(() => peekKeyId(wrapped))).toBe('format');
    expect(sealErrorReason(() => unwrapDataKey(new Map([[mk.id, randomBytes(32)]]), wrapped))).toBe('auth');
    expect(sealErrorReason(() => unwrapDataKey(new Map(), wrapped))).toBe('key');
  });
});

describe('master key rotation', () => {
  it('rewraps dk1 from mk1 to mk2; blobs under dk1 and a new dk2 both still open', () => {
    const mk1 = generateDataKey();
    const mk2 = generateDataKey();
    const dk1: IdentifiedKey = generateDataKey();
    const wrapped1 = wrapDataKey(mk1, dk1.key);
    const blob1 = sealWithDataKey(dk1, Buffer.from('sealed before rotation'), aad);

    const rotated1 = rewrap(wrapped1, new Map([[mk1.id, mk1.key]]), mk2);
    expect(peekMasterKeyId(rotated1)).toBe(mk2.id);
    const dk2 = generateDataKey();
    const wrapped2 = wrapDataKey(mk2, dk2.key, 'aes-256-gcm');
    const blob2 = sealWithDataKey(dk2, Buffer.from('sealed after rotation'), aad, 'aes-256-gcm');

    // After rotation only mk2 is configured.
    const masters = new Map([[mk2.id, mk2.key]]);
    const keyring = new Map(
      [
        [dk1.id, rotated1],
        [dk2.id, wrapped2],
      ].map(([id, w]) => [id as string, unwrapDataKey(masters, w as Buffer)]),
    );
    const open = (blob: Buffer) => {
      const id = peekKeyId(blob);
      return openWithDataKey({ id, key: keyring.get(id) ?? Buffer.alloc(32) }, blob, aad).toString();
    };
    expect(open(blob1)).toBe('sealed before rotation');
    expect(open(blob2)).toBe('sealed after rotation');
    expect(sealErrorReason(() => unwrapDataKey(masters, wrapped1))).toBe('key');
  });
  it('keeps the algorithm of the wrapped key unless told otherwise, and can switch it', () => {
    const mk1 = generateDataKey();
    const mk2 = generateDataKey();
    const old = new Map([[mk1.id, mk1.key]]);
    const wrapped = wrapDataKey(mk1, randomBytes(32), 'aes-256-gcm');
    expect(rewrap(wrapped, old, mk2)[3]).toBe(0x02);
    expect(rewrap(wrapped, old, mk2, 'sm4-ctr-hmac-sm3')[3]).toBe(0x01);
  });
});
