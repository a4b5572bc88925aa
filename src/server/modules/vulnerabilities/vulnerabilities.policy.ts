import type { Actor } from '../../core/actor';
import type { ReportScope } from './vulnerabilities.repository';

/** The ministry sees every report; other orgs see reports on their products and reports they filed. */
export const reportScopeFor = (actor: Actor): ReportScope =>
  actor.orgKind === 'ministry' ? { kind: 'all' } : { kind: 'org', orgId: actor.orgId };

/** Who may file a report while signed in: researchers, filed platforms, vendors (internal findings). Not viewers. */
export const canFileReport = (actor: Actor) =>
  actor.role !== 'viewer' && ['researcher', 'collection-platform', 'vendor'].includes(actor.orgKind);

/** How an actor relates to a report, for the lifecycle role. */
export const relationTo = (
  actor: Actor,
  row: { vendorOrgId: string | null; reporterOrgId: string | null },
) => ({
  isReporter: row.reporterOrgId === actor.orgId,
  isProductProvider: row.vendorOrgId === actor.orgId,
});

/** The ministry coordinates reports whose product has no vendor on the platform. */
export const canAssignVendor = (actor: Actor) => actor.orgKind === 'ministry' && actor.role !== 'viewer';

/** Record external ids: the vendor's staff or the ministry. */
export const canRecordIds = (actor: Actor, vendorOrgId: string | null) =>
  actor.role !== 'viewer' && (actor.orgKind === 'ministry' || actor.orgId === vendorOrgId);
