import type { z } from 'zod';
import type { FilingListQuery } from '../../../contracts/data-catalog';
import { type RequestContext, requireActor } from '../../core/actor';
import { forbidden, notFound } from '../../core/errors';
import type { Db } from '../../db/client';
import { inTransaction } from '../../db/tx';
import { reviewDeadline } from '../../programme-rules/filing';
import { holidayCalendar, shanghaiDate } from '../../regulations/working-days';
import { profileRepository } from '../enterprises/enterprises.repository';
import { orgScopeFor } from '../identity/identity.policy';
import { orgRepository } from '../identity/identity.repository';
import {
  catalogTotals,
  certificateNo,
  certificatePrefix,
  checkFilingFields,
  filedDescription,
  isFiled,
} from './catalog-rules';
import type { CatalogDeps } from './data-catalog.deps';
import { catalogErrors, isUniqueViolation } from './data-catalog.errors';
import { recipientOf, toFiling, toObligation } from './data-catalog.mappers';
import { canReviewFiling, canSubmitFiling } from './data-catalog.policy';
import {
  assetRepository,
  type FilingWithOrg,
  filingRepository,
  obligationRepository,
} from './data-catalog.repository';
import type { CatalogFilingRow } from './data-catalog.table';
import { recomputeObligation } from './refiling';

const ALL = { kind: 'all' } as const;

/**
 * Catalog filing with the provincial regulator (Measures art. 12?, draft): submission of the important/core catalog,
 * the 20-working-day review, return for revision and resubmission, approval with a certificate, and change filings.
 */
