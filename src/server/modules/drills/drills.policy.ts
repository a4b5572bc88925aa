import type { Actor } from '../../core/actor';

/** Which drills an actor sees: its own enterprise's (any state), or filed ones of a province or of the nation. */
export type DrillScope =
  | { kind: 'own'; orgId: string }
  | { kind: 'province'; provinceCode: string }
  | { kind: 'all' };

/**
 * The enterprise runs its drills; regulators see a drill only once it is filed with them (34号 drills as
 * evidence): a province its own, the ministry every one. Other org kinds see none.
 */
export function drillScopeFor(actor: Actor): DrillScope | null {
  if (actor.orgKind === 'enterprise') return { kind: 'own', orgId: actor.orgId };
  if (actor.orgKind === 'ministry') return { kind: 'all' };
  if (actor.orgKind === 'provincial-regulator' && actor.provinceCode)
    return { kind: 'province', provinceCode: actor.provinceCode };
  return null;
}

/** The enterprise's admins and members schedule drills and edit its scenarios. */
export const canPlan = (actor: Actor, orgId: string) =>
  actor.orgKind === 'enterprise' && actor.orgId === orgId && actor.role !== 'viewer';

/** The facilitator who scheduled the drill, or an admin of its enterprise, runs it. */
export const canFacilitate = (actor: Actor, d: { orgId: string; facilitatorUserId: string }) =>
  canPlan(actor, d.orgId) && (actor.role === 'admin' || actor.userId === d.facilitatorUserId);

/** Participants (and whoever may facilitate) record actions against delivered injects. */
export const canParticipate = (
  actor: Actor,
  d: { orgId: string; facilitatorUserId: string; participantUserIds: readonly string[] },
) => canFacilitate(actor, d) || (canPlan(actor, d.orgId) && d.participantUserIds.includes(actor.userId));
