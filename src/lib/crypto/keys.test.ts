import { describe, expect, it } from 'vitest';
import { KeyConfigError } from './errors';
import { normalizeKeyId, parseKeyMaterial, parseMasterKey } from './keys';

const hex = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
const b64 = Buffer.from(hex, 'hex').toString('base64');

describe('parseKeyMaterial', () => {
  it('accepts 64 hex characters (any case) and base64:<44 chars>', () => {
    expect(parseKeyMaterial(hex).toString('hex')).toBe(hex);
    expect(parseKeyMaterial(hex.toUpperCase()).toString('hex')).toBe(hex);
    expect(parseKeyMaterial(`base64:${b64}`).toString('hex')).toBe(hex);
    expect(parseKeyMaterial(`  ${hex}\n`).toString('hex')).toBe(hex);
  });
  it.each([
    ['63 hex characters', hex.slice(1)],
    ['non-hex', `${hex.slice(2)}zz`],
    ['base64 of 16 bytes', `base64:${Buffer.alloc(16).toString('base64')}`],
    ['base64 with invalid characters', `base64:${b64.slice(0, 40)}!!!=`],
    ['unprefixed base64', b64],
    ['empty', ''],
  ])('rejects %s with a KeyConfigError that does not echo the material', (_label, material) => {
    expect(() => parseKeyMaterial(material)).toThrow(KeyConfigError);
    try {
      parseKeyMaterial(material);
    } catch (err) {
      if (material.length > 8) expect((err as Error).message).not.toContain(material.replace('base64:', ''));
    }
  });
});

describe('parseMasterKey', () => {
  it('normalises the id and names it in errors', () => {
    const id = 'A0B1C2D3-E4F5-4678-89AB-CDEF01234567';
    expect(parseMasterKey(id, hex).id).toBe(id.toLowerCase());
    expect(() => parseMasterKey(id, 'short')).toThrow(/master key a0b1c2d3-e4f5-4678-89ab-cdef01234567: /);
    expect(() => parseMasterKey('mk-1', hex)).toThrow(KeyConfigError);
  });
  it('normalizeKeyId rejects non-UUIDs', () => {
    expect(() => normalizeKeyId('0123456789abcdef0123456789abcdef')).toThrow(KeyConfigError);
  });
});
