import { z } from 'zod';
import { type GbtPack, GRADES, type Grade, INDICATORS, LEVELS } from './gbt30279-schema';

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

type Cell = { value: number; status: string };
interface Scored<L> {
  level: L;
  used: { status: string }[];
}

/** Sums the points and takes the most severe level whose minimum they reach (the schema makes the last start at 0). */
function score<L extends string>(order: readonly L[], mins: Record<L, Cell>, cells: Cell[]): Scored<L> {
  const pts = cells.reduce((n, c) => n + c.value, 0);
  const level = order.find((l) => pts >= mins[l].value) ?? (order[order.length - 1] as L);
  return { level, used: [...cells, ...order.map((l) => mins[l])] };
}

const scoreExploitability = (e: GradeIndicators['exploitability'], pack: GbtPack) => {
  const p = pack.exploitability.points;
  const cells = [
    p.accessPath[e.accessPath],
    p.trigger[e.trigger],
    p.privileges[e.privileges],
    p.interaction[e.interaction],
  ];
  return score(LEVELS.exploitability, pack.exploitability.levels, cells);
};
const scoreImpact = (i: GradeIndicators['impact'], pack: GbtPack) => {
  const p = pack.impact.points;
  return score(LEVELS.impact, pack.impact.levels, [p[i.confidentiality], p[i.integrity], p[i.availability]]);
};
const scoreEnvironment = (env: NonNullable<GradeIndicators['environment']>, pack: GbtPack) => {
  const p = pack.environment.points;
  const cells = [
    p.exploitationCost[env.exploitationCost],
    p.fixDifficulty[env.fixDifficulty],
    p.impactScope[env.impactScope],
  ];
  return score(LEVELS.environment, pack.environment.levels, cells);
};

/** GB/T 30279-2020 Annex A (table from the pack): exploitability level. */
export const exploitabilityLevel = (
  e: GradeIndicators['exploitability'],
  pack: GbtPack,
): ExploitabilityLevel => scoreExploitability(e, pack).level;

/** GB/T 30279-2020 Annex B (table from the pack): impact level over confidentiality, integrity, availability. */
export const impactLevel = (i: GradeIndicators['impact'], pack: GbtPack): ImpactLevel =>
  scoreImpact(i, pack).level;

/** GB/T 30279-2020 Annex C (table from the pack): environment level. */
export const environmentLevel = (
  env: NonNullable<GradeIndicators['environment']>,
  pack: GbtPack,
): EnvironmentLevel => scoreEnvironment(env, pack).level;

/** The computed grading, and whether any pack value it used is not final (true for the shipped pack). */
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
  const ex = scoreExploitability(ind.exploitability, pack);
  const im = scoreImpact(ind.impact, pack);
  const tech = pack.technicalGrade[ex.level][im.level];
  const env = ind.environment ? scoreEnvironment(ind.environment, pack) : null;
  const comp = env ? pack.comprehensiveGrade[tech.value][env.level] : null;
  const used = [...ex.used, ...im.used, tech, ...(env?.used ?? []), ...(comp ? [comp] : [])];
  return {
    exploitability: ex.level,
    impact: im.level,
    technicalGrade: tech.value,
    environment: env?.level ?? null,
    comprehensiveGrade: comp?.value ?? null,
    unconfirmed: used.some((c) => c.status !== 'final'),
  };
}

/** Orders grades: positive when `a` is more severe than `b`. */
export const compareGrades = (a: Grade, b: Grade) => GRADES.indexOf(b) - GRADES.indexOf(a);
