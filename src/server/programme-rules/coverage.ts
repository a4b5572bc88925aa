import { endOfShanghaiDay } from '../regulations/working-days';
import type { CoverageEvidence, PlanPack } from './plan-schema';

/** A dated piece of evidence that an enterprise does classification-and-grading protection. */
export interface CoverageFact {
  kind: CoverageEvidence;
  at: Date;
}

/** Whether an enterprise counts toward the >45,000 target, and on what evidence. */
export interface CoverageResult {
  covered: boolean;
  by: CoverageEvidence[];
}

/**
 * 34号 target "开展数据分类分级保护的企业" under the pack's Bulwark definition (unconfirmed): any one listed kind of
 * evidence at or before `now`; kinds listed in `withinPeriod` count only inside the programme period (Shanghai days,
 * inclusive).
 */
export function enterpriseCoverage(
  plan: PlanPack,
  facts: readonly CoverageFact[],
  now: Date,
): CoverageResult {
  const def = plan.enterpriseCovered.value;
  const from = endOfShanghaiDay(def.periodFrom).getTime() - 86_400_000 + 1;
  const to = endOfShanghaiDay(def.periodTo).getTime();
  const counts = (f: CoverageFact) => {
    const t = f.at.getTime();
    if (t > now.getTime() || !def.anyOf.includes(f.kind)) return false;
    return !def.withinPeriod.includes(f.kind) || (t >= from && t <= to);
  };
  const by = def.anyOf.filter((k) => facts.some((f) => f.kind === k && counts(f)));
  return { covered: by.length > 0, by };
}
