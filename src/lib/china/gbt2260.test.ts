import { describe, expect, it } from 'vitest';
import { MAINLAND_PROVINCES, PROVINCES, provinceByCode, provinceOf } from './gbt2260';

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
