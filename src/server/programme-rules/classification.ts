import type { ValueStatus } from '../regulations/sourced';
import { DATA_LEVELS, type DataLevel } from './common-schema';
import type { QuestionsPack } from './questions-schema';

/** Wizard answers: question id → answer key. */
export type WizardAnswers = Readonly<Record<string, string>>;

/** An answer that set the derived level, with the rule it rests on. */
export interface LevelReason {
  questionId: string;
  answerKey: string;
  level: DataLevel;
  clause: string;
  status: ValueStatus;
}

/** A level derived from the wizard. */
export interface DerivedLevel {
  level: DataLevel;
  /** The answers that reached `level` (empty when nothing raised it above general). */
  reasons: LevelReason[];
  unanswered: string[];
  complete: boolean;
}

/** A manual override of the derived level. */
export interface LevelOverride {
  level: DataLevel;
  reason: string;
}

/** The level a data asset carries, and whether a person set it. */
export type ResolvedLevel =
  | {
      ok: true;
      level: DataLevel;
      derivedLevel: DataLevel;
      overridden: boolean;
      direction: 'up' | 'down' | 'same';
      reason?: string;
    }
  | { ok: false; code: 'override-reason-required'; minLength: number };

/** Rank of a level: general 0, important 1, core 2. */
export const levelRank = (l: DataLevel) => DATA_LEVELS.indexOf(l);

/**
 * Measures (2022) grading article (就高) and GB/T 43697-2024 就高从严: data of several levels mixed together takes
 * the highest of them. No levels at all is general data.
 */
export const highestLevel = (levels: readonly DataLevel[]): DataLevel =>
  levels.reduce<DataLevel>((max, l) => (levelRank(l) > levelRank(max) ? l : max), 'general');

/**
 * Derives a level from wizard answers: each answer names the minimum level it implies (GB/T 43697-2024 grading
 * elements; Measures art. 11 (draft) core criteria) and the data takes the highest. Unknown question or answer
 * ids are a contract error and throw RangeError.
 */
export function deriveLevel(pack: QuestionsPack, answers: WizardAnswers): DerivedLevel {
  const questions = new Map(pack.questions.map((q) => [q.value.id, q]));
  for (const id of Object.keys(answers)) {
    if (!questions.has(id)) throw new RangeError(`unknown question ${id}`);
  }
  const hits: LevelReason[] = [];
  const unanswered: string[] = [];
  for (const q of pack.questions) {
    const chosen = answers[q.value.id];
    if (chosen === undefined) {
      unanswered.push(q.value.id);
      continue;
    }
    const a = q.value.answers.find((x) => x.key === chosen);
    if (!a) throw new RangeError(`unknown answer ${chosen} to question ${q.value.id}`);
    hits.push({
      questionId: q.value.id,
      answerKey: a.key,
      level: a.minLevel,
      clause: q.clause,
      status: q.status,
    });
  }
  const level = highestLevel(hits.map((h) => h.level));
  const reasons = level === 'general' ? [] : hits.filter((h) => h.level === level);
  return { level, reasons, unanswered, complete: unanswered.length === 0 };
}

/** Applies an optional manual override; a person may set any level but must say why (pack `override`). */
export function resolveLevel(
  pack: QuestionsPack,
  derived: DataLevel,
  override?: LevelOverride,
): ResolvedLevel {
  if (!override)
    return { ok: true, level: derived, derivedLevel: derived, overridden: false, direction: 'same' };
  const minLength = pack.override.value.reasonMinLength;
  const reason = override.reason.trim();
  if ([...reason].length < minLength) return { ok: false, code: 'override-reason-required', minLength };
  const d = levelRank(override.level) - levelRank(derived);
  return {
    ok: true,
    level: override.level,
    derivedLevel: derived,
    overridden: true,
    direction: d > 0 ? 'up' : d < 0 ? 'down' : 'same',
    reason,
  };
}
