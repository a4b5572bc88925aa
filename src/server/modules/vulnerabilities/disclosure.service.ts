import type { z } from 'zod';
import type {
  ApprovalBody,
  FreezeWindowBody,
  PublicationRequestBody,
} from '../../../contracts/vulnerabilities';
import { type RequestContext, requireActor } from '../../core/actor';
import { AppError, forbidden, notFound } from '../../core/errors';
import type { Db } from '../../db/client';
import { inTransaction } from '../../db/tx';
import { orgRepository } from '../identity/identity.repository';
import { type AdvisoryContent, toAdvisory } from './advisories.service';
import { advisoryOsv } from './advisory-documents';
import { checkDisclosure, type FreezeWindow, type PublicationRequest } from './rules/disclosure-gate';
import { mayRequestPublication, transition } from './rules/lifecycle';
import { lifecycleRole } from './rules/roles';
import { recordEvent } from './timeline';
import type { VulnDeps } from './vulnerabilities.deps';
import { vulnErrors } from './vulnerabilities.errors';
import { relationTo, reportScopeFor } from './vulnerabilities.policy';
import { type ReportWithNames, reportRepository } from './vulnerabilities.repository';

type PublicationBody = z.infer<typeof PublicationRequestBody>;

/** RMSV art. 9: the disclosure gate, early-publication approvals, freeze windows, and the published advisory. */
export function createDisclosureService(deps: VulnDeps) {
  const { db, audit, notifications, packs } = deps;

  async function windows(tx: Db): Promise<FreezeWindow[]> {
    return (await reportRepository.freezeWindows(tx)).map((w) => ({
      name: w.name,
      from: w.fromAt,
      to: w.toAt,
    }));
  }

  async function gateRequest(
    tx: Db,
    row: ReportWithNames,
    body: PublicationBody,
  ): Promise<PublicationRequest> {
    const attachments = await reportRepository.attachments(tx, row.id);
    const unknown = body.publicAttachmentIds.filter((id) => !attachments.some((a) => a.id === id));
    if (unknown.length)
      throw new AppError(400, 'validation.failed', 'Unknown attachment.', [
        {
          path: 'body.publicAttachmentIds',
          message: `not attachments of this report: ${unknown.join(', ')}`,
          code: 'validation.unknown_attachment',
        },
      ]);
    return {
      fixOrMitigationAvailable: row.fix !== null,
      approvals: row.approvals.map((a) => a.authority),
      includesFixOrMitigation: body.includesFixOrMitigation,
      attachments: attachments.map((a) => ({
        id: a.id,
        exploitTool: a.exploitTool,
        public: body.publicAttachmentIds.includes(a.id),
      })),
      fields: body.fields,
      recipients: body.recipients.map((r, i) => ({
        id: `recipients.${i}`,
        overseas: r.country.toUpperCase() !== 'CN',
        productProvider: r.productProvider,
      })),
      mpsConsent: row.approvals.some((a) => a.authority === 'MPS'),
      publishedGrade: body.statedGrade ?? null,
      assessedGrade: (row.gbtGrade as PublicationRequest['assessedGrade']) ?? null,
    };
  }

  function content(row: ReportWithNames, body: PublicationBody): AdvisoryContent {
    return {
      ref: row.ref,
      vendorOrgId: row.vendorOrgId,
      reportedAt: row.createdAt.toISOString(),
      title: body.publicTitle,
      description: body.publicDescription,
      vendorName: row.vendorName ?? row.productText?.vendorName ?? '',
      productName: row.productName ?? row.productText?.productName ?? '',
      productModel: row.productModel ?? row.productText?.model ?? null,
      productPurl: row.productPurl,
      affectedVersions: row.affectedVersions,
      fixedVersions: row.fix?.fixedVersions ?? [],
      cwe: row.cwe,
      cvss: row.cvss,
      gbtGrade: row.gbtGrade,
      externalIds: row.externalIds,
      remediation: { kind: row.fix!.kind, description: row.fix!.description, url: row.fix!.url },
      credits: row.reporterKind === 'anonymous' ? [] : row.onBehalfOf ? [row.onBehalfOf] : [],
    };
  }

  return {
    /**
     * Checks a publication request against every RMSV art. 9 rule. A refusal is recorded on the timeline and
     * answered 422 with one error per failed check; a pass publishes the advisory.
     */
    async requestPublication(ctx: RequestContext, id: string, body: PublicationBody) {
      const actor = requireActor(ctx);
      const outcome = await inTransaction(db, async (tx) => {
        const row = await reportRepository.find(tx, reportScopeFor(actor), id, true);
        if (!row) throw notFound('report');
        const role = lifecycleRole(actor, relationTo(actor, row));
        if (!mayRequestPublication(role)) throw vulnErrors.denied('role-forbidden', row.state, 'publish');
        const gate = checkDisclosure(
          await gateRequest(tx, row, body),
          packs.rmsv,
          ctx.now,
          await windows(tx),
        );
        const userActionRequired = row.state === 'fix-available' ? undefined : true;
        const r = transition(
          row.state as never,
          'publish',
          role,
          { disclosureGatePassed: gate.ok, userActionRequired },
          ctx.now,
        );
        if (!r.ok && r.reason === 'role-forbidden') throw vulnErrors.denied(r.reason, row.state, 'publish');
        if (!gate.ok) {
          await recordEvent(deps, tx, ctx, row.id, {
            kind: 'publication-refused',
            data: { codes: gate.failures.map((f) => f.code) },
          });
          await audit.append(tx, ctx, {
            action: 'vulnerability.publication_refused',
            entityType: 'vulnerability',
            entityId: row.id,
            orgId: row.vendorOrgId,
            data: { ref: row.ref, codes: gate.failures.map((f) => f.code) },
          });
          return { kind: 'refused' as const, failures: gate.failures };
        }
        if (!r.ok) throw vulnErrors.denied(r.reason, row.state, 'publish');
        const advisory = await reportRepository.insertAdvisory(tx, {
          reportId: row.id,
          ref: row.ref,
          content: content(row, body) as unknown as Record<string, unknown>,
          publishedAt: ctx.now,
        });
        await reportRepository.setAttachmentsPublic(tx, row.id, body.publicAttachmentIds);
        await reportRepository.update(tx, row.id, {
          state: r.next,
          publishedAt: ctx.now,
          updatedAt: ctx.now,
        });
        await recordEvent(deps, tx, ctx, row.id, {
          kind: 'publish',
          fromState: row.state,
          toState: r.next,
          data: { advisory: row.ref },
        });
        await notifications.notify(tx, ctx, {
          orgIds: [
            row.vendorOrgId,
            row.reporterOrgId,
            ...(await orgRepository.idsOfKind(tx, 'ministry')),
          ].filter((x): x is string => Boolean(x)),
          kind: 'advisory.published',
          title: `${row.ref} ${body.publicTitle}`,
          body: 'The advisory is public.',
          link: `/advisories/${row.ref}`,
          data: { ref: row.ref },
        });
        await audit.append(tx, ctx, {
          action: 'vulnerability.published',
          entityType: 'vulnerability',
          entityId: row.id,
          orgId: row.vendorOrgId,
          data: { ref: row.ref },
        });
        return { kind: 'published' as const, advisory: toAdvisory(advisory) };
      });
      if (outcome.kind === 'published' && deps.onPublished) {
        // Matching runs after commit: the advisory is public whatever the matcher does.
        const row = (await reportRepository.advisory(db, outcome.advisory.ref))!;
        await deps.onPublished(
          ctx,
          advisoryOsv(row, { publicUrl: deps.publicUrl }) as unknown as Record<string, unknown>,
        );
      }
      if (outcome.kind === 'refused') {
        throw new AppError(
          422,
          'disclosure.refused',
          'RMSV art. 9 forbids this publication; every failed check is listed.',
          outcome.failures.map((f) => ({
            path: f.path ? `body.${f.path}` : 'body',
            message: `${f.message} (${f.clause})`,
            code: `disclosure.${f.code}`,
          })),
        );
      }
      return outcome.advisory;
    },

    /** The ministry records an early-publication assessment by MIIT or MPS (RMSV art. 9(1)). */
    async recordApproval(ctx: RequestContext, id: string, body: z.infer<typeof ApprovalBody>) {
      const actor = requireActor(ctx);
      if (actor.orgKind !== 'ministry' || actor.role === 'viewer') throw forbidden();
      return inTransaction(db, async (tx) => {
        const row = await reportRepository.find(tx, { kind: 'all' }, id, true);
        if (!row) throw notFound('report');
        const approvals = [
          ...row.approvals.filter((a) => a.authority !== body.authority),
          { ...body, at: ctx.now.toISOString(), by: actor.userId },
        ];
        await reportRepository.update(tx, id, { approvals, updatedAt: ctx.now });
        await recordEvent(deps, tx, ctx, id, {
          kind: 'approval-recorded',
          note: body.note,
          data: { authority: body.authority },
        });
        await audit.append(tx, ctx, {
          action: 'vulnerability.approval',
          entityType: 'vulnerability',
          entityId: id,
          orgId: row.vendorOrgId,
          data: { authority: body.authority },
        });
        return { approvals: approvals.map((a) => a.authority) };
      });
    },

    /** Freeze windows (any signed-in user may plan around them). */
    async listFreezeWindows() {
      return (await reportRepository.freezeWindows(db)).map((w) => ({
        id: w.id,
        name: w.name,
        from: w.fromAt.toISOString(),
        to: w.toAt.toISOString(),
        createdAt: w.createdAt.toISOString(),
      }));
    },

    /** The ministry adds a freeze window. */
    async addFreezeWindow(ctx: RequestContext, body: z.infer<typeof FreezeWindowBody>) {
      const actor = requireActor(ctx);
      return inTransaction(db, async (tx) => {
        const w = await reportRepository.addFreezeWindow(tx, {
          name: body.name,
          fromAt: new Date(body.from),
          toAt: new Date(body.to),
          createdBy: actor.userId,
          createdAt: ctx.now,
        });
        await audit.append(tx, ctx, {
          action: 'freeze_window.created',
          entityType: 'freeze_window',
          entityId: w.id,
          data: { name: w.name, from: body.from, to: body.to },
        });
        return {
          id: w.id,
          name: w.name,
          from: w.fromAt.toISOString(),
          to: w.toAt.toISOString(),
          createdAt: w.createdAt.toISOString(),
        };
      });
    },

    /** The ministry removes a freeze window. */
    async deleteFreezeWindow(ctx: RequestContext, id: string) {
      requireActor(ctx);
      await inTransaction(db, async (tx) => {
        if (!(await reportRepository.deleteFreezeWindow(tx, id))) throw notFound('freeze window');
        await audit.append(tx, ctx, {
          action: 'freeze_window.deleted',
          entityType: 'freeze_window',
          entityId: id,
        });
      });
    },
  };
}

/** The disclosure service's public type. */
export type DisclosureService = ReturnType<typeof createDisclosureService>;
