import type { OrgKind, Role } from '../../../../contracts/identity';

/** Who is acting on one report, as the lifecycle sees it. */
export const LIFECYCLE_ROLES = [
  'reporter',
  'vendor-member',
  'vendor-admin',
  'ministry-member',
  'ministry-admin',
  'viewer',
] as const;
/** A lifecycle role. */
export type LifecycleRole = (typeof LIFECYCLE_ROLES)[number];

/** How the actor relates to this report: its submitter (or anonymous claimant), or the product's provider. */
export interface ReportRelation {
  isReporter: boolean;
  isProductProvider: boolean;
}

/**
 * The actor's lifecycle role for one report. `null` is an anonymous claimant (acts only as reporter).
 * Viewers never act. The product's provider outranks being the reporter, since RMSV art. 7 duties are its own.
 */
export function lifecycleRole(
  actor: { orgKind: OrgKind; role: Role } | null,
  rel: ReportRelation,
): LifecycleRole {
  if (!actor) return rel.isReporter ? 'reporter' : 'viewer';
  if (actor.role === 'viewer') return 'viewer';
  const admin = actor.role === 'admin';
  if (rel.isProductProvider) return admin ? 'vendor-admin' : 'vendor-member';
  if (actor.orgKind === 'ministry') return admin ? 'ministry-admin' : 'ministry-member';
  return rel.isReporter ? 'reporter' : 'viewer';
}
