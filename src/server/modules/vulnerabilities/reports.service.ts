import type { z } from 'zod';
import type { ExternalIdsBody, ReportListQuery, TransitionBody } from '../../../contracts/vulnerabilities';
import { type RequestContext, requireActor } from '../../core/actor';
import { tokenHash } from '../../core/crypto';
import { decodeCursor, encodeCursor } from '../../core/cursor';
import { AppError, forbidden, invalid, notFound } from '../../core/errors';
import type { Db } from '../../db/client';
import { inTransaction } from '../../db/tx';
import { holidayCalendar } from '../../regulations/working-days';
import { productRepository } from '../products/products.repository';
import { applyEffects } from './effects';
import { planClocks } from './rules/clocks';
import { normalizeVulnId, parseVulnId } from './rules/ids';
import { availableEvents, type TransitionFacts, transition } from './rules/lifecycle';
import { lifecycleRole } from './rules/roles';
import { openNotes, recordEvent } from './timeline';
import { descriptionAad, type VulnDeps } from './vulnerabilities.deps';
import { vulnErrors } from './vulnerabilities.errors';
import { toReport, toTimelineEntry } from './vulnerabilities.mappers';
import { canAssignVendor, canRecordIds, relationTo, reportScopeFor } from './vulnerabilities.policy';
import { type ReportWithNames, reportRepository } from './vulnerabilities.repository';
import type { ReportRow } from './vulnerabilities.table';

type Transition = z.infer<typeof TransitionBody>;

/** Facts the lifecycle guards read, gathered from the request and the record. */
async function factsFor(db: Db, row: ReportRow, body: Transition): Promise<TransitionFacts> {
  switch (body.event) {
    case 'reject':
      return { reason: body.reason };
    case 'mark-duplicate': {
      const [target] = await reportRepository.byIds(db, [body.duplicateOf]);
      if (!target || target.id === row.id || target.vendorOrgId !== row.vendorOrgId)
        throw vulnErrors.badDuplicateTarget();
      return { duplicateOfId: target.id };
    }
    case 'confirm':
      return { assessmentRecorded: true, upstreamAffected: body.upstreamComponentIds.length > 0 };
    case 'release-fix':
      return { fixOrMitigationRecorded: true };
    case 'notify-users':
      return { userActionRequired: body.userActionRequired };
    default:
      return {};
  }
}

/** Record changes each event makes beyond the state. */
function changesFor(body: Transition, now: Date, row: ReportRow): Partial<ReportRow> {
  switch (body.event) {
    case 'mark-duplicate':
      return { duplicateOf: body.duplicateOf };
    case 'confirm':
      return {
        verifiedAt: now,
        assessment: {
          harm: body.harm,
          scope: body.scope,
          upstreamAffected: body.upstreamComponentIds.length > 0,
        },
      };
    case 'release-fix':
      return {
        fix: {
          kind: body.kind,
          description: body.description,
          url: body.url ?? null,
          fixedVersions: body.fixedVersions,
        },
      };
    case 'notify-users':
      return { usersNotifiedAt: now };
    case 'reopen':
      return { escalatedAt: row.escalatedAt };
    default:
      return {};
  }
}

const noteOf = (body: Transition) =>
  'note' in body && body.note
    ? body.note
    : 'reason' in body
      ? body.reason
      : 'message' in body
        ? body.message
        : body.event === 'release-fix'
          ? body.description
          : null;

