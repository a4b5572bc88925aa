import { createCipheriv, createHash, createHmac, hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';

// Known-answer tests proving node:crypto's SM primitives before the AEAD construction relies on them.
const sm3 = (data: Buffer): Buffer => createHash('sm3').update(data).digest();

function sm4Ecb(key: Buffer, block: Buffer): Buffer {
  const cipher = createCipheriv('sm4-ecb', key, null);
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(block), cipher.final()]);
}

/** RFC 2104 HMAC over SM3 (block size 64 bytes), written out by hand as an oracle for createHmac('sm3'). */
function hmacSm3ByHand(key: Buffer, message: Buffer): Buffer {
  const block = Buffer.alloc(64);
  (key.length > 64 ? sm3(key) : key).copy(block);
  const ipad = Buffer.from(block.map((b) => b ^ 0x36));
  const opad = Buffer.from(block.map((b) => b ^ 0x5c));
  return sm3(Buffer.concat([opad, sm3(Buffer.concat([ipad, message]))]));
}

/** RFC 5869 HKDF extract-and-expand over the hand-written HMAC-SM3. */
function hkdfSm3ByHand(ikm: Buffer, salt: Buffer, info: Buffer, length: number): Buffer {
  const prk = hmacSm3ByHand(salt.length > 0 ? salt : Buffer.alloc(32), ikm);
  const blocks: Buffer[] = [];
  let previous: Buffer = Buffer.alloc(0);
  for (let i = 1; blocks.length * 32 < length; i++) {
    previous = hmacSm3ByHand(prk, Buffer.concat([previous, info, Buffer.from([i])]));
    blocks.push(previous);
  }
  return Buffer.concat(blocks).subarray(0, length);
}

describe('SM3 (GB/T 32905-2016 Appendix A)', () => {
  it('example 1: "abc"', () => {
    expect(sm3(Buffer.from('abc')).toString('hex')).toBe(
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
  });
  it('example 2: "abcd" × 16 (a 512-bit message, two compression blocks)', () => {
    expect(sm3(Buffer.from('abcd'.repeat(16))).toString('hex')).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    );
  });
  it('HMAC-SM3 equals RFC 2104 computed by hand, for short and over-long keys', () => {
    for (const key of [Buffer.from('key'), Buffer.alloc(32, 7), Buffer.alloc(100, 9)]) {
      const message = Buffer.from('The quick brown fox jumps over the lazy dog');
      expect(createHmac('sm3', key).update(message).digest()).toEqual(hmacSm3ByHand(key, message));
    }
  });
  it('hkdfSync("sm3") equals RFC 5869 HKDF computed by hand over HMAC-SM3', () => {
    const ikm = Buffer.alloc(32, 0x0b);
    const info = Buffer.from('bulwark/sm4-ctr-hmac-sm3/v1');
    for (const salt of [Buffer.alloc(0), Buffer.from('salt')]) {
      expect(Buffer.from(hkdfSync('sm3', ikm, salt, info, 48))).toEqual(hkdfSm3ByHand(ikm, salt, info, 48));
    }
  });
});

describe('SM4 (GB/T 32907-2016 Appendix A)', () => {
  const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
  it('example 1: one block', () => {
    expect(sm4Ecb(key, key).toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });
  it('example 2: the same block encrypted 1,000,000 times', () => {
    const cipher = createCipheriv('sm4-ecb', key, null);
    cipher.setAutoPadding(false);
    let block = Buffer.from(key);
    for (let i = 0; i < 1_000_000; i++) block = cipher.update(block);
    expect(block.toString('hex')).toBe('595298c7c6fd271f0402f804c33d3f66');
  });
});

describe('SM4-CTR', () => {
  const plaintext = Buffer.from(
    'aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbccccccccccccccccddddddddddddddddeeeeeeeeeeeeeeeeffffffffffffffffaaaaaaaaaaaaaaaabbbbbbbbbbbbbbbb',
    'hex',
  );
  const iv = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
  // draft-ribose-cfrg-sm4-10 §A.2.5.1 and §A.2.5.2.
  const cases = [
    [
      '0123456789abcdeffedcba9876543210',
      'ac3236cb970cc20791364c395a1342d1a3cbc1878c6f30cd074cce385cdd70c7f234bc0e24c11980fd1286310ce37b926e02fcd0faa0baf38b2933851d824514',
    ],
    [
      'fedcba98765432100123456789abcdef',
      '5dcccd25b95ab07417a08512ee160e2f8f661521cbbab44cc87138445bc29e5c0ae0297205d62704173b21239b887f6c8cb5b800917a2488284bde9e16ea2906',
    ],
  ] as const;
  it.each(cases)('draft-ribose-cfrg-sm4 CTR example with key %s', (keyHex, expected) => {
    const cipher = createCipheriv('sm4-ctr', Buffer.from(keyHex, 'hex'), iv);
    expect(Buffer.concat([cipher.update(plaintext), cipher.final()]).toString('hex')).toBe(expected);
  });
  it('increments the whole 128-bit counter big-endian (NIST SP 800-38A §B.1), across a 64-bit carry', () => {
    const key = Buffer.alloc(16, 0x42);
    const start = Buffer.from('00000000000000fffffffffffffffffe', 'hex');
    const counters = [
      '00000000000000fffffffffffffffffe',
      '00000000000000ffffffffffffffffff',
      '00000000000001000000000000000000',
    ];
    const keystream = Buffer.concat(counters.map((c) => sm4Ecb(key, Buffer.from(c, 'hex'))));
    const data = Buffer.alloc(40, 0x5a);
    const cipher = createCipheriv('sm4-ctr', key, start);
    const expected = Buffer.from(data.map((b, i) => b ^ (keystream[i] ?? 0)));
    expect(Buffer.concat([cipher.update(data), cipher.final()])).toEqual(expected);
  });
});
