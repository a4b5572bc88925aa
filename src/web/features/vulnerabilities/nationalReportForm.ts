import { NATIONAL_REPORT_FIELDS } from '../../lib/reports';
import type { NationalReportInput, ReportDetail } from '../../lib/types';

/** RMSV art. 7(2) fields pre-filled from the report, its product and the vendor's assessment. */
export function nationalReportDraft(r: ReportDetail): Required<Omit<NationalReportInput, 'additional'>> {
  const scores = r.cvss.map((c) => `CVSS ${c.version} ${c.baseScore.toFixed(1)} (${c.vector})`);
  return {
    productName: r.productName,
    productModel: r.productModel ?? '',
    productVersion: r.affectedVersions.join(', '),
    technicalCharacteristics: [[r.cwe, r.title].filter(Boolean).join(' '), ...scores].join('\n'),
    harm: r.assessment?.harm ?? '',
    scope: r.assessment?.scope ?? '',
  };
}

/** A filed report's fields back in the form (for re-filing after the ministry asked for more). */
export function draftFromFiled(fields: Record<string, string>): NationalReportInput {
  const out: NationalReportInput = {};
  for (const f of [...NATIONAL_REPORT_FIELDS, 'additional'] as const)
    if (fields[f] !== undefined) out[f] = fields[f];
  return out;
}
