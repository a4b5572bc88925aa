import type { z } from 'zod';
import type {
  AcceptInvitationBody,
  CreateInvitationBody,
  OrgKind,
  Role,
  UpdateUserBody,
} from '../../../contracts/identity';
import { type RequestContext, requireActor } from '../../core/actor';
import { randomToken, tokenHash } from '../../core/crypto';
import { notFound } from '../../core/errors';
import { hashPassword } from '../../core/password';
import type { Db } from '../../db/client';
import { inTransaction } from '../../db/tx';
import type { AuditService } from '../audit';
import { administeredOrg } from './administered-org';
import { identityErrors } from './identity.errors';
import { toInvitation, toUser } from './identity.mappers';
import {
  invitationRepository,
  orgRepository,
  sessionRepository,
  userRepository,
} from './identity.repository';
import { assertPasswordPolicy } from './password-policy';

const INVITATION_DAYS = 7;

/** Users and invitations of an org, managed by its admins (or a regulator admin whose scope holds it). */
export function createUsersService(deps: { db: Db; audit: AuditService }) {
  const { db, audit } = deps;

  return {
    /** The users of an org. */
    async list(ctx: RequestContext, orgId: string) {
      const org = await administeredOrg(db, requireActor(ctx), orgId);
      return (await userRepository.listByOrg(db, org.id)).map(toUser);
    },

    /** Changes a user's role, status or name; an org keeps at least one active admin. */
    async update(ctx: RequestContext, orgId: string, userId: string, body: z.infer<typeof UpdateUserBody>) {
      const actor = requireActor(ctx);
      return inTransaction(db, async (tx) => {
        const org = await administeredOrg(tx, actor, orgId);
        const user = await userRepository.findInOrg(tx, org.id, userId);
        if (!user) throw notFound('user');
        const losesAdmin =
          user.role === 'admin' &&
          user.status === 'active' &&
          ((body.role && body.role !== 'admin') || body.status === 'disabled');
        if (losesAdmin) {
          const admins = (await userRepository.listByOrg(tx, org.id)).filter(
            (u) => u.role === 'admin' && u.status === 'active',
          );
          if (admins.length <= 1) throw identityErrors.lastAdmin();
        }
        const row = await userRepository.update(tx, user.id, { ...body, updatedAt: ctx.now });
        if (body.status === 'disabled') await sessionRepository.revokeAllForUser(tx, user.id, ctx.now);
        await audit.append(tx, ctx, {
          action: 'user.updated',
          entityType: 'user',
          entityId: user.id,
          orgId: org.id,
          data: { ...body },
        });
        return toUser(row);
      });
    },

    /** Revokes every live session of a user (e.g. a lost laptop). */
    async revokeSessions(ctx: RequestContext, orgId: string, userId: string) {
      const actor = requireActor(ctx);
      await inTransaction(db, async (tx) => {
        const org = await administeredOrg(tx, actor, orgId);
        const user = await userRepository.findInOrg(tx, org.id, userId);
        if (!user) throw notFound('user');
        const n = await sessionRepository.revokeAllForUser(tx, user.id, ctx.now);
        await audit.append(tx, ctx, {
          action: 'user.sessions_revoked',
          entityType: 'user',
          entityId: user.id,
          orgId: org.id,
          data: { sessionsRevoked: n },
        });
      });
    },

    /** The invitations of an org. */
    async listInvitations(ctx: RequestContext, orgId: string) {
      const org = await administeredOrg(db, requireActor(ctx), orgId);
      return (await invitationRepository.listByOrg(db, org.id)).map((r) => toInvitation(r, ctx.now));
    },

    /** Invites someone by email; the one-time token is returned once. */
    async invite(ctx: RequestContext, orgId: string, body: z.infer<typeof CreateInvitationBody>) {
      const actor = requireActor(ctx);
      return inTransaction(db, async (tx) => {
        const org = await administeredOrg(tx, actor, orgId);
        if (await userRepository.findByEmail(tx, body.email)) throw identityErrors.emailTaken();
        const token = randomToken(32);
        const row = await invitationRepository.insert(tx, {
          orgId: org.id,
          email: body.email,
          role: body.role,
          tokenHash: tokenHash(token),
          invitedBy: actor.userId,
          createdAt: ctx.now,
          expiresAt: new Date(ctx.now.getTime() + INVITATION_DAYS * 86_400_000),
        });
        await audit.append(tx, ctx, {
          action: 'invitation.created',
          entityType: 'invitation',
          entityId: row.id,
          orgId: org.id,
          data: { email: body.email, role: body.role },
        });
        return {
          ...toInvitation(row, ctx.now),
          token,
          acceptPath: `/invite/accept?token=${encodeURIComponent(token)}`,
        };
      });
    },

    /** Revokes a pending invitation. */
    async revokeInvitation(ctx: RequestContext, orgId: string, invitationId: string) {
      const actor = requireActor(ctx);
      return inTransaction(db, async (tx) => {
        const org = await administeredOrg(tx, actor, orgId);
        const inv = await invitationRepository.findInOrg(tx, org.id, invitationId);
        if (!inv) throw notFound('invitation');
        const row =
          inv.revokedAt || inv.acceptedAt
            ? inv
            : await invitationRepository.update(tx, inv.id, { revokedAt: ctx.now });
        await audit.append(tx, ctx, {
          action: 'invitation.revoked',
          entityType: 'invitation',
          entityId: inv.id,
          orgId: org.id,
        });
        return toInvitation(row, ctx.now);
      });
    },

    /** Accepts an invitation with a name and password, creating the user. */
    async accept(ctx: RequestContext, body: z.infer<typeof AcceptInvitationBody>) {
      const passwordHash = await hashPassword(body.password);
      return inTransaction(db, async (tx) => {
        const inv = await invitationRepository.findByHashForUpdate(tx, tokenHash(body.token));
        if (!inv || inv.acceptedAt || inv.revokedAt || inv.expiresAt <= ctx.now) {
          throw identityErrors.invitationInvalid();
        }
        assertPasswordPolicy('body.password', body.password, inv.email);
        if (await userRepository.findByEmail(tx, inv.email)) throw identityErrors.emailTaken();
        const user = await userRepository.insert(tx, {
          orgId: inv.orgId,
          email: inv.email,
          name: body.name,
          passwordHash,
          role: inv.role,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
        await invitationRepository.update(tx, inv.id, { acceptedAt: ctx.now });
        await audit.append(tx, ctx, {
          action: 'invitation.accepted',
          entityType: 'user',
          entityId: user.id,
          orgId: inv.orgId,
          data: { invitationId: inv.id, role: inv.role },
        });
        return toUser(user);
      });
    },

    /** Creates an org with its first admin user directly (CLI bootstrap and demo seed; no actor). */
    async createOrgWithAdmin(
      ctx: RequestContext,
      org: { kind: OrgKind; name: string; provinceCode?: string },
      admin: { email: string; name: string; password: string; role?: Role },
    ) {
      assertPasswordPolicy('password', admin.password, admin.email);
      const passwordHash = await hashPassword(admin.password);
      return inTransaction(db, async (tx) => {
        if (await userRepository.findByEmail(tx, admin.email)) throw identityErrors.emailTaken();
        const o = await orgRepository.insert(tx, { ...org, createdAt: ctx.now, updatedAt: ctx.now });
        const u = await userRepository.insert(tx, {
          orgId: o.id,
          email: admin.email,
          name: admin.name,
          passwordHash,
          role: admin.role ?? 'admin',
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
        await audit.append(tx, ctx, {
          action: 'org.bootstrapped',
          entityType: 'org',
          entityId: o.id,
          orgId: o.id,
          data: { kind: o.kind, name: o.name, adminUserId: u.id, adminEmail: u.email },
        });
        return { org: o, user: u };
      });
    },

    /** Adds a user to an existing org directly (demo seed). */
    async addUser(
      ctx: RequestContext,
      orgId: string,
      user: { email: string; name: string; password: string; role: Role },
    ) {
      assertPasswordPolicy('password', user.password, user.email);
      const passwordHash = await hashPassword(user.password);
      return inTransaction(db, async (tx) => {
        const u = await userRepository.insert(tx, {
          ...user,
          orgId,
          passwordHash,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
        await audit.append(tx, ctx, {
          action: 'user.created',
          entityType: 'user',
          entityId: u.id,
          orgId,
          data: { email: u.email, role: u.role },
        });
        return u;
      });
    },
  };
}

/** The users service's public type. */
export type UsersService = ReturnType<typeof createUsersService>;
