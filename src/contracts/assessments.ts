import { z } from 'zod';
import { Timestamp } from './common';

/** The four 34号 risk scenarios plus general data-security management, as controls are scored. */
export const ScenarioKey = z.enum([
  'ransomware',
  'vulnerability-backdoor',
  'illegal-operation',
  'remote-om',
  'general',
]);
/** A scoring scenario. */
export type ScenarioKey = z.infer<typeof ScenarioKey>;

/** How an enterprise answers a control. */
export const ControlAnswer = z.enum(['yes', 'partial', 'no', 'not-applicable']);
/** An answer to one control. */
export type ControlAnswer = z.infer<typeof ControlAnswer>;

const Text = z.object({ zh: z.string(), en: z.string() });
const Sourced = { clause: z.string(), source: z.string(), status: z.string() };

/** One control of the library as the API shows it, in both languages. */
export const LibraryControl = z.object({
  id: z.string(),
  scenarios: z.array(ScenarioKey),
  question: Text,
  guidance: Text,
  weight: z.number(),
  evidence: z.array(Text),
  ...Sourced,
});
/** One control of the library. */
export type LibraryControl = z.infer<typeof LibraryControl>;

/** The versioned control library grouped by each control's primary scenario. */
export const ControlLibrary = z.object({
  version: z.string(),
  title: z.string(),
  scoring: z.object({ ...Sourced, note: z.string().optional() }),
  groups: z.array(
    z.object({
      scenario: ScenarioKey,
      label: Text,
      labelStatus: z.string(),
      controls: z.array(LibraryControl),
    }),
  ),
});
/** The control library. */
export type ControlLibrary = z.infer<typeof ControlLibrary>;

/** A weighted score over a set of controls (null when nothing is applicable). */
export const Score = z.object({
  score: z.number().nullable(),
  earned: z.number(),
  possible: z.number(),
  controls: z.number().int(),
  applicable: z.number().int(),
  unanswered: z.number().int(),
});
/** A weighted score. */
export type Score = z.infer<typeof Score>;

/** An examination's score overall and per scenario. */
export const ExaminationScore = z.object({
  libraryVersion: z.string(),
  overall: Score,
  byScenario: z.record(ScenarioKey, Score),
  unanswered: z.array(z.string()),
  unknown: z.array(z.string()),
  complete: z.boolean(),
});
/** An examination's score. */
export type ExaminationScore = z.infer<typeof ExaminationScore>;

/** A sealed evidence file's metadata. */
export const EvidenceFile = z.object({
  id: z.uuid(),
  subjectPart: z.string().nullable(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.uuid().nullable(),
  createdAt: Timestamp,
});
/** An evidence file. */
export type EvidenceFile = z.infer<typeof EvidenceFile>;

/** An evidence upload: the file as base64 in JSON, like vulnerability attachments. */
export const EvidenceUpload = z.strictObject({
  filename: z.string().trim().min(1).max(300),
  contentType: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[\w.+-]+\/[\w.+-]+$/, 'must be a MIME type'),
  contentBase64: z.string().min(1),
});
/** An evidence upload. */
export type EvidenceUpload = z.infer<typeof EvidenceUpload>;

/** One answer of a self-examination. */
export const Answer = z.object({
  controlId: z.string(),
  answer: ControlAnswer,
  note: z.string().nullable(),
  answeredBy: z.uuid().nullable(),
  answeredAt: Timestamp,
});

/** A self-examination in a list. */
export const ExaminationSummary = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  year: z.number().int(),
  libraryVersion: z.string(),
  status: z.enum(['in-progress', 'completed']),
  previousId: z.uuid().nullable(),
  overall: z.number().nullable(),
  startedAt: Timestamp,
  completedAt: Timestamp.nullable(),
});
/** A self-examination in a list. */
export type ExaminationSummary = z.infer<typeof ExaminationSummary>;

/** A self-examination with answers, evidence and the live (or, once completed, frozen) score. */
export const Examination = ExaminationSummary.extend({
  startedBy: z.uuid().nullable(),
  completedBy: z.uuid().nullable(),
  answers: z.array(Answer),
  evidence: z.array(EvidenceFile),
  score: ExaminationScore,
  /** Whether the actor may answer, attach and complete. */
  canEdit: z.boolean(),
});
/** A self-examination. */
export type Examination = z.infer<typeof Examination>;

/** Answers to record (each replaces the control's earlier answer). */
export const AnswersBody = z.strictObject({
  answers: z
    .array(
      z.strictObject({
        controlId: z.string().min(1).max(20),
        answer: ControlAnswer,
        note: z.string().trim().max(2000).nullish(),
      }),
    )
    .min(1)
    .max(500),
});
/** Answers to record. */
export type AnswersBody = z.infer<typeof AnswersBody>;

/** Path of one control of one examination. */
export const ExaminationControlParams = z.strictObject({
  id: z.uuid(),
  controlId: z.string().min(1).max(20),
});

