import { z } from 'zod';
import { Timestamp } from './common';
import { Clock } from './vulnerabilities';

/** Data levels, least to most severe (Measures (2022) grading; GB/T 43697-2024: 一般 / 重要 / 核心). */
export const DataLevel = z.enum(['general', 'important', 'core']);
/** How settled a regulatory value is (see regulations/README.md). */
export const ValueStatus = z.enum(['final', 'draft', 'unconfirmed']);
/** A pack value's clause and status, so the UI can mark draft or unconfirmed rules. */
export const RuleMark = z.object({ clause: z.string(), status: ValueStatus });
/** Text in Chinese and English. */
export const Bilingual = z.object({ zh: z.string(), en: z.string() });

const line = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** Wizard answers: question id → answer key (ids from GET /api/data-catalog/questions). */
export const WizardAnswers = z.record(z.string().max(64), z.string().max(64));
/** A manual level override; the reason is required (pack `override.reasonMinLength`). */
export const LevelOverride = z.strictObject({ level: DataLevel, reason: z.string().max(1000) });

/** The scale of a data asset. */
export const DataScale = z.strictObject({ records: count, volumeMb: count });

/** The catalog description of a data asset (Measures 2022 catalog fields); the level comes from the wizard. */
export const DataAssetFields = z.strictObject({
  name: line(200),
  category: line(100),
  description: optionalText(2000),
  scale: DataScale,
  purpose: line(1000),
  processingMethod: line(1000),
  scopeOfUse: line(1000),
  responsiblePerson: line(200),
  externalSharing: z.boolean(),
  sharingDetails: optionalText(1000),
  crossBorder: z.boolean(),
  carrierSystem: optionalText(200),
  source: optionalText(500),
  securityMeasures: line(2000),
});

/** Registers a data asset: its description, the wizard answers and an optional override with a reason. */
export const CreateDataAssetBody = DataAssetFields.extend({
  answers: WizardAnswers,
  override: LevelOverride.nullable().optional(),
});
/** Edits a data asset; `override: null` removes an override, omitting it keeps the current one. */
export const UpdateDataAssetBody = DataAssetFields.partial().extend({
  answers: WizardAnswers.optional(),
  override: LevelOverride.nullable().optional(),
});
/** Previews the wizard's level for some answers (nothing is stored). */
export const ClassifyBody = z.strictObject({
  answers: WizardAnswers,
  override: LevelOverride.nullable().optional(),
});

/** A data asset as its enterprise and its regulators see it. */
export const DataAsset = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  name: z.string(),
  category: z.string(),
  description: z.string().nullable(),
  level: DataLevel,
  derivedLevel: DataLevel,
  overrideReason: z.string().nullable(),
  answers: z.record(z.string(), z.string()),
  questionsVersion: z.string(),
  scale: z.object({ records: z.number(), volumeMb: z.number() }),
  purpose: z.string(),
  processingMethod: z.string(),
  scopeOfUse: z.string(),
  responsiblePerson: z.string(),
  externalSharing: z.boolean(),
  sharingDetails: z.string().nullable(),
  crossBorder: z.boolean(),
  carrierSystem: z.string().nullable(),
  source: z.string().nullable(),
  securityMeasures: z.string(),
  status: z.enum(['active', 'destroyed']),
  destroyedAt: Timestamp.nullable(),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

/** A rule-based warning that does not block the write (e.g. core data marked cross-border). */
export const CatalogWarning = RuleMark.extend({ code: z.string(), message: z.string() });
/** The answer to a data-asset write: the asset and any warnings. */
export const DataAssetWrite = z.object({ asset: DataAsset, warnings: z.array(CatalogWarning) });
/** Data assets of an org in scope. */
export const DataAssetListQuery = z.strictObject({
  orgId: z.uuid().optional(),
  status: z.enum(['active', 'destroyed']).optional(),
});

/** One wizard question, localised, with the rule it rests on. */
export const WizardQuestion = RuleMark.extend({
  id: z.string(),
  factors: z.array(z.string()),
  prompt: Bilingual,
  help: Bilingual,
  answers: z.array(z.object({ key: z.string(), label: Bilingual, minLevel: DataLevel })),
  note: z.string().nullable(),
});
/** The classification wizard: its questions and the principles it applies. */
export const WizardQuestions = z.object({
  version: z.string(),
  standard: RuleMark.extend({ value: z.string() }),
  mixedData: RuleMark,
  override: RuleMark.extend({ reasonMinLength: z.number().int() }),
  levels: z.array(z.object({ key: DataLevel, zh: z.string(), en: z.string() })),
  questions: z.array(WizardQuestion),
});

/** One answer that set the derived level. */
export const LevelReason = RuleMark.extend({
  questionId: z.string(),
  answerKey: z.string(),
  level: DataLevel,
});
/** The wizard's result for some answers. */
export const Classification = z.object({
  derivedLevel: DataLevel,
  level: DataLevel,
  overridden: z.boolean(),
  direction: z.enum(['up', 'down', 'same']),
  reasons: z.array(LevelReason),
  unanswered: z.array(z.string()),
  complete: z.boolean(),
  mixedData: RuleMark,
});

