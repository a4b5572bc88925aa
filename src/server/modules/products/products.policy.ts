import type { Actor } from '../../core/actor';

/** Vendor staff (not viewers) manage their own org's products. */
export const canManageProducts = (actor: Actor, vendorOrgId: string) =>
  actor.orgKind === 'vendor' && actor.orgId === vendorOrgId && actor.role !== 'viewer';

/** Component lists are the vendor's supply chain: its own staff and the ministry see them. */
export const canSeeComponents = (actor: Actor, vendorOrgId: string) =>
  actor.orgKind === 'ministry' || (actor.orgKind === 'vendor' && actor.orgId === vendorOrgId);
