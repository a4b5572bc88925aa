import type { z } from 'zod';
import type { Me } from '../../../contracts/identity';
import type { Actor, RequestContext } from '../../core/actor';
import { randomToken, tokenHash } from '../../core/crypto';
import { unauthenticated } from '../../core/errors';
import type { Db } from '../../db/client';
import type { AuditService } from '../audit';
import { toOrg, toUser } from './identity.mappers';
import { orgRepository, sessionRepository } from './identity.repository';
import type { OrgRow, UserRow } from './identity.table';

/** A session just opened: the cookie value (shown once), the actor's view and the cookie lifetime. */
export interface OpenedSession {
  me: z.infer<typeof Me>;
  token: string;
  maxAgeSeconds: number;
}

/** Builds the actor for a user of an org. */
export const actorOf = (user: UserRow, org: OrgRow, via: Actor['via'], ids: Partial<Actor> = {}): Actor => ({
  userId: user.id,
  orgId: org.id,
  orgKind: org.kind as Actor['orgKind'],
  role: user.role as Actor['role'],
  provinceCode: org.provinceCode,
  via,
  ...ids,
});

/** The org a user belongs to; a dangling user cannot authenticate. */
export async function orgOf(db: Db, user: UserRow): Promise<OrgRow> {
  const org = await orgRepository.findInScope(db, { kind: 'all' }, user.orgId);
  if (!org) throw unauthenticated();
  return org;
}

/** Opens a browser session for a fully authenticated user and audits the sign-in, inside the caller's transaction. */
export async function openSession(
  tx: Db,
  deps: { audit: AuditService; sessionTtlHours: number },
  ctx: RequestContext,
  user: UserRow,
  userAgent: string | null,
  secondFactor: 'totp' | null,
): Promise<OpenedSession> {
  const token = randomToken(32);
  const csrfToken = randomToken(24);
  const session = await sessionRepository.insert(tx, {
    userId: user.id,
    tokenHash: tokenHash(token),
    csrfToken,
    ip: ctx.ip,
    userAgent: userAgent?.slice(0, 300) ?? null,
    createdAt: ctx.now,
    lastSeenAt: ctx.now,
    expiresAt: new Date(ctx.now.getTime() + deps.sessionTtlHours * 3_600_000),
  });
  const org = await orgOf(tx, user);
  const actorCtx = { ...ctx, actor: actorOf(user, org, 'session', { sessionId: session.id }) };
  await deps.audit.append(tx, actorCtx, {
    action: 'auth.login',
    entityType: 'session',
    entityId: session.id,
    data: secondFactor ? { ip: ctx.ip, secondFactor } : { ip: ctx.ip },
  });
  return {
    me: { user: toUser(user), org: toOrg(org), csrfToken },
    token,
    maxAgeSeconds: deps.sessionTtlHours * 3600,
  };
}
