import type { EnterpriseFields } from '../../../contracts/enterprises';
import { prefectureByCode, provinceByCode, provinceOf } from '../../../lib/china/gbt2260';
import { sectionOf } from '../../../lib/china/gbt4754';
import { usccProblem } from '../../../lib/china/uscc';

/** One problem with a profile, naming the field. */
export interface ProfileProblem {
  field: keyof EnterpriseFields;
  message: string;
  code: string;
}

/**
 * Checks the contract cannot express: the GB 32100-2015 check character; GB/T 2260 province and prefecture, the
 * prefecture inside the province; a GB/T 4754-2017 division; revenue and its year given together and not in the
 * future. An above-size enterprise needs its revenue: 规模以上 is itself a revenue threshold, and the 34号
 * top-10 % ranks above-size enterprises by it, so one without a figure would silently shrink the quota.
 * Fields left out are not checked (an import row reports what it can even when some cells are unreadable).
 */
export function profileProblems(p: Partial<EnterpriseFields>, now: Date): ProfileProblem[] {
  const out: ProfileProblem[] = [];
  const add = (field: keyof EnterpriseFields, message: string, code: string) =>
    out.push({ field, message, code });
  const uscc = p.uscc === undefined ? null : usccProblem(p.uscc);
  if (uscc) add('uscc', `Not a valid unified social credit code: ${uscc}.`, 'validation.uscc');
  if (p.provinceCode !== undefined && !provinceByCode(p.provinceCode)) {
    add('provinceCode', 'Not a GB/T 2260 province-level code.', 'validation.unknown_province');
  } else if (p.cityCode !== undefined && !prefectureByCode(p.cityCode)) {
    add('cityCode', 'Not a GB/T 2260 prefecture-level code.', 'validation.unknown_city');
  } else if (
    p.cityCode !== undefined &&
    p.provinceCode !== undefined &&
    provinceOf(p.cityCode) !== p.provinceCode
  ) {
    add(
      'cityCode',
      `The city ${p.cityCode} is not in province ${p.provinceCode}.`,
      'validation.city_not_in_province',
    );
  }
  if (p.industryDivision !== undefined && !sectionOf(p.industryDivision)) {
    add('industryDivision', 'Not a GB/T 4754-2017 division code.', 'validation.unknown_industry');
  }
  const revenue = p.annualRevenueYuan;
  if (
    revenue !== undefined &&
    p.revenueYear !== undefined &&
    (revenue === null) !== (p.revenueYear === null)
  ) {
    const missing = revenue === null ? 'annualRevenueYuan' : 'revenueYear';
    add(missing, 'Annual revenue and its year go together.', 'validation.revenue_incomplete');
  } else if (p.aboveSize && revenue === null) {
    add(
      'annualRevenueYuan',
      'An above-size enterprise needs its annual revenue.',
      'validation.revenue_required',
    );
  }
  if (p.revenueYear && p.revenueYear > now.getUTCFullYear()) {
    add('revenueYear', 'The revenue year is in the future.', 'validation.revenue_year_future');
  }
  return out;
}

/** The GB/T 4754-2017 section letter of a division already checked by `profileProblems`. */
export const industrySectionOf = (division: string) => sectionOf(division) ?? '';

/** Fields whose change can move a province's top 10 % (34号: above-size, industrial, by revenue, ties by USCC). */
export const RANKING_FIELDS: readonly (keyof EnterpriseFields)[] = [
  'provinceCode',
  'industryDivision',
  'aboveSize',
  'annualRevenueYuan',
  'uscc',
];
