import { z } from 'zod';
import { sourced } from '../regulations/sourced';
import { DATA_LEVELS, DataLevel, Labelled, uniqueBy } from './common-schema';

const isoDate = z.iso.date();
const positiveInt = z.number().int().positive();
const fields = z
  .array(Labelled)
  .min(1)
  .superRefine(uniqueBy((f) => f.key, 'key'));
const levelList = z.array(DataLevel).min(1);

/** The three levels, least to most severe, with their names; the order is fixed because rules compare ranks. */
const levels = z.array(Labelled).refine((ls) => ls.map((l) => l.key).join() === DATA_LEVELS.join(), {
  message: `levels must be ${DATA_LEVELS.join(', ')} in that order`,
});

/** The miit-measures-2022 pack: 《工业和信息化领域数据安全管理办法(试行)》 (工信部网安〔2022〕166号). */
export const MeasuresPackSchema = z.strictObject({
  pack: z.literal('miit-measures-2022'),
  version: z.string().min(1),
  title: z.string().min(1),
  instrument: sourced(z.string().min(1)),
  issuedOn: sourced(isoDate),
  effectiveFrom: sourced(isoDate),
  sectors: sourced(fields),
  classification: z.strictObject({
    levels: sourced(levels),
    mixedData: sourced(z.literal('highest')),
    processorsMaySubdivide: sourced(z.boolean()),
    coreDataCriteria: sourced(fields),
    importantDataCriteria: sourced(z.null()),
  }),
  catalogFiling: z.strictObject({
    levels: sourced(levelList),
    recipients: sourced(fields),
    fields: sourced(fields),
    possibleFurtherFields: sourced(fields),
    excludesDataContent: sourced(z.boolean()),
    reviewWorkingDays: sourced(positiveInt),
    reviewOutcome: sourced(z.string().min(1)),
    changeThresholdPercent: sourced(z.number().positive().max(100)),
    changeRefileMonths: sourced(positiveInt),
    otherMaterialChangeTriggers: sourced(z.boolean()),
    destructionTriggers: sourced(z.boolean()),
    initialFilingDeadline: sourced(z.null()),
  }),
  riskAssessment: z.strictObject({
    levels: sourced(levelList),
    intervalMonths: sourced(positiveInt),
    performedBy: sourced(z.array(z.enum(['self', 'third-party'])).min(1)),
    reportToRegulator: sourced(z.boolean()),
    implementationRules: sourced(z.string().min(1)),
    resultValidMonths: sourced(positiveInt),
    reminderDaysBefore: sourced(
      z.array(z.number().int().min(0)).superRefine(uniqueBy((d) => String(d), 'day')),
    ),
    reportContents: sourced(fields),
    submissionDeadline: sourced(z.null()),
  }),
  incidentReporting: z.strictObject({
    levels: sourced(levelList),
    toRegulator: sourced(z.literal('immediately')),
    progressUpdates: sourced(z.boolean()),
    summaryReportDays: sourced(z.null()),
    annualReport: sourced(z.boolean()),
    notifyAffectedUsers: sourced(z.boolean()),
  }),
  management: z.strictObject({
    dataSecurityOfficer: sourced(z.boolean()),
    keyPosts: sourced(z.boolean()),
    internalRegistrationAndApproval: sourced(z.boolean()),
  }),
  crossBorder: z.strictObject({
    domesticStorage: sourced(levelList),
    exportSecurityAssessment: sourced(z.boolean()),
    foreignLawEnforcementNeedsApproval: sourced(z.boolean()),
    coreDataExportBan: sourced(z.boolean()),
  }),
});
/** A validated miit-measures-2022 pack. */
export type MeasuresPack = z.infer<typeof MeasuresPackSchema>;
