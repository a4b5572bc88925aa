import type { z } from 'zod';
import type { ApiToken, Invitation, Org, OrgKind, Role, Session, User } from '../../../contracts/identity';
import type { ApiTokenRow, InvitationRow, OrgRow, SessionRow, UserRow } from './identity.table';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Org row → API shape. */
export const toOrg = (r: OrgRow): z.infer<typeof Org> => ({
  id: r.id,
  kind: r.kind as OrgKind,
  name: r.name,
  provinceCode: r.provinceCode,
  contactEmail: r.contactEmail,
  contactPhone: r.contactPhone,
  address: r.address,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** User row → API shape, without the password hash or counters. */
export const toUser = (r: UserRow): z.infer<typeof User> => ({
  id: r.id,
  orgId: r.orgId,
  email: r.email,
  name: r.name,
  role: r.role as Role,
  status: r.status as 'active' | 'disabled',
  lockedUntil: iso(r.lockedUntil),
  lastLoginAt: iso(r.lastLoginAt),
  totpEnabled: r.totpEnabledAt !== null,
  createdAt: r.createdAt.toISOString(),
});

/** Invitation row → API shape with its derived status. */
export const toInvitation = (r: InvitationRow, now: Date): z.infer<typeof Invitation> => ({
  id: r.id,
  orgId: r.orgId,
  email: r.email,
  role: r.role as Role,
  status: r.acceptedAt ? 'accepted' : r.revokedAt ? 'revoked' : r.expiresAt <= now ? 'expired' : 'pending',
  createdAt: r.createdAt.toISOString(),
  expiresAt: r.expiresAt.toISOString(),
});

/** API token row → API shape (never the secret). */
export const toApiToken = (r: ApiTokenRow): z.infer<typeof ApiToken> => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  createdAt: r.createdAt.toISOString(),
  expiresAt: iso(r.expiresAt),
  lastUsedAt: iso(r.lastUsedAt),
  revokedAt: iso(r.revokedAt),
});

/** Session row → API shape (never the token or CSRF secret); `current` marks the caller's own. */
export const toSession = (r: SessionRow, currentId: string | undefined): Session => ({
  id: r.id,
  createdAt: r.createdAt.toISOString(),
  lastSeenAt: r.lastSeenAt.toISOString(),
  expiresAt: r.expiresAt.toISOString(),
  ip: r.ip,
  userAgent: r.userAgent,
  current: r.id === currentId,
});
