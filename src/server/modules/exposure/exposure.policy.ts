import type { Actor } from '../../core/actor';

/** Enterprises describe their systems and devices; vendors their product releases (issue scope: where SBOMs attach). */
export const kindAllowed = (actor: Actor, kind: string) =>
  actor.role !== 'viewer' &&
  ((actor.orgKind === 'enterprise' && (kind === 'system' || kind === 'device')) ||
    (actor.orgKind === 'vendor' && kind === 'product-release'));

/** Only the owning org's admins and members upload SBOMs; regulators read. */
export const canManageAsset = (actor: Actor, asset: { orgId: string }) =>
  actor.orgId === asset.orgId && actor.role !== 'viewer';
