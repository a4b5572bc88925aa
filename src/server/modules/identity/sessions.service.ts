import type { Session } from '../../../contracts/identity';
import { type RequestContext, requireActor } from '../../core/actor';
import { notFound } from '../../core/errors';
import type { Db } from '../../db/client';
import { inTransaction } from '../../db/tx';
import type { AuditService } from '../audit';
import { administeredUser } from './administered-org';
import { toSession } from './identity.mappers';
import { sessionRepository } from './identity.repository';

/** A user's browser sessions: their own list and revocation, and an admin's view of a user's. */
export function createSessionsService(deps: { db: Db; audit: AuditService }) {
  const { db, audit } = deps;
  return {
    /** The actor's live sessions; the one this request came with is marked `current`. */
    async listOwn(ctx: RequestContext): Promise<Session[]> {
      const actor = requireActor(ctx);
      const rows = await sessionRepository.listLive(db, actor.userId, ctx.now);
      return rows.map((r) => toSession(r, actor.sessionId));
    },

    /** Revokes one of the actor's own sessions (another user's is 404); revoking a revoked one is a no-op. */
    async revokeOwn(ctx: RequestContext, id: string): Promise<void> {
      const actor = requireActor(ctx);
      await inTransaction(db, async (tx) => {
        const row = await sessionRepository.findOfUser(tx, actor.userId, id);
        if (!row) throw notFound('session');
        if (!row.revokedAt) await sessionRepository.revoke(tx, id, ctx.now);
        await audit.append(tx, ctx, { action: 'session.revoked', entityType: 'session', entityId: id });
      });
    },

    /** A user's live sessions, for an admin of the user's org (tenancy as for every user administration). */
    async listForUser(ctx: RequestContext, orgId: string, userId: string): Promise<Session[]> {
      const actor = requireActor(ctx);
      const { user } = await administeredUser(db, actor, orgId, userId);
      const rows = await sessionRepository.listLive(db, user.id, ctx.now);
      return rows.map((r) => toSession(r, actor.sessionId));
    },
  };
}

/** The sessions service's public type. */
export type SessionsService = ReturnType<typeof createSessionsService>;
