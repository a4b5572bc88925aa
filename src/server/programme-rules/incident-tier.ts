import type { ValueStatus } from '../regulations/sourced';
import { type DataLevel, reaches, type Threshold } from './common-schema';
import {
  HARM_GRADES,
  type HarmGrade,
  type IncidentPlanPack,
  PRODUCTION_IMPACTS,
  type ProductionImpact,
  type Sector,
  TIERS,
  type Tier,
} from './incident-plan-schema';

/** The facts an incident is tiered on; an absent number means "not known", not zero. */
export interface IncidentFacts {
  /** One of the pack's incident types. */
  type: string;
  sector: Sector;
  /** Levels of the data compromised (empty when no data was compromised). */
  dataLevels: readonly DataLevel[];
  /** Harm of the data compromise; absent counts as general. */
  harm?: HarmGrade;
  piRecords?: number;
  sensitivePiRecords?: number;
  directLossYuan?: number;
  /** Telecom: hours important facilities or systems were down or seriously abnormal. Radio: hours of interference. */
  outageHours?: number;
  /** Industry: damage to production. */
  productionImpact?: ProductionImpact;
}

/** The criteria of 214号 事件分级. */
export type CriterionKey = 'outage' | 'directLoss' | 'personalInfo' | 'sensitivePersonalInfo' | 'dataType';

/** A criterion at the most severe tier it reached, with the threshold it met and how settled that threshold is. */
export interface FiredCriterion {
  criterion: CriterionKey;
  tier: Tier;
  actual: number | string;
  threshold: string;
  clause: string;
  source: string;
  status: ValueStatus;
  note?: string;
}

/** A threshold the pack leaves unknown at a tier more severe than the result, so the result may be too low. */
export interface UnknownThreshold {
  criterion: CriterionKey;
  tier: Tier;
  clause: string;
  note?: string;
}

/** An incident's tier and why. */
export interface TierResult {
  tier: Tier | null;
  colour: string | null;
  /** One entry per criterion that reached any tier, at the most severe tier it reached. */
  fired: FiredCriterion[];
  /** The fired criteria at the result tier. */
  decisive: FiredCriterion[];
  unknown: UnknownThreshold[];
  /** The least settled status among the decisive thresholds. */
  restsOn: ValueStatus | null;
}

type Envelope<V> = { value: V | null; clause: string; source: string; status: ValueStatus; note?: string };

/** One criterion evaluated at every tier: `reached` is null where the pack leaves the threshold unknown. */
interface Evaluated {
  criterion: CriterionKey;
  actual: number | string;
  tiers: { tier: Tier; reached: boolean | null; threshold: string; env: Omit<Envelope<unknown>, 'value'> }[];
}

const STATUS_RANK: Record<ValueStatus, number> = { final: 0, draft: 1, unconfirmed: 2 };
const tierRank = (t: Tier) => TIERS.indexOf(t);
const describeBound = (t: Threshold) => `${t.op === 'gt' ? '>' : '≥'} ${t.min}`;

function evaluate<V>(
  criterion: CriterionKey,
  tiers: Record<Tier, Envelope<V>>,
  actual: number | string,
  test: (bound: V) => boolean,
  describe: (bound: V) => string,
): Evaluated {
  return {
    criterion,
    actual,
    tiers: TIERS.map((tier) => {
      const { value, ...env } = tiers[tier];
      return value === null
        ? { tier, reached: null, threshold: 'unknown', env }
        : { tier, reached: test(value), threshold: describe(value), env };
    }),
  };
}

const checkCount = (name: string, n: number | undefined) => {
  if (n !== undefined && !(Number.isFinite(n) && n >= 0)) {
    throw new RangeError(`${name} must be a non-negative number, got ${n}`);
  }
};

