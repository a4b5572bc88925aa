import type { IncidentSnapshot } from '../../modules/drills/drills.table';
import { startsMinistryClock } from '../../modules/incidents/incident-clocks';
import { incidentEvents, incidents } from '../../modules/incidents/incidents.table';
import type { DataLevel } from '../../programme-rules/common-schema';
import { shanghaiYear } from '../../programme-rules/coverage';
import type { HarmGrade, ProductionImpact, Tier } from '../../programme-rules/incident-plan-schema';
import { classifyIncident, type IncidentFacts, type TierResult } from '../../programme-rules/incident-tier';
import { BulkWriter, reserve } from './bulk';
import { minDate, type NationalRun, plusDays, plusMinutes, type SeedEnterprise, tally } from './context';
import { timelineOf } from './incident-timeline';
import type { Rng } from './random';
import { INCIDENT_TITLES } from './vocab';

/** What an incident is tiered on, plus the columns the classifier does not read. */
type Facts = IncidentFacts & { productionImpact?: ProductionImpact; systemsAffected: string | null };

/** An incident before it is written: facts, classification and where its handling stands. */
export interface IncidentDraft {
  id: string;
  e: SeedEnterprise;
  drillId: string | null;
  title: string;
  description: string;
  facts: Facts;
  classification: TierResult;
  discoveredAt: Date;
  reportedAt: Date;
  status: 'open' | 'contained' | 'closed';
  containedAt: Date | null;
  closedAt: Date | null;
  usersNotifiedAt: Date | null;
  phoneReportedAt: Date | null;
  writtenReportedAt: Date | null;
  phoneEscalatedAt: Date | null;
  writtenEscalatedAt: Date | null;
  /** A drill's snapshot of its practice incident, completed with the reference when the book is written. */
  snapshot?: IncidentSnapshot;
}

const between = (rng: Rng, lo: number, hi: number) => Math.round(lo + (hi - lo) * rng.float());

/** Facts that the 214号 criteria put at `tier` (one decisive criterion, the others below it). */
function factsFor(rng: Rng, tier: Tier, sector: Facts['sector']): Facts {
  const type = rng.pick(Object.keys(INCIDENT_TITLES));
  const base: Facts = { type, sector, dataLevels: [], systemsAffected: null };
  const industry = sector === 'industry';
  const data = (levels: DataLevel[], harm: HarmGrade): Facts => ({ ...base, dataLevels: levels, harm });
  const pick = (options: (() => Facts)[]) => rng.pick(options)();
  switch (tier) {
    case 'I':
      return pick([
        () => data(['core'], 'serious'),
        () => ({ ...base, piRecords: between(rng, 1.2e8, 3e8) }),
        ...(industry ? [() => ({ ...base, productionImpact: 'widespread-shutdown' as const })] : []),
      ]);
    case 'II':
      return pick([
        () => data(['important'], 'serious'),
        () => ({ ...base, piRecords: between(rng, 1e7, 9e7) }),
        () => ({ ...base, sensitivePiRecords: between(rng, 1e6, 9e6) }),
        () => ({ ...base, directLossYuan: between(rng, 1e8, 9e8) }),
        ...(industry ? [() => ({ ...base, productionImpact: 'large-scale-shutdown' as const })] : []),
      ]);
    case 'III':
      return pick([
        () => data([rng.pick(['general', 'important'] as const)], 'relatively-serious'),
        () => ({ ...base, piRecords: between(rng, 1.1e6, 9e6) }),
        () => ({ ...base, directLossYuan: between(rng, 5e7, 9e7) }),
        ...(industry ? [() => ({ ...base, productionImpact: 'partial-loss' as const })] : []),
      ]);
    default:
      return pick([
        () => data(['general'], 'general'),
        () => ({ ...base, piRecords: between(rng, 50, 800_000) }),
        () => ({ ...base, directLossYuan: between(rng, 10_000, 4e7) }),
        ...(industry ? [() => ({ ...base, productionImpact: 'minor' as const })] : []),
      ]);
  }
}

