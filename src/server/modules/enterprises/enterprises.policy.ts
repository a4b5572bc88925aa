import type { EnterpriseFields } from '../../../contracts/enterprises';
import type { Actor } from '../../core/actor';
import { canCreateOrg } from '../identity/identity.policy';

/** Profile fields an enterprise's own admins maintain (its data-security officer and its revenue). */
export const SELF_MAINTAINED: readonly (keyof EnterpriseFields)[] = [
  'officer',
  'annualRevenueYuan',
  'revenueYear',
];

/** Registering creates or links an enterprise org, so it follows the identity rule for creating one. */
export const canRegister = (actor: Actor, provinceCode: string) =>
  canCreateOrg(actor, 'enterprise', provinceCode);

/** Which fields of an in-scope profile the actor may change: all (regulator staff), its own few, or none. */
export function editableFields(actor: Actor, enterpriseId: string): 'all' | 'self' | 'none' {
  if (actor.role === 'viewer') return 'none';
  if (actor.orgKind === 'ministry' || actor.orgKind === 'provincial-regulator') return 'all';
  if (actor.orgKind === 'enterprise' && actor.orgId === enterpriseId && actor.role === 'admin') return 'self';
  return 'none';
}

/** A provincial regulator keeps enterprises inside its own province; it cannot move one out of its jurisdiction. */
export const mayPlaceIn = (actor: Actor, provinceCode: string) =>
  actor.orgKind !== 'provincial-regulator' || actor.provinceCode === provinceCode;

/** Top-10 % lists name revenues, so only regulators read them: the ministry any province, a province its own. */
export const canReadTopDecile = (actor: Actor, provinceCode: string) =>
  actor.orgKind === 'ministry' ||
  (actor.orgKind === 'provincial-regulator' && actor.provinceCode === provinceCode);

/** Imports create and change many enterprises at once: regulator admins only (each row stays in their scope). */
export const canImport = (actor: Actor) =>
  actor.role === 'admin' && (actor.orgKind === 'ministry' || actor.orgKind === 'provincial-regulator');
