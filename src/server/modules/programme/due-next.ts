import type { DueItem, DueKind } from '../../../contracts/programme';
import { shanghaiYear } from '../../programme-rules/coverage';
import type { MeasuresPack } from '../../programme-rules/measures-schema';
import type { PlanPack } from '../../programme-rules/plan-schema';
import type { Sourced } from '../../regulations/sourced';
import { addLocalDays, endOfShanghaiDay, shanghaiDate } from '../../regulations/working-days';

/** What the programme home knows about one enterprise's obligations at `now`. */
export interface ObligationFacts {
  now: Date;
  handlesImportantData: boolean;
  filings: number;
  openFiling?: { status: string; reviewDueAt: Date };
  refilingDueAt?: Date;
  selfExaminationThisYear: boolean;
  correctives: { open: number; overdue: number; nextDue: string | null };
  /** Last day of the newest submitted risk assessment's validity. */
  riskValidUntil: string | null;
  personTimesThisYear: number;
}

/** A risk assessment expiring within this many days is shown as due (Bulwark's reminder lead, not a clause). */
export const RISK_REMINDER_DAYS = 60;

/** The web page where each obligation is handled. */
const LINKS: Record<DueKind, string> = {
  'catalog-not-filed': '/data-catalog',
  'filing-returned': '/data-catalog',
  'filing-under-review': '/data-catalog',
  'refiling-due': '/data-catalog',
  'self-examination-due': '/self-examinations',
  'corrective-actions-open': '/corrective-actions',
  'risk-assessment-missing': '/risk-assessments',
  'risk-assessment-expiring': '/risk-assessments',
  'training-this-year': '/training',
};
const ORDER = Object.keys(LINKS) as DueKind[];

/**
 * What is due next for an enterprise, soonest first (items needing action with no fixed date lead): the catalog
 * filing of important/core data and its review, the ≥ 30 % change filing (Measures art. 12?, draft), this year's
 * self-examination and its corrective actions (34号 自查自纠), the annual risk assessment (Measures art. 31; 82号
 * validity) and this year's training (34号). Each item carries the clause and status of the value it rests on.
 */
export function dueNext(f: ObligationFacts, packs: { measures: MeasuresPack; plan: PlanPack }): DueItem[] {
  const { catalogFiling, riskAssessment } = packs.measures;
  const today = shanghaiDate(f.now);
  const endOfYear = endOfShanghaiDay(`${shanghaiYear(f.now)}-12-31`);
  const items: DueItem[] = [];
  const add = (kind: DueKind, on: Sourced<unknown>, dueAt: Date | null, count: number | null = null) =>
    items.push({
      kind,
      dueAt: dueAt?.toISOString() ?? null,
      overdue: dueAt !== null && dueAt.getTime() < f.now.getTime(),
      link: LINKS[kind],
      clause: on.clause,
      status: on.status,
      count,
    });

  if (f.handlesImportantData && f.filings === 0) add('catalog-not-filed', catalogFiling.levels, null);
  if (f.openFiling?.status === 'returned') add('filing-returned', catalogFiling.levels, null);
  if (f.openFiling?.status === 'submitted') {
    add('filing-under-review', catalogFiling.reviewWorkingDays, f.openFiling.reviewDueAt);
  }
  if (f.refilingDueAt) add('refiling-due', catalogFiling.changeRefileMonths, f.refilingDueAt);
  if (!f.selfExaminationThisYear) add('self-examination-due', packs.plan.selfExamination, endOfYear);
  if (f.correctives.open > 0) {
    const next = f.correctives.nextDue ? endOfShanghaiDay(f.correctives.nextDue) : null;
    add('corrective-actions-open', packs.plan.selfExamination, next, f.correctives.open);
  }
  if (f.handlesImportantData) {
    const until = f.riskValidUntil;
    if (!until || until < today) {
      add('risk-assessment-missing', riskAssessment.intervalMonths, until ? endOfShanghaiDay(until) : null);
    } else if (until <= addLocalDays(today, RISK_REMINDER_DAYS)) {
      add('risk-assessment-expiring', riskAssessment.resultValidMonths, endOfShanghaiDay(until));
    }
  }
  add('training-this-year', packs.plan.targets.trainingPersonTimes, endOfYear, f.personTimesThisYear);

  const rank = (i: DueItem) => (i.dueAt === null ? Number.NEGATIVE_INFINITY : Date.parse(i.dueAt));
  return items.sort((a, b) => rank(a) - rank(b) || ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
}