/** Tiers with the draft plan's ministry duty get the regulator's phone and written reports (most in time). */
function ministryReports(run: NationalRun, rng: Rng, d: IncidentDraft) {
  if (!startsMinistryClock(run.programme.incidentPlan, d.classification.tier)) return;
  const { phoneMinutes, writtenMinutes } = run.programme.incidentPlan.reporting.regulatorToMinistry.value;
  const phoneLate = rng.chance(0.1);
  const writtenLate = rng.chance(0.15);
  d.phoneReportedAt = plusMinutes(
    d.reportedAt,
    phoneLate ? rng.int(phoneMinutes + 2, 40) : rng.int(2, phoneMinutes - 1),
  );
  d.writtenReportedAt = plusMinutes(
    d.reportedAt,
    writtenLate ? rng.int(writtenMinutes + 5, 120) : rng.int(12, writtenMinutes - 1),
  );
  // The clock watch escalated the late ones a minute after they fell due.
  if (phoneLate) d.phoneEscalatedAt = plusMinutes(d.reportedAt, phoneMinutes + 1);
  if (writtenLate) d.writtenEscalatedAt = plusMinutes(d.reportedAt, writtenMinutes + 1);
}

/** A real incident of `e` at tier `tier`, reported at `reportedAt`, handled as far as its age suggests. */
function draftIncident(
  run: NationalRun,
  rng: Rng,
  e: SeedEnterprise,
  tier: Tier,
  reportedAt: Date,
): IncidentDraft {
  const facts = factsFor(rng, tier, e.sector);
  const classification = classifyIncident(run.programme.incidentPlan, facts);
  if (classification.tier !== tier)
    throw new Error(`generated tier ${tier} facts classify as ${classification.tier}`);
  const title = rng.pick(INCIDENT_TITLES[facts.type]!);
  const age = (run.now.getTime() - reportedAt.getTime()) / 86_400_000;
  const status =
    age > 60
      ? rng.weighted({ closed: 90, contained: 10 })
      : age > 10
        ? rng.weighted({ closed: 50, contained: 35, open: 15 })
        : rng.weighted({ open: 60, contained: 30, closed: 10 });
  const containedAt =
    status === 'open' ? null : minDate(plusDays(reportedAt, rng.int(0, 3) + rng.float()), run.now);
  const closedAt = status === 'closed' ? minDate(plusDays(containedAt!, rng.int(2, 45)), run.now) : null;
  const atRisk = (facts.piRecords ?? 0) > 0 || (facts.sensitivePiRecords ?? 0) > 0;
  const d: IncidentDraft = {
    id: rng.uuid(),
    e,
    drillId: null,
    title,
    description: `${title}。${e.name}于发现后立即启动应急预案，隔离受影响系统并保全证据。`,
    facts: { ...facts, systemsAffected: rng.pick(['MES', 'ERP', 'SCADA', '文件服务器', '工业互联网平台']) },
    classification,
    discoveredAt: plusMinutes(reportedAt, -rng.int(10, 36 * 60)),
    reportedAt,
    status,
    containedAt,
    closedAt,
    usersNotifiedAt: atRisk && status !== 'open' ? containedAt : null,
    phoneReportedAt: null,
    writtenReportedAt: null,
    phoneEscalatedAt: null,
    writtenEscalatedAt: null,
  };
  ministryReports(run, rng, d);
  return d;
}

/** The practice incident a drill's raising inject reports, closed when the drill ends. */
export function practiceIncident(
  run: NationalRun,
  rng: Rng,
  e: SeedEnterprise,
  drill: { id: string; title: string },
  raising: {
    title: string;
    description: string;
    facts: Omit<Facts, 'systemsAffected'> & { systemsAffected?: string };
  },
  at: Date,
  endsAt: Date,
): IncidentDraft {
  const facts: Facts = { ...raising.facts, systemsAffected: raising.facts.systemsAffected ?? null };
  const classification = classifyIncident(run.programme.incidentPlan, facts);
  const d: IncidentDraft = {
    id: rng.uuid(),
    e,
    drillId: drill.id,
    title: raising.title,
    description: `${raising.description}\n\n演练 / drill: ${drill.title}`,
    facts,
    classification,
    discoveredAt: at,
    reportedAt: at,
    status: 'closed',
    containedAt: endsAt,
    closedAt: endsAt,
    usersNotifiedAt: null,
    phoneReportedAt: null,
    writtenReportedAt: null,
    phoneEscalatedAt: null,
    writtenEscalatedAt: null,
    snapshot: {
      id: '',
      ref: '',
      tier: classification.tier,
      fired: classification.fired.map((f) => ({
        criterion: f.criterion,
        tier: f.tier,
        threshold: f.threshold,
        clause: f.clause,
      })),
      decisive: classification.decisive.map((f) => f.criterion),
    },
  };
  ministryReports(run, rng, d);
  return d;
}

/**
 * Real incidents (a few thousand at national scale): tier IV most, tier I rare, each tier at least once; reported
 * over the period, older ones contained or closed.
 */
