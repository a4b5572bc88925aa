import type { z } from 'zod';
import type {
  ChangePasswordBody,
  LoginBody,
  Me,
  TotpChallenge,
  TotpLoginBody,
} from '../../../contracts/identity';
import type { Config } from '../../config';
import type { Actor, RequestContext } from '../../core/actor';
import { randomToken, tokenHash } from '../../core/crypto';
import { unauthenticated } from '../../core/errors';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../../core/password';
import { verifyTotp } from '../../core/totp';
import type { Db } from '../../db/client';
import { inTransaction } from '../../db/tx';
import type { AuditService } from '../audit';
import type { Keyring } from '../keyring';
import { identityErrors } from './identity.errors';
import { toOrg, toUser } from './identity.mappers';
import { apiTokenRepository, type Principal, sessionRepository, userRepository } from './identity.repository';
import type { UserRow } from './identity.table';
import { loginFailureOutcome } from './lockout';
import { loginChallengeRepository } from './login-challenge.repository';
import { actorOf, type OpenedSession, openSession, orgOf } from './open-session';
import { assertPasswordPolicy } from './password-policy';
import { openTotpSecret } from './totp-secret';

/** Dependencies of the auth service. */
export interface AuthDeps {
  db: Db;
  audit: AuditService;
  keyring: Keyring;
  config: Pick<Config, 'sessionTtlHours' | 'loginMaxFailures' | 'loginLockMinutes'>;
}

/** A resolved credential: the actor plus, for sessions, the CSRF token writes must echo. */
export interface Authenticated {
  actor: Actor;
  csrfToken: string | null;
}

/** The password step's outcome: a session, or a challenge the TOTP step completes. */
export type LoginOutcome =
  | ({ kind: 'session' } & OpenedSession)
  | { kind: 'totp'; challenge: z.infer<typeof TotpChallenge> };

// Activity timestamps are bookkeeping; writing them at most once a minute keeps reads read-only.
const TOUCH_EVERY_MS = 60_000;
// Time to type the code after the password; long enough for a step of clock drift and a slow hand.
const CHALLENGE_MS = 5 * 60_000;

