import { z } from 'zod';
import { Timestamp } from './common';
import { Sector } from './enterprises';

/** 214号 incident tiers, most severe first. */
export const IncidentTier = z.enum(['I', 'II', 'III', 'IV']);
/** Data levels (Measures 2022). */
export const DataLevel = z.enum(['general', 'important', 'core']);
/** The incident types of the 2024 plan pack. */
export const IncidentType = z.enum([
  'leak',
  'tampering',
  'destruction',
  'illegal-use',
  'ransomware',
  'unavailability',
  'other',
]);
/** Harm of a data compromise (一般 / 较严重 / 严重 / 特别严重). */
export const Harm = z.enum(['general', 'relatively-serious', 'serious', 'especially-serious']);
/** Damage to industrial production. */
export const ProductionImpact = z.enum([
  'none',
  'minor',
  'partial-loss',
  'large-scale-shutdown',
  'widespread-shutdown',
]);

const Count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** The facts an incident is tiered on; omitted numbers mean "not known yet". */
export const IncidentFactsBody = z.strictObject({
  type: IncidentType,
  sector: Sector,
  dataLevels: z.array(DataLevel).max(3).default([]),
  dataAssetIds: z.array(z.uuid()).max(100).default([]).describe('Catalog entries involved, when catalogued'),
  harm: Harm.optional(),
  piRecords: Count.optional(),
  sensitivePiRecords: Count.optional(),
  directLossYuan: Count.optional(),
  outageHours: z.number().int().min(0).max(100_000).optional(),
  productionImpact: ProductionImpact.optional(),
  systemsAffected: z.string().trim().max(2000).optional(),
});

/** An enterprise reports an incident to its provincial regulator. */
export const ReportIncidentBody = IncidentFactsBody.extend({
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().min(1).max(20_000),
  discoveredAt: Timestamp.describe('When the enterprise learned of it; the clocks run from here'),
});

/** New facts: every field of the facts, replacing the previous ones; a note says what changed. */
export const UpdateFactsBody = IncidentFactsBody.extend({
  note: z.string().trim().min(1).max(5000),
});

/** A follow-up report (进展报告). */
export const FollowUpBody = z.strictObject({ text: z.string().trim().min(1).max(20_000) });

/** The regulator logs its phone call or written report to the ministry (at: when it happened, default now). */
export const MinistryReportBody = z.strictObject({
  channel: z.enum(['phone', 'written']),
  at: Timestamp.optional(),
  note: z.string().trim().max(2000).optional(),
});

/** The enterprise records that it told affected individuals (Measures 2022: notify users promptly). */
export const NotifyUsersBody = z.strictObject({
  channel: z.string().trim().min(1).max(200),
  recipients: Count.describe('How many individuals were told'),
  message: z.string().trim().min(1).max(5000),
});

/** A corrective action raised from an incident onto the programme's board. */
export const IncidentCorrectiveBody = z.strictObject({
  title: z.string().trim().min(1).max(200),
  detail: z.string().trim().max(5000).optional(),
  dueOn: z.iso.date().optional(),
  ownerUserId: z.uuid().optional(),
});

/** Closing an incident needs a summary (总结报告). */
export const CloseIncidentBody = z.strictObject({ summary: z.string().trim().min(1).max(20_000) });

/** Containment moves an open incident to contained. */
export const ContainBody = z.strictObject({ note: z.string().trim().min(1).max(5000) });

/** One criterion that reached a tier, with the threshold it met and how settled that threshold is. */
export const FiredCriterion = z.object({
  criterion: z.string(),
  tier: IncidentTier,
  actual: z.union([z.number(), z.string()]),
  threshold: z.string(),
  clause: z.string(),
  source: z.string(),
  status: z.string(),
  note: z.string().optional(),
});