export function createFilingsService(deps: CatalogDeps) {
  const { db, audit, notifications, measures } = deps;
  checkFilingFields(measures);
  const cal = holidayCalendar(deps.holidays);
  const view = (ctx: RequestContext) => ({ measures, cal, now: ctx.now });

  async function load(tx: Db, ctx: RequestContext, id: string): Promise<FilingWithOrg> {
    const row = await filingRepository.findInScope(tx, orgScopeFor(requireActor(ctx)), id);
    if (!row) throw notFound('catalog filing');
    return row;
  }

  /** The filed contents of the org's catalog now; 400 when nothing important or core is active. */
  async function currentCatalog(tx: Db, orgId: string) {
    const assets = await assetRepository.ofOrg(tx, orgId);
    const filed = assets.filter((a) => isFiled(measures, a));
    if (!filed.length) throw catalogErrors.nothingToFile();
    const totals = catalogTotals(measures, assets);
    return { snapshot: filed.map((a) => filedDescription(measures, a)), ...totals };
  }

  /** Marks the org's open change obligation fulfilled by this submission. */
  async function fulfil(tx: Db, ctx: RequestContext, orgId: string, filingId: string) {
    const open = await obligationRepository.openOf(tx, orgId);
    if (!open) return;
    await obligationRepository.update(tx, open.id, {
      status: 'fulfilled',
      closedAt: ctx.now,
      fulfilledByFilingId: filingId,
    });
    await audit.append(tx, ctx, {
      action: 'catalog.refiling_fulfilled',
      entityType: 'catalog_refiling_obligation',
      entityId: open.id,
      orgId,
      data: { filingId },
    });
  }

  /** Tells the regulators of the filing's province that a filing awaits review. */
  async function notifyRegulators(tx: Db, ctx: RequestContext, f: CatalogFilingRow, orgName: string) {
    await notifications.notify(tx, ctx, {
      orgIds: await orgRepository.idsOfKind(tx, 'provincial-regulator', f.provinceCode),
      kind: 'catalog.filing_submitted',
      title: `${orgName} 数据目录备案待审核 / data catalog filing to review`,
      body: `Measures art. 12? (draft): review within ${measures.catalogFiling.reviewWorkingDays.value} working days, by ${shanghaiDate(f.reviewDueAt)}.`,
      link: `/catalog-reviews?filing=${f.id}`,
      data: { filingId: f.id, revision: f.revision },
    });
  }

  /** Sets a filing's review state and records the step on its timeline and in the audit trail. */
  async function step(
    tx: Db,
    ctx: RequestContext,
    f: CatalogFilingRow,
    kind: string,
    revision: number,
    comment: string | null = null,
  ) {
    await filingRepository.addEvent(tx, {
      filingId: f.id,
      kind,
      revision,
      comment,
      actorUserId: ctx.actor?.userId ?? null,
      actorOrgId: ctx.actor?.orgId ?? null,
      at: ctx.now,
    });
    await audit.append(tx, ctx, {
      action: `catalog.filing_${kind}`,
      entityType: 'catalog_filing',
      entityId: f.id,
      orgId: f.orgId,
      data: { revision, ...(comment ? { comment } : {}) },
    });
  }

  /** Loads a submitted filing the actor reviews: 404 outside the scope, 403 unless its province's regulator. */
  async function loadForReview(tx: Db, ctx: RequestContext, id: string) {
    const f = await load(tx, ctx, id);
    if (!canReviewFiling(requireActor(ctx), f)) throw forbidden();
    if (f.status !== 'submitted') throw catalogErrors.wrongState(f.status, 'submitted');
    return f;
  }

  return {
    /** Filings in scope; `status=submitted` is a province's review queue, earliest due first. */
    async listFilings(ctx: RequestContext, q: z.infer<typeof FilingListQuery>) {
      const rows = await filingRepository.list(db, orgScopeFor(requireActor(ctx)), q);
      if (q.status === 'submitted') rows.sort((a, b) => a.reviewDueAt.getTime() - b.reviewDueAt.getTime());
      return rows.map((r) => toFiling(r, view(ctx)));
    },

    /** One filing with its filed snapshot and its review timeline. */
    async getFiling(ctx: RequestContext, id: string) {
      const f = await load(db, ctx, id);
      const events = await filingRepository.events(db, id);
      const { fields, possibleFurtherFields } = measures.catalogFiling;
      return {
        ...toFiling(f, view(ctx)),
        snapshot: f.snapshot,
        events: events.map((e) => ({
          kind: e.kind as 'submitted',
          revision: e.revision,
          comment: e.comment,
          actorOrgId: e.actorOrgId,
          at: e.at.toISOString(),
        })),
        fields: { value: fields.value, clause: fields.clause, status: fields.status },
        furtherFields: {
          value: possibleFurtherFields.value,
          clause: possibleFurtherFields.clause,
          status: possibleFurtherFields.status,
        },
      };
    },

    /** Files the enterprise's important/core catalog with its provincial regulator (a change filing once approved). */
    async submit(ctx: RequestContext) {
      const actor = requireActor(ctx);
      if (!canSubmitFiling(actor, actor.orgId)) throw forbidden();
      try {
        const id = await inTransaction(db, async (tx) => {
          const profile = await profileRepository.findInScope(tx, ALL, actor.orgId);
          if (!profile) throw catalogErrors.noProfile();
          if (await filingRepository.openOf(tx, actor.orgId)) throw catalogErrors.filingOpen();
          const catalog = await currentCatalog(tx, actor.orgId);
          const approved = await filingRepository.lastApproved(tx, actor.orgId);
          const due = reviewDeadline(measures, ctx.now, cal);
          const f = await filingRepository.insert(tx, {
            orgId: actor.orgId,
            provinceCode: profile.provinceCode,
            recipient: recipientOf(measures, profile.sector).key,
            kind: approved ? 'change' : 'initial',
            status: 'submitted',
            revision: 1,
            ...catalog,
            submittedAt: ctx.now,
            submittedBy: actor.userId,
            reviewDueAt: due.dueAt,
            createdAt: ctx.now,
          });
          await step(tx, ctx, f, 'submitted', 1);
          await fulfil(tx, ctx, actor.orgId, f.id);
          await notifyRegulators(tx, ctx, f, profile.name);
          return f.id;
        });
        return toFiling(await load(db, ctx, id), view(ctx));
      } catch (e) {
        if (isUniqueViolation(e, 'catalog_filings_open_uq')) throw catalogErrors.filingOpen();
        throw e;
      }
    },

    /** Resubmits a returned filing with the revised catalog: a new revision and a new review clock. */
    async resubmit(ctx: RequestContext, id: string) {
      return inTransaction(db, async (tx) => {
        const f = await load(tx, ctx, id);
        if (!canSubmitFiling(requireActor(ctx), f.orgId)) throw forbidden();
        if (f.status !== 'returned') throw catalogErrors.wrongState(f.status, 'returned');
        const catalog = await currentCatalog(tx, f.orgId);
        const due = reviewDeadline(measures, ctx.now, cal);
        const revision = f.revision + 1;
        await filingRepository.update(tx, id, {
          ...catalog,
          status: 'submitted',
          revision,
          submittedAt: ctx.now,
          submittedBy: ctx.actor?.userId ?? null,
          reviewDueAt: due.dueAt,
          decidedAt: null,
          decidedBy: null,
          returnComment: null,
        });
        await step(tx, ctx, f, 'resubmitted', revision);
        await fulfil(tx, ctx, f.orgId, f.id);
        const after = await load(tx, ctx, id);
        await notifyRegulators(tx, ctx, after, f.orgName);
        return toFiling(after, view(ctx));
      });
    },

    /** Returns a filing for revision with the regulator's comment (the review clock stops). */
    async returnFiling(ctx: RequestContext, id: string, comment: string) {
      return inTransaction(db, async (tx) => {
        const f = await loadForReview(tx, ctx, id);
        await filingRepository.update(tx, id, {
          status: 'returned',
          decidedAt: ctx.now,
          decidedBy: ctx.actor?.userId ?? null,
          returnComment: comment,
        });
        await step(tx, ctx, f, 'returned', f.revision, comment);
        await notifications.notify(tx, ctx, {
          orgIds: [f.orgId],
          kind: 'catalog.filing_returned',
          title: '数据目录备案被退回 / data catalog filing returned',
          body: comment,
          link: '/data-catalog',
          data: { filingId: f.id, revision: f.revision },
        });
        return toFiling(await load(tx, ctx, id), view(ctx));
      });
    },

    /** Approves a filing: issues the certificate and supersedes the enterprise's previous approved filing. */
    async approve(ctx: RequestContext, id: string) {
      return inTransaction(db, async (tx) => {
        const f = await loadForReview(tx, ctx, id);
        const previous = await filingRepository.lastApproved(tx, f.orgId);
        if (previous) {
          await filingRepository.update(tx, previous.id, { status: 'superseded', supersededAt: ctx.now });
          await step(tx, ctx, previous, 'superseded', previous.revision);
        }
        const issuedOn = shanghaiDate(ctx.now);
        const prefix = certificatePrefix(f.provinceCode, Number(issuedOn.slice(0, 4)));
        const no = certificateNo(prefix, await filingRepository.lastCertificateSeq(tx, prefix));
        await filingRepository.update(tx, id, {
          status: 'approved',
          decidedAt: ctx.now,
          decidedBy: ctx.actor?.userId ?? null,
          certificateNo: no,
          certificateIssuedOn: issuedOn,
        });
        await step(tx, ctx, f, 'approved', f.revision, null);
        await notifications.notify(tx, ctx, {
          orgIds: [f.orgId],
          kind: 'catalog.filing_approved',
          title: '数据目录备案已通过 / data catalog filing approved',
          body: `${measures.catalogFiling.reviewOutcome.value}: ${no}`,
          link: `/catalog-certificates/${f.id}`,
          data: { filingId: f.id, certificateNo: no },
        });
        await recomputeObligation(deps, tx, ctx, f.orgId);
        return toFiling(await load(tx, ctx, id), view(ctx));
      });
    },

    /** The certificate of an approved (or since superseded) filing, for the printable page. */
    async certificate(ctx: RequestContext, id: string) {
      const f = await load(db, ctx, id);
      if (f.status !== 'approved' && f.status !== 'superseded') throw catalogErrors.noCertificate();
      const profile = await profileRepository.findInScope(db, ALL, f.orgId);
      const approvedBy = (await filingRepository.events(db, id)).findLast((e) => e.kind === 'approved');
      const regulator = approvedBy?.actorOrgId
        ? await orgRepository.findInScope(db, ALL, approvedBy.actorOrgId)
        : undefined;
      const levels = { important: 0, core: 0 };
      for (const a of f.snapshot) if (a.level === 'important' || a.level === 'core') levels[a.level]++;
      const outcome = measures.catalogFiling.reviewOutcome;
      return {
        certificateNo: f.certificateNo!,
        issuedOn: f.certificateIssuedOn!,
        status: f.status as 'approved' | 'superseded',
        filingId: f.id,
        revision: f.revision,
        kind: f.kind as 'initial' | 'change',
        orgName: f.orgName,
        uscc: profile?.uscc ?? null,
        provinceCode: f.provinceCode,
        recipient: recipientOf(measures, f.recipient),
        regulatorName: regulator?.name ?? null,
        levels,
        categories: f.categories,
        scale: f.scale,
        outcome: { value: outcome.value, clause: outcome.clause, status: outcome.status },
      };
    },

    /** The enterprise's catalog at a glance: counts, filings, and any change filing it owes. */
    async overview(ctx: RequestContext) {
      const actor = requireActor(ctx);
      const orgId = actor.orgId;
      const [assets, profile, open, approved, obligation] = await Promise.all([
        assetRepository.ofOrg(db, orgId),
        profileRepository.findInScope(db, ALL, orgId),
        filingRepository.openOf(db, orgId),
        filingRepository.lastApproved(db, orgId),
        obligationRepository.openOf(db, orgId),
      ]);
      const counts = { general: 0, important: 0, core: 0, destroyed: 0 };
      for (const a of assets) {
        if (a.status === 'destroyed') counts.destroyed++;
        else counts[a.level as 'general']++;
      }
      const withName = async (row: CatalogFilingRow | undefined) =>
        row ? toFiling(await load(db, ctx, row.id), view(ctx)) : null;
      const c = measures.catalogFiling;
      const mark = <T>(v: { value: T; clause: string; status: 'final' | 'draft' | 'unconfirmed' }) => ({
        value: v.value,
        clause: v.clause,
        status: v.status,
      });
      return {
        orgId,
        provinceCode: profile?.provinceCode ?? null,
        recipient: profile ? recipientOf(measures, profile.sector) : null,
        counts,
        ...catalogTotals(measures, assets),
        openFiling: await withName(open),
        lastApproved: await withName(approved),
        obligation: obligation ? toObligation(obligation, measures, ctx.now) : null,
        rules: {
          filingLevels: { clause: c.levels.clause, status: c.levels.status },
          reviewWorkingDays: mark(c.reviewWorkingDays),
          changeThresholdPercent: mark(c.changeThresholdPercent),
          changeRefileMonths: mark(c.changeRefileMonths),
          initialFilingDeadline: {
            clause: c.initialFilingDeadline.clause,
            status: c.initialFilingDeadline.status,
          },
        },
      };
    },
  };
}
