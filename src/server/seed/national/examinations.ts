import { correctiveActions, examinations } from '../../modules/assessments/assessments.table';
import { correctiveDueOn } from '../../modules/assessments/rules/corrective-due';
import { scoreExamination } from '../../programme-rules/assessment-score';
import type { ControlAnswer } from '../../programme-rules/controls-schema';
import { shanghaiYear } from '../../programme-rules/coverage';
import { AnswerSheets } from './answers';
import { BulkWriter } from './bulk';
import {
  maxDate,
  minDate,
  type NationalRun,
  plusDays,
  type SeedEnterprise,
  startOfShanghaiYear,
  tally,
} from './context';
import type { Rng } from './random';

const DAY_MS = 86_400_000;

const RESOLUTIONS = [
  '已修订制度并经管理层审批发布。',
  '已部署离线备份并完成恢复演练。',
  '已关闭暴露端口并纳入堡垒机管理。',
  '已完成权限梳理，回收离职人员账号。',
];

/** One enterprise's self-examinations, oldest first: when each was started and (if it was) completed. */
function schedule(run: NationalRun, rng: Rng, e: SeedEnterprise) {
  const year = shanghaiYear(run.now);
  const yearStart = startOfShanghaiYear(year);
  const out: { startedAt: Date; completedAt: Date | null }[] = [];
  const completedIn = (from: Date, to: Date) => {
    const completedAt = rng.between(maxDate(from, run.from), to);
    out.push({
      startedAt: maxDate(plusDays(completedAt, -rng.int(1, 20)), maxDate(from, run.from)),
      completedAt,
    });
  };
  const active = e.cataloged;
  // Earlier years: the first programme year (2024) and the one before this.
  for (let y = shanghaiYear(run.from); y < year; y++) {
    const p = active ? (y === year - 1 ? 0.3 : 0.06) : 0.03;
    if (rng.chance(p))
      completedIn(startOfShanghaiYear(y), new Date(startOfShanghaiYear(y + 1).getTime() - 1));
  }
  // This year's completion is what coverage counts (with an approved filing).
  const thisYear = e.approved ? (e.topDecile ? 0.95 : 0.84 + 0.12 * e.size) : active ? 0.45 : 0.12;
  if (rng.chance(thisYear)) completedIn(yearStart, run.now);
  else if (active && rng.chance(0.3)) {
    out.push({ startedAt: maxDate(yearStart, plusDays(run.now, -rng.int(1, 60))), completedAt: null });
  }
  return out;
}

/** Answers to the control library: later examinations and larger enterprises answer `yes` more often. */
function answersFor(
  run: NationalRun,
  rng: Rng,
  e: SeedEnterprise,
  year: number,
): Record<string, ControlAnswer> {
  const maturity = Math.min(0.985, 0.91 + 0.06 * e.size + 0.02 * (year - shanghaiYear(run.from)));
  const out: Record<string, ControlAnswer> = {};
  for (const c of run.programme.controls.controls) {
    const x = rng.float();
    out[c.value.id] =
      x < 0.03 ? 'not-applicable' : rng.chance(maturity) ? 'yes' : rng.chance(0.6) ? 'partial' : 'no';
  }
  return out;
}

/** Where a corrective action raised at `raisedAt` stands by now: older ones are mostly done and verified. */
function progress(run: NationalRun, rng: Rng, raisedAt: Date) {
  const age = (run.now.getTime() - raisedAt.getTime()) / DAY_MS;
  const status =
    age > 120
      ? rng.weighted({ verified: 75, resolved: 15, open: 10 })
      : rng.weighted({ open: 40, 'in-progress': 30, resolved: 20, verified: 10 });
  const resolvedAt = minDate(plusDays(raisedAt, rng.int(5, Math.max(6, Math.min(90, age)))), run.now);
  const verifiedAt = minDate(plusDays(resolvedAt, rng.int(1, 14)), run.now);
  return { status, resolvedAt, verifiedAt };
}

/**
 * Risk self-examinations (34号 自查自纠) over the period: answered against the control library, scored and frozen
 * with the library's own scoring at completion, linked to the previous one, each `no` or `partial` raised as a
 * corrective action (as completion does) now at its stage; a few this year still in progress.
 */
export async function seedExaminations(run: NationalRun): Promise<void> {
  const rng = run.rng.fork('examinations');
  const controls = new Map(run.programme.controls.controls.map((c) => [c.value.id, c.value]));
  const exams = new BulkWriter(run.tx, examinations);
  const controlIds = run.programme.controls.controls.map((c) => c.value.id);
  const answers = new AnswerSheets(run.tx, controlIds, exams);
  const actions = new BulkWriter(run.tx, correctiveActions);
  for (const e of run.enterprises) {
    let previousId: string | null = null;
    for (const { startedAt, completedAt } of schedule(run, rng, e)) {
      const id = rng.uuid();
      const year = shanghaiYear(startedAt);
      let given = answersFor(run, rng, e, year);
      if (!completedAt) {
        const keep = rng.float();
        given = Object.fromEntries(Object.entries(given).filter(() => rng.float() < keep));
      }
      await exams.add({
        id,
        orgId: e.orgId,
        year,
        libraryVersion: run.programme.controls.version,
        status: completedAt ? 'completed' : 'in-progress',
        previousId,
        score: completedAt
          ? (scoreExamination(run.programme.controls, given) as unknown as Record<string, unknown>)
          : null,
        startedAt,
        startedBy: e.adminUserId,
        completedAt,
        completedBy: completedAt ? e.adminUserId : null,
      });
      const answeredBy = rng.chance(0.5) ? e.adminUserId : e.memberUserId;
      await answers.add(id, given, answeredBy, completedAt ?? rng.between(startedAt, run.now));
      for (const [controlId, answer] of Object.entries(given)) {
        if (!completedAt || (answer !== 'no' && answer !== 'partial')) continue;
        const c = controls.get(controlId)!;
        const p = progress(run, rng, completedAt);
        const resolved = p.status === 'resolved' || p.status === 'verified';
        await actions.add({
          id: rng.uuid(),
          orgId: e.orgId,
          sourceKind: 'examination',
          sourceId: id,
          controlId,
          scenarios: c.scenarios,
          title: c.question.zh,
          detail: null,
          ownerUserId: e.adminUserId,
          dueOn: correctiveDueOn(completedAt),
          status: p.status,
          resolution: resolved ? rng.pick(RESOLUTIONS) : null,
          resolvedAt: resolved ? p.resolvedAt : null,
          resolvedBy: resolved ? e.adminUserId : null,
          verificationNote: p.status === 'verified' ? '现场核验通过。' : null,
          verifiedAt: p.status === 'verified' ? p.verifiedAt : null,
          verifiedBy: p.status === 'verified' ? e.memberUserId : null,
          createdAt: completedAt,
          updatedAt: p.status === 'verified' ? p.verifiedAt : resolved ? p.resolvedAt : completedAt,
        });
      }
      if (completedAt) previousId = id;
    }
  }
  await exams.flush();
  await answers.flush();
  await actions.flush();
  tally(run, 'examinations', exams.count);
  tally(run, 'examination_answers', answers.count);
  tally(run, 'corrective_actions', actions.count);
}
