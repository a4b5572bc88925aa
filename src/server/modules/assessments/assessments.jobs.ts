import { systemContext } from '../../core/actor';
import type { Clock } from '../../core/clock';
import { inTransaction } from '../../db/tx';
import type { JobDefinition } from '../../jobs/boss';
import { addLocalDays, shanghaiDate } from '../../regulations/working-days';
import type { AssessmentsDeps } from './assessments.deps';
import { assessmentsRepository as repo } from './assessments.repository';
import { reminderDue } from './rules/risk-validity';

/**
 * Reminds enterprises to reassess before their risk-assessment result lapses (82号: valid 1 year; lead times are the
 * pack's Bulwark choice) and once when it has lapsed. Idempotent through `last_reminder_at`.
 */
export function createRiskReminders(deps: Pick<AssessmentsDeps, 'db' | 'audit' | 'notifications' | 'packs'>) {
  const { db, audit, notifications, packs } = deps;
  return async (now: Date) => {
    const lead = packs.measures.riskAssessment.reminderDaysBefore.value;
    const horizon = addLocalDays(shanghaiDate(now), Math.max(0, ...lead));
    let sent = 0;
    for (const r of await repo.risksEndingBy(db, horizon)) {
      const due = reminderDue(r.validUntil!, lead, now, r.lastReminderAt);
      if (!due) continue;
      await inTransaction(db, async (tx) => {
        const ctx = { ...systemContext('risk-assessment-reminders'), now };
        await notifications.notify(tx, ctx, {
          orgIds: [r.orgId],
          kind: due.kind === 'expired' ? 'risk_assessment.expired' : 'risk_assessment.expiring',
          title:
            due.kind === 'expired'
              ? '数据安全风险评估结果已过期 / Risk assessment result expired'
              : `数据安全风险评估结果将于 ${r.validUntil} 到期 / Risk assessment expires in ${due.days} days`,
          body: `Measures art. 31 and 82号: a result is valid 1 year from issue (valid until ${r.validUntil}). Reassess and submit a new report.`,
          link: '/risk-assessments',
          data: { riskAssessmentId: r.id, reminder: due.kind === 'expired' ? 'expired' : due.days },
        });
        await repo.updateRisk(tx, r.id, { lastReminderAt: now });
        await audit.append(tx, ctx, {
          action: 'risk_assessment.reminded',
          entityType: 'risk_assessment',
          entityId: r.id,
          orgId: r.orgId,
          data: { reminder: due.kind === 'expired' ? 'expired' : due.days, validUntil: r.validUntil },
        });
      });
      sent++;
    }
    return { sent };
  };
}

/** The reminder run as a daily job (01:00 UTC = 09:00 in Shanghai). */
export const assessmentJobs = (
  run: ReturnType<typeof createRiskReminders>,
  clock: Clock,
): JobDefinition[] => [
  { name: 'assessments.risk-reminders', cron: '0 1 * * *', run: () => run(clock.now()) },
];
