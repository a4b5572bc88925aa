import { z } from 'zod';
import { Timestamp } from './common';
import { ProvinceCode } from './identity';
import { CoverageDefinition } from './programme';

const Status = z.enum(['final', 'draft', 'unconfirmed']);
const Tiers = z.object({
  I: z.number().int(),
  II: z.number().int(),
  III: z.number().int(),
  IV: z.number().int(),
});
const Severities = z.object({
  critical: z.number().int(),
  high: z.number().int(),
  medium: z.number().int(),
  low: z.number().int(),
  unknown: z.number().int(),
});

/** Incidents by tier (214号 I 特别重大 … IV 一般); practice incidents never count. */
export const TierCounts = Tiers;
/** Open exposures by advisory severity. */
export const SeverityCounts = Severities;

/**
 * Every supervision figure of one area (the nation, a province or a city), as of the last refresh. City rows
 * carry null where a figure has no city (vulnerability reports belong to vendors, which have only a province).
 */
export const AreaFigures = z.object({
  enterprisesRegistered: z.number().int(),
  enterprisesCovered: z.number().int().describe('The programme definition (34号, pack enterpriseCovered)'),
  topDecileQuota: z
    .number()
    .int()
    .describe('ceil(10 % × above-size industrial enterprises); provinces and nation'),
  topDecileMembers: z
    .number()
    .int()
    .describe('Enterprises currently in their province’s top 10 % by revenue'),
  topDecileCovered: z.number().int(),
  trainingPersonTimes: z.number().int(),
  talents: z.number().int(),
  drillsCompleted: z.number().int().describe('Completed drills filed with the provincial regulator'),
  incidents: Tiers,
  vulnerabilityReports: z.number().int().nullable(),
  nationalReportsOnTime: z.number().int().nullable().describe('RMSV 7(2) report made by its due time'),
  nationalReportsLate: z.number().int().nullable().describe('Made after its due time'),
  nationalReportsOverdue: z.number().int().nullable().describe('Not made and past due'),
  nationalReportsPending: z.number().int().nullable().describe('Not made, not yet due'),
  exposuresOpen: Severities,
  filingsPending: z.number().int().describe('Catalog filings under review'),
  filingsOverdue: z.number().int().describe('Under review past the 20-working-day review time'),
});
/** An area's figures. */
export type AreaFigures = z.infer<typeof AreaFigures>;

/** A 34号 target as the pack states it, with its source. */
export const TargetRef = z.object({
  key: z.enum(['enterprisesProtected', 'trainingPersonTimes', 'talents', 'topDecile']),
  op: z.enum(['gt', 'gte']),
  value: z.number(),
  unit: z.string(),
  clause: z.string(),
  source: z.string(),
  status: Status,
  scope: z.enum(['national', 'province']).describe('National targets are not apportioned to provinces'),
});

/** One headline figure beside its 2026 target (null when 34号 sets none for this scope) and its projection. */
export const Headline = z.object({
  key: z.enum([
    'enterprisesRegistered',
    'enterprisesCovered',
    'topDecileCovered',
    'trainingPersonTimes',
    'talents',
    'drillsCompleted',
  ]),
  value: z.number(),
  target: TargetRef.nullable(),
  pct: z.number().nullable().describe('value / target × 100'),
  met: z.boolean().nullable(),
  pacePerDay: z.number().describe('Least-squares slope over the pack’s projection window'),
  projectedAtDeadline: z.number(),
  onTrack: z.boolean().nullable(),
});
/** A headline figure. */
export type Headline = z.infer<typeof Headline>;

/** One row of the breakdown table: a province (national view) or a city (provincial view). */
export const BreakdownRow = z.object({ code: z.string(), figures: AreaFigures });

