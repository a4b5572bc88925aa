import { z } from 'zod';
import { sourced } from '../regulations/sourced';
import { Bilingual, DataLevel, Labelled, uniqueBy } from './common-schema';

/** GB/T 43697-2024 grading elements (定级要素). */
export const GRADING_FACTORS = [
  'field',
  'group',
  'region',
  'precision',
  'scale',
  'depth',
  'coverage',
  'importance',
] as const;
/** One grading element. */
export type GradingFactor = (typeof GRADING_FACTORS)[number];

const key = z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be kebab-case');

/** One wizard question: each answer maps to the minimum level it implies. */
export const Question = z.strictObject({
  id: key,
  factors: z.array(z.enum(GRADING_FACTORS)),
  prompt: Bilingual,
  help: Bilingual,
  answers: z
    .array(z.strictObject({ key, label: Bilingual, minLevel: DataLevel }))
    .min(2)
    .superRefine(uniqueBy((a) => a.key, 'answer')),
});
/** One wizard question. */
export type Question = z.infer<typeof Question>;

/** The data-classification-questions pack: the classification wizard, from GB/T 43697-2024 and the 2022 Measures. */
export const QuestionsPackSchema = z.strictObject({
  pack: z.literal('data-classification-questions'),
  version: z.string().min(1),
  title: z.string().min(1),
  standard: sourced(z.string().min(1)),
  standardEffectiveFrom: sourced(z.iso.date()),
  factors: sourced(
    z.array(Labelled).refine((fs) => fs.map((f) => f.key).join() === GRADING_FACTORS.join(), {
      message: `factors must be ${GRADING_FACTORS.join(', ')} in that order`,
    }),
  ),
  principles: sourced(z.array(Labelled).min(1)),
  override: sourced(z.strictObject({ reasonMinLength: z.number().int().positive() })),
  questions: z
    .array(sourced(Question))
    .min(1)
    .superRefine(
      uniqueBy(
        (q) => q.value.id,
        'question id',
        (i) => [i, 'value', 'id'],
      ),
    )
    .superRefine((qs, ctx) => {
      for (const f of GRADING_FACTORS) {
        if (!qs.some((q) => q.value.factors.includes(f))) {
          ctx.addIssue({ code: 'custom', message: `no question covers grading element ${f}`, path: [] });
        }
      }
    }),
});
/** A validated data-classification-questions pack. */
export type QuestionsPack = z.infer<typeof QuestionsPackSchema>;