/** Report inboxes, detail views and lifecycle actions. */
export function createReportsService(deps: VulnDeps) {
  const { db, audit, keyring, packs } = deps;

  async function detail(
    tx: Db,
    row: ReportWithNames,
    now: Date,
    opts: { reporterView: boolean; events: string[] },
  ) {
    const events = await openNotes(
      deps,
      tx,
      row.id,
      await reportRepository.events(tx, row.id, opts.reporterView),
    );
    const attachments = await reportRepository.attachments(tx, row.id);
    const candidates = await reportRepository.byIds(
      tx,
      row.duplicateCandidates.map((c) => c.id),
    );
    const national = await reportRepository.nationalReportOf(tx, row.id);
    return {
      ...toReport(row, now, packs.rmsv),
      description: (await keyring.open(tx, row.descriptionSealed, descriptionAad(row.id))).toString(),
      assessment: row.assessment ?? null,
      fix: row.fix ?? null,
      timeline: events.map((e) => toTimelineEntry(e.event, e.note)),
      attachments: attachments.map((a) => ({
        id: a.id,
        filename: a.filename,
        size: a.size,
        exploitTool: a.exploitTool,
        public: a.public,
        createdAt: a.createdAt.toISOString(),
      })),
      duplicateCandidates: row.duplicateCandidates.flatMap((c) => {
        const r = candidates.find((x) => x.id === c.id);
        return r ? [{ id: r.id, ref: r.ref, title: r.title, score: c.score }] : [];
      }),
      availableEvents: opts.events,
      nationalReport: national
        ? {
            id: national.id,
            status: national.status as 'filed' | 'acknowledged' | 'more-info-requested',
            late: national.late,
          }
        : null,
    };
  }

  return {
    /** A keyset page of the reports the actor may see, newest first. */
    async list(ctx: RequestContext, q: z.infer<typeof ReportListQuery>) {
      const actor = requireActor(ctx);
      const before = q.cursor ? (decodeCursor(q.cursor, 2) as [string, string]) : undefined;
      const rows = await reportRepository.list(db, reportScopeFor(actor), {
        state: q.state,
        overdueAt: q.overdue === 'true' ? ctx.now : undefined,
        unrouted: q.unrouted === 'true',
        vendorOrgId: q.mine === 'assigned' ? actor.orgId : undefined,
        reporterOrgId: q.mine === 'reported' ? actor.orgId : undefined,
        before,
        limit: q.limit,
      });
      const last = rows.at(-1);
      return {
        items: rows.map((r) => toReport(r, ctx.now, packs.rmsv)),
        nextCursor:
          rows.length === q.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
      };
    },

    /** One report with its opened description, timeline and the actions the actor may take. */
    async get(ctx: RequestContext, id: string) {
      const actor = requireActor(ctx);
      const row = await reportRepository.find(db, reportScopeFor(actor), id);
      if (!row) throw notFound('report');
      const rel = relationTo(actor, row);
      const role = lifecycleRole(actor, rel);
      return detail(db, row, ctx.now, {
        reporterView: rel.isReporter && !rel.isProductProvider && actor.orgKind !== 'ministry',
        events: availableEvents(row.state as never, role),
      });
    },

    /** Fires one lifecycle event (RMSV art. 7 steps); the national report and publication have their own routes. */
    async act(ctx: RequestContext, id: string, body: Transition) {
      const actor = requireActor(ctx);
      return inTransaction(db, async (tx) => {
        const row = await reportRepository.find(tx, reportScopeFor(actor), id, true);
        if (!row) throw notFound('report');
        const role = lifecycleRole(actor, relationTo(actor, row));
        const facts = await factsFor(tx, row, body);
        const result = transition(row.state as never, body.event, role, facts, ctx.now);
        if (!result.ok) throw vulnErrors.denied(result.reason, row.state, body.event);
        const updated = await reportRepository.update(tx, id, {
          ...changesFor(body, ctx.now, row),
          state: result.next,
          updatedAt: ctx.now,
        });
        await recordEvent(deps, tx, ctx, id, {
          kind: body.event,
          fromState: row.state,
          toState: result.next,
          note: noteOf(body),
        });
        await applyEffects(deps, tx, ctx, { ...row, ...updated }, result.effects, {
          upstreamComponentIds: body.event === 'confirm' ? body.upstreamComponentIds : [],
          message: body.event === 'notify-users' ? body.message : undefined,
        });
        await audit.append(tx, ctx, {
          action: `vulnerability.${body.event}`,
          entityType: 'vulnerability',
          entityId: id,
          orgId: row.vendorOrgId,
          data: { ref: row.ref, from: row.state, to: result.next },
        });
        const fresh = (await reportRepository.find(tx, { kind: 'all' }, id))!;
        return detail(tx, fresh, ctx.now, {
          reporterView: false,
          events: availableEvents(fresh.state as never, role),
        });
      });
    },

    /** The anonymous reporter's view through the claim code. */
    async claimView(ctx: RequestContext, code: string) {
      const row = await reportRepository.findByClaim(db, tokenHash(code));
      if (!row) throw vulnErrors.unknownClaim();
      return detail(db, row, ctx.now, {
        reporterView: true,
        events: availableEvents(row.state as never, 'reporter'),
      });
    },

    /** The anonymous reporter answers a request for information. */
    async claimProvideInfo(ctx: RequestContext, code: string, note: string) {
      return inTransaction(db, async (tx) => {
        const row = await reportRepository.findByClaim(tx, tokenHash(code));
        if (!row) throw vulnErrors.unknownClaim();
        const result = transition(row.state as never, 'provide-info', 'reporter', {}, ctx.now);
        if (!result.ok) throw vulnErrors.denied(result.reason, row.state, 'provide-info');
        await reportRepository.update(tx, row.id, { state: result.next, updatedAt: ctx.now });
        await recordEvent(deps, tx, ctx, row.id, {
          kind: 'provide-info',
          fromState: row.state,
          toState: result.next,
          note,
        });
        await applyEffects(deps, tx, ctx, { ...row, state: result.next }, result.effects, {
          upstreamComponentIds: [],
        });
        await reportRepository.logIntake(tx, {
          at: ctx.now,
          event: 'info-provided',
          channel: 'anonymous-web',
          reportId: row.id,
          reportRef: row.ref,
          reporterKind: 'anonymous',
          ip: ctx.ip,
        });
        await audit.append(tx, ctx, {
          action: 'vulnerability.provide-info',
          entityType: 'vulnerability',
          entityId: row.id,
          orgId: row.vendorOrgId,
          data: { ref: row.ref, via: 'claim-code' },
        });
        const fresh = (await reportRepository.find(tx, { kind: 'all' }, row.id))!;
        return detail(tx, fresh, ctx.now, {
          reporterView: true,
          events: availableEvents(fresh.state as never, 'reporter'),
        });
      });
    },

    /** The ministry routes an unrouted report to a vendor on the platform; that starts the vendor's RMSV art. 7 clocks. */
    async assignVendor(ctx: RequestContext, id: string, vendorOrgId: string) {
      const actor = requireActor(ctx);
      if (!canAssignVendor(actor)) throw forbidden();
      return inTransaction(db, async (tx) => {
        const row = await reportRepository.find(tx, { kind: 'all' }, id, true);
        if (!row) throw notFound('report');
        if (row.vendorOrgId)
          throw new AppError(409, 'vulnerability.already_routed', 'This report already has a vendor.');
        if (!(await productRepository.isVendor(tx, vendorOrgId))) {
          throw invalid('body.vendorOrgId', 'Not a vendor organisation on this platform.');
        }
        const clocks = planClocks(ctx.now, packs.rmsv, holidayCalendar(packs.holidays));
        await reportRepository.update(tx, id, {
          vendorOrgId,
          awareAt: ctx.now,
          verifyDueAt: clocks.verifyDueAt,
          upstreamNotifyDueAt: clocks.upstreamNotifyDueAt,
          nationalReportDueAt: clocks.nationalReportDueAt,
          escalateAt: clocks.escalateAt,
          updatedAt: ctx.now,
        });
        await recordEvent(deps, tx, ctx, id, { kind: 'assigned', data: { vendorOrgId } });
        await deps.notifications.notify(tx, ctx, {
          orgIds: [vendorOrgId],
          kind: 'vulnerability.received',
          title: `${row.ref} ${row.title}`,
          body: 'The ministry routed a vulnerability report to you. RMSV art. 7: verify at once and report to MIIT within 2 days.',
          link: `/vulnerabilities/${id}`,
          data: { reportId: id, ref: row.ref },
        });
        await audit.append(tx, ctx, {
          action: 'vulnerability.assigned',
          entityType: 'vulnerability',
          entityId: id,
          orgId: vendorOrgId,
          data: { ref: row.ref },
        });
        return toReport((await reportRepository.find(tx, { kind: 'all' }, id))!, ctx.now, packs.rmsv);
      });
    },

    /** Records CVE / CNVD / CNNVD / NVDB identifiers after checking each format. */
    async setExternalIds(ctx: RequestContext, id: string, body: z.infer<typeof ExternalIdsBody>) {
      const actor = requireActor(ctx);
      return inTransaction(db, async (tx) => {
        const row = await reportRepository.find(tx, reportScopeFor(actor), id, true);
        if (!row) throw notFound('report');
        if (!canRecordIds(actor, row.vendorOrgId)) throw forbidden();
        const ids = { ...row.externalIds };
        for (const [field, raw] of Object.entries(body) as [keyof typeof body, string | null | undefined][]) {
          if (raw === undefined) continue;
          if (raw === null) {
            delete ids[field];
            continue;
          }
          const parsed = parseVulnId(raw);
          if (parsed?.kind !== field) throw vulnErrors.badExternalId(field, raw);
          ids[field] = normalizeVulnId(raw);
        }
        await reportRepository.update(tx, id, { externalIds: ids, updatedAt: ctx.now });
        // A published advisory carries the new ids in its next revision, so CVE/OSV exports pick them up.
        const advisory = await reportRepository.advisory(tx, row.ref);
        if (advisory)
          await reportRepository.reviseAdvisory(tx, row.ref, { ...advisory.content, externalIds: ids });
        await recordEvent(deps, tx, ctx, id, { kind: 'external-ids', data: ids });
        await audit.append(tx, ctx, {
          action: 'vulnerability.external_ids',
          entityType: 'vulnerability',
          entityId: id,
          orgId: row.vendorOrgId,
          data: ids,
        });
        return toReport({ ...row, externalIds: ids }, ctx.now, packs.rmsv);
      });
    },
  };
}

/** The reports service's public type. */
export type ReportsService = ReturnType<typeof createReportsService>;
