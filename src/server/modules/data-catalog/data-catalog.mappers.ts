import type { z } from 'zod';
import type { CatalogFiling, DataAsset, RefilingObligation } from '../../../contracts/data-catalog';
import { reviewDeadline } from '../../programme-rules/filing';
import type { MeasuresPack } from '../../programme-rules/measures-schema';
import { type HolidayCalendar, shanghaiDate } from '../../regulations/working-days';
import { countdown, workingDaysLeft } from './catalog-rules';
import type { AssetWithOrg, FilingWithOrg } from './data-catalog.repository';
import type { RefilingObligationRow } from './data-catalog.table';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A data asset as the API shows it. */
export const toAsset = (a: AssetWithOrg): z.infer<typeof DataAsset> => ({
  id: a.id,
  orgId: a.orgId,
  orgName: a.orgName,
  name: a.name,
  category: a.category,
  description: a.description,
  level: a.level as 'general',
  derivedLevel: a.derivedLevel as 'general',
  overrideReason: a.overrideReason,
  answers: a.wizardAnswers,
  questionsVersion: a.questionsVersion,
  scale: { records: a.records, volumeMb: a.volumeMb },
  purpose: a.purpose,
  processingMethod: a.processingMethod,
  scopeOfUse: a.scopeOfUse,
  responsiblePerson: a.responsiblePerson,
  externalSharing: a.externalSharing,
  sharingDetails: a.sharingDetails,
  crossBorder: a.crossBorder,
  carrierSystem: a.carrierSystem,
  source: a.source,
  securityMeasures: a.securityMeasures,
  status: a.status as 'active' | 'destroyed',
  destroyedAt: iso(a.destroyedAt),
  version: a.version,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
});

/** The filing recipient named by the pack for a sector (Measures art. 12?, draft), or the sector key alone. */
export function recipientOf(pack: MeasuresPack, sector: string) {
  return (
    pack.catalogFiling.recipients.value.find((r) => r.key === sector) ?? {
      key: sector,
      zh: sector,
      en: sector,
    }
  );
}

/** What the filing mappers read besides the row. */
export interface FilingView {
  measures: MeasuresPack;
  cal: HolidayCalendar;
  now: Date;
}

/** A filing with its review clock: 20 China working days from submission, stopped by the decision. */
export function toFiling(f: FilingWithOrg, v: FilingView): z.infer<typeof CatalogFiling> {
  const d = reviewDeadline(v.measures, f.submittedAt, v.cal);
  const lastDay = shanghaiDate(f.reviewDueAt);
  const running = f.status === 'submitted';
  return {
    id: f.id,
    orgId: f.orgId,
    orgName: f.orgName,
    provinceCode: f.provinceCode,
    recipient: recipientOf(v.measures, f.recipient),
    kind: f.kind as 'initial' | 'change',
    status: f.status as 'submitted',
    revision: f.revision,
    categories: f.categories,
    scale: f.scale,
    assetCount: f.snapshot.length,
    submittedAt: f.submittedAt.toISOString(),
    review: {
      dueAt: f.reviewDueAt.toISOString(),
      lastDay,
      workingDays: d.workingDays,
      workingDaysLeft: running ? workingDaysLeft(v.now, lastDay, v.cal) : 0,
      overdue: running && v.now > f.reviewDueAt,
      uncoveredYears: d.uncoveredYears,
      clause: d.clause,
      status: d.status,
      clock: countdown(f.reviewDueAt, running ? null : f.decidedAt, v.now),
    },
    decidedAt: iso(f.decidedAt),
    returnComment: f.returnComment,
    certificateNo: f.certificateNo,
    certificateIssuedOn: f.certificateIssuedOn,
    supersededAt: iso(f.supersededAt),
  };
}

/** An open change-filing obligation with its 3-month clock. */
export function toObligation(
  o: RefilingObligationRow,
  pack: MeasuresPack,
  now: Date,
): z.infer<typeof RefilingObligation> {
  const months = pack.catalogFiling.changeRefileMonths;
  return {
    id: o.id,
    baselineFilingId: o.baselineFilingId,
    reasons: o.reasons as z.infer<typeof RefilingObligation>['reasons'],
    openedAt: o.openedAt.toISOString(),
    dueAt: o.dueAt.toISOString(),
    lastDay: shanghaiDate(o.dueAt),
    clause: months.clause,
    status: months.status,
    clock: countdown(o.dueAt, null, now),
  };
}
