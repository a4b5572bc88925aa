import { endOfShanghaiDay } from '../regulations/working-days';
import type { CoverageEvidence, PlanPack } from './plan-schema';

/** A dated piece of evidence that an enterprise does classification-and-grading protection. */
export interface CoverageFact {
  kind: CoverageEvidence;
  at: Date;
}

/** Whether an enterprise counts toward the >45,000 target, what holds and what is still missing. */
export interface CoverageResult {
  covered: boolean;
  by: CoverageEvidence[];
  missing: CoverageEvidence[];
}

const DAY = 86_400_000;
/** The Shanghai calendar year of an instant. */
export const shanghaiYear = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).getUTCFullYear();

/**
 * 34号 target "开展数据分类分级保护的企业" under the pack's Bulwark definition (unconfirmed): every kind in `allOf`
 * has evidence at or before `now`; kinds in `currentYear` count only in now's Shanghai calendar year, and kinds in
 * `withinPeriod` only inside the programme period (Shanghai days, inclusive).
 */
export function enterpriseCoverage(
  plan: PlanPack,
  facts: readonly CoverageFact[],
  now: Date,
): CoverageResult {
  const def = plan.enterpriseCovered.value;
  const from = endOfShanghaiDay(def.periodFrom).getTime() - DAY + 1;
  const to = endOfShanghaiDay(def.periodTo).getTime();
  const year = shanghaiYear(now);
  const counts = (f: CoverageFact) => {
    const t = f.at.getTime();
    if (t > now.getTime()) return false;
    if (def.currentYear.includes(f.kind) && shanghaiYear(f.at) !== year) return false;
    return !def.withinPeriod.includes(f.kind) || (t >= from && t <= to);
  };
  const by = def.allOf.filter((k) => facts.some((f) => f.kind === k && counts(f)));
  const missing = def.allOf.filter((k) => !by.includes(k));
  return { covered: missing.length === 0, by, missing };
}