function evaluateAll(pack: IncidentPlanPack, f: IncidentFacts): Evaluated[] {
  const c = pack.criteria;
  const out: Evaluated[] = [];
  const numeric = (
    criterion: CriterionKey,
    tiers: Record<Tier, Envelope<Threshold>>,
    actual: number | undefined,
  ) => {
    if (actual !== undefined)
      out.push(evaluate(criterion, tiers, actual, (t) => reaches(actual, t), describeBound));
  };
  if (f.sector === 'industry') {
    const impact = f.productionImpact;
    if (impact !== undefined) {
      const rank = PRODUCTION_IMPACTS.indexOf(impact);
      out.push(
        evaluate(
          'outage',
          c.outage.industry,
          impact,
          (b) => rank >= PRODUCTION_IMPACTS.indexOf(b.atLeast),
          (b) => `production impact ≥ ${b.atLeast}`,
        ),
      );
    }
  } else {
    numeric('outage', c.outage[f.sector], f.outageHours);
  }
  numeric('directLoss', c.directLossYuan, f.directLossYuan);
  numeric('personalInfo', c.personalInfoRecords, f.piRecords);
  numeric('sensitivePersonalInfo', c.sensitivePersonalInfoRecords, f.sensitivePiRecords);
  if (f.dataLevels.length > 0) {
    const harm = f.harm ?? 'general';
    const harmRank = HARM_GRADES.indexOf(harm);
    out.push(
      evaluate(
        'dataType',
        c.dataType,
        `${[...new Set(f.dataLevels)].join('+')} / ${harm}`,
        (b) => b.levels.some((l) => f.dataLevels.includes(l)) && harmRank >= HARM_GRADES.indexOf(b.minHarm),
        (b) => `${b.levels.join(' or ')} data with harm ≥ ${b.minHarm}`,
      ),
    );
  }
  return out;
}

/**
 * 214号 事件分级: a tier is reached when any one of its criteria is met (符合下列情形之一的), and the incident takes the
 * most severe tier reached. Thresholds, their clauses and statuses come from the pack; null thresholds are reported
 * as unknown rather than guessed.
 */
export function classifyIncident(pack: IncidentPlanPack, facts: IncidentFacts): TierResult {
  if (!pack.incidentTypes.value.some((t) => t.key === facts.type)) {
    throw new RangeError(`unknown incident type ${facts.type}`);
  }
  checkCount('piRecords', facts.piRecords);
  checkCount('sensitivePiRecords', facts.sensitivePiRecords);
  checkCount('directLossYuan', facts.directLossYuan);
  checkCount('outageHours', facts.outageHours);

  const fired: FiredCriterion[] = [];
  const nulls: UnknownThreshold[] = [];
  for (const e of evaluateAll(pack, facts)) {
    for (const t of e.tiers) {
      if (t.reached !== null) continue;
      nulls.push({
        criterion: e.criterion,
        tier: t.tier,
        clause: t.env.clause,
        ...(t.env.note && { note: t.env.note }),
      });
    }
    // Tiers run most to least severe, so the first reached is the most severe this criterion reaches.
    const hit = e.tiers.find((t) => t.reached === true);
    if (hit)
      fired.push({
        criterion: e.criterion,
        tier: hit.tier,
        actual: e.actual,
        threshold: hit.threshold,
        ...hit.env,
      });
  }
  const tier = fired.reduce<Tier | null>(
    (best, f) => (best === null || tierRank(f.tier) < tierRank(best) ? f.tier : best),
    null,
  );
  const decisive = fired.filter((f) => f.tier === tier);
  const restsOn = decisive.reduce<ValueStatus | null>(
    (worst, f) => (worst === null || STATUS_RANK[f.status] > STATUS_RANK[worst] ? f.status : worst),
    null,
  );
  const unknown = nulls.filter((n) => tier === null || tierRank(n.tier) < tierRank(tier));
  const colour = pack.tiers.value.find((t) => t.tier === tier)?.colour ?? null;
  return { tier, colour, fired, decisive, unknown, restsOn };
}

/** How a reclassification moved the tier and which criteria appeared, disappeared or changed tier. */
export interface Reclassification {
  from: Tier | null;
  to: Tier | null;
  direction: 'escalated' | 'downgraded' | 'unchanged';
  added: FiredCriterion[];
  removed: FiredCriterion[];
  changed: { criterion: CriterionKey; from: Tier; to: Tier }[];
}

const severity = (t: Tier | null) => (t === null ? -1 : TIERS.length - tierRank(t));

