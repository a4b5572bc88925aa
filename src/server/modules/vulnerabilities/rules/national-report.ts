import { z } from 'zod';
import { NATIONAL_REPORT_FIELDS, type NationalReportField, type RmsvPack } from './rmsv-schema';
import { titleSimilarity, type VersionCompare, type VersionSpec, versionsOverlap } from './similarity';

const filled = z
  .string({ error: 'required by RMSV art. 7(2)' })
  .trim()
  .min(1, { error: 'required by RMSV art. 7(2)' });

/** RMSV art. 7(2) report schema: the pack's required fields must be filled; extra fields pass (the list ends in 等). */
export function nationalReportSchema(required: readonly NationalReportField[]) {
  const shape = Object.fromEntries(
    NATIONAL_REPORT_FIELDS.map((f) => [f, required.includes(f) ? filled : filled.optional()]),
  ) as Record<NationalReportField, z.ZodString | z.ZodOptional<z.ZodString>>;
  return z.looseObject(shape);
}

/** A field problem with a dotted path, shaped like the API's problem+json entries. */
export interface ReportProblem {
  path: string;
  message: string;
  code: 'national-report.field-missing' | 'national-report.invalid';
}

/** Validates a report against RMSV art. 7(2) as the pack lists it; every problem carries its field path. */
export function validateNationalReport(
  input: unknown,
  rmsv: RmsvPack,
): { ok: true; report: Record<string, unknown> } | { ok: false; problems: ReportProblem[] } {
  const r = nationalReportSchema(rmsv.provider.nationalReportRequiredFields.value).safeParse(input);
  if (r.success) return { ok: true, report: r.data };
  return {
    ok: false,
    problems: r.error.issues.map((i) => ({
      path: i.path.map(String).join('.') || '(root)',
      message: i.message,
      code: i.path.length === 1 ? 'national-report.field-missing' : 'national-report.invalid',
    })),
  };
}

/** What the duplicate scorer compares: a product key (id or normalised vendor/name), CWE, versions and title. */
export interface DuplicateSubject {
  product: string;
  cwe?: string | null;
  versions: readonly VersionSpec[];
  title: string;
}

/** A duplicate score in [0, 1], its parts (null = unknown on a side, left out), and whether it passes the pack threshold. */
export interface DuplicateScore {
  score: number;
  candidate: boolean;
  parts: { product: number; cwe: number | null; versions: number | null; title: number };
}

const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
const cweNumber = (c: string | null | undefined) => {
  const m = c ? /^(?:cwe-)?0*(\d+)$/i.exec(c.trim()) : null;
  return m ? Number(m[1]) : null;
};

/** Scores how likely two reports describe the same vulnerability; weights and threshold come from the pack. */
export function duplicateScore(
  a: DuplicateSubject,
  b: DuplicateSubject,
  rmsv: RmsvPack,
  compare?: VersionCompare,
): DuplicateScore {
  const { threshold, weights } = rmsv.workflow.duplicateScoring.value;
  const [ca, cb] = [cweNumber(a.cwe), cweNumber(b.cwe)];
  const parts = {
    product: norm(a.product) === norm(b.product) ? 1 : 0,
    cwe: ca === null || cb === null ? null : ca === cb ? 1 : 0,
    versions:
      a.versions.length === 0 || b.versions.length === 0
        ? null
        : versionsOverlap(a.versions, b.versions, compare)
          ? 1
          : 0,
    title: titleSimilarity(a.title, b.title),
  };
  let sum = 0;
  let total = 0;
  for (const k of ['product', 'cwe', 'versions', 'title'] as const) {
    const v = parts[k];
    if (v === null) continue;
    sum += weights[k] * v;
    total += weights[k];
  }
  const score = total === 0 ? 0 : sum / total;
  return { score, candidate: score >= threshold, parts };
}
