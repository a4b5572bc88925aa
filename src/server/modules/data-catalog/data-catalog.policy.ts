import type { Actor } from '../../core/actor';

/** An enterprise's own admins and members keep its data catalog; its viewers and regulators only read it. */
export const canWriteAssets = (actor: Actor, orgId: string) =>
  actor.orgKind === 'enterprise' && actor.orgId === orgId && actor.role !== 'viewer';

/** Only an enterprise's admin files its catalog with the regulator (the filing binds the enterprise). */
export const canSubmitFiling = (actor: Actor, orgId: string) =>
  actor.orgKind === 'enterprise' && actor.orgId === orgId && actor.role === 'admin';

/**
 * The provincial regulator of the filing's province reviews it (Measures art. 12?, draft: filed with the local
 * department); the ministry reads every filing but never decides one.
 */
export const canReviewFiling = (actor: Actor, filing: { provinceCode: string }) =>
  actor.orgKind === 'provincial-regulator' &&
  actor.role !== 'viewer' &&
  actor.provinceCode === filing.provinceCode;