/** A dashboard: the area's figures, headlines against targets, the breakdown below it and the definition used. */
export const SupervisionOverview = z.object({
  scope: z.object({ level: z.enum(['nation', 'province']), code: z.string() }),
  asOf: Timestamp.nullable().describe('When the figures were computed; null before the first refresh'),
  deadline: Timestamp.describe('24:00 China time on the 34号 target date'),
  figures: AreaFigures,
  headlines: z.array(Headline),
  breakdown: z.array(BreakdownRow),
  definition: CoverageDefinition,
  projection: z.object({ windowDays: z.number().int(), clause: z.string(), status: Status }),
});
/** A dashboard. */
export type SupervisionOverview = z.infer<typeof SupervisionOverview>;

/** Cumulative counts at month ends (the current month: as of the last refresh), and incidents per month. */
export const SupervisionTrends = z.object({
  scope: z.object({ level: z.enum(['nation', 'province']), code: z.string() }),
  months: z.array(z.string().regex(/^\d{4}-\d{2}$/)),
  enterprisesRegistered: z.array(z.number().int().nullable()),
  enterprisesCovered: z.array(z.number().int().nullable()),
  topDecileCovered: z.array(z.number().int().nullable()),
  trainingPersonTimes: z.array(z.number().int().nullable()),
  talents: z.array(z.number().int().nullable()),
  drillsCompleted: z.array(z.number().int().nullable()),
  incidents: z.object({
    I: z.array(z.number().int()),
    II: z.array(z.number().int()),
    III: z.array(z.number().int()),
    IV: z.array(z.number().int()),
  }),
});
/** Trends. */
export type SupervisionTrends = z.infer<typeof SupervisionTrends>;

/** Which area a request is about: a ministry user may name any province or none (the nation). */
export const AreaQuery = z.object({ province: ProvinceCode.optional() });

/** The lists behind the figures. */
export const DrillKind = z.enum([
  'enterprises',
  'training',
  'talents',
  'drills',
  'incidents',
  'vulnerabilities',
  'exposures',
  'filings',
]);
/** A list kind. */
export type DrillKind = z.infer<typeof DrillKind>;

/** A calendar month YYYY-MM; the month must exist (a "2026-13" reached the database as an invalid date). */
const CalendarMonth = z.string().regex(/^[12]\d{3}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');

/** Filters for a drill-down list; each kind reads the ones that apply to it and rejects none. */
export const DrillQuery = z.object({
  province: ProvinceCode.optional(),
  city: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  covered: z.enum(['true', 'false']).optional().describe('enterprises'),
  topDecile: z.enum(['true', 'false']).optional().describe('enterprises'),
  industrySection: z
    .string()
    .regex(/^[A-T]$/)
    .optional()
    .describe('enterprises'),
  tier: z.enum(['I', 'II', 'III', 'IV']).optional().describe('incidents'),
  month: CalendarMonth.optional().describe('incidents, training, talents, drills: Shanghai calendar month'),
  severity: z.enum(['critical', 'high', 'medium', 'low', 'unknown']).optional().describe('exposures'),
  status: z
    .enum(['on-time', 'late', 'overdue', 'pending'])
    .optional()
    .describe('vulnerabilities: the national report; filings: pending or overdue'),
  q: z.string().max(100).optional().describe('Name contains (enterprises, talents)'),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
/** Drill-down filters. */
export type DrillQuery = z.infer<typeof DrillQuery>;

/** A page of a drill-down list: column keys (the UI translates them) and rows of plain cells. */
export const DrillPage = z.object({
  kind: DrillKind,
  columns: z.array(z.string()),
  rows: z.array(
    z.object({
      id: z.string(),
      cells: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    }),
  ),
  nextCursor: z.string().nullable(),
});
/** A drill-down page. */
export type DrillPage = z.infer<typeof DrillPage>;

/** Export format of a drill-down list. */
export const ExportQuery = DrillQuery.omit({ cursor: true, limit: true }).extend({
  format: z.enum(['csv', 'xlsx']),
});

/** The monthly report to print: a province or (ministry only) the nation, for a Shanghai calendar month. */
export const ReportQuery = AreaQuery.extend({
  month: CalendarMonth.optional().describe('Defaults to the current month'),
});

/** Outcome of a refresh of the read models. */
export const RefreshResult = z.object({ asOf: Timestamp, areas: z.number().int(), ms: z.number() });
