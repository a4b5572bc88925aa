import type { IncidentPlanPack, Tier } from '../../programme-rules/incident-plan-schema';
import { reportingPlan } from '../../programme-rules/incident-tier';
import type { ValueStatus } from '../../regulations/sourced';

/** The moments the clocks of one incident depend on. */
export interface ClockFacts {
  tier: Tier | null;
  discoveredAt: Date;
  reportedAt: Date;
  ministryClockStartedAt: Date | null;
  phoneReportedAt: Date | null;
  writtenReportedAt: Date | null;
  phoneEscalatedAt: Date | null;
  writtenEscalatedAt: Date | null;
}

/** A reporting clock and where it stands. */
export interface ClockState {
  duty: 'processor-report' | 'regulator-phone' | 'regulator-written';
  from: string;
  to: string;
  startedAt: Date;
  dueAt: Date;
  minutes: number;
  legal: boolean;
  clause: string;
  status: ValueStatus;
  note?: string;
  doneAt: Date | null;
  state: 'running' | 'met' | 'late' | 'overdue';
  escalatedAt: Date | null;
}

/** Every clock of an incident, its duty rota and the duties the pack leaves unknown. */
export interface IncidentClocks {
  clocks: ClockState[];
  dutyRota: ReturnType<typeof reportingPlan>['dutyRota'];
  unknown: ReturnType<typeof reportingPlan>['unknown'];
}

const stateOf = (dueAt: Date, doneAt: Date | null, now: Date): ClockState['state'] => {
  if (doneAt) return doneAt <= dueAt ? 'met' : 'late';
  return now > dueAt ? 'overdue' : 'running';
};

/**
 * 214号 信息报告 (draft values) applied to one incident: the processor's "immediately" (a product target, not a legal
 * number) runs from discovery and is met by the report itself; for tiers I and II the regulator's 10-minute phone
 * and 30-minute written reports to the ministry run from the moment the incident reached tier II or above in the
 * regulator's view (`ministryClockStartedAt`). A tier with no known duty (III, IV, none) shows only the processor's.
 */
export function incidentClocks(pack: IncidentPlanPack, f: ClockFacts, now: Date): IncidentClocks {
  const plan = reportingPlan(pack, f.tier ?? 'IV', {
    processorAwareAt: f.discoveredAt,
    regulatorAwareAt: f.ministryClockStartedAt ?? undefined,
  });
  const clocks: ClockState[] = [];
  for (const d of plan.duties) {
    const ministry = d.duty !== 'processor-report';
    if (ministry && !f.ministryClockStartedAt) continue;
    const startedAt = ministry ? f.ministryClockStartedAt! : f.discoveredAt;
    const doneAt =
      d.duty === 'processor-report'
        ? f.reportedAt
        : d.duty === 'regulator-phone'
          ? f.phoneReportedAt
          : f.writtenReportedAt;
    const escalatedAt =
      d.duty === 'regulator-phone'
        ? f.phoneEscalatedAt
        : d.duty === 'regulator-written'
          ? f.writtenEscalatedAt
          : null;
    clocks.push({ ...d, startedAt, doneAt, state: stateOf(d.dueAt, doneAt, now), escalatedAt });
  }
  return { clocks, dutyRota: plan.dutyRota, unknown: plan.unknown };
}

/** Whether the tier obliges the regulator to report to the ministry (tiers I and II under the draft plan). */
export const startsMinistryClock = (pack: IncidentPlanPack, tier: Tier | null) =>
  tier !== null && pack.reporting.regulatorToMinistry.value.tiers.includes(tier);

/** The ministry clocks that are overdue and not yet escalated: each escalates once. */
export const escalationsDue = (c: IncidentClocks) =>
  c.clocks.filter((k) => k.duty !== 'processor-report' && k.state === 'overdue' && !k.escalatedAt);
