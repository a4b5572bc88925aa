import { z } from 'zod';
import { type GbtPack, GRADES, type Grade, INDICATORS, LEVELS } from './gbt30279-schema';
import { unsettledValues } from './sourced';

/** GB/T 30279-2020 indicator values as input (exploitability, impact and optional environment factors). */
export const GradeIndicators = z.strictObject({
  exploitability: z.strictObject({
    accessPath: z.enum(INDICATORS.accessPath),
    trigger: z.enum(INDICATORS.trigger),
    privileges: z.enum(INDICATORS.privileges),
    interaction: z.enum(INDICATORS.interaction),
  }),
  impact: z.strictObject({
    confidentiality: z.enum(INDICATORS.impact),
    integrity: z.enum(INDICATORS.impact),
    availability: z.enum(INDICATORS.impact),
  }),
  environment: z
    .strictObject({
      exploitationCost: z.enum(INDICATORS.exploitationCost),
      fixDifficulty: z.enum(INDICATORS.fixDifficulty),
      impactScope: z.enum(INDICATORS.impactScope),
    })
    .optional(),
});
/** Indicator values for one vulnerability. */
export type GradeIndicators = z.infer<typeof GradeIndicators>;

type ExploitabilityLevel = (typeof LEVELS.exploitability)[number];
type ImpactLevel = (typeof LEVELS.impact)[number];
type EnvironmentLevel = (typeof LEVELS.environment)[number];

/** The most severe level whose minimum the points reach; the schema guarantees the last level starts at 0. */
function levelFor<L extends string>(order: readonly L[], mins: Record<L, { value: number }>, pts: number): L {
  return order.find((l) => pts >= mins[l].value) ?? (order[order.length - 1] as L);
}

/** GB/T 30279-2020 Annex A (table from the pack): exploitability level. */
export function exploitabilityLevel(
  e: GradeIndicators['exploitability'],
  pack: GbtPack,
): ExploitabilityLevel {
  const p = pack.exploitability.points;
  const pts =
    p.accessPath[e.accessPath].value +
    p.trigger[e.trigger].value +
    p.privileges[e.privileges].value +
    p.interaction[e.interaction].value;
  return levelFor(LEVELS.exploitability, pack.exploitability.levels, pts);
}

/** GB/T 30279-2020 Annex B (table from the pack): impact level over confidentiality, integrity, availability. */
export function impactLevel(i: GradeIndicators['impact'], pack: GbtPack): ImpactLevel {
  const p = pack.impact.points;
  const pts = p[i.confidentiality].value + p[i.integrity].value + p[i.availability].value;
  return levelFor(LEVELS.impact, pack.impact.levels, pts);
}

/** GB/T 30279-2020 Annex C (table from the pack): environment level. */
export function environmentLevel(
  env: NonNullable<GradeIndicators['environment']>,
  pack: GbtPack,
): EnvironmentLevel {
  const p = pack.environment.points;
  const pts =
    p.exploitationCost[env.exploitationCost].value +
    p.fixDifficulty[env.fixDifficulty].value +
    p.impactScope[env.impactScope].value;
  return levelFor(LEVELS.environment, pack.environment.levels, pts);
}

/** The computed grading, and whether any table it used is not final (true for the shipped pack). */
export interface GradeResult {
  exploitability: ExploitabilityLevel;
  impact: ImpactLevel;
  technicalGrade: Grade;
  environment: EnvironmentLevel | null;
  comprehensiveGrade: Grade | null;
  unconfirmed: boolean;
}

/** Technical grade (Annex D) and, with environment factors, comprehensive grade (Annex E), read from the pack. */
export function gradeVulnerability(ind: GradeIndicators, pack: GbtPack): GradeResult {
  const exploitability = exploitabilityLevel(ind.exploitability, pack);
  const impact = impactLevel(ind.impact, pack);
  const tech = pack.technicalGrade[exploitability][impact];
  const environment = ind.environment ? environmentLevel(ind.environment, pack) : null;
  const comp = environment ? pack.comprehensiveGrade[tech.value][environment] : null;
  return {
    exploitability,
    impact,
    technicalGrade: tech.value,
    environment,
    comprehensiveGrade: comp?.value ?? null,
    unconfirmed:
      unsettledValues([pack.exploitability, pack.impact, tech, environment && pack.environment, comp])
        .length > 0,
  };
}

/** Orders grades: positive when `a` is more severe than `b`. */
export const compareGrades = (a: Grade, b: Grade) => GRADES.indexOf(b) - GRADES.indexOf(a);
