import type { RequestContext } from '../core/actor';
import type { Db } from '../db/client';
import { shanghaiYear } from '../programme-rules/coverage';
import { addLocalDays, shanghaiDate } from '../regulations/working-days';
import type { Services } from '../services';

/** The services the assessments demo writes through. */
type AssessmentServices = Pick<Services, 'examinations' | 'correctiveActions' | 'riskAssessments'>;
/** Resolves a demo login to a request context acting as that user. */
type ActingAs = (db: Db, ctx: RequestContext, email: string) => Promise<RequestContext>;

/** Last year's findings of the demo enterprise: each becomes a corrective action. */
const FINDINGS: Record<string, 'no' | 'partial'> = { 'RW-02': 'no', 'RO-06': 'no', 'GM-05': 'partial' };

const evidence = (name: string, text: string) => ({
  filename: name,
  contentType: 'text/plain',
  contentBase64: Buffer.from(text, 'utf8').toString('base64'),
});

/**
 * ent.gd1's programme records: a self-examination completed last year (so this year's can be compared with it) whose
 * corrective actions are open and overdue, in progress, and resolved awaiting verification; and a submitted annual
 * risk assessment. ent.gd2 gets none: the end-to-end journey completes its first examination.
 */
export async function seedDemoAssessments(
  db: Db,
  services: AssessmentServices,
  ctx: RequestContext,
  actingAs: ActingAs,
) {
  const admin = await actingAs(db, ctx, 'ent.gd1@bulwark.demo');
  const member = await actingAs(db, ctx, 'ent.gd1.member@bulwark.demo');
  const lastYear = { ...admin, now: new Date(`${shanghaiYear(ctx.now) - 1}-11-10T02:00:00Z`) };

  const exam = await services.examinations.start(lastYear);
  const answers = services.examinations
    .library()
    .groups.flatMap((g) => g.controls)
    .map((c) => ({ controlId: c.id, answer: FINDINGS[c.id] ?? ('yes' as const), note: null }));
  await services.examinations.answer(lastYear, exam.id, { answers });
  await services.examinations.attachEvidence(
    lastYear,
    exam.id,
    'RW-01',
    evidence('离线备份记录.txt', '每周日 02:00 离线磁带备份，异地保管。'),
  );
  await services.examinations.complete(lastYear, exam.id);

  const actions = await services.correctiveActions.list(admin, { sourceId: exam.id });
  const [overdue, inProgress, resolved] = actions;
  const today = shanghaiDate(ctx.now);
  if (overdue)
    await services.correctiveActions.update(admin, overdue.id, { dueOn: addLocalDays(today, -14) });
  if (inProgress) {
    await services.correctiveActions.update(admin, inProgress.id, {
      ownerUserId: member.actor!.userId,
      dueOn: addLocalDays(today, 45),
    });
    await services.correctiveActions.transition(member, inProgress.id, { action: 'start' });
  }
  if (resolved) {
    await services.correctiveActions.attachEvidence(
      member,
      resolved.id,
      evidence('整改报告.txt', '已完成数据安全管理制度修订并发布。'),
    );
    await services.correctiveActions.transition(member, resolved.id, {
      action: 'resolve',
      resolution: '制度已修订并经管理层审批发布。',
    });
  }

  const template = services.riskAssessments.template();
  const draft = await services.riskAssessments.create(admin, {
    performedBy: 'third-party',
    assessorName: '广东省数据安全测评中心（演示）',
    issuedOn: addLocalDays(today, -60),
    sections: Object.fromEntries(template.sections.map((s) => [s.key, `${s.zh}：详见报告正文（演示）。`])),
  });
  await services.riskAssessments.submit(admin, draft.id);
}
