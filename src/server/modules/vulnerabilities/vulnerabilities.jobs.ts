import { systemContext } from '../../core/actor';
import type { Clock } from '../../core/clock';
import { inTransaction } from '../../db/tx';
import type { JobDefinition } from '../../jobs/boss';
import { holidayCalendar } from '../../regulations/working-days';
import { orgRepository } from '../identity/identity.repository';
import { planClocks } from './rules/clocks';
import { recordEvent } from './timeline';
import type { VulnDeps } from './vulnerabilities.deps';
import { reportRepository } from './vulnerabilities.repository';
import type { ReportRow } from './vulnerabilities.table';

/**
 * RMSV art. 7 deadline watch: reminders to the vendor before each clock is due, and escalation to the ministry
 * once the 2-day national report is overdue. Idempotent: each reminder kind and the escalation happen once.
 */
export function createDeadlineWatch(deps: VulnDeps) {
  const { db, audit, notifications, packs } = deps;
  const calendar = holidayCalendar(packs.holidays);
  return async (now: Date) => {
    let reminders = 0;
    let escalations = 0;
    const decide = (row: ReportRow) => {
      if (!row.awareAt || !row.vendorOrgId) return null;
      const plan = planClocks(row.awareAt, packs.rmsv, calendar);
      const due = plan.reminders.filter(
        (r) =>
          r.at <= now &&
          !row.remindersSent.includes(r.kind) &&
          !(r.clock === 'verify' && row.verifiedAt) &&
          r.clock !== 'upstream-notify',
      );
      const escalate = !row.escalatedAt && now >= plan.escalateAt;
      return due.length || escalate ? { plan, due, escalate } : null;
    };
    for (const candidate of await reportRepository.withRunningClocks(db, now, 1000)) {
      if (!decide(candidate)) continue;
      // The start-up run and the cron can overlap on PostgreSQL: lock the row and decide again on what it holds now.
      await inTransaction(db, async (tx) => {
        const row = await reportRepository.find(tx, { kind: 'all' }, candidate.id, true);
        const d = row && decide(row);
        if (!row || !d) return;
        const { plan, due, escalate } = d;
        const ctx = { ...systemContext('deadline-watch'), now };
        for (const r of due) {
          await notifications.notify(tx, ctx, {
            orgIds: [row.vendorOrgId!],
            kind: 'vulnerability.reminder',
            title: `${row.ref} ${row.title}`,
            body:
              r.clock === 'national-report'
                ? `RMSV art. 7(2): the report to MIIT is due ${plan.nationalReportDueAt.toISOString()}.`
                : `RMSV art. 7(1): verification is due ${plan.verifyDueAt.toISOString()}.`,
            link: `/vulnerabilities/${row.id}`,
            data: { reportId: row.id, reminder: r.kind },
          });
          await recordEvent(deps, tx, ctx, row.id, {
            kind: 'reminder',
            data: { reminder: r.kind, clock: r.clock },
            reporterVisible: false,
          });
          reminders++;
        }
        if (escalate) {
          await notifications.notify(tx, ctx, {
            orgIds: await orgRepository.idsOfKind(tx, 'ministry'),
            kind: 'vulnerability.overdue',
            title: `${row.ref} 国家平台报送逾期 / national report overdue`,
            body: `RMSV art. 7(2): the vendor has not reported ${row.ref} to MIIT within 2 days (due ${plan.nationalReportDueAt.toISOString()}).`,
            link: `/vulnerabilities/${row.id}`,
            data: { reportId: row.id, vendorOrgId: row.vendorOrgId },
          });
          await recordEvent(deps, tx, ctx, row.id, {
            kind: 'escalated',
            data: { dueAt: plan.nationalReportDueAt.toISOString() },
            reporterVisible: false,
          });
          escalations++;
        }
        await reportRepository.update(tx, row.id, {
          remindersSent: [...row.remindersSent, ...due.map((r) => r.kind)],
          ...(escalate ? { escalatedAt: now } : {}),
        });
        await audit.append(tx, ctx, {
          action: escalate ? 'vulnerability.escalated' : 'vulnerability.reminded',
          entityType: 'vulnerability',
          entityId: row.id,
          orgId: row.vendorOrgId,
          data: { ref: row.ref, reminders: due.map((r) => r.kind) },
        });
      });
    }
    return { reminders, escalations };
  };
}

/** The deadline watch as a job, every minute. */
export const vulnerabilityJobs = (
  watch: ReturnType<typeof createDeadlineWatch>,
  clock: Clock,
): JobDefinition[] => [
  { name: 'vulnerabilities.deadlines', cron: '* * * * *', run: () => watch(clock.now()) },
];