/** The tier and why. */
export const Classification = z.object({
  tier: IncidentTier.nullable(),
  colour: z.string().nullable(),
  fired: z.array(FiredCriterion),
  decisive: z.array(FiredCriterion),
  unknown: z.array(
    z.object({ criterion: z.string(), tier: IncidentTier, clause: z.string(), note: z.string().optional() }),
  ),
  restsOn: z.string().nullable(),
});

/** One reporting clock with its state. */
export const IncidentClock = z.object({
  duty: z.enum(['processor-report', 'regulator-phone', 'regulator-written']),
  from: z.string(),
  to: z.string(),
  startedAt: Timestamp,
  dueAt: Timestamp,
  minutes: z.number(),
  legal: z.boolean(),
  clause: z.string(),
  status: z.string(),
  note: z.string().optional(),
  doneAt: Timestamp.nullable(),
  state: z.enum(['running', 'met', 'late', 'overdue']),
  escalatedAt: Timestamp.nullable(),
  remainingMs: z.number().nullable().describe('Until due at the time of the answer; null once done'),
});

/** An incident as the API shows it. */
export const Incident = z.object({
  id: z.uuid(),
  ref: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  provinceCode: z.string(),
  practice: z.boolean(),
  drillId: z.uuid().nullable(),
  title: z.string(),
  type: IncidentType,
  sector: Sector,
  dataLevels: z.array(DataLevel),
  dataAssetIds: z.array(z.uuid()),
  harm: Harm.nullable(),
  piRecords: z.number().nullable(),
  sensitivePiRecords: z.number().nullable(),
  directLossYuan: z.number().nullable(),
  outageHours: z.number().nullable(),
  productionImpact: ProductionImpact.nullable(),
  systemsAffected: z.string().nullable(),
  tier: IncidentTier.nullable(),
  status: z.enum(['open', 'contained', 'closed']),
  discoveredAt: Timestamp,
  reportedAt: Timestamp,
  ministryClockStartedAt: Timestamp.nullable(),
  usersNotifiedAt: Timestamp.nullable(),
  individualsAtRisk: z.boolean(),
  closedAt: Timestamp.nullable(),
  clocks: z.array(IncidentClock),
  dutyRota: z.object({ hoursPerDay: z.number(), clause: z.string(), status: z.string() }).nullable(),
});

/** An incident with its description, classification and timeline (its own org and regulators in scope). */
export const IncidentDetail = Incident.extend({
  asOf: Timestamp.describe("The server's time of the answer, so clients default times to it"),
  description: z.string(),
  classification: Classification,
  unknownDuties: z.array(z.object({ key: z.string(), clause: z.string(), note: z.string().optional() })),
  timeline: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      at: Timestamp,
      actorOrgId: z.uuid().nullable(),
      data: z.record(z.string(), z.unknown()),
      text: z.string().nullable(),
    }),
  ),
});

/** Inbox filters. */
export const IncidentListQuery = z.strictObject({
  tier: IncidentTier.optional(),
  status: z.enum(['open', 'contained', 'closed']).optional(),
  practice: z.enum(['true', 'false']).optional(),
  provinceCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

/** The annual incident summary of one enterprise (practice incidents excluded). */
export const AnnualSummaryQuery = z.strictObject({
  year: z.coerce.number().int().min(2020).max(2100),
  orgId: z.uuid().optional(),
});

/** Counts and totals of one enterprise's incidents in a year. */
export const AnnualSummary = z.object({
  orgId: z.uuid(),
  year: z.number(),
  total: z.number(),
  byTier: z.record(z.string(), z.number()),
  byType: z.record(z.string(), z.number()),
  closed: z.number(),
  piRecords: z.number(),
  sensitivePiRecords: z.number(),
  directLossYuan: z.number(),
  reportedLate: z.number(),
  ministryEscalations: z.number(),
});

/** A classification preview for the report wizard, without saving. */
export const ClassifyBody = IncidentFactsBody;
/** Preview result. */
export const ClassifyResult = z.object({ classification: Classification });