/** Filing states: under review, returned for revision, approved (certificate issued), replaced by a later one. */
export const FilingStatus = z.enum(['submitted', 'returned', 'approved', 'superseded']);

/** The regulator's review clock of a filing (20 China working days, Measures art. 12?, draft). */
export const ReviewClock = RuleMark.extend({
  dueAt: Timestamp,
  lastDay: z.string(),
  workingDays: z.number().int(),
  workingDaysLeft: z.number().int(),
  overdue: z.boolean(),
  uncoveredYears: z.array(z.number().int()),
  clock: Clock,
});

/** A catalog filing in a list. */
export const CatalogFiling = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  provinceCode: z.string(),
  recipient: z.object({ key: z.string(), zh: z.string(), en: z.string() }),
  kind: z.enum(['initial', 'change']),
  status: FilingStatus,
  revision: z.number().int(),
  categories: z.record(z.string(), z.number()),
  scale: z.number(),
  assetCount: z.number().int(),
  submittedAt: Timestamp,
  review: ReviewClock,
  decidedAt: Timestamp.nullable(),
  returnComment: z.string().nullable(),
  certificateNo: z.string().nullable(),
  certificateIssuedOn: z.string().nullable(),
  supersededAt: Timestamp.nullable(),
});

/** One review step of a filing. */
export const FilingEvent = z.object({
  kind: z.enum(['submitted', 'returned', 'resubmitted', 'approved', 'superseded', 'review-overdue']),
  revision: z.number().int(),
  comment: z.string().nullable(),
  actorOrgId: z.uuid().nullable(),
  at: Timestamp,
});

/** A filed description of one asset: the pack's catalog fields, never the data itself. */
export const FiledAsset = z.record(z.string(), z.unknown());

/** A filing with its snapshot and its timeline. */
export const CatalogFilingDetail = CatalogFiling.extend({
  snapshot: z.array(FiledAsset),
  events: z.array(FilingEvent),
  fields: RuleMark.extend({ value: z.array(Bilingual.extend({ key: z.string() })) }),
  furtherFields: RuleMark.extend({ value: z.array(Bilingual.extend({ key: z.string() })) }),
});

/** Filings in scope; `status=submitted` is the regulator's review queue. */
export const FilingListQuery = z.strictObject({
  status: FilingStatus.optional(),
  orgId: z.uuid().optional(),
});

/** Returns a filing for revision: the comment says what to fix. */
export const ReturnFilingBody = z.strictObject({ comment: z.string().trim().min(1).max(2000) });

/** The filing certificate (备案凭证) of an approved filing, for the printable page. */
export const FilingCertificate = z.object({
  certificateNo: z.string(),
  issuedOn: z.string(),
  status: z.enum(['approved', 'superseded']),
  filingId: z.uuid(),
  revision: z.number().int(),
  kind: z.enum(['initial', 'change']),
  orgName: z.string(),
  uscc: z.string().nullable(),
  provinceCode: z.string(),
  recipient: z.object({ key: z.string(), zh: z.string(), en: z.string() }),
  regulatorName: z.string().nullable(),
  levels: z.object({ important: z.number().int(), core: z.number().int() }),
  categories: z.record(z.string(), z.number()),
  scale: z.number(),
  outcome: RuleMark.extend({ value: z.string() }),
});

/** Why a change filing is due. */
export const RefilingReason = z.object({
  kind: z.enum(['category', 'scale', 'material-change', 'destruction']),
  category: z.string().optional(),
  before: z.number().optional(),
  after: z.number().optional(),
  changePercent: z.number().nullable().optional(),
});

/** An open change-filing obligation (Measures art. 12?, draft: re-file within 3 months of a ≥30 % change). */
export const RefilingObligation = RuleMark.extend({
  id: z.uuid(),
  baselineFilingId: z.uuid(),
  reasons: z.array(RefilingReason),
  openedAt: Timestamp,
  dueAt: Timestamp,
  lastDay: z.string(),
  clock: Clock,
});

/** An enterprise's catalog at a glance: counts, the filing in progress, the last approval, what is owed. */
export const CatalogOverview = z.object({
  orgId: z.uuid(),
  provinceCode: z.string().nullable(),
  recipient: z.object({ key: z.string(), zh: z.string(), en: z.string() }).nullable(),
  counts: z.object({
    general: z.number().int(),
    important: z.number().int(),
    core: z.number().int(),
    destroyed: z.number().int(),
  }),
  categories: z.record(z.string(), z.number()),
  scale: z.number(),
  openFiling: CatalogFiling.nullable(),
  lastApproved: CatalogFiling.nullable(),
  obligation: RefilingObligation.nullable(),
  rules: z.object({
    filingLevels: RuleMark,
    reviewWorkingDays: RuleMark.extend({ value: z.number() }),
    changeThresholdPercent: RuleMark.extend({ value: z.number() }),
    changeRefileMonths: RuleMark.extend({ value: z.number() }),
    initialFilingDeadline: RuleMark,
  }),
});
