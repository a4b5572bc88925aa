import { describe, expect, it } from 'vitest';
import type { EnterpriseFields } from '../../../contracts/enterprises';
import { profileProblems } from './profile-rules';

const NOW = new Date('2026-11-21T00:00:00Z');
const base: EnterpriseFields = {
  uscc: '91441900MA4WFY3K2M',
  name: '粤海精密制造有限公司',
  provinceCode: '440000',
  cityCode: '441900',
  industryDivision: '34',
  sector: 'industry',
  aboveSize: true,
  annualRevenueYuan: 1,
  revenueYear: 2025,
  officer: null,
};
const codes = (over: Partial<EnterpriseFields>) =>
  profileProblems({ ...base, ...over }, NOW).map((p) => `${p.field}:${p.code}`);

describe('profileProblems', () => {
  it('accepts a complete, consistent profile', () => {
    expect(codes({})).toEqual([]);
    expect(codes({ aboveSize: false, annualRevenueYuan: null, revenueYear: null })).toEqual([]);
  });
  it.each([
    [{ uscc: '91441900MA4WFY3K2N' }, 'uscc:validation.uscc'],
    [{ provinceCode: '990000' }, 'provinceCode:validation.unknown_province'],
    [{ cityCode: '449900' }, 'cityCode:validation.unknown_city'],
    [{ cityCode: '330100' }, 'cityCode:validation.city_not_in_province'],
    [{ industryDivision: '00' }, 'industryDivision:validation.unknown_industry'],
    [{ revenueYear: null }, 'revenueYear:validation.revenue_incomplete'],
    [{ annualRevenueYuan: null }, 'annualRevenueYuan:validation.revenue_incomplete'],
    [{ annualRevenueYuan: null, revenueYear: null }, 'annualRevenueYuan:validation.revenue_required'],
    [{ revenueYear: 2027 }, 'revenueYear:validation.revenue_year_future'],
  ])('%o → %s', (over, problem) => {
    expect(codes(over)).toEqual([problem]);
  });
  it('checks only the fields it is given', () => {
    expect(profileProblems({ uscc: base.uscc, cityCode: '330100' }, NOW)).toEqual([]);
    expect(profileProblems({ provinceCode: '440000', cityCode: '330100' }, NOW)).toHaveLength(1);
  });
});