export function draftIncidents(run: NationalRun): IncidentDraft[] {
  const rng = run.rng.fork('incidents');
  const n = Math.max(4, Math.round(0.08 * run.enterprises.length));
  const weights = run.enterprises.map((e) => 0.3 + e.size + (e.cataloged ? 0.5 : 0));
  const pickEnterprise = rng.picker(run.enterprises, weights);
  const out: IncidentDraft[] = [];
  for (let i = 0; i < n; i++) {
    const tier: Tier =
      i < 4 ? (['I', 'II', 'III', 'IV'] as const)[i]! : rng.weighted({ I: 1, II: 5, III: 14, IV: 80 });
    const e = pickEnterprise();
    out.push(draftIncident(run, rng, e, tier, rng.between(plusDays(run.from, 1), plusDays(run.now, -0.05))));
  }
  return out;
}

/**
 * Writes incidents with references numbered in report order (`INC-<Shanghai year>-<n>` from the module's
 * sequence), descriptions and closing summaries sealed under the module's AAD (`incident:<id>:description`,
 * `incident:<id>:event:<event id>`), and the timeline each step would have recorded.
 */
export async function writeIncidents(run: NationalRun, drafts: IncidentDraft[]): Promise<void> {
  const rng = run.rng.fork('incident-events');
  const { keyring } = run.services;
  drafts.sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime());
  const numbers = await reserve(run.tx, 'incident_ref_seq', drafts.length);
  const rows = new BulkWriter(run.tx, incidents);
  const events = new BulkWriter(run.tx, incidentEvents, [rows]);
  const tiers: Record<string, number> = {};
  for (const [i, d] of drafts.entries()) {
    const ref = `INC-${shanghaiYear(d.reportedAt)}-${String(numbers[i]).padStart(5, '0')}`;
    if (d.snapshot) Object.assign(d.snapshot, { id: d.id, ref });
    const { e, facts } = d;
    const regulator = run.regulators.get(e.provinceCode)!;
    const tier = d.classification.tier;
    const clock = startsMinistryClock(run.programme.incidentPlan, tier) ? d.reportedAt : null;
    if (!d.drillId) tiers[tier ?? 'none'] = (tiers[tier ?? 'none'] ?? 0) + 1;
    await rows.add({
      id: d.id,
      ref,
      orgId: e.orgId,
      provinceCode: e.provinceCode,
      practice: d.drillId !== null,
      drillId: d.drillId,
      title: d.title,
      type: facts.type,
      sector: facts.sector,
      dataLevels: [...facts.dataLevels],
      dataAssetIds: [],
      harm: facts.harm ?? null,
      piRecords: facts.piRecords ?? null,
      sensitivePiRecords: facts.sensitivePiRecords ?? null,
      directLossYuan: facts.directLossYuan ?? null,
      outageHours: facts.outageHours ?? null,
      productionImpact: facts.productionImpact ?? null,
      systemsAffected: facts.systemsAffected,
      sealedDescription: await keyring.seal(run.tx, d.description, `incident:${d.id}:description`, run.now),
      tier,
      classification: d.classification as unknown as Record<string, unknown>,
      status: d.status,
      discoveredAt: d.discoveredAt,
      reportedAt: d.reportedAt,
      reportedBy: e.adminUserId,
      ministryClockStartedAt: clock,
      phoneReportedAt: d.phoneReportedAt,
      phoneReportedBy: d.phoneReportedAt ? regulator.userId : null,
      writtenReportedAt: d.writtenReportedAt,
      writtenReportedBy: d.writtenReportedAt ? regulator.userId : null,
      phoneEscalatedAt: d.phoneEscalatedAt,
      writtenEscalatedAt: d.writtenEscalatedAt,
      usersNotifiedAt: d.usersNotifiedAt,
      closedAt: d.closedAt,
      version: 1,
      createdAt: d.reportedAt,
      updatedAt: d.closedAt ?? d.containedAt ?? d.writtenReportedAt ?? d.reportedAt,
    });
    const timeline = timelineOf(rng, d, regulator, clock);
    for (const t of timeline) {
      const id = rng.uuid();
      await events.add({
        id,
        incidentId: d.id,
        kind: t.kind,
        at: t.at,
        actorUserId: t.actor?.userId ?? null,
        actorOrgId: t.actor?.orgId ?? null,
        data: t.data,
        sealedText: t.text
          ? await keyring.seal(run.tx, t.text, `incident:${d.id}:event:${id}`, run.now)
          : null,
      });
    }
  }
  await rows.flush();
  await events.flush();
  tally(run, 'incidents', rows.count);
  tally(run, 'incident_events', events.count);
  for (const [t, n] of Object.entries(tiers)) tally(run, `incidents (tier ${t})`, n);
}
