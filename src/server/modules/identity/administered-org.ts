import type { Actor } from '../../core/actor';
import { forbidden, notFound } from '../../core/errors';
import type { Db } from '../../db/client';
import { canAdministerOrg, orgScopeFor } from './identity.policy';
import { orgRepository, userRepository } from './identity.repository';
import type { OrgRow, UserRow } from './identity.table';

/** Loads an org the actor administers: 404 outside scope, 403 in scope without the admin role. */
export async function administeredOrg(tx: Db, actor: Actor, orgId: string): Promise<OrgRow> {
  const org = await orgRepository.findInScope(tx, orgScopeFor(actor), orgId);
  if (!org) throw notFound('organisation');
  if (!canAdministerOrg(actor, org)) throw forbidden();
  return org;
}

/** A user of an org the actor administers, or 404. */
export async function administeredUser(
  tx: Db,
  actor: Actor,
  orgId: string,
  userId: string,
): Promise<{ org: OrgRow; user: UserRow }> {
  const org = await administeredOrg(tx, actor, orgId);
  const user = await userRepository.findInOrg(tx, org.id, userId);
  if (!user) throw notFound('user');
  return { org, user };
}