/** Sign-in (password, then TOTP when enabled), sign-out and credential resolution. */
export function createAuthService(deps: AuthDeps) {
  const { db, audit, keyring, config } = deps;
  const sessionDeps = { audit, sessionTtlHours: config.sessionTtlHours };

  /** Counts a failed password or code toward the lock-out and audits it; returns the error to answer. */
  async function recordFailure(tx: Db, ctx: RequestContext, user: UserRow, what: 'password' | 'totp') {
    const outcome = loginFailureOutcome(user.failedLogins, ctx.now, config);
    await userRepository.update(tx, user.id, outcome);
    if (outcome.lockedUntil) await loginChallengeRepository.deleteForUser(tx, user.id);
    await audit.append(tx, ctx, {
      action: outcome.lockedUntil
        ? 'auth.locked'
        : what === 'totp'
          ? 'auth.totp_failed'
          : 'auth.login_failed',
      entityType: 'user',
      entityId: user.id,
      orgId: user.orgId,
      data: { failedLogins: outcome.failedLogins, ip: ctx.ip },
    });
    if (outcome.lockedUntil) return identityErrors.locked(outcome.lockedUntil, ctx.now);
    return what === 'totp' ? identityErrors.totpLoginFailed() : identityErrors.invalidCredentials();
  }

  return {
    /**
     * Verifies a password with lock-out. Without TOTP it opens a session; with TOTP it answers a challenge for the
     * code step and leaves the failure counter alone, so knowing the password never resets code guessing.
     */
    async login(
      ctx: RequestContext,
      body: z.infer<typeof LoginBody>,
      userAgent: string | null,
    ): Promise<LoginOutcome> {
      const user = await userRepository.findByEmail(db, body.email);
      if (user?.status !== 'active') {
        await burnPasswordCheck(body.password);
        throw identityErrors.invalidCredentials();
      }
      if (user.lockedUntil && user.lockedUntil > ctx.now)
        throw identityErrors.locked(user.lockedUntil, ctx.now);
      const ok = await verifyPassword(user.passwordHash, body.password);
      const r = await inTransaction(db, async (tx): Promise<LoginOutcome | { error: Error }> => {
        if (!ok) return { error: await recordFailure(tx, ctx, user, 'password') };
        if (user.totpEnabledAt) {
          const challenge = randomToken(32);
          const expiresAt = new Date(ctx.now.getTime() + CHALLENGE_MS);
          // One pending challenge per user keeps the table small and an older challenge useless.
          await loginChallengeRepository.deleteForUser(tx, user.id);
          await loginChallengeRepository.insert(tx, {
            userId: user.id,
            tokenHash: tokenHash(challenge),
            ip: ctx.ip,
            createdAt: ctx.now,
            expiresAt,
          });
          return {
            kind: 'totp',
            challenge: { totpRequired: true, challenge, expiresAt: expiresAt.toISOString() },
          };
        }
        const fresh = await userRepository.update(tx, user.id, {
          failedLogins: 0,
          lockedUntil: null,
          lastLoginAt: ctx.now,
        });
        return { kind: 'session', ...(await openSession(tx, sessionDeps, ctx, fresh, userAgent, null)) };
      });
      // The failure bookkeeping above must commit, so the error is thrown only after the transaction.
      if ('error' in r) throw r.error;
      return r;
    },

    /** Completes a TOTP sign-in: a live challenge plus a code not used before opens the session. */
    async loginWithTotp(
      ctx: RequestContext,
      body: z.infer<typeof TotpLoginBody>,
      userAgent: string | null,
    ): Promise<OpenedSession> {
      const r = await inTransaction(db, async (tx): Promise<OpenedSession | { error: Error }> => {
        const challenge = await loginChallengeRepository.findLiveForUpdate(
          tx,
          tokenHash(body.challenge),
          ctx.now,
        );
        const user = challenge && (await userRepository.findById(tx, challenge.userId));
        if (user?.status !== 'active' || !user.totpEnabledAt) {
          return { error: identityErrors.totpChallengeInvalid() };
        }
        if (user.lockedUntil && user.lockedUntil > ctx.now) {
          return { error: identityErrors.locked(user.lockedUntil, ctx.now) };
        }
        const secret = await openTotpSecret(keyring, tx, user);
        const counter =
          secret && verifyTotp(secret, body.code, ctx.now, { lastCounter: user.totpLastCounter });
        const fresh =
          counter == null
            ? undefined
            : await userRepository.consumeTotpCounter(tx, user.id, counter, {
                failedLogins: 0,
                lockedUntil: null,
                lastLoginAt: ctx.now,
              });
        if (!fresh) return { error: await recordFailure(tx, ctx, user, 'totp') };
        await loginChallengeRepository.deleteForUser(tx, user.id);
        return openSession(tx, sessionDeps, ctx, fresh, userAgent, 'totp');
      });
      if ('error' in r) throw r.error;
      return r;
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

    /** Changes the actor's own password (under the password policy) and revokes their other sessions. */
    async changePassword(ctx: RequestContext, body: z.infer<typeof ChangePasswordBody>): Promise<void> {
      if (!ctx.actor) throw unauthenticated();
      const user = await userRepository.findById(db, ctx.actor.userId);
      if (!user || !(await verifyPassword(user.passwordHash, body.currentPassword))) {
        throw identityErrors.wrongPassword();
      }
      assertPasswordPolicy('body.newPassword', body.newPassword, user.email);
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

const principalActor = (p: Principal, via: Actor['via']) =>
  actorOf(p.user, p.org, via, via === 'session' ? { sessionId: p.sessionId } : { tokenId: p.tokenId });

/** The auth service's public type. */
export type AuthService = ReturnType<typeof createAuthService>;
