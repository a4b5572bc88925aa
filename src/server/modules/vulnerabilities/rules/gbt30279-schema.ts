import { z } from 'zod';
import { sourced } from '../../../regulations/sourced';

/** GB/T 30279-2020 grades, most to least severe. */
export const GRADES = ['超危', '高危', '中危', '低危'] as const;
/** A GB/T 30279-2020 grade. */
export type Grade = (typeof GRADES)[number];

const grade = z.enum(GRADES);
const points = sourced(z.number().int().nonnegative());
const cell = sourced(grade);
const table = <K extends string, V extends z.ZodType>(keys: readonly [K, ...K[]], v: V) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, v])) as Record<K, V>);

/** Indicator values (GB/T 30279-2020 §6 grading indicators). */
export const INDICATORS = {
  accessPath: ['network', 'adjacent', 'local', 'physical'],
  trigger: ['low', 'high'],
  privileges: ['none', 'low', 'high'],
  interaction: ['not-required', 'required'],
  impact: ['severe', 'general', 'none'],
  exploitationCost: ['low', 'mid', 'high'],
  fixDifficulty: ['high', 'mid', 'low'],
  impactScope: ['high', 'mid', 'low', 'none'],
} as const;

/** Level names per annex, most to least severe. */
export const LEVELS = {
  exploitability: ['high', 'medium', 'low'],
  impact: ['high', 'medium', 'low', 'none'],
  environment: ['high', 'medium', 'low'],
} as const;

/** Level thresholds (minimum points); the least severe must start at 0 so every total has a level. */
const levels = <K extends string>(keys: readonly [K, ...K[]]) =>
  table(keys, points).superRefine((l, ctx) => {
    const rec = l as unknown as Record<K, { value: number }>;
    const mins = keys.map((k) => rec[k].value);
    mins.forEach((m, i) => {
      const next = mins[i + 1];
      if (next !== undefined && m <= next) {
        ctx.addIssue({
          code: 'custom',
          message: 'thresholds must fall strictly toward the least severe level',
          path: [keys[i] as string],
        });
      }
    });
    if (mins[mins.length - 1] !== 0) {
      ctx.addIssue({
        code: 'custom',
        message: 'the least severe level must start at 0',
        path: [keys[keys.length - 1] as string],
      });
    }
  });

/** The gbt-30279-2020 pack: indicator points, level thresholds and the Annex D/E grade tables. */
export const GbtPackSchema = z.strictObject({
  pack: z.literal('gbt-30279-2020'),
  version: z.string().min(1),
  title: z.string().min(1),
  grades: sourced(z.tuple([z.literal('超危'), z.literal('高危'), z.literal('中危'), z.literal('低危')])),
  exploitability: z.strictObject({
    points: z.strictObject({
      accessPath: table(INDICATORS.accessPath, points),
      trigger: table(INDICATORS.trigger, points),
      privileges: table(INDICATORS.privileges, points),
      interaction: table(INDICATORS.interaction, points),
    }),
    levels: levels(LEVELS.exploitability),
  }),
  impact: z.strictObject({ points: table(INDICATORS.impact, points), levels: levels(LEVELS.impact) }),
  environment: z.strictObject({
    points: z.strictObject({
      exploitationCost: table(INDICATORS.exploitationCost, points),
      fixDifficulty: table(INDICATORS.fixDifficulty, points),
      impactScope: table(INDICATORS.impactScope, points),
    }),
    levels: levels(LEVELS.environment),
  }),
  technicalGrade: table(LEVELS.exploitability, table(LEVELS.impact, cell)),
  comprehensiveGrade: table(GRADES, table(LEVELS.environment, cell)),
});
/** A validated gbt-30279-2020 pack. */
export type GbtPack = z.infer<typeof GbtPackSchema>;
