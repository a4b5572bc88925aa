import type { z } from 'zod';
import type { AuditEntry, AuditListQuery, AuditVerifyResult } from '../../../contracts/audit';
import { type RequestContext, requireActor } from '../../core/actor';
import type { HashAlg } from '../../core/crypto';
import { forbidden } from '../../core/errors';
import type { Db } from '../../db/client';
import { ChainVerifier, chainHash, GENESIS_HASH } from './audit.chain';
import { auditScopeFor } from './audit.policy';
import { auditRepository } from './audit.repository';
import type { AuditRow } from './audit.table';

/** What a service records about one write. */
export interface AuditEvent {
  action: string;
  entityType: string;
  entityId?: string | null;
  /** The tenant whose trail this belongs to; defaults to the actor's org. */
  orgId?: string | null;
  data?: Record<string, unknown>;
}

const toEntry = (r: AuditRow): z.infer<typeof AuditEntry> => ({
  ...r,
  at: r.at.toISOString(),
  alg: r.alg as HashAlg,
});

/** The audit chain: append inside the caller's transaction, browse, verify. */
export function createAuditService(deps: { db: Db; alg: HashAlg }) {
  /** Appends chained rows in order under one head lock, in multi-row inserts (bulk imports). */
  async function appendMany(tx: Db, ctx: RequestContext, events: readonly AuditEvent[]): Promise<void> {
    if (!events.length) return;
    const head = await auditRepository.lockHead(tx);
    let seq = head?.seq ?? 0;
    let prevHash = head?.hash ?? GENESIS_HASH;
    const rows: AuditRow[] = events.map((event) => {
      const fields = {
        seq: ++seq,
        at: ctx.now,
        actorUserId: ctx.actor?.userId ?? null,
        actorOrgId: ctx.actor?.orgId ?? null,
        orgId: event.orgId === undefined ? (ctx.actor?.orgId ?? null) : event.orgId,
        action: event.action,
        entityType: event.entityType,
        entityId: event.entityId ?? null,
        data: event.data ?? {},
        requestId: ctx.requestId,
        alg: deps.alg,
        prevHash,
      };
      prevHash = chainHash(fields);
      return { ...fields, hash: prevHash };
    });
    await auditRepository.insertMany(tx, rows);
  }

  return {
    /** Appends chained rows in order under one head lock (bulk imports). */
    appendMany,
    /** Appends one chained row in the caller's transaction; call it last, just before commit. */
    async append(tx: Db, ctx: RequestContext, event: AuditEvent): Promise<void> {
      await appendMany(tx, ctx, [event]);
    },

    /** A page of the trail the actor may read, newest first. */
    async list(ctx: RequestContext, q: z.infer<typeof AuditListQuery>) {
      const scope = auditScopeFor(requireActor(ctx));
      if (!scope) throw forbidden('Only organisation admins and the ministry may read the audit trail.');
      const rows = await auditRepository.list(deps.db, scope, q);
      const last = rows.at(-1);
      return {
        items: rows.map(toEntry),
        nextCursor: rows.length === q.limit && last ? String(last.seq) : null,
      };
    },

    /** Walks the whole chain and reports the first broken link. */
    async verify(): Promise<z.infer<typeof AuditVerifyResult>> {
      const v = new ChainVerifier();
      let after = 0;
      for (;;) {
        const batch = await auditRepository.batchAfter(deps.db, after, 5000);
        for (const row of batch) {
          if (!v.push({ ...row, alg: row.alg as HashAlg })) break;
        }
        const last = batch.at(-1);
        if (v.firstBroken || !last || batch.length < 5000) break;
        after = last.seq;
      }
      return {
        ok: v.firstBroken === null,
        rows: v.rows,
        headSeq: v.head?.seq ?? null,
        headHash: v.head?.hash ?? null,
        firstBroken: v.firstBroken,
      };
    },
  };
}

/** The audit service's public type. */
export type AuditService = ReturnType<typeof createAuditService>;
