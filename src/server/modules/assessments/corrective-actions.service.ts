import type { z } from 'zod';
import type {
  CorrectiveListQuery,
  CorrectiveTransitionBody,
  CorrectiveUpdateBody,
  EvidenceUpload,
} from '../../../contracts/assessments';
import { type RequestContext, requireActor } from '../../core/actor';
import { AppError, forbidden, notFound } from '../../core/errors';
import type { Db } from '../../db/client';
import { inTransaction } from '../../db/tx';
import { shanghaiDate } from '../../regulations/working-days';
import { orgScopeFor } from '../identity';
import { type AssessmentsDeps, EVIDENCE_KIND } from './assessments.deps';
import { assessmentErrors as errors } from './assessments.errors';
import { toAction } from './assessments.mappers';
import { canWriteFor } from './assessments.policy';
import { type ActionWithNames, assessmentsRepository as repo } from './assessments.repository';
import type { CorrectiveActionRow } from './assessments.table';
import { correctiveDueOn } from './rules/corrective-due';
import { decideTransition } from './rules/corrective-lifecycle';

/** A finding of another module to raise as a corrective action. */
export interface RaiseInput {
  orgId: string;
  sourceKind: 'examination' | 'incident' | 'drill';
  sourceId: string;
  title: string;
  detail?: string | null;
  controlId?: string | null;
  scenarios?: string[];
  /** Defaults to the board's period (rules/corrective-due.ts). */
  dueOn?: string;
  ownerUserId?: string | null;
}

/**
 * The corrective-action board (整改), generic over where an action came from (self-examination now; incidents and
 * drills later): owner, due date, open → in progress → resolved (with evidence) → verified by a second person.
 */
