import type { z } from 'zod';
import type { TotpDisableBody, TotpEnableBody, TotpSetup, User } from '../../../contracts/identity';
import { type RequestContext, requireActor } from '../../core/actor';
import { unauthenticated } from '../../core/errors';
import { verifyPassword } from '../../core/password';
import { base32Encode, newTotpSecret, otpauthUri, verifyTotp } from '../../core/totp';
import type { Db } from '../../db/client';
import { inTransaction } from '../../db/tx';
import type { AuditService } from '../audit';
import type { Keyring } from '../keyring';
import { administeredUser } from './administered-org';
import { identityErrors } from './identity.errors';
import { toUser } from './identity.mappers';
import { canUseTotp } from './identity.policy';
import { userRepository } from './identity.repository';
import type { UserRow } from './identity.table';
import { loginChallengeRepository } from './login-challenge.repository';
import { openTotpSecret, sealTotpSecret } from './totp-secret';

/** The issuer authenticator apps show next to the account. */
export const TOTP_ISSUER = 'Bulwark';

/** Enrolment in, and removal of, the TOTP second factor (RFC 6238) for regulator accounts. */
export function createTotpService(deps: { db: Db; audit: AuditService; keyring: Keyring }) {
  const { db, audit, keyring } = deps;

  /** The actor's own user row, if their org kind may use TOTP. */
  async function ownUser(tx: Db, ctx: RequestContext): Promise<UserRow> {
    const actor = requireActor(ctx);
    if (!canUseTotp(actor.orgKind)) throw identityErrors.totpNotAllowed();
    const user = await userRepository.findById(tx, actor.userId);
    if (!user) throw unauthenticated();
    return user;
  }

  /** The counter a code matches for the user's stored secret (and not used before), or null. */
  async function matchedCounter(tx: Db, user: UserRow, code: string, now: Date): Promise<number | null> {
    const secret = await openTotpSecret(keyring, tx, user);
    return secret && verifyTotp(secret, code, now, { lastCounter: user.totpLastCounter });
  }

  return {
    /** Starts (or restarts) enrolment: a new secret, sealed; sign-in is unchanged until a code confirms it. */
    async setup(ctx: RequestContext): Promise<z.infer<typeof TotpSetup>> {
      return inTransaction(db, async (tx) => {
        const user = await ownUser(tx, ctx);
        if (user.totpEnabledAt) throw identityErrors.totpAlreadyEnabled();
        const secret = newTotpSecret();
        await userRepository.update(tx, user.id, {
          totpSecretSealed: await sealTotpSecret(keyring, tx, user.id, secret, ctx.now),
          totpLastCounter: null,
          updatedAt: ctx.now,
        });
        await audit.append(tx, ctx, {
          action: 'user.totp_setup_started',
          entityType: 'user',
          entityId: user.id,
        });
        return { secret: base32Encode(secret), otpauthUri: otpauthUri(secret, TOTP_ISSUER, user.email) };
      });
    },

    /** Turns TOTP on once a code from the new secret checks out; that code is then used up. */
    async enable(ctx: RequestContext, body: z.infer<typeof TotpEnableBody>): Promise<z.infer<typeof User>> {
      return inTransaction(db, async (tx) => {
        const user = await ownUser(tx, ctx);
        if (user.totpEnabledAt) throw identityErrors.totpAlreadyEnabled();
        if (!user.totpSecretSealed) throw identityErrors.totpNotSetUp();
        const counter = await matchedCounter(tx, user, body.code, ctx.now);
        const row =
          counter === null
            ? undefined
            : await userRepository.consumeTotpCounter(tx, user.id, counter, {
                totpEnabledAt: ctx.now,
                updatedAt: ctx.now,
              });
        if (!row) throw identityErrors.totpCodeInvalid();
        await audit.append(tx, ctx, { action: 'user.totp_enabled', entityType: 'user', entityId: user.id });
        return toUser(row);
      });
    },

    /** Turns TOTP off; needs the password and a current code, so a borrowed session alone cannot do it. */
    async disable(ctx: RequestContext, body: z.infer<typeof TotpDisableBody>): Promise<z.infer<typeof User>> {
      const me = await ownUser(db, ctx);
      if (!(await verifyPassword(me.passwordHash, body.password)))
        throw identityErrors.wrongPassword('body.password');
      return inTransaction(db, async (tx) => {
        const user = await ownUser(tx, ctx);
        if (!user.totpEnabledAt) throw identityErrors.totpNotEnabled();
        const counter = await matchedCounter(tx, user, body.code, ctx.now);
        const used = counter !== null && (await userRepository.consumeTotpCounter(tx, user.id, counter));
        if (!used) throw identityErrors.totpCodeInvalid();
        const row = await userRepository.update(tx, user.id, {
          totpSecretSealed: null,
          totpEnabledAt: null,
          totpLastCounter: null,
          updatedAt: ctx.now,
        });
        await audit.append(tx, ctx, { action: 'user.totp_disabled', entityType: 'user', entityId: user.id });
        return toUser(row);
      });
    },

    /**
     * Recovery for a lost device: an admin who administers the user's org (its own admins, or the ministry for a
     * provincial regulator) removes the user's TOTP; the user signs in with the password and may enrol again.
     */
    async reset(ctx: RequestContext, orgId: string, userId: string): Promise<z.infer<typeof User>> {
      const actor = requireActor(ctx);
      return inTransaction(db, async (tx) => {
        const { org, user } = await administeredUser(tx, actor, orgId, userId);
        const row = await userRepository.update(tx, user.id, {
          totpSecretSealed: null,
          totpEnabledAt: null,
          totpLastCounter: null,
          updatedAt: ctx.now,
        });
        await loginChallengeRepository.deleteForUser(tx, user.id);
        await audit.append(tx, ctx, {
          action: 'user.totp_reset',
          entityType: 'user',
          entityId: user.id,
          orgId: org.id,
          data: { wasEnabled: user.totpEnabledAt !== null },
        });
        return toUser(row);
      });
    },
  };
}

/** The TOTP service's public type. */
export type TotpService = ReturnType<typeof createTotpService>;
