import type { Actor } from '../../core/actor';
import type { AuditScope } from './audit.repository';

/** Ministry admins read the whole trail; other org admins their own org's; nobody else any. */
export function auditScopeFor(actor: Actor): AuditScope | null {
  if (actor.role !== 'admin') return null;
  return actor.orgKind === 'ministry' ? { kind: 'all' } : { kind: 'org', orgId: actor.orgId };
}

/** Only a ministry admin may run a whole-chain verification over the API. */
export const canVerifyChain = (actor: Actor) => actor.orgKind === 'ministry' && actor.role === 'admin';
