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

/** Instants (inclusive `from`, inclusive `to`) a kind of evidence must fall in to count at `now`. */
export interface CoverageWindow {
  from: Date | null;
  to: Date;
}

/**
 * Where each kind of evidence counts at `now` under the pack's definition: never after now; kinds in `currentYear`
 * only in now's Shanghai calendar year, kinds in `withinPeriod` only inside the programme period (Shanghai days,
 * inclusive). Shared by the pure rule and the set-based SQL, so both read the definition the same way.
 */
export function coverageWindows(plan: PlanPack, now: Date): Record<CoverageEvidence, CoverageWindow> {
  const def = plan.enterpriseCovered.value;
  const year = shanghaiYear(now);
  const yearFrom = endOfShanghaiDay(`${year - 1}-12-31`).getTime() + 1;
  const yearTo = endOfShanghaiDay(`${year}-12-31`).getTime();
  const periodFrom = endOfShanghaiDay(def.periodFrom).getTime() - DAY + 1;
  const periodTo = endOfShanghaiDay(def.periodTo).getTime();
  const window = (kind: CoverageEvidence): CoverageWindow => {
    let from = Number.NEGATIVE_INFINITY;
    let to = now.getTime();
    if (def.currentYear.includes(kind)) [from, to] = [Math.max(from, yearFrom), Math.min(to, yearTo)];
    if (def.withinPeriod.includes(kind)) [from, to] = [Math.max(from, periodFrom), Math.min(to, periodTo)];
    return { from: Number.isFinite(from) ? new Date(from) : null, to: new Date(to) };
  };
  return {
    'catalog-filing-approved': window('catalog-filing-approved'),
    'self-examination-completed': window('self-examination-completed'),
  };
}

/**
 * 34号 target "开展数据分类分级保护的企业" under the pack's Bulwark definition (unconfirmed): every kind in `allOf`
 * has evidence inside its window (see coverageWindows).
 */
export function enterpriseCoverage(
  plan: PlanPack,
  facts: readonly CoverageFact[],
  now: Date,
): CoverageResult {
  const def = plan.enterpriseCovered.value;
  const windows = coverageWindows(plan, now);
  const counts = (f: CoverageFact) => {
    const t = f.at.getTime();
    const w = windows[f.kind];
    return (w.from === null || t >= w.from.getTime()) && t <= w.to.getTime();
  };
  const by = def.allOf.filter((k) => facts.some((f) => f.kind === k && counts(f)));
  const missing = def.allOf.filter((k) => !by.includes(k));
  return { covered: missing.length === 0, by, missing };
}
