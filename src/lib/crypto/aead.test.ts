import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AEADS, type AeadId } from './aead';
import { SealError } from './errors';

const ids = Object.keys(AEADS) as AeadId[];
const overhead: Record<AeadId, number> = { 'sm4-ctr-hmac-sm3': 16 + 32, 'aes-256-gcm': 12 + 16 };

function expectSealError(fn: () => unknown, reason: SealError['reason']): void {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(SealError);
    expect((err as SealError).reason).toBe(reason);
    return;
  }
  expect.fail('expected a SealError');
}

describe.each(ids)('%s', (id) => {
  const aead = AEADS[id];
  const key = randomBytes(32);
  const aad = Buffer.from('vuln:42');

  it('round-trips empty, short and multi-block plaintexts', () => {
    for (const plaintext of [Buffer.alloc(0), Buffer.from('漏洞 PoC'), randomBytes(4099)]) {
      const sealed = aead.seal(key, plaintext, aad);
      expect(sealed.length).toBe(plaintext.length + overhead[id]);
      expect(aead.open(key, sealed, aad)).toEqual(plaintext);
    }
  });
  it('uses a fresh IV/nonce per seal', () => {
    const plaintext = Buffer.from('same');
    expect(aead.seal(key, plaintext, aad)).not.toEqual(aead.seal(key, plaintext, aad));
  });
  it('rejects every single-bit flip of the sealed bytes', () => {
    const sealed = aead.seal(key, Buffer.from('embargoed details'), aad);
    for (let i = 0; i < sealed.length; i++) {
      const tampered = Buffer.from(sealed);
      tampered[i] = (tampered[i] ?? 0) ^ (1 << (i % 8));
      expectSealError(() => aead.open(key, tampered, aad), 'auth');
    }
  });
  it('rejects a wrong key, a wrong aad and truncation', () => {
    const sealed = aead.seal(key, Buffer.from('x'), aad);
    expectSealError(() => aead.open(randomBytes(32), sealed, aad), 'auth');
    expectSealError(() => aead.open(key, sealed, Buffer.from('vuln:43')), 'auth');
    expectSealError(() => aead.open(key, sealed.subarray(0, sealed.length - 1), aad), 'auth');
    expectSealError(() => aead.open(key, sealed.subarray(0, overhead[id] - 1), aad), 'format');
  });
  it('refuses keys that are not 32 bytes', () => {
    expect(() => aead.seal(randomBytes(16), Buffer.from('x'), aad)).toThrow(RangeError);
  });
});

describe('sm4-ctr-hmac-sm3 aad framing', () => {
  it('rejects a byte moved from the aad to the front of the payload (same MAC input without the length suffix)', () => {
    const aead = AEADS['sm4-ctr-hmac-sm3'];
    const key = randomBytes(32);
    const sealed = aead.seal(key, Buffer.from('payload'), Buffer.from('ab'));
    expectSealError(
      () => aead.open(key, Buffer.concat([Buffer.from('b'), sealed]), Buffer.from('a')),
      'auth',
    );
  });
});
