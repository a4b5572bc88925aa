import type { OrgKind } from '../../../contracts/identity';
import type { Actor } from '../../core/actor';

/** Which orgs an actor can see: all (ministry), a province's enterprises plus itself, or only its own org. */
export type OrgScope =
  | { kind: 'all' }
  | { kind: 'province'; orgId: string; provinceCode: string }
  | { kind: 'own'; orgId: string };

/** The minimal facts about an org that policy decisions need. */
export interface OrgFacts {
  id: string;
  kind: string;
  provinceCode: string | null;
}

/** Tenancy: the scope every org query is filtered by (architecture principle 4). */
export function orgScopeFor(actor: Actor): OrgScope {
  if (actor.orgKind === 'ministry') return { kind: 'all' };
  if (actor.orgKind === 'provincial-regulator' && actor.provinceCode) {
    return { kind: 'province', orgId: actor.orgId, provinceCode: actor.provinceCode };
  }
  return { kind: 'own', orgId: actor.orgId };
}

/** Whether an org lies inside a scope; outside answers 404. */
export function inOrgScope(scope: OrgScope, org: OrgFacts): boolean {
  if (scope.kind === 'all') return true;
  if (org.id === scope.orgId) return true;
  return scope.kind === 'province' && org.kind === 'enterprise' && org.provinceCode === scope.provinceCode;
}

/** Admins of the org itself, or of a regulator whose scope holds it, administer it (profile, users, invitations). */
export function canAdministerOrg(actor: Actor, org: OrgFacts): boolean {
  return actor.role === 'admin' && inOrgScope(orgScopeFor(actor), org);
}

/** A ministry admin creates any org; a provincial admin creates enterprises in its own province. */
export function canCreateOrg(actor: Actor, kind: OrgKind, provinceCode: string | undefined): boolean {
  if (actor.role !== 'admin') return false;
  if (actor.orgKind === 'ministry') return true;
  return (
    actor.orgKind === 'provincial-regulator' && kind === 'enterprise' && provinceCode === actor.provinceCode
  );
}

/** Org kinds that must carry a province code. */
export const kindNeedsProvince = (kind: OrgKind) => kind === 'provincial-regulator' || kind === 'enterprise';

/** Org kinds whose users may turn on TOTP (the regulators, per the hardening issue); others cannot enrol. */
export const canUseTotp = (kind: OrgKind | string) => kind === 'ministry' || kind === 'provincial-regulator';
