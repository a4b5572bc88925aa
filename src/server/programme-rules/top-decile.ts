import { provinceOf } from '../../lib/china/gbt2260';
import { isIndustrial } from '../../lib/china/gbt4754';
import type { PlanPack } from './plan-schema';

/** What the top-decile rule needs to know about an enterprise. */
export interface EnterpriseRevenue {
  uscc: string;
  /** Any GB/T 2260 code of the registered location; the province is its first two digits. */
  divisionCode: string;
  /** GB/T 4754-2017 industry code (division or longer). */
  industryCode: string;
  /** 规模以上 as recorded by the statistics bureau. */
  aboveScale: boolean;
  annualRevenueYuan: number;
}

/** One province's population and its top decile, highest revenue first. */
export interface ProvinceDecile {
  provinceCode: string;
  population: number;
  quota: number;
  top: EnterpriseRevenue[];
}

/** ceil(count × percent / 100) in integers, so 10 % of 30 is exactly 3 (floating point would give 3.0000000000000004 → 4). */
export const decileQuota = (count: number, percent: number) => {
  const scaled = Math.round(percent * 1_000_000);
  return Math.floor((count * scaled + 100_000_000 - 1) / 100_000_000);
};

/** Revenue highest first; equal revenues by USCC ascending (pack `topDecile.tieBreak`). */
const byRank = (a: EnterpriseRevenue, b: EnterpriseRevenue) =>
  b.annualRevenueYuan - a.annualRevenueYuan || (a.uscc < b.uscc ? -1 : a.uscc > b.uscc ? 1 : 0);

/**
 * 34号 targets: the >45,000 include at least the top 10 % by annual revenue of each province's above-scale
 * industrial enterprises (GB/T 4754 sections B, C, D). Quota = ceil(10 % × the province's count) (Bulwark rounding,
 * pack `topDecile.rounding`); ranking by revenue with ties by USCC. Provinces come out in code order.
 */
export function topDecileByProvince(
  plan: PlanPack,
  enterprises: readonly EnterpriseRevenue[],
): ProvinceDecile[] {
  const percent = plan.topDecile.percent.value;
  const byProvince = new Map<string, EnterpriseRevenue[]>();
  for (const e of enterprises) {
    if (!e.aboveScale || !isIndustrial(e.industryCode)) continue;
    if (!Number.isFinite(e.annualRevenueYuan)) throw new RangeError(`revenue of ${e.uscc} is not a number`);
    const p = provinceOf(e.divisionCode);
    const list = byProvince.get(p) ?? [];
    list.push(e);
    byProvince.set(p, list);
  }
  return [...byProvince.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([provinceCode, list]) => {
      const quota = decileQuota(list.length, percent);
      return { provinceCode, population: list.length, quota, top: [...list].sort(byRank).slice(0, quota) };
    });
}