/** Compares two classifications of the same incident (e.g. after new facts arrive). */
export function reclassification(before: TierResult, after: TierResult): Reclassification {
  const prev = new Map(before.fired.map((f) => [f.criterion, f]));
  const next = new Map(after.fired.map((f) => [f.criterion, f]));
  const changed: Reclassification['changed'] = [];
  for (const [criterion, f] of next) {
    const p = prev.get(criterion);
    if (p && p.tier !== f.tier) changed.push({ criterion, from: p.tier, to: f.tier });
  }
  const d = severity(after.tier) - severity(before.tier);
  return {
    from: before.tier,
    to: after.tier,
    direction: d > 0 ? 'escalated' : d < 0 ? 'downgraded' : 'unchanged',
    added: after.fired.filter((f) => !prev.has(f.criterion)),
    removed: before.fired.filter((f) => !next.has(f.criterion)),
    changed,
  };
}

/** One reporting deadline. `legal` is false when the minutes are a product target for "immediately". */
export interface ReportingDuty {
  duty: 'processor-report' | 'regulator-phone' | 'regulator-written';
  from: 'processor' | 'local-regulator';
  to: 'local-regulator' | 'ministry';
  dueAt: Date;
  minutes: number;
  legal: boolean;
  clause: string;
  status: ValueStatus;
  note?: string;
}

/** The reporting duties of a tier, the duty rota when it applies, and what the pack leaves unknown. */
export interface ReportingPlan {
  duties: ReportingDuty[];
  dutyRota: { hoursPerDay: number; clause: string; status: ValueStatus } | null;
  unknown: { key: 'otherTierDeadlines' | 'reportFields'; clause: string; note?: string }[];
}

const plusMinutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);
const withNote = <T extends object>(t: T, note: string | undefined): T => (note ? { ...t, note } : t);

/**
 * 214号 信息报告 (draft values): the processor reports to the local regulator immediately; for tiers I and II the
 * local regulator reports to the ministry by phone within 10 minutes and in writing within 30 minutes of learning
 * of it; red and orange responses run a 24-hour duty rota. The regulator's clock starts at `regulatorAwareAt`, or
 * at `processorAwareAt` (stricter) when the regulator's moment is not yet known.
 */
export function reportingPlan(
  pack: IncidentPlanPack,
  tier: Tier,
  at: { processorAwareAt: Date; regulatorAwareAt?: Date },
): ReportingPlan {
  const r = pack.reporting;
  const target = r.processorTargetMinutes;
  const duties: ReportingDuty[] = [
    withNote(
      {
        duty: 'processor-report' as const,
        from: 'processor' as const,
        to: 'local-regulator' as const,
        dueAt: plusMinutes(at.processorAwareAt, target.value),
        minutes: target.value,
        legal: false,
        clause: r.processorToRegulator.clause,
        status: r.processorToRegulator.status,
      },
      r.processorToRegulator.note,
    ),
  ];
  const unknown: ReportingPlan['unknown'] = [];
  const m = r.regulatorToMinistry;
  if (m.value.tiers.includes(tier)) {
    const start = at.regulatorAwareAt ?? at.processorAwareAt;
    for (const [duty, minutes] of [
      ['regulator-phone', m.value.phoneMinutes],
      ['regulator-written', m.value.writtenMinutes],
    ] as const) {
      duties.push(
        withNote(
          {
            duty,
            from: 'local-regulator' as const,
            to: 'ministry' as const,
            dueAt: plusMinutes(start, minutes),
            minutes,
            legal: true,
            clause: m.clause,
            status: m.status,
          },
          m.note,
        ),
      );
    }
  } else if (r.otherTierDeadlines.value === null) {
    unknown.push(
      withNote(
        { key: 'otherTierDeadlines' as const, clause: r.otherTierDeadlines.clause },
        r.otherTierDeadlines.note,
      ),
    );
  }
  if (r.reportFields.value === null) {
    unknown.push(
      withNote({ key: 'reportFields' as const, clause: r.reportFields.clause }, r.reportFields.note),
    );
  }
  const rota = r.dutyRota;
  const dutyRota = rota.value.tiers.includes(tier)
    ? { hoursPerDay: rota.value.hoursPerDay, clause: rota.clause, status: rota.status }
    : null;
  return { duties, dutyRota, unknown };
}
