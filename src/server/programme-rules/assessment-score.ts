import {
  CONTROL_ANSWERS,
  type ControlAnswer,
  type ControlsPack,
  SCENARIO_KEYS,
  type ScenarioKey,
} from './controls-schema';

/** Answers of one self-examination: control id → answer. */
export type ExaminationAnswers = Readonly<Record<string, ControlAnswer>>;

/** Weighted score over a set of controls; `score` is earned / possible × 100, null when nothing is applicable. */
export interface Score {
  score: number | null;
  earned: number;
  possible: number;
  controls: number;
  applicable: number;
  unanswered: number;
}

/** A scored self-examination. */
export interface ExaminationScore {
  libraryVersion: string;
  overall: Score;
  byScenario: Record<ScenarioKey, Score>;
  /** Controls in the library without an answer. */
  unanswered: string[];
  /** Answered ids the library does not contain (e.g. retired controls); they do not count. */
  unknown: string[];
  complete: boolean;
}

const empty = (): Score => ({
  score: null,
  earned: 0,
  possible: 0,
  controls: 0,
  applicable: 0,
  unanswered: 0,
});

const checkAnswers = (answers: ExaminationAnswers) => {
  for (const [id, a] of Object.entries(answers)) {
    if (!(CONTROL_ANSWERS as readonly string[]).includes(a))
      throw new RangeError(`invalid answer ${a} to ${id}`);
  }
};

/**
 * Scores a risk self-examination (34号 自查自纠 against the four scenarios, plus general management) with the weights
 * and answer credits of the control library: each applicable control earns weight × credit, not-applicable
 * controls leave the denominator, and unanswered ones count as the pack's `unansweredAs`. A control under several
 * scenarios counts in each of them and once in the overall score.
 */
export function scoreExamination(pack: ControlsPack, answers: ExaminationAnswers): ExaminationScore {
  checkAnswers(answers);
  const { credit, unansweredAs } = pack.scoring.value;
  const overall = empty();
  const byScenario = Object.fromEntries(SCENARIO_KEYS.map((s) => [s, empty()])) as Record<ScenarioKey, Score>;
  const unanswered: string[] = [];
  for (const { value: c } of pack.controls) {
    const given = answers[c.id];
    if (given === undefined) unanswered.push(c.id);
    const a = given ?? (unansweredAs === 'no' ? 'no' : 'not-applicable');
    for (const s of [overall, ...c.scenarios.map((k) => byScenario[k])]) {
      s.controls++;
      if (given === undefined) s.unanswered++;
      if (a === 'not-applicable') continue;
      s.applicable++;
      s.possible += c.weight;
      s.earned += c.weight * credit[a];
    }
  }
  for (const s of [overall, ...Object.values(byScenario)]) {
    s.score = s.possible === 0 ? null : (s.earned / s.possible) * 100;
  }
  const ids = new Set(pack.controls.map((c) => c.value.id));
  const unknown = Object.keys(answers)
    .filter((id) => !ids.has(id))
    .sort();
  return {
    libraryVersion: pack.version,
    overall,
    byScenario,
    unanswered,
    unknown,
    complete: unanswered.length === 0,
  };
}

/** One control whose answer differs between two examinations (null: not answered). */
export interface AnswerChange {
  id: string;
  from: ControlAnswer | null;
  to: ControlAnswer | null;
}

/** What changed between two examinations, both scored with the current library. */
export interface ExaminationDiff {
  previous: ExaminationScore;
  current: ExaminationScore;
  overallDelta: number | null;
  byScenario: Record<ScenarioKey, number | null>;
  /** Credit went up (e.g. no → partial). */
  improved: AnswerChange[];
  /** Credit went down. */
  regressed: AnswerChange[];
  /** Moved to or from not-applicable or unanswered. */
  changed: AnswerChange[];
  /** Controls answered last time that the current library no longer has. */
  retired: string[];
}

const delta = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);

/**
 * Compares a self-examination with the previous one. Both are scored with the current library so the scores are
 * comparable even when the library version changed; answers to retired controls are listed, not scored.
 */
export function diffExaminations(
  pack: ControlsPack,
  previousAnswers: ExaminationAnswers,
  currentAnswers: ExaminationAnswers,
): ExaminationDiff {
  const previous = scoreExamination(pack, previousAnswers);
  const current = scoreExamination(pack, currentAnswers);
  const { credit } = pack.scoring.value;
  const improved: AnswerChange[] = [];
  const regressed: AnswerChange[] = [];
  const changed: AnswerChange[] = [];
  for (const { value: c } of pack.controls) {
    const from = previousAnswers[c.id] ?? null;
    const to = currentAnswers[c.id] ?? null;
    if (from === to) continue;
    const change = { id: c.id, from, to };
    if (from === null || to === null || from === 'not-applicable' || to === 'not-applicable')
      changed.push(change);
    else if (credit[to] > credit[from]) improved.push(change);
    else if (credit[to] < credit[from]) regressed.push(change);
    else changed.push(change);
  }
  const byScenario = Object.fromEntries(
    SCENARIO_KEYS.map((s) => [s, delta(previous.byScenario[s].score, current.byScenario[s].score)]),
  ) as Record<ScenarioKey, number | null>;
  return {
    previous,
    current,
    overallDelta: delta(previous.overall.score, current.overall.score),
    byScenario,
    improved,
    regressed,
    changed,
    retired: previous.unknown,
  };
}
