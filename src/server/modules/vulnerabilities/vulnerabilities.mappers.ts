import type { z } from 'zod';
import type { Report, TimelineEntry } from '../../../contracts/vulnerabilities';
import { clockStatus, dueSoonMs, remainingMs } from './rules/clocks';
import type { RmsvPack } from './rules/rmsv-schema';
import type { ReportWithNames } from './vulnerabilities.repository';
import type { EventRow } from './vulnerabilities.table';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** A clock's API view; `not-started` until the provider is aware (no vendor on the platform yet). */
function clock(now: Date, dueAt: Date | null, doneAt: Date | null, window: number) {
  if (!dueAt) return { dueAt: null, doneAt: iso(doneAt), status: 'not-started' as const, remainingMs: null };
  return {
    dueAt: dueAt.toISOString(),
    doneAt: iso(doneAt),
    status: clockStatus(now, dueAt, doneAt, window),
    remainingMs: doneAt ? null : remainingMs(now, dueAt),
  };
}

/** A report row → its API shape with live countdowns. */
export function toReport(row: ReportWithNames, now: Date, rmsv: RmsvPack): z.infer<typeof Report> {
  const w = dueSoonMs(rmsv);
  const clocks = {
    verify: clock(now, row.verifyDueAt, row.verifiedAt, w),
    upstreamNotify: clock(
      now,
      row.upstreamNotifyDueAt,
      row.upstreamNotifiedAt ?? (row.assessment && !row.assessment.upstreamAffected ? row.verifiedAt : null),
      w,
    ),
    nationalReport: clock(now, row.nationalReportDueAt, row.nationalReportedAt, w),
  };
  return {
    id: row.id,
    ref: row.ref,
    state: row.state as z.infer<typeof Report>['state'],
    title: row.title,
    productId: row.productId,
    productName: row.productName ?? row.productText?.productName ?? '',
    productModel: row.productModel ?? row.productText?.model ?? null,
    vendorOrgId: row.vendorOrgId,
    vendorName: row.vendorName ?? row.productText?.vendorName ?? null,
    reporterKind: row.reporterKind as z.infer<typeof Report>['reporterKind'],
    reporterOrgId: row.reporterOrgId,
    onBehalfOf: row.onBehalfOf,
    affectedVersions: row.affectedVersions,
    cwe: row.cwe,
    cvss: row.cvss,
    gbtGrade: row.gbtGrade,
    externalIds: row.externalIds,
    awareAt: iso(row.awareAt),
    clocks,
    overdue: clocks.nationalReport.status === 'overdue',
    escalatedAt: iso(row.escalatedAt),
    duplicateOf: row.duplicateOf,
    parentReportId: row.parentReportId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A timeline row → its API shape, with the already-opened note. */
export const toTimelineEntry = (e: EventRow, note: string | null): z.infer<typeof TimelineEntry> => ({
  id: e.id,
  at: e.at.toISOString(),
  kind: e.kind,
  fromState: e.fromState,
  toState: e.toState,
  actorOrgId: e.actorOrgId,
  note,
  data: e.data,
});
