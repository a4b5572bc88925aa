import { describe, expect, it } from 'vitest';
import {
  divisionByCode,
  divisionsOf,
  INDUSTRY_DIVISIONS,
  INDUSTRY_SECTIONS,
  isIndustrial,
  sectionByCode,
  sectionOf,
} from './gbt4754';

describe('GB/T 4754-2017', () => {
  it('has the 20 sections A–T and the 97 divisions 01–97, each named in Chinese and English', () => {
    expect(INDUSTRY_SECTIONS.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    expect(INDUSTRY_DIVISIONS.map((d) => d.code)).toEqual(
      Array.from({ length: 97 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
    for (const e of [...INDUSTRY_SECTIONS, ...INDUSTRY_DIVISIONS]) {
      expect(e.name).toMatch(/\p{Script=Han}/u);
      expect(e.nameEn).toMatch(/^[A-Z]/);
    }
  });
  it.each([
    ['A', '01', '05', 5],
    ['B', '06', '12', 7],
    ['C', '13', '43', 31],
    ['D', '44', '46', 3],
    ['E', '47', '50', 4],
    ['G', '53', '60', 8],
    ['I', '63', '65', 3],
    ['S', '91', '96', 6],
    ['T', '97', '97', 1],
  ])('section %s spans divisions %s–%s (%i)', (section, first, last, count) => {
    const ds = divisionsOf(section);
    expect(ds).toHaveLength(count);
    expect(ds[0]?.code).toBe(first);
    expect(ds.at(-1)?.code).toBe(last);
  });
  it.each([
    ['39', 'C', true, '计算机、通信和其他电子设备制造业'],
    ['06', 'B', true, '煤炭开采和洗选业'],
    ['4411', 'D', true, '电力、热力生产和供应业'],
    ['65', 'I', false, '软件和信息技术服务业'],
    ['47', 'E', false, '房屋建筑业'],
    ['05', 'A', false, '农、林、牧、渔专业及辅助性活动'],
  ])('%s is in section %s; industrial: %s', (code, section, industrial, name) => {
    expect(sectionOf(code)).toBe(section);
    expect(isIndustrial(code)).toBe(industrial);
    expect(divisionByCode(code)?.name).toBe(name);
  });
  it('answers undefined or false for unknown codes', () => {
    expect(sectionOf('98')).toBeUndefined();
    expect(sectionOf('')).toBeUndefined();
    expect(isIndustrial('00')).toBe(false);
    expect(sectionByCode('U')).toBeUndefined();
    expect(sectionByCode('C')?.name).toBe('制造业');
  });
});
