import type { Actor } from '../../core/actor';

/** Only the enterprise's own admins and members act on its programme records; viewers and regulators read. */
export const canWriteFor = (actor: Actor, orgId: string) =>
  actor.orgKind === 'enterprise' && actor.orgId === orgId && actor.role !== 'viewer';

/** The provincial regulator a report was submitted to marks it received (Measures art. 31: report to the local regulator). */
export const canReceive = (actor: Actor, report: { provinceCode: string }) =>
  actor.orgKind === 'provincial-regulator' &&
  actor.provinceCode === report.provinceCode &&
  actor.role !== 'viewer';