const AnswerChange = z.object({
  id: z.string(),
  from: ControlAnswer.nullable(),
  to: ControlAnswer.nullable(),
});

/** A re-examination compared with the previous completed one; `previousId` null when there is none. */
export const ExaminationDiff = z.object({
  previousId: z.uuid().nullable(),
  previousYear: z.number().int().nullable(),
  overallDelta: z.number().nullable(),
  byScenario: z.record(ScenarioKey, z.number().nullable()),
  improved: z.array(AnswerChange),
  regressed: z.array(AnswerChange),
  changed: z.array(AnswerChange),
  retired: z.array(z.string()),
});
/** A re-examination diff. */
export type ExaminationDiff = z.infer<typeof ExaminationDiff>;

/** Statuses of a corrective action (整改). */
export const CorrectiveStatus = z.enum(['open', 'in-progress', 'resolved', 'verified']);
/** A corrective action status. */
export type CorrectiveStatus = z.infer<typeof CorrectiveStatus>;

/** A corrective action. */
export const CorrectiveAction = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  sourceKind: z.enum(['examination', 'incident', 'drill']),
  sourceId: z.uuid(),
  controlId: z.string().nullable(),
  scenarios: z.array(z.string()),
  title: z.string(),
  detail: z.string().nullable(),
  ownerUserId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  dueOn: z.iso.date(),
  overdue: z.boolean(),
  status: CorrectiveStatus,
  resolution: z.string().nullable(),
  resolvedAt: Timestamp.nullable(),
  resolvedBy: z.uuid().nullable(),
  verificationNote: z.string().nullable(),
  verifiedAt: Timestamp.nullable(),
  verifiedBy: z.uuid().nullable(),
  evidence: z.array(EvidenceFile),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
/** A corrective action. */
export type CorrectiveAction = z.infer<typeof CorrectiveAction>;

const Bool = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Corrective-action board filters. */
export const CorrectiveListQuery = z.strictObject({
  status: CorrectiveStatus.optional(),
  ownerUserId: z.uuid().optional(),
  overdue: Bool.optional(),
  orgId: z.uuid().optional(),
  sourceId: z.uuid().optional(),
});

/** Editable fields of a corrective action. */
export const CorrectiveUpdateBody = z
  .strictObject({
    ownerUserId: z.uuid().nullable().optional(),
    dueOn: z.iso.date().optional(),
    detail: z.string().trim().max(4000).nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });

/** A move on the corrective-action board. */
export const CorrectiveTransitionBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('start') }),
  z.strictObject({ action: z.literal('resolve'), resolution: z.string().trim().min(1).max(4000) }),
  z.strictObject({ action: z.literal('verify'), note: z.string().trim().min(1).max(4000) }),
  z.strictObject({ action: z.literal('reopen'), note: z.string().trim().max(4000).optional() }),
]);
/** A move on the corrective-action board. */
export type CorrectiveTransitionBody = z.infer<typeof CorrectiveTransitionBody>;

/** Who performed a risk assessment (Measures art. 31). */
export const PerformedBy = z.enum(['self', 'third-party']);

/** A risk assessment draft's fields; every section is required only at submission. */
export const RiskAssessmentBody = z.strictObject({
  performedBy: PerformedBy,
  assessorName: z.string().trim().min(1).max(200).nullish(),
  issuedOn: z.iso.date().nullish(),
  sections: z.record(z.string().regex(/^[a-zA-Z]{1,60}$/), z.string().max(20_000)).default({}),
});
/** A risk assessment draft's fields. */
export type RiskAssessmentBody = z.infer<typeof RiskAssessmentBody>;

/** An annual data-security risk assessment report (Measures art. 31; 82号). */
export const RiskAssessment = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  provinceCode: z.string(),
  performedBy: PerformedBy,
  assessorName: z.string().nullable(),
  sections: z.record(z.string(), z.string()),
  status: z.enum(['draft', 'submitted', 'received']),
  issuedOn: z.iso.date().nullable(),
  validUntil: z.iso.date().nullable(),
  submittedAt: Timestamp.nullable(),
  receivedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
/** A risk assessment. */
export type RiskAssessment = z.infer<typeof RiskAssessment>;

/** The report sections of 82号 and the validity rule, from the measures pack. */
export const RiskAssessmentTemplate = z.object({
  sections: z.array(z.object({ key: z.string(), zh: z.string(), en: z.string() })),
  resultValidMonths: z.number().int(),
  reminderDaysBefore: z.array(z.number().int()),
  clause: z.string(),
});

/** Whether the enterprise must assess (it processes important or core data) and how its latest result stands. */
export const RiskAssessmentStatus = z.object({
  required: z.boolean(),
  currentId: z.uuid().nullable(),
  validUntil: z.iso.date().nullable(),
  daysLeft: z.number().int().nullable(),
  expired: z.boolean(),
});
/** The enterprise's risk-assessment standing. */
export type RiskAssessmentStatus = z.infer<typeof RiskAssessmentStatus>;
