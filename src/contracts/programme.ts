import { z } from 'zod';
import { Timestamp } from './common';
import { ProvinceCode } from './identity';

const Status = z.enum(['final', 'draft', 'unconfirmed']);
const Evidence = z.enum(['catalog-filing-approved', 'self-examination-completed']);

/** Bulwark's definition of an enterprise "doing classification-and-grading protection" (34号), from the plan pack. */
export const CoverageDefinition = z.object({
  allOf: z.array(Evidence),
  currentYear: z.array(Evidence),
  withinPeriod: z.array(Evidence),
  periodFrom: z.iso.date(),
  periodTo: z.iso.date(),
  clause: z.string(),
  source: z.string(),
  status: Status,
  note: z.string().nullable(),
});
/** The coverage definition. */
export type CoverageDefinition = z.infer<typeof CoverageDefinition>;

/** Whether one enterprise counts toward the 34号 target now, what holds and what is missing. */
export const EnterpriseCoverage = z.object({
  covered: z.boolean(),
  by: z.array(Evidence),
  missing: z.array(Evidence),
  year: z.number().int().describe('The Shanghai calendar year the current-year evidence must fall in'),
  definition: CoverageDefinition,
});

/** What an obligation is about; the UI translates the key. */
export const DueKind = z.enum([
  'catalog-not-filed',
  'filing-returned',
  'filing-under-review',
  'refiling-due',
  'self-examination-due',
  'corrective-actions-open',
  'risk-assessment-missing',
  'risk-assessment-expiring',
  'training-this-year',
]);
/** An obligation kind. */
export type DueKind = z.infer<typeof DueKind>;

/** One thing due next, with the clause it rests on and how settled that clause is. */
export const DueItem = z.object({
  kind: DueKind,
  dueAt: Timestamp.nullable().describe('Null when action is needed now with no fixed date'),
  overdue: z.boolean(),
  link: z.string().describe('The web page where the obligation is handled'),
  clause: z.string(),
  status: Status,
  count: z.number().int().nullable().describe('Open items, or person-times for training'),
});
/** A due item. */
export type DueItem = z.infer<typeof DueItem>;

/** An enterprise's programme home: coverage with its definition and what is due next, soonest first. */
export const ProgrammeOverview = z.object({
  enterprise: z.object({ id: z.uuid(), name: z.string(), provinceCode: z.string().nullable() }),
  asOf: Timestamp,
  handlesImportantData: z.boolean(),
  coverage: EnterpriseCoverage,
  due: z.array(DueItem),
});
/** An enterprise's programme overview. */
export type ProgrammeOverview = z.infer<typeof ProgrammeOverview>;

/** Which coverage to compute: the ministry may name one province. */
export const CoverageQuery = z.strictObject({ provinceCode: ProvinceCode.optional() });

const CoverageCount = z.object({
  enterprises: z.number().int(),
  covered: z.number().int(),
});

/** Enterprises covered among those in the regulator's scope (a province its own; the ministry by province). */
export const CoverageSummary = z.object({
  asOf: Timestamp,
  year: z.number().int(),
  scope: z.enum(['province', 'national']),
  definition: CoverageDefinition,
  target: z.object({
    op: z.enum(['gt', 'gte']),
    value: z.number(),
    clause: z.string(),
    status: Status,
  }),
  total: CoverageCount,
  byProvince: z.array(CoverageCount.extend({ provinceCode: z.string() })),
});
/** A coverage summary. */
export type CoverageSummary = z.infer<typeof CoverageSummary>;
