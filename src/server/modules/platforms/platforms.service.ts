import type { z } from 'zod';
import type { FilingDecisionBody, FilingFields } from '../../../contracts/platforms';
import { usccProblem } from '../../../lib/china/uscc';
import { type RequestContext, requireActor } from '../../core/actor';
import { AppError, forbidden, invalid, notFound } from '../../core/errors';
import type { Db } from '../../db/client';
import { inTransaction } from '../../db/tx';
import type { AuditService } from '../audit';
import { type FilingEvent, type FilingStatus, filingNumber, nextFilingStatus } from './filing-rules';
import { filingRepository } from './platforms.repository';
import type { FilingRow } from './platforms.table';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const toFiling = (r: FilingRow) => ({
  ...(r.fields as z.infer<typeof FilingFields>),
  id: r.id,
  orgId: r.orgId,
  status: r.status as FilingStatus,
  filingNumber: r.filingNumber,
  submittedAt: iso(r.submittedAt),
  decidedAt: iso(r.decidedAt),
  decisionReason: r.decisionReason,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

const wrongState = (status: string, event: FilingEvent) =>
  new AppError(
    409,
    'filing.wrong_state',
    `A ${status} filing cannot be ${event === 'edit' ? 'edited' : `${event}ed`}.`,
  );

/** Collection-platform filings with MIIT (RMSV art. 10; 146号) and the public list of filed platforms. */
export function createPlatformsService(deps: { db: Db; audit: AuditService }) {
  const { db, audit } = deps;

  async function transition(
    tx: Db,
    ctx: RequestContext,
    row: FilingRow,
    event: FilingEvent,
    extra: Partial<FilingRow> = {},
  ) {
    const next = nextFilingStatus(row.status as FilingStatus, event);
    if (!next) throw wrongState(row.status, event);
    const updated = await filingRepository.update(tx, row.id, { ...extra, status: next, updatedAt: ctx.now });
    await audit.append(tx, ctx, {
      action: `platform_filing.${event}`,
      entityType: 'platform_filing',
      entityId: row.id,
      orgId: row.orgId,
      data: { from: row.status, to: next, ...(extra.decisionReason ? { reason: extra.decisionReason } : {}) },
    });
    return toFiling(updated);
  }

  return {
    /** The public list of filed platforms. */
    async filed() {
      return (await filingRepository.list(db, 'approved')).map((r) => {
        const f = r.fields as z.infer<typeof FilingFields>;
        return {
          platformName: f.platformName,
          url: f.url,
          hostName: f.hostName,
          filingNumber: r.filingNumber ?? '',
          filedAt: r.decidedAt!.toISOString(),
        };
      });
    },

    /** The ministry sees every filing; a platform sees its own. */
    async list(ctx: RequestContext, status?: FilingStatus) {
      const actor = requireActor(ctx);
      if (actor.orgKind === 'ministry') return (await filingRepository.list(db, status)).map(toFiling);
      const own = await filingRepository.findByOrg(db, actor.orgId);
      return own && (!status || own.status === status) ? [toFiling(own)] : [];
    },

    /** One filing inside the actor's scope. */
    async get(ctx: RequestContext, id: string) {
      const actor = requireActor(ctx);
      const row = await filingRepository.find(db, id, actor.orgKind === 'ministry' ? undefined : actor.orgId);
      if (!row) throw notFound('filing');
      return toFiling(row);
    },

    /** Creates or edits the platform's own filing (a draft, or a rejected or revoked one reopened). */
    async save(ctx: RequestContext, fields: z.infer<typeof FilingFields>) {
      const actor = requireActor(ctx);
      if (actor.orgKind !== 'collection-platform' || actor.role !== 'admin') throw forbidden();
      const problem = usccProblem(fields.hostUscc);
      if (problem) throw invalid('body.hostUscc', `Not a valid unified social credit code: ${problem}.`);
      return inTransaction(db, async (tx) => {
        const existing = await filingRepository.findByOrg(tx, actor.orgId);
        if (existing) return transition(tx, ctx, existing, 'edit', { fields });
        const row = await filingRepository.insert(tx, {
          orgId: actor.orgId,
          status: 'draft',
          fields,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
        await audit.append(tx, ctx, {
          action: 'platform_filing.created',
          entityType: 'platform_filing',
          entityId: row.id,
        });
        return toFiling(row);
      });
    },

    /** Submits the platform's filing to MIIT. */
    async submit(ctx: RequestContext, id: string) {
      const actor = requireActor(ctx);
      return inTransaction(db, async (tx) => {
        const row = await filingRepository.find(tx, id, actor.orgId);
        if (!row) throw notFound('filing');
        if (!(row.fields as { commitmentLetterSigned?: boolean }).commitmentLetterSigned) {
          throw invalid(
            'fields.commitmentLetterSigned',
            'A signed and sealed commitment letter is required before submission.',
          );
        }
        return transition(tx, ctx, row, 'submit', { submittedAt: ctx.now, decisionReason: null });
      });
    },

    /** The ministry approves (assigning a filing number), rejects or revokes a filing. */
    async decide(ctx: RequestContext, id: string, body: z.infer<typeof FilingDecisionBody>) {
      const actor = requireActor(ctx);
      if (body.decision !== 'approve' && !body.reason) {
        throw invalid('body.reason', 'A reason is required to reject or revoke a filing.');
      }
      return inTransaction(db, async (tx) => {
        const row = await filingRepository.find(tx, id);
        if (!row) throw notFound('filing');
        const year = Number(ctx.now.toISOString().slice(0, 4));
        const number =
          body.decision === 'approve'
            ? filingNumber(year, (await filingRepository.approvedInYear(tx, year)) + 1)
            : row.filingNumber;
        return transition(tx, ctx, row, body.decision, {
          decidedAt: ctx.now,
          decidedBy: actor.userId,
          decisionReason: body.reason ?? null,
          filingNumber: number,
        });
      });
    },
  };
}

/** The platforms service's public type. */
export type PlatformsService = ReturnType<typeof createPlatformsService>;
