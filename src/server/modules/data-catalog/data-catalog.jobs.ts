import { systemContext } from '../../core/actor';
import type { Clock } from '../../core/clock';
import { inTransaction } from '../../db/tx';
import type { JobDefinition } from '../../jobs/boss';
import { shanghaiDate } from '../../regulations/working-days';
import { orgRepository } from '../identity/identity.repository';
import type { CatalogDeps } from './data-catalog.deps';
import { filingRepository, obligationRepository } from './data-catalog.repository';

/** Product choice (the Measures set no reminder): warn an enterprise 14 days before a change filing falls due. */
export const REFILING_REMINDER_DAYS = 14;
const DAY_MS = 86_400_000;

/**
 * Daily catalog watch: reminds an enterprise once when its change filing (Measures art. 12?, draft: 3 months) is
 * within 14 days of due and once when it is overdue, and tells the province's regulators once per revision when a
 * filing's 20-working-day review has run out. Idempotent: each reminder is recorded and never repeated.
 */
export function createCatalogWatch(deps: CatalogDeps) {
  const { db, audit, notifications, measures } = deps;
  return async (now: Date) => {
    const ctx = { ...systemContext('catalog-watch'), now };
    let reminders = 0;
    let overdueReviews = 0;
    const kind = 'catalog.refiling_due';
    for (const o of await obligationRepository.openDueBy(
      db,
      new Date(now.getTime() + REFILING_REMINDER_DAYS * DAY_MS),
    )) {
      const stage = now > o.dueAt ? 'overdue' : 'due-soon';
      if (await obligationRepository.reminded(db, kind, o.id, stage)) continue;
      await inTransaction(db, async (tx) => {
        await notifications.notify(tx, ctx, {
          orgIds: [o.orgId],
          kind,
          title:
            stage === 'overdue'
              ? '数据目录变更备案已逾期 / change filing overdue'
              : '数据目录变更备案即将到期 / change filing due soon',
          body: `${measures.catalogFiling.changeRefileMonths.clause}: file the changed catalog by ${shanghaiDate(o.dueAt)}.`,
          link: '/data-catalog',
          data: { obligationId: o.id, stage, dueAt: o.dueAt.toISOString() },
        });
        await audit.append(tx, ctx, {
          action: 'catalog.refiling_reminded',
          entityType: 'catalog_refiling_obligation',
          entityId: o.id,
          orgId: o.orgId,
          data: { stage },
        });
      });
      reminders++;
    }
    for (const f of await filingRepository.overdueReviews(db, now)) {
      if (await filingRepository.hasEvent(db, f.id, 'review-overdue', f.revision)) continue;
      await inTransaction(db, async (tx) => {
        await notifications.notify(tx, ctx, {
          orgIds: await orgRepository.idsOfKind(tx, 'provincial-regulator', f.provinceCode),
          kind: 'catalog.review_overdue',
          title: '数据目录备案审核已超期 / catalog filing review overdue',
          body: `${measures.catalogFiling.reviewWorkingDays.clause}: the review was due ${shanghaiDate(f.reviewDueAt)}.`,
          link: `/catalog-reviews?filing=${f.id}`,
          data: { filingId: f.id, revision: f.revision },
        });
        await filingRepository.addEvent(tx, {
          filingId: f.id,
          kind: 'review-overdue',
          revision: f.revision,
          at: now,
        });
        await audit.append(tx, ctx, {
          action: 'catalog.review_overdue',
          entityType: 'catalog_filing',
          entityId: f.id,
          orgId: f.orgId,
          data: { revision: f.revision },
        });
      });
      overdueReviews++;
    }
    return { reminders, overdueReviews };
  };
}

/** The catalog watch as a daily job (01:00 UTC = 09:00 China time). */
export const dataCatalogJobs = (
  watch: ReturnType<typeof createCatalogWatch>,
  clock: Clock,
): JobDefinition[] => [{ name: 'data-catalog.watch', cron: '0 1 * * *', run: () => watch(clock.now()) }];
