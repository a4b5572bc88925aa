import type { DrillMeasures, ExpectationKey, Inject, ScenarioDefinition } from '../../../contracts/drills';

/** How a drill's clock runs and where it stands. */
export interface DrillClock {
  mode: 'facilitator' | 'real-time';
  status: 'scheduled' | 'running' | 'completed';
  startedAt: Date | null;
  /** Facilitator mode: the drill minute the facilitator has moved to (virtual time as an offset). */
  offsetMinutes: number;
  /** The drill minute at completion, frozen. */
  completedMinute: number | null;
}

/** A facilitator's verdict on one expectation of one inject. */
export interface Verdict {
  status: 'met' | 'missed';
  /** Drill minute the expectation was satisfied (the satisfying action's, else when marked). */
  minute: number | null;
  actionId: string | null;
}

/** A participant's action as the rules see it. */
export interface ActionFact {
  id: string;
  injectKey: string;
  minute: number;
  claim: ExpectationKey | null;
}

/** The key of an expectation verdict. */
export const verdictKey = (injectKey: string, expectation: string) => `${injectKey}:${expectation}`;

const MINUTE = 60_000;

/**
 * The drill minute now: 0 before the start; the facilitator's offset in facilitator mode; whole minutes since the
 * start by the wall clock in real-time mode; frozen at completion.
 */
export function currentMinute(d: DrillClock, now: Date): number {
  if (d.status === 'scheduled' || !d.startedAt) return 0;
  if (d.status === 'completed') return d.completedMinute ?? d.offsetMinutes;
  if (d.mode === 'facilitator') return d.offsetMinutes;
  return Math.max(0, Math.floor((now.getTime() - d.startedAt.getTime()) / MINUTE));
}

/** The injects due by a drill minute, in order (a drill that has not started has delivered nothing). */
export const dueInjects = (injects: readonly Inject[], minute: number, started: boolean) =>
  started ? injects.filter((i) => i.minute <= minute) : [];

/** The minute of the first inject still to come, or null when all are delivered. */
export const nextInjectMinute = (injects: readonly Inject[], minute: number): number | null =>
  injects.find((i) => i.minute > minute)?.minute ?? null;

/** Where the facilitator's advance moves the drill clock: to the next inject, or N minutes on. */
export function advancedMinute(
  injects: readonly Inject[],
  minute: number,
  by: { to: 'next' } | { minutes: number },
): number | null {
  if ('minutes' in by) return minute + by.minutes;
  return nextInjectMinute(injects, minute);
}

/** The minute a verdict of "met" is dated: the named action's, else the first action claiming it, else now. */
export function satisfiedMinute(
  actions: readonly ActionFact[],
  injectKey: string,
  expectation: ExpectationKey,
  actionId: string | undefined,
  nowMinute: number,
): { minute: number; actionId: string | null } {
  const named = actionId ? actions.find((a) => a.id === actionId) : undefined;
  if (named) return { minute: named.minute, actionId: named.id };
  const claimed = actions
    .filter((a) => a.injectKey === injectKey && a.claim === expectation)
    .sort((a, b) => a.minute - b.minute)[0];
  return claimed ? { minute: claimed.minute, actionId: claimed.id } : { minute: nowMinute, actionId: null };
}

/** Every expectation of the scenario with its verdict; met within the inject's budget counts as in budget. */
export function expectationResults(s: ScenarioDefinition, verdicts: Readonly<Record<string, Verdict>>) {
  return s.injects.flatMap((inj) =>
    inj.expectations.map((e) => {
      const v = verdicts[verdictKey(inj.key, e.key)];
      const minute = v?.status === 'met' ? v.minute : null;
      return {
        injectKey: inj.key,
        key: e.key,
        budgetMinutes: e.budgetMinutes,
        status: v?.status ?? ('pending' as const),
        minute,
        actionId: v?.status === 'met' ? v.actionId : null,
        inBudget:
          minute === null ? (v?.status === 'missed' ? false : null) : minute - inj.minute <= e.budgetMinutes,
      };
    }),
  );
}

/** The results of `expectationResults`. */
export type ExpectationResults = ReturnType<typeof expectationResults>;

const TIME_OF: Record<ExpectationKey, keyof DrillMeasures> = {
  detected: 'timeToDetect',
  contained: 'timeToContain',
  'reported-in-time': 'timeToReport',
  restored: 'timeToRestore',
};

/**
 * Time to detect, contain, report and restore: drill minutes from the first inject to the first satisfied
 * expectation of each kind (null when never met). Score: an expectation met in budget counts 1, met late ½,
 * missed or pending 0, over all expectations, as a percentage (OpenBAS scores expectations the same way).
 */
export function measure(s: ScenarioDefinition, results: ExpectationResults): DrillMeasures {
  const start = s.injects[0]?.minute ?? 0;
  const out: DrillMeasures = {
    timeToDetect: null,
    timeToContain: null,
    timeToReport: null,
    timeToRestore: null,
    met: 0,
    total: results.length,
    score: 0,
  };
  let points = 0;
  for (const r of results) {
    if (r.status !== 'met' || r.minute === null) continue;
    out.met++;
    points += r.inBudget ? 1 : 0.5;
    const field = TIME_OF[r.key];
    const elapsed = Math.max(0, r.minute - start);
    const prev = out[field] as number | null;
    (out[field] as number | null) = prev === null ? elapsed : Math.min(prev, elapsed);
  }
  out.score = results.length ? Math.round((100 * points) / results.length) : 0;
  return out;
}
