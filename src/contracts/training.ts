import { z } from 'zod';
import { Timestamp } from './common';
import { ProvinceCode } from './identity';

const Day = z.iso.date();
const Text = (max: number) => z.string().trim().min(1).max(max);

/** Records a data-security training session; each attendee is one person-time (34号 training target). */
export const CreateTrainingSessionBody = z.strictObject({
  heldOn: Day,
  topic: Text(200),
  trainer: Text(100),
  hours: z.number().int().min(1).max(200).nullable().default(null),
  attendees: z.array(Text(100)).min(1).max(5000).describe('One name per attendee; each is one person-time'),
});

/** A training session as the API returns it. */
export const TrainingSession = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  provinceCode: z.string(),
  heldOn: Day,
  topic: z.string(),
  trainer: z.string(),
  hours: z.number().int().nullable(),
  attendees: z.array(z.string()),
  personTimes: z.number().int(),
  createdAt: Timestamp,
});
/** A training session. */
export type TrainingSession = z.infer<typeof TrainingSession>;

/** Records a certified data-security talent of the enterprise (34号 talent target). */
export const CreateTalentBody = z.strictObject({
  name: Text(100),
  certificate: Text(200).describe('The certification, e.g. CISP-DSG'),
  certificateNo: Text(100),
  issuer: Text(200),
  issuedOn: Day,
  validUntil: Day.nullable().default(null),
});

/** A certified talent as the API returns it. */
export const Talent = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  provinceCode: z.string(),
  name: z.string(),
  certificate: z.string(),
  certificateNo: z.string(),
  issuer: z.string(),
  issuedOn: Day,
  validUntil: Day.nullable(),
  createdAt: Timestamp,
});
/** A certified talent. */
export type Talent = z.infer<typeof Talent>;

/** Which records to list: regulators may narrow to one enterprise or (the ministry) one province. */
export const TrainingListQuery = z.strictObject({
  orgId: z.uuid().optional(),
  provinceCode: ProvinceCode.optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Which roll-up to compute: the ministry may name a province. */
export const TrainingSummaryQuery = z.strictObject({ provinceCode: ProvinceCode.optional() });

/** A 34号 target as the pack states it, with its clause and how settled it is. */
export const PlanTarget = z.object({
  zh: z.string(),
  en: z.string(),
  op: z.enum(['gt', 'gte']),
  value: z.number(),
  unit: z.string(),
  clause: z.string(),
  status: z.enum(['final', 'draft', 'unconfirmed']),
  note: z.string().nullable(),
});

/** Counts of one enterprise or province inside the programme period. */
export const TrainingCounts = z.object({
  sessions: z.number().int(),
  personTimes: z.number().int(),
  personTimesThisYear: z.number().int(),
  talents: z.number().int().describe('Distinct people with a certificate valid today'),
});

/** Training and talents against the 34号 national targets: the caller's enterprise, province, or the nation. */
export const TrainingSummary = z.object({
  scope: z.enum(['enterprise', 'province', 'national']),
  provinceCode: z.string().nullable(),
  periodFrom: Day,
  periodTo: Day,
  targets: z.object({ trainingPersonTimes: PlanTarget, talents: PlanTarget }),
  totals: TrainingCounts,
  byEnterprise: z.array(
    TrainingCounts.extend({ orgId: z.uuid(), name: z.string(), provinceCode: z.string() }),
  ),
  byProvince: z.array(TrainingCounts.extend({ provinceCode: z.string() })),
});
/** A training roll-up. */
export type TrainingSummary = z.infer<typeof TrainingSummary>;
