import type { Actor } from '../../core/actor';

/** An enterprise's own admins and members record its training and talents; everyone else in scope only reads. */
export const canRecord = (actor: Actor, orgId: string) =>
  actor.orgKind === 'enterprise' && actor.orgId === orgId && actor.role !== 'viewer';

/** Which roll-up an actor sees: its enterprise, its province, or the nation (the ministry). */
export function summaryScope(actor: Actor): 'enterprise' | 'province' | 'national' {
  if (actor.orgKind === 'ministry') return 'national';
  return actor.orgKind === 'provincial-regulator' ? 'province' : 'enterprise';
}
