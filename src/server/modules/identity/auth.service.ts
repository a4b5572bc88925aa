import type { z } from 'zod';
import type { ChangePasswordBody, LoginBody, Me } from '../../../contracts/identity';
import type { Config } from '../../config';
import type { Actor, RequestContext } from '../../core/actor';
import { randomToken, tokenHash } from '../../core/crypto';
import { unauthenticated } from '../../core/errors';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../../core/password';
import type { Db } from '../../db/client';
import { inTransaction } from '../../db/tx';
import type { AuditService } from '../audit';
import { identityErrors } from './identity.errors';
import { toOrg, toUser } from './identity.mappers';
import {
  apiTokenRepository,
  orgRepository,
  type Principal,
  sessionRepository,
  userRepository,
} from './identity.repository';
import type { OrgRow, UserRow } from './identity.table';
import { loginFailureOutcome } from './lockout';

/** Dependencies of the auth service. */
export interface AuthDeps {
  db: Db;
  audit: AuditService;
  config: Pick<Config, 'sessionTtlHours' | 'loginMaxFailures' | 'loginLockMinutes'>;
}

/** A resolved credential: the actor plus, for sessions, the CSRF token writes must echo. */
export interface Authenticated {
  actor: Actor;
  csrfToken: string | null;
}

// Activity timestamps are bookkeeping; writing them at most once a minute keeps reads read-only.
const TOUCH_EVERY_MS = 60_000;

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

/** Sign-in, sign-out and credential resolution. */
export function createAuthService(deps: AuthDeps) {
  const { db, audit, config } = deps;

  return {
    /** Verifies a password with lock-out, opens a session and returns it with the actor's view. */
    async login(ctx: RequestContext, body: z.infer<typeof LoginBody>, userAgent: string | null) {
      const user = await userRepository.findByEmail(db, body.email);
      if (user?.status !== 'active') {
        await burnPasswordCheck(body.password);
        throw identityErrors.invalidCredentials();
      }
      if (user.lockedUntil && user.lockedUntil > ctx.now)
        throw identityErrors.locked(user.lockedUntil, ctx.now);
      const ok = await verifyPassword(user.passwordHash, body.password);
      return inTransaction(db, async (tx) => {
        if (!ok) {
          const outcome = loginFailureOutcome(user.failedLogins, ctx.now, config);
          await userRepository.update(tx, user.id, outcome);
          await audit.append(tx, ctx, {
            action: outcome.lockedUntil ? 'auth.locked' : 'auth.login_failed',
            entityType: 'user',
            entityId: user.id,
            orgId: user.orgId,
            data: { failedLogins: outcome.failedLogins, ip: ctx.ip },
          });
          return {
            error: outcome.lockedUntil
              ? identityErrors.locked(outcome.lockedUntil, ctx.now)
              : identityErrors.invalidCredentials(),
          };
        }
        const fresh = await userRepository.update(tx, user.id, {
          failedLogins: 0,
          lockedUntil: null,
          lastLoginAt: ctx.now,
        });
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
          expiresAt: new Date(ctx.now.getTime() + config.sessionTtlHours * 3_600_000),
        });
        const org = await orgOf(tx, fresh);
        const actorCtx = { ...ctx, actor: actorOf(fresh, org, 'session', { sessionId: session.id }) };
        await audit.append(tx, actorCtx, {
          action: 'auth.login',
          entityType: 'session',
          entityId: session.id,
          data: { ip: ctx.ip },
        });
        const me: z.infer<typeof Me> = { user: toUser(fresh), org: toOrg(org), csrfToken };
        return { me, token, maxAgeSeconds: config.sessionTtlHours * 3600 };
      }).then((r) => {
        // The failure bookkeeping above must commit, so the error is thrown only after the transaction.
        if ('error' in r) throw r.error;
        return r;
      });
    },

    /** Ends the current session. */
    async logout(ctx: RequestContext): Promise<void> {
      const actor = ctx.actor;
      if (!actor?.sessionId) return;
      const sessionId = actor.sessionId;
      await inTransaction(db, async (tx) => {
        await sessionRepository.revoke(tx, sessionId, ctx.now);
        await audit.append(tx, ctx, { action: 'auth.logout', entityType: 'session', entityId: sessionId });
      });
    },

    /** The signed-in actor's user and org. */
    async me(ctx: RequestContext, csrfToken: string | null): Promise<z.infer<typeof Me>> {
      if (!ctx.actor) throw unauthenticated();
      const user = await userRepository.findById(db, ctx.actor.userId);
      if (!user) throw unauthenticated();
      const org = await orgOf(db, user);
      return { user: toUser(user), org: toOrg(org), csrfToken };
    },

    /** Changes the actor's own password and revokes their other sessions. */
    async changePassword(ctx: RequestContext, body: z.infer<typeof ChangePasswordBody>): Promise<void> {
      if (!ctx.actor) throw unauthenticated();
      const user = await userRepository.findById(db, ctx.actor.userId);
      if (!user || !(await verifyPassword(user.passwordHash, body.currentPassword))) {
        throw identityErrors.wrongPassword();
      }
      const passwordHash = await hashPassword(body.newPassword);
      const keep = ctx.actor.sessionId;
      await inTransaction(db, async (tx) => {
        await userRepository.update(tx, user.id, { passwordHash, updatedAt: ctx.now });
        const revoked = await sessionRepository.revokeAllForUser(tx, user.id, ctx.now, keep);
        await audit.append(tx, ctx, {
          action: 'user.password_changed',
          entityType: 'user',
          entityId: user.id,
          data: { sessionsRevoked: revoked },
        });
      });
    },

    /** Resolves a session cookie value to an actor, or null when unknown, expired or revoked. */
    async fromSession(token: string, now: Date): Promise<Authenticated | null> {
      const p = await sessionRepository.findLive(db, tokenHash(token), now);
      if (!p?.sessionId) return null;
      if (!p.lastSeenAt || now.getTime() - p.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
        await sessionRepository.touch(db, p.sessionId, now);
      }
      return { actor: principalActor(p, 'session'), csrfToken: p.csrfToken ?? null };
    },

    /** Resolves a bearer API token to an actor, or null. */
    async fromApiToken(token: string, now: Date): Promise<Authenticated | null> {
      const p = await apiTokenRepository.findLive(db, tokenHash(token), now);
      if (!p?.tokenId) return null;
      if (!p.lastSeenAt || now.getTime() - p.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
        await apiTokenRepository.touch(db, p.tokenId, now);
      }
      return { actor: principalActor(p, 'token'), csrfToken: null };
    },
  };
}

/** The org a user belongs to; a dangling user cannot authenticate. */
async function orgOf(db: Db, user: UserRow): Promise<OrgRow> {
  const org = await orgRepository.findInScope(db, { kind: 'all' }, user.orgId);
  if (!org) throw unauthenticated();
  return org;
}

const principalActor = (p: Principal, via: Actor['via']) =>
  actorOf(p.user, p.org, via, via === 'session' ? { sessionId: p.sessionId } : { tokenId: p.tokenId });

/** The auth service's public type. */
export type AuthService = ReturnType<typeof createAuthService>;