export function createCorrectiveActionsService(deps: AssessmentsDeps) {
  const { db, audit, notifications, evidence } = deps;

  const withEvidence = async (tx: Db, rows: ActionWithNames[], now: Date) => {
    const files = await evidence.of(
      tx,
      EVIDENCE_KIND.action,
      rows.map((r) => r.id),
    );
    return rows.map((r) => toAction(r, files.get(r.id) ?? [], now));
  };

  const load = async (ctx: RequestContext, tx: Db, id: string) => {
    const a = await repo.findAction(tx, orgScopeFor(requireActor(ctx)), id);
    if (!a) throw notFound('corrective action');
    return a;
  };

  /** Loads an action the actor may change, locked. */
  const editable = async (ctx: RequestContext, tx: Db, id: string): Promise<CorrectiveActionRow> => {
    const a = await load(ctx, tx, id);
    if (!canWriteFor(requireActor(ctx), a.orgId)) throw forbidden();
    return (await repo.lockAction(tx, a.id))!;
  };

  const get = async (ctx: RequestContext, id: string, tx: Db = db) =>
    (await withEvidence(tx, [await load(ctx, tx, id)], ctx.now))[0]!;

  const notifyOwner = (tx: Db, ctx: RequestContext, a: CorrectiveActionRow, ownerUserId: string) =>
    notifications.notify(tx, ctx, {
      orgIds: [a.orgId],
      userIds: [ownerUserId],
      kind: 'corrective_action.assigned',
      title: `整改任务分派给您 / Corrective action assigned: ${a.controlId ?? ''} ${a.title}`.trim(),
      body: `Due ${a.dueOn}.`,
      link: `/corrective-actions?id=${a.id}`,
      data: { correctiveActionId: a.id },
    });

  return {
    /**
     * Raises one action from another module's finding (an incident or a drill lesson) inside the caller's
     * transaction; the caller authorizes its source and audits the raise. The owner, when not the actor, is told.
     */
    async raise(tx: Db, ctx: RequestContext, input: RaiseInput): Promise<{ id: string }> {
      if (input.ownerUserId && !(await repo.isActiveUserOf(tx, input.orgId, input.ownerUserId)))
        throw errors.ownerNotMember();
      const [a] = await repo.insertActions(tx, [
        {
          orgId: input.orgId,
          sourceKind: input.sourceKind,
          sourceId: input.sourceId,
          controlId: input.controlId ?? null,
          scenarios: input.scenarios ?? [],
          title: input.title,
          detail: input.detail ?? null,
          ownerUserId: input.ownerUserId ?? null,
          dueOn: input.dueOn ?? correctiveDueOn(ctx.now),
          status: 'open',
          createdAt: ctx.now,
          updatedAt: ctx.now,
        },
      ]);
      if (a!.ownerUserId && a!.ownerUserId !== ctx.actor?.userId)
        await notifyOwner(tx, ctx, a!, a!.ownerUserId);
      return { id: a!.id };
    },

    /** The board: actions the actor may see, filtered. */
    async list(ctx: RequestContext, q: z.infer<typeof CorrectiveListQuery>) {
      const rows = await repo.listActions(db, orgScopeFor(requireActor(ctx)), {
        status: q.status,
        ownerUserId: q.ownerUserId,
        orgId: q.orgId,
        sourceId: q.sourceId,
        overdueOn: q.overdue ? shanghaiDate(ctx.now) : undefined,
      });
      const out = await withEvidence(db, rows, ctx.now);
      return q.overdue === false ? out.filter((a) => !a.overdue) : out;
    },

    /** One action with its evidence. */
    get: (ctx: RequestContext, id: string) => get(ctx, id),

    /** Changes the owner (one of the enterprise's active users), the due date or the detail. */
    async update(ctx: RequestContext, id: string, body: z.infer<typeof CorrectiveUpdateBody>) {
      return inTransaction(db, async (tx) => {
        const a = await editable(ctx, tx, id);
        if (a.status === 'verified') throw errors.actionClosed();
        if (body.ownerUserId && !(await repo.isActiveUserOf(tx, a.orgId, body.ownerUserId)))
          throw errors.ownerNotMember();
        await repo.updateAction(tx, a.id, { ...body, updatedAt: ctx.now });
        const reassigned = body.ownerUserId && body.ownerUserId !== a.ownerUserId;
        if (reassigned && body.ownerUserId !== ctx.actor?.userId)
          await notifyOwner(tx, ctx, { ...a, ...body } as CorrectiveActionRow, body.ownerUserId!);
        await audit.append(tx, ctx, {
          action: 'corrective_action.updated',
          entityType: 'corrective_action',
          entityId: a.id,
          orgId: a.orgId,
          data: { ...body },
        });
        return get(ctx, a.id, tx);
      });
    },

    /** Moves an action on the board (rules/corrective-lifecycle.ts decides). */
    async transition(ctx: RequestContext, id: string, body: CorrectiveTransitionBody) {
      const actor = requireActor(ctx);
      return inTransaction(db, async (tx) => {
        const a = await editable(ctx, tx, id);
        const decision = decideTransition(body.action, {
          status: a.status as Parameters<typeof decideTransition>[1]['status'],
          evidenceCount: await evidence.count(tx, EVIDENCE_KIND.action, a.id),
          resolvedBy: a.resolvedBy,
          actorUserId: actor.userId,
        });
        if (!decision.ok) throw new AppError(decision.status, decision.code, decision.message);
        const patch: Partial<CorrectiveActionRow> = { status: decision.to, updatedAt: ctx.now };
        if (body.action === 'resolve')
          Object.assign(patch, {
            resolution: body.resolution,
            resolvedAt: ctx.now,
            resolvedBy: actor.userId,
          });
        if (body.action === 'verify')
          Object.assign(patch, {
            verificationNote: body.note,
            verifiedAt: ctx.now,
            verifiedBy: actor.userId,
          });
        if (body.action === 'reopen') Object.assign(patch, { resolvedAt: null, resolvedBy: null });
        await repo.updateAction(tx, a.id, patch);
        await audit.append(tx, ctx, {
          action: `corrective_action.${body.action}`,
          entityType: 'corrective_action',
          entityId: a.id,
          orgId: a.orgId,
          data: {
            from: a.status,
            to: decision.to,
            ...(body.action === 'resolve' ? { resolution: body.resolution } : {}),
            ...(body.action === 'verify' || body.action === 'reopen' ? { note: body.note ?? null } : {}),
          },
        });
        return get(ctx, a.id, tx);
      });
    },

    /** Attaches a sealed evidence file to the action (required before resolving). */
    async attachEvidence(ctx: RequestContext, id: string, body: EvidenceUpload) {
      return inTransaction(db, async (tx) => {
        const a = await editable(ctx, tx, id);
        if (a.status === 'verified') throw errors.actionClosed();
        const f = await evidence.attach(
          tx,
          ctx,
          { orgId: a.orgId, kind: EVIDENCE_KIND.action, id: a.id },
          body,
        );
        await audit.append(tx, ctx, {
          action: 'corrective_action.evidence_added',
          entityType: 'corrective_action',
          entityId: a.id,
          orgId: a.orgId,
          data: { evidenceId: f.id, sha256: f.sha256, size: f.size },
        });
        return f;
      });
    },
  };
}

/** The corrective-actions service's public type. */
export type CorrectiveActionsService = ReturnType<typeof createCorrectiveActionsService>;
