import type { z } from 'zod';
import type { NationalReportBody, NationalReportDecisionBody } from '../../../contracts/vulnerabilities';
import { type RequestContext, requireActor } from '../../core/actor';
import { AppError, forbidden, notFound } from '../../core/errors';
import { inTransaction } from '../../db/tx';
import { orgRepository } from '../identity/identity.repository';
import { transition } from './rules/lifecycle';
import { validateNationalReport } from './rules/national-report';
import { lifecycleRole } from './rules/roles';
import { recordEvent } from './timeline';
import type { VulnDeps } from './vulnerabilities.deps';
import { vulnErrors } from './vulnerabilities.errors';
import { relationTo, reportScopeFor } from './vulnerabilities.policy';
import { reportRepository } from './vulnerabilities.repository';
import type { NationalReportRow } from './vulnerabilities.table';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const toNational = (x: { n: NationalReportRow; ref: string; vendorName: string }) => ({
  id: x.n.id,
  reportId: x.n.reportId,
  reportRef: x.ref,
  vendorOrgId: x.n.vendorOrgId,
  vendorName: x.vendorName,
  fields: x.n.fields,
  status: x.n.status as 'filed' | 'acknowledged' | 'more-info-requested',
  late: x.n.late,
  dueAt: iso(x.n.dueAt),
  submittedAt: x.n.submittedAt.toISOString(),
  ministryNote: x.n.ministryNote,
  acknowledgedAt: iso(x.n.acknowledgedAt),
});

/** RMSV art. 7(2): the vendor's report to MIIT's national platform, and the ministry's inbox for it. */
export function createNationalReportsService(deps: VulnDeps) {
  const { db, audit, notifications, packs } = deps;

  return {
    /** Files (or, after "request more", re-files) the national report; validates the mandatory fields. */
    async file(ctx: RequestContext, reportId: string, body: z.infer<typeof NationalReportBody>) {
      const actor = requireActor(ctx);
      const checked = validateNationalReport(body, packs.rmsv);
      if (!checked.ok) {
        throw new AppError(
          400,
          'national_report.incomplete',
          'RMSV art. 7(2) requires product name, model, version, technical characteristics, harm and scope.',
          checked.problems.map((p) => ({ path: `body.${p.path}`, message: p.message, code: p.code })),
        );
      }
      const fields = Object.fromEntries(
        Object.entries(checked.report).filter(([, v]) => typeof v === 'string'),
      ) as Record<string, string>;
      const id = await inTransaction(db, async (tx) => {
        const row = await reportRepository.find(tx, reportScopeFor(actor), reportId, true);
        if (!row) throw notFound('report');
        const role = lifecycleRole(actor, relationTo(actor, row));
        const existing = await reportRepository.nationalReportOf(tx, row.id);
        const refiling = row.state === 'nationally-reported' && existing?.status === 'more-info-requested';
        let late = existing?.late ?? false;
        if (!refiling) {
          const r = transition(
            row.state as never,
            'report-nationally',
            role,
            { nationalReportComplete: true, nationalReportDueAt: row.nationalReportDueAt ?? undefined },
            ctx.now,
          );
          if (!r.ok) throw vulnErrors.denied(r.reason, row.state, 'report-nationally');
          late = r.effects.includes('record-late-national-report');
          await reportRepository.update(tx, row.id, {
            state: r.next,
            nationalReportedAt: ctx.now,
            updatedAt: ctx.now,
          });
          await recordEvent(deps, tx, ctx, row.id, {
            kind: 'report-nationally',
            fromState: row.state,
            toState: r.next,
            data: { late },
          });
        } else if (role !== 'vendor-admin' && role !== 'vendor-member') {
          throw forbidden();
        } else {
          await recordEvent(deps, tx, ctx, row.id, { kind: 'national-report-refiled', data: {} });
        }
        const saved = await reportRepository.upsertNationalReport(tx, {
          reportId: row.id,
          vendorOrgId: row.vendorOrgId!,
          fields,
          status: 'filed',
          late,
          dueAt: row.nationalReportDueAt,
          submittedAt: ctx.now,
          submittedBy: actor.userId,
        });
        await notifications.notify(tx, ctx, {
          orgIds: await orgRepository.idsOfKind(tx, 'ministry'),
          kind: 'national-report.filed',
          title: `${row.ref} ${fields.productName ?? row.title}`,
          body: late
            ? 'A national report was filed after its RMSV art. 7(2) deadline.'
            : 'A national report was filed.',
          link: `/national-reports/${saved.id}`,
          data: { nationalReportId: saved.id, reportId: row.id, late },
        });
        await audit.append(tx, ctx, {
          action: refiling ? 'national_report.refiled' : 'national_report.filed',
          entityType: 'national_report',
          entityId: saved.id,
          orgId: row.vendorOrgId,
          data: { ref: row.ref, late },
        });
        return saved.id;
      });
      return toNational((await reportRepository.nationalReport(db, id))!);
    },

    /** The ministry's inbox (all) or a vendor's own filed reports. */
    async list(ctx: RequestContext, status?: string) {
      const actor = requireActor(ctx);
      const rows = await reportRepository.nationalReports(db, {
        status,
        vendorOrgId: actor.orgKind === 'ministry' ? undefined : actor.orgId,
        limit: 500,
      });
      return rows.map(toNational);
    },

    /** One national report (the JSON export); the vendor that filed it or the ministry. */
    async get(ctx: RequestContext, id: string) {
      const actor = requireActor(ctx);
      const row = await reportRepository.nationalReport(
        db,
        id,
        actor.orgKind === 'ministry' ? undefined : actor.orgId,
      );
      if (!row) throw notFound('national report');
      return toNational(row);
    },

    /** The ministry acknowledges a national report or asks the vendor for more. */
    async decide(ctx: RequestContext, id: string, body: z.infer<typeof NationalReportDecisionBody>) {
      requireActor(ctx);
      await inTransaction(db, async (tx) => {
        const row = await reportRepository.nationalReport(tx, id);
        if (!row) throw notFound('national report');
        if (body.decision === 'request-more' && !body.note) {
          throw new AppError(400, 'validation.failed', 'Say what more is needed.', [
            { path: 'body.note', message: 'required', code: 'validation.required' },
          ]);
        }
        const status = body.decision === 'acknowledge' ? 'acknowledged' : 'more-info-requested';
        await reportRepository.updateNationalReport(tx, id, {
          status,
          ministryNote: body.note ?? null,
          acknowledgedAt: body.decision === 'acknowledge' ? ctx.now : null,
        });
        await recordEvent(deps, tx, ctx, row.n.reportId, {
          kind: `national-report-${status}`,
          note: body.note ?? null,
          reporterVisible: false,
        });
        await notifications.notify(tx, ctx, {
          orgIds: [row.n.vendorOrgId],
          kind: `national-report.${status}`,
          title: `${row.ref}`,
          body:
            body.decision === 'acknowledge'
              ? 'MIIT acknowledged your national report.'
              : `MIIT asks for more: ${body.note}`,
          link: `/vulnerabilities/${row.n.reportId}`,
          data: { nationalReportId: id },
        });
        await audit.append(tx, ctx, {
          action: `national_report.${body.decision}`,
          entityType: 'national_report',
          entityId: id,
          orgId: row.n.vendorOrgId,
          data: { ref: row.ref },
        });
      });
      return toNational((await reportRepository.nationalReport(db, id))!);
    },
  };
}

/** The national-reports service's public type. */
export type NationalReportsService = ReturnType<typeof createNationalReportsService>;
