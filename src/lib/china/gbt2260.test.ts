import { describe, expect, it } from 'vitest';
import {
  isKnownDivision,
  MAINLAND_PROVINCES,
  PREFECTURES,
  PROVINCES,
  prefectureByCode,
  prefectureOf,
  prefecturesOf,
  provinceByCode,
  provinceOf,
} from './gbt2260';

describe('GB/T 2260 provinces', () => {
  it('has 34 divisions of which 31 are mainland', () => {
    expect(PROVINCES).toHaveLength(34);
    expect(MAINLAND_PROVINCES).toHaveLength(31);
    expect(new Set(PROVINCES.map((p) => p.code)).size).toBe(34);
  });
  it('looks up names and derives the province of a city code', () => {
    expect(provinceByCode('440000')?.name).toBe('广东省');
    expect(provinceOf('440300')).toBe('440000');
    expect(provinceByCode('999999')).toBeUndefined();
  });
});

describe('GB/T 2260 second level', () => {
  const count = (kind: string) => PREFECTURES.filter((p) => p.kind === kind).length;

  it('uses only the known kinds', () => {
    const kinds = new Set(PREFECTURES.map((p) => p.kind));
    expect([...kinds].sort()).toEqual(
      [
        'autonomous-prefecture',
        'league',
        'municipal-counties',
        'municipal-districts',
        'prefecture',
        'prefecture-city',
        'province-administered',
      ].sort(),
    );
  });
  it('has the 333 prefecture-level divisions by kind', () => {
    expect([
      count('prefecture-city'),
      count('autonomous-prefecture'),
      count('prefecture'),
      count('league'),
    ]).toEqual([293, 30, 7, 3]);
  });
  it('has unique six-digit codes in order, each under a mainland province', () => {
    const codes = PREFECTURES.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(codes);
    const mainland = new Set(MAINLAND_PROVINCES.map((p) => p.code));
    for (const p of PREFECTURES) {
      expect(p.code).toMatch(/^\d{4}00$/);
      expect(p.code).not.toMatch(/0000$/);
      expect(mainland.has(provinceOf(p.code))).toBe(true);
      expect(p.name).toMatch(/\p{Script=Han}/u);
      expect(p.nameEn.length).toBeGreaterThan(1);
    }
  });
  it('gives every mainland province at least one entry and leaves the others empty', () => {
    for (const p of MAINLAND_PROVINCES) expect(prefecturesOf(p.code).length).toBeGreaterThan(0);
    expect(prefecturesOf('710000')).toEqual([]);
  });
  it.each([
    ['440000', 21],
    ['320000', 13],
    ['370000', 16],
    ['540000', 7],
    ['650000', 15],
    ['110000', 1],
    ['500000', 2],
  ])('province %s has %i second-level entries', (province, n) => {
    expect(prefecturesOf(province)).toHaveLength(n);
  });
  it.each([
    ['440300', '深圳市', 'prefecture-city'],
    ['330100', '杭州市', 'prefecture-city'],
    ['222400', '延边朝鲜族自治州', 'autonomous-prefecture'],
    ['152900', '阿拉善盟', 'league'],
    ['542500', '阿里地区', 'prefecture'],
    ['110100', '市辖区', 'municipal-districts'],
    ['419000', '省直辖县级行政区划', 'province-administered'],
  ])('%s is %s (%s)', (code, name, kind) => {
    expect(prefectureByCode(code)).toMatchObject({ name, kind });
  });
  it('maps county codes to their second level and rejects unknown codes', () => {
    expect(prefectureOf('440305')).toBe('440300');
    expect(prefectureByCode(prefectureOf('330106'))?.nameEn).toBe('Hangzhou');
    expect(prefectureByCode('371200')).toBeUndefined(); // 莱芜, merged into 济南 in 2019
    expect(isKnownDivision('440000')).toBe(true);
    expect(isKnownDivision('440300')).toBe(true);
    expect(isKnownDivision('440399')).toBe(false);
  });
});
