import type { Actor } from '../../core/actor';

/** Which incidents an actor sees: its own org's, a province's real ones, or every real one (the ministry). */
export type IncidentScope =
  | { kind: 'own'; orgId: string }
  | { kind: 'province'; provinceCode: string }
  | { kind: 'all' };

/**
 * 214号: processors report to the local regulator, which reports tiers I–II to the ministry. Enterprises see their
 * own incidents (practice ones included); regulators see real incidents only, a province its own, the ministry all.
 */
export function incidentScopeFor(actor: Actor): IncidentScope | null {
  if (actor.orgKind === 'enterprise') return { kind: 'own', orgId: actor.orgId };
  if (actor.orgKind === 'ministry') return { kind: 'all' };
  if (actor.orgKind === 'provincial-regulator' && actor.provinceCode)
    return { kind: 'province', provinceCode: actor.provinceCode };
  return null;
}

/** The reporting enterprise's admins and members report, update facts, follow up, notify users and close. */
export const canActForEnterprise = (actor: Actor, incident: { orgId: string }) =>
  actor.orgKind === 'enterprise' && actor.orgId === incident.orgId && actor.role !== 'viewer';

/**
 * The regulator's reports to the ministry are logged by the province's staff; in a drill the enterprise's own
 * facilitators play the regulator, since practice incidents never reach a real regulator.
 */
export const canLogMinistryReport = (
  actor: Actor,
  incident: { orgId: string; provinceCode: string; practice: boolean },
) =>
  actor.role !== 'viewer' &&
  (incident.practice
    ? canActForEnterprise(actor, incident)
    : actor.orgKind === 'provincial-regulator' && actor.provinceCode === incident.provinceCode);
