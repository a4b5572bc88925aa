import { z } from 'zod';
import { sourced } from '../regulations/sourced';
import { Bilingual, RISK_SCENARIOS, uniqueBy } from './common-schema';

/** What a control is scored under: the four named risk scenarios plus general data-security management. */
export const SCENARIO_KEYS = [...RISK_SCENARIOS, 'general'] as const;
/** A scoring scenario. */
export type ScenarioKey = (typeof SCENARIO_KEYS)[number];

/** How an enterprise answers a control. */
export const CONTROL_ANSWERS = ['yes', 'partial', 'no', 'not-applicable'] as const;
/** An answer to one control. */
export type ControlAnswer = (typeof CONTROL_ANSWERS)[number];

const credit = z.number().min(0).max(1);

/** One self-examination control. */
export const Control = z.strictObject({
  id: z.string().regex(/^[A-Z]{2}-\d{2}$/, 'must look like RW-01'),
  scenarios: z
    .array(z.enum(SCENARIO_KEYS))
    .min(1)
    .superRefine(uniqueBy((s) => s, 'scenario')),
  question: Bilingual,
  guidance: Bilingual,
  weight: z.number().int().min(1).max(5),
  evidence: z.array(Bilingual).min(1),
});
/** One self-examination control. */
export type Control = z.infer<typeof Control>;

/** The controls-self-examination pack: Bulwark's versioned control library for the risk self-examination. */
export const ControlsPackSchema = z.strictObject({
  pack: z.literal('controls-self-examination'),
  version: z.string().min(1),
  title: z.string().min(1),
  scoring: sourced(
    z
      .strictObject({
        credit: z.strictObject({ yes: credit, partial: credit, no: credit }),
        unansweredAs: z.enum(['no', 'excluded']),
      })
      .refine(
        (s) => s.credit.yes >= s.credit.partial && s.credit.partial >= s.credit.no && s.credit.yes > 0,
        {
          message: 'credits must satisfy yes ≥ partial ≥ no and yes > 0',
          path: ['credit'],
        },
      ),
  ),
  controls: z
    .array(sourced(Control))
    .min(1)
    .superRefine(
      uniqueBy(
        (c) => c.value.id,
        'control id',
        (i) => [i, 'value', 'id'],
      ),
    )
    .superRefine((cs, ctx) => {
      for (const s of SCENARIO_KEYS) {
        if (!cs.some((c) => c.value.scenarios.includes(s))) {
          ctx.addIssue({ code: 'custom', message: `no control covers scenario ${s}`, path: [] });
        }
      }
    }),
});
/** A validated controls-self-examination pack. */
export type ControlsPack = z.infer<typeof ControlsPackSchema>;
