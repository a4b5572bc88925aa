import { z } from 'zod';
import { sourced } from '../../../regulations/sourced';

/** RMSV art. 7(2) minimum contents of a national report, as field keys. */
export const NATIONAL_REPORT_FIELDS = [
  'productName',
  'productModel',
  'productVersion',
  'technicalCharacteristics',
  'harm',
  'scope',
] as const;
/** One RMSV art. 7(2) report field. */
export type NationalReportField = (typeof NATIONAL_REPORT_FIELDS)[number];

/** The deadline clocks RMSV art. 7 starts when a provider learns of a vulnerability. */
export const ClockName = z.enum(['verify', 'upstream-notify', 'national-report']);
/** A clock name. */
export type ClockName = z.infer<typeof ClockName>;

const isoDate = z.iso.date();
const hours = z.number().finite().nonnegative();

/** A major-event publication freeze window (RMSV art. 9(6)?, unconfirmed). */
export const FreezeWindowSpec = z
  .strictObject({
    name: z.string().min(1),
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
  })
  .refine((w) => Date.parse(w.from) < Date.parse(w.to), { message: 'from must be before to', path: ['to'] });

const filingField = z.strictObject({ key: z.string().min(1), zh: z.string().min(1), en: z.string().min(1) });
const reminder = z.strictObject({
  clock: ClockName,
  kind: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be kebab-case'),
  hoursBeforeDue: hours,
});
const weights = z.strictObject({ product: hours, cwe: hours, versions: hours, title: hours });

/** The rmsv-2021 pack: RMSV obligations plus the product choices that drive its clocks. */
export const RmsvPackSchema = z.strictObject({
  pack: z.literal('rmsv-2021'),
  version: z.string().min(1),
  title: z.string().min(1),
  instrument: sourced(z.string().min(1)),
  effectiveFrom: sourced(isoDate),
  intake: z.strictObject({ logRetentionMonths: sourced(z.number().int().positive()) }),
  provider: z.strictObject({
    verify: sourced(z.literal('immediately')),
    verifyTargetHours: sourced(hours),
    upstreamNotify: sourced(z.literal('immediately')),
    upstreamNotifyTargetHours: sourced(hours),
    nationalReportDays: sourced(z.number().int().positive()),
    nationalReportDayKind: sourced(z.enum(['calendar', 'working'])),
    nationalReportRecipient: sourced(z.string().min(1)),
    nationalReportRequiredFields: sourced(z.array(z.enum(NATIONAL_REPORT_FIELDS)).min(1)),
  }),
  disclosure: z.strictObject({
    requireFixOrApproval: sourced(z.boolean()),
    earlyPublicationApprovers: sourced(z.array(z.enum(['MIIT', 'MPS']))),
    forbidOperatorDetails: sourced(z.boolean()),
    forbidExaggeration: sourced(z.boolean()),
    forbidExploitTools: sourced(z.boolean()),
    requireMitigationWithPublication: sourced(z.boolean()),
    majorEventFreeze: sourced(
      z.strictObject({
        enabled: z.boolean(),
        consentBy: z.literal('MPS'),
        windows: z.array(FreezeWindowSpec),
      }),
    ),
    forbidOverseasRecipients: sourced(z.boolean()),
  }),
  workflow: z.strictObject({
    reminders: sourced(z.array(reminder)),
    dueSoonHours: sourced(hours),
    escalateHoursAfterNationalReportDue: sourced(hours),
    duplicateScoring: sourced(
      z
        .strictObject({ threshold: z.number().min(0).max(1), weights })
        .refine((d) => Object.values(d.weights).some((w) => w > 0), {
          message: 'at least one weight must be positive',
          path: ['weights'],
        }),
    ),
  }),
  collectionPlatform: z.strictObject({
    instrument: sourced(z.string().min(1)),
    effectiveFrom: sourced(isoDate),
    fileBeforeLaunch: sourced(z.boolean()),
    existingPlatformFilingWorkingDays: sourced(z.number().int().positive()),
    filingFields: sourced(z.array(filingField).min(1)),
  }),
});
/** A validated rmsv-2021 pack. */
export type RmsvPack = z.infer<typeof RmsvPackSchema>;
