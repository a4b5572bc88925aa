import { z } from 'zod';
import { sourced } from '../regulations/sourced';
import { RISK_SCENARIOS, RiskScenario } from './common-schema';

const isoDate = z.iso.date();

/** One end-of-programme target: reached when the count is `op` (gt: 超, gte: 不少于) `value`. */
export const Target = z.strictObject({
  zh: z.string().min(1),
  en: z.string().min(1),
  op: z.enum(['gt', 'gte']),
  value: z.number().positive(),
  unit: z.enum(['enterprises', 'person-times', 'people', 'standards', 'cases', 'industries', 'share']),
});
/** One end-of-programme target. */
export type Target = z.infer<typeof Target>;

/** What counts as an enterprise "doing classification-and-grading protection" (Bulwark definition). */
export const COVERAGE_EVIDENCE = ['catalog-filing-approved', 'self-examination-completed'] as const;
/** One kind of coverage evidence. */
export type CoverageEvidence = (typeof COVERAGE_EVIDENCE)[number];

const scenarios = z
  .array(z.strictObject({ key: RiskScenario, zh: z.string().min(1), en: z.string().min(1) }))
  .refine((s) => s.map((x) => x.key).join() === RISK_SCENARIOS.join(), {
    message: `scenarios must be ${RISK_SCENARIOS.join(', ')} in that order`,
  });

/** The industrial-plan-2024-2026 pack: 《工业领域数据安全能力提升实施方案(2024—2026年)》 (工信部网安〔2024〕34号). */
export const PlanPackSchema = z.strictObject({
  pack: z.literal('industrial-plan-2024-2026'),
  version: z.string().min(1),
  title: z.string().min(1),
  instrument: sourced(z.string().min(1)),
  issuedOn: sourced(isoDate),
  publishedOn: sourced(isoDate),
  targetDate: sourced(isoDate),
  targets: z.strictObject({
    enterprisesProtected: sourced(Target),
    trainingPersonTimes: sourced(Target),
    talents: sourced(Target),
    standards: sourced(Target),
    typicalCases: sourced(Target),
    typicalCaseIndustries: sourced(Target),
    awarenessCoverage: sourced(Target),
  }),
  topDecile: z.strictObject({
    percent: sourced(z.number().positive().max(100)),
    population: sourced(z.string().min(1)),
    rounding: sourced(z.literal('ceil')),
    tieBreak: sourced(z.tuple([z.literal('revenue-desc'), z.literal('uscc-asc')])),
  }),
  enterpriseCovered: sourced(
    z
      .strictObject({
        allOf: z.array(z.enum(COVERAGE_EVIDENCE)).min(1),
        currentYear: z.array(z.enum(COVERAGE_EVIDENCE)),
        periodFrom: isoDate,
        periodTo: isoDate,
        withinPeriod: z.array(z.enum(COVERAGE_EVIDENCE)),
      })
      .refine((c) => c.periodFrom <= c.periodTo, {
        message: 'periodFrom must not be after periodTo',
        path: ['periodTo'],
      }),
  ),
  projection: sourced(
    z.strictObject({ method: z.literal('least-squares'), windowDays: z.number().int().positive() }),
  ),
  riskScenarios: sourced(scenarios),
  selfExamination: sourced(z.string().min(1)),
  ransomwareDrills: sourced(z.boolean()),
  principles: sourced(z.array(z.string().min(1)).min(1)),
});
/** A validated industrial-plan-2024-2026 pack. */
export type PlanPack = z.infer<typeof PlanPackSchema>;
/** The key of one programme target. */
export type TargetKey = keyof PlanPack['targets'];
