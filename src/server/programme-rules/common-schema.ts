import { z } from 'zod';

/** Data levels, least to most severe (Measures (2022) grading; GB/T 43697-2024 §5: 一般 / 重要 / 核心). */
export const DATA_LEVELS = ['general', 'important', 'core'] as const;
/** A data level. */
export const DataLevel = z.enum(DATA_LEVELS);
/** A data level. */
export type DataLevel = z.infer<typeof DataLevel>;

/** The four risk scenarios the 2024–2026 plan names (Reuters' translation; see industrial-plan-2024-2026). */
export const RISK_SCENARIOS = [
  'ransomware',
  'vulnerability-backdoor',
  'illegal-operation',
  'remote-om',
] as const;
/** A named risk scenario. */
export const RiskScenario = z.enum(RISK_SCENARIOS);
/** A named risk scenario. */
export type RiskScenario = z.infer<typeof RiskScenario>;

/** Text in Chinese and English. */
export const Bilingual = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });
/** Text in Chinese and English. */
export type Bilingual = z.infer<typeof Bilingual>;

/** A keyed, labelled item (a field, a criterion, a scenario). */
export const Labelled = z.strictObject({
  key: z.string().regex(/^[a-z][a-zA-Z0-9-]*$/, 'must be a camelCase or kebab-case key'),
  zh: z.string().min(1),
  en: z.string().min(1),
});

/** A lower bound: `gt` is 超过/以上 (strictly more), `gte` is 含 (inclusive). */
export const Threshold = z.strictObject({
  op: z.enum(['gt', 'gte']),
  min: z.number().finite().nonnegative(),
});
/** A lower bound. */
export type Threshold = z.infer<typeof Threshold>;

/** Whether `actual` reaches a lower bound. */
export const reaches = (actual: number, t: Threshold) => (t.op === 'gt' ? actual > t.min : actual >= t.min);

/** Keys must be unique within a list; reports each repeat at its index. */
export const uniqueBy =
  <T>(key: (t: T) => string, what: string, at: (i: number) => PropertyKey[] = (i) => [i]) =>
  (items: readonly T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((t, i) => {
      const k = key(t);
      if (seen.has(k)) ctx.addIssue({ code: 'custom', message: `duplicate ${what} ${k}`, path: at(i) });
      seen.add(k);
    });
  };
