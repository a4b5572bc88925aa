import type { ScenarioDefinition } from '../../../contracts/drills';
import { expectationResults, measure, type Verdict, verdictKey } from '../../modules/drills/drill-rules';
import { type Delivery, drills } from '../../modules/drills/drills.table';
import { BUILT_IN_SCENARIOS } from '../../modules/drills/scenario-library';
import { BulkWriter } from './bulk';
import { minDate, type NationalRun, plusDays, plusMinutes, type SeedEnterprise, tally } from './context';
import { type IncidentDraft, practiceIncident } from './incidents';
import type { Rng } from './random';

const LESSONS = [
  '厂商远程运维通道须经堡垒机并按需开通，禁止直接暴露在互联网。',
  '书面报告模板需预先准备，以满足 30 分钟书面报告要求。',
  '在线备份服务器须与生产域隔离，离线备份每日校验。',
  '值班人员对告警的升级路径不清晰，需明确责任人。',
  '离职人员账号回收不及时，需与人事系统联动。',
  '应急通讯录需每季度更新并演练。',
];

type DrillRow = typeof drills.$inferInsert;

/** Verdicts of every expectation: most met (some over budget), a few missed. */
function verdictsOf(rng: Rng, s: ScenarioDefinition, skill: number): Record<string, Verdict> {
  const out: Record<string, Verdict> = {};
  for (const inj of s.injects) {
    for (const x of inj.expectations) {
      if (!rng.chance(0.55 + 0.4 * skill)) {
        out[verdictKey(inj.key, x.key)] = { status: 'missed', minute: null, actionId: null };
        continue;
      }
      const late = rng.chance(0.25 - 0.15 * skill);
      const took = late ? rng.int(x.budgetMinutes + 1, x.budgetMinutes * 2) : rng.int(1, x.budgetMinutes);
      out[verdictKey(inj.key, x.key)] = { status: 'met', minute: inj.minute + took, actionId: null };
    }
  }
  return out;
}

/** One drill of `e` scheduled for `scheduledFor`: completed (with its practice incident) unless still to come. */
function drill(run: NationalRun, rng: Rng, e: SeedEnterprise, scenarioId: string, scheduledFor: Date) {
  const scenario = BUILT_IN_SCENARIOS.get(scenarioId)!;
  const id = rng.uuid();
  const title = scenario.title.zh;
  const row: DrillRow = {
    id,
    orgId: e.orgId,
    provinceCode: e.provinceCode,
    scenarioId,
    title,
    scenario,
    mode: 'facilitator',
    status: 'scheduled',
    scheduledFor,
    facilitatorUserId: e.adminUserId,
    participantUserIds: [e.memberUserId],
    createdAt: plusDays(scheduledFor, -rng.int(3, 30)),
    updatedAt: plusDays(scheduledFor, -rng.int(0, 2)),
  };
  if (scheduledFor > run.now) return { row, incident: null };
  const startedAt = plusMinutes(scheduledFor, rng.int(0, 20));
  const last = scenario.injects.at(-1)!.minute;
  const verdicts = verdictsOf(rng, scenario, e.size);
  const metMinutes = Object.values(verdicts).map((v) => v.minute ?? 0);
  const completedMinute = Math.max(last, ...metMinutes) + rng.int(5, 30);
  // Facilitators move drill time faster than the wall clock.
  const wall = (minute: number) => plusMinutes(startedAt, minute * (0.4 + 0.4 * rng.float()));
  const delivered: Delivery[] = scenario.injects.map((i) => ({
    key: i.key,
    minute: i.minute,
    deliveredAt: wall(i.minute).toISOString(),
  }));
  const completedAt = plusMinutes(startedAt, completedMinute * 0.8 + rng.int(0, 10));
  const { score } = measure(scenario, expectationResults(scenario, verdicts));
  const filedAt = rng.chance(0.8) ? minDate(plusDays(completedAt, rng.int(1, 14)), run.now) : null;
  Object.assign(row, {
    status: 'completed',
    startedAt,
    completedAt,
    offsetMinutes: completedMinute,
    completedMinute,
    delivered,
    verdicts,
    score,
    lessons: rng.sample(LESSONS, rng.int(1, 3)),
    filedAt,
    filedBy: filedAt ? e.adminUserId : null,
    updatedAt: filedAt ?? completedAt,
  });
  const raising = scenario.injects.find((i) => i.raisesIncident);
  let incident: IncidentDraft | null = null;
  if (raising?.raisesIncident) {
    const at = new Date(delivered.find((d) => d.key === raising.key)!.deliveredAt);
    incident = practiceIncident(run, rng, e, { id, title }, raising.raisesIncident, at, completedAt);
    row.incident = incident.snapshot!;
  }
  return { row, incident };
}

/**
 * Emergency drills (34号: drills simulating ransomware) from the built-in scenario library: a few thousand at
 * national scale, most completed and scored with the module's own measure, most filed with the province, a few
 * still scheduled. A ransomware drill's raising inject reports its practice incident (returned for the incident
 * phase to write); rows are written once the incidents have their references.
 */
export function draftDrills(run: NationalRun) {
  const rng = run.rng.fork('drills');
  const n = Math.max(2, Math.round(0.05 * run.enterprises.length));
  const weights = run.enterprises.map(
    (e) => (e.cataloged ? 1 : 0.15) * (0.1 + 2 * e.size + (e.topDecile ? 1 : 0)),
  );
  const rows: DrillRow[] = [];
  const incidents: IncidentDraft[] = [];
  const pickEnterprise = rng.picker(run.enterprises, weights);
  for (let i = 0; i < n; i++) {
    const e = pickEnterprise();
    const scenarioId = rng.chance(0.55) ? 'builtin-ransomware' : 'builtin-insider-misuse';
    const when = rng.chance(0.04)
      ? plusDays(run.now, rng.int(1, 30) + rng.float())
      : rng.between(plusDays(run.from, 20), plusDays(run.now, -1));
    const d = drill(run, rng, e, scenarioId, when);
    rows.push(d.row);
    if (d.incident) incidents.push(d.incident);
  }
  return {
    incidents,
    /** Writes the drills (after the incidents, whose references their snapshots carry). */
    async write() {
      const w = new BulkWriter(run.tx, drills);
      for (const r of rows) await w.add(r);
      await w.flush();
      tally(run, 'drills', w.count);
      tally(run, 'drills (filed)', rows.filter((r) => r.filedAt).length);
    },
  };
}
