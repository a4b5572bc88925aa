import { z } from 'zod';
import { sourced } from '../regulations/sourced';
import { DATA_LEVELS, DataLevel, Labelled, Threshold, uniqueBy } from './common-schema';

/** Incident tiers, most to least severe (214号 事件分级: 特别重大 / 重大 / 较大 / 一般). */
export const TIERS = ['I', 'II', 'III', 'IV'] as const;
/** An incident tier. */
export const Tier = z.enum(TIERS);
/** An incident tier. */
export type Tier = z.infer<typeof Tier>;

/** Sectors the plan distinguishes for outage criteria. */
export const SECTORS = ['industry', 'telecom', 'radio'] as const;
/** An incident's sector. */
export type Sector = (typeof SECTORS)[number];

/** Qualitative damage to industrial production, least to most severe (the plan's industry outage wording). */
export const PRODUCTION_IMPACTS = [
  'none',
  'minor',
  'partial-loss',
  'large-scale-shutdown',
  'widespread-shutdown',
] as const;
/** A production-impact grade. */
export type ProductionImpact = (typeof PRODUCTION_IMPACTS)[number];

/** Qualitative harm of a data compromise, least to most severe (一般 / 较严重 / 严重 / 特别严重 威胁). */
export const HARM_GRADES = ['general', 'relatively-serious', 'serious', 'especially-serious'] as const;
/** A harm grade. */
export type HarmGrade = (typeof HARM_GRADES)[number];

const hoursBound = sourced(Threshold.nullable());
const countBound = sourced(Threshold.nullable());
const production = sourced(
  z
    .strictObject({ atLeast: z.enum(PRODUCTION_IMPACTS), zh: z.string().min(1), en: z.string().min(1) })
    .nullable(),
);
const dataType = sourced(
  z
    .strictObject({
      levels: z.array(DataLevel).min(1),
      minHarm: z.enum(HARM_GRADES),
      zh: z.string(),
      en: z.string(),
    })
    .nullable(),
);
const perTier = <V extends z.ZodType>(v: V) => z.strictObject({ I: v, II: v, III: v, IV: v });

type Bound = { value: unknown } | undefined;
/** A defined bound must not rise from tier I to tier IV, or the tiers would overlap the wrong way. */
const monotone =
  (rank: (value: unknown) => number) =>
  (tiers: Record<string, Bound>, ctx: z.RefinementCtx): void => {
    let previous = Number.POSITIVE_INFINITY;
    for (const t of TIERS) {
      const v = tiers[t]?.value;
      if (v === null || v === undefined) continue;
      const r = rank(v);
      if (r > previous) {
        ctx.addIssue({
          code: 'custom',
          message: 'bounds must not rise from tier I to tier IV',
          path: [t, 'value'],
        });
      }
      previous = r;
    }
  };
const byMin = (v: unknown) => (v as Threshold).min;
const byImpact = (v: unknown) => PRODUCTION_IMPACTS.indexOf((v as { atLeast: ProductionImpact }).atLeast);
/** Per data level, the harm a tier requires must not rise from tier I to tier IV (tiers may name different levels). */
const harmPerLevel = (tiers: Record<string, Bound>, ctx: z.RefinementCtx): void => {
  for (const level of DATA_LEVELS) {
    const only: Record<string, Bound> = {};
    for (const t of TIERS) {
      const v = tiers[t]?.value as { levels: DataLevel[]; minHarm: HarmGrade } | null | undefined;
      if (v?.levels.includes(level)) only[t] = { value: v };
    }
    monotone((v) => HARM_GRADES.indexOf((v as { minHarm: HarmGrade }).minHarm))(only, ctx);
  }
};

const tierInfo = z.strictObject({
  tier: Tier,
  zh: z.string().min(1),
  en: z.string().min(1),
  colour: z.enum(['red', 'orange', 'yellow', 'blue']),
  colourZh: z.string().min(1),
});

/** The miit-incident-plan-2024 pack: 《工业和信息化领域数据安全事件应急预案(试行)》 (工信部网安〔2024〕214号). */
export const IncidentPlanPackSchema = z.strictObject({
  pack: z.literal('miit-incident-plan-2024'),
  version: z.string().min(1),
  title: z.string().min(1),
  instrument: sourced(z.string().min(1)),
  issuedOn: sourced(z.iso.date()),
  effectiveFrom: sourced(z.iso.date()),
  tiers: sourced(
    z.array(tierInfo).refine((ts) => ts.map((t) => t.tier).join() === TIERS.join(), {
      message: `tiers must be ${TIERS.join(', ')} in that order`,
    }),
  ),
  incidentTypes: sourced(
    z
      .array(Labelled)
      .min(1)
      .superRefine(uniqueBy((t) => t.key, 'type')),
  ),
  anyCriterion: sourced(z.literal(true)),
  highestTierWins: sourced(z.literal(true)),
  criteria: z.strictObject({
    outage: z.strictObject({
      industry: perTier(production).superRefine(monotone(byImpact)),
      telecom: perTier(hoursBound).superRefine(monotone(byMin)),
      radio: perTier(hoursBound).superRefine(monotone(byMin)),
    }),
    directLossYuan: perTier(countBound).superRefine(monotone(byMin)),
    personalInfoRecords: perTier(countBound).superRefine(monotone(byMin)),
    sensitivePersonalInfoRecords: perTier(countBound).superRefine(monotone(byMin)),
    dataType: perTier(dataType).superRefine(harmPerLevel),
  }),
  reporting: z.strictObject({
    processorToRegulator: sourced(z.literal('immediately')),
    processorTargetMinutes: sourced(z.number().int().positive()),
    noLateFalseConcealedOrOmitted: sourced(z.boolean()),
    regulatorToMinistry: sourced(
      z
        .strictObject({
          tiers: z.array(Tier).min(1),
          phoneMinutes: z.number().int().positive(),
          writtenMinutes: z.number().int().positive(),
        })
        .refine((r) => r.phoneMinutes <= r.writtenMinutes, {
          message: 'the phone report cannot be due after the written one',
          path: ['writtenMinutes'],
        }),
    ),
    dutyRota: sourced(
      z.strictObject({ tiers: z.array(Tier).min(1), hoursPerDay: z.number().int().positive() }),
    ),
    otherTierDeadlines: sourced(z.null()),
    reportFields: sourced(z.null()),
  }),
  response: z.strictObject({
    processorOwnPlan: sourced(z.boolean()),
    centralSoeConsolidation: sourced(z.boolean()),
    tierICommand: sourced(z.string().min(1)),
  }),
});
/** A validated miit-incident-plan-2024 pack. */
export type IncidentPlanPack = z.infer<typeof IncidentPlanPackSchema>;
