import { endOfShanghaiDay } from '../regulations/working-days';
import { reaches } from './common-schema';
import type { PlanPack, Target, TargetKey } from './plan-schema';

/** A cumulative count at an instant. */
export interface SeriesPoint {
  at: Date;
  value: number;
}

/** Progress toward one target. */
export interface TargetProgress {
  value: number;
  target: number;
  op: Target['op'];
  /** value / target × 100 (may exceed 100). */
  pct: number;
  met: boolean;
  /** Per day, over the projection window; 0 with fewer than two points. */
  pacePerDay: number;
  projectedAtDeadline: number;
  onTrack: boolean;
}

const DAY_MS = 86_400_000;

/** Least-squares slope (per day) of the points; 0 when fewer than two distinct instants. */
function slopePerDay(points: readonly SeriesPoint[]): number {
  if (points.length < 2) return 0;
  const xs = points.map((p) => p.at.getTime() / DAY_MS);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = points.reduce((a, p) => a + p.value, 0) / points.length;
  let sxy = 0;
  let sxx = 0;
  points.forEach((p, i) => {
    const dx = xs[i]! - mx;
    sxy += dx * (p.value - my);
    sxx += dx * dx;
  });
  return sxx === 0 ? 0 : sxy / sxx;
}

/** The latest count at or before `now`, its pace and its linear projection to `deadline` (see targetProgress). */
export function projectSeries(
  series: readonly SeriesPoint[],
  now: Date,
  deadline: Date,
  windowDays: number,
): { value: number; pacePerDay: number; projectedAtDeadline: number } {
  const known = series
    .filter((p) => p.at.getTime() <= now.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const latest = known.at(-1);
  const value = latest?.value ?? 0;
  const windowStart = now.getTime() - windowDays * DAY_MS;
  const pacePerDay = slopePerDay(known.filter((p) => p.at.getTime() >= windowStart));
  let projectedAtDeadline: number;
  if (now.getTime() >= deadline.getTime()) {
    projectedAtDeadline = known.filter((p) => p.at.getTime() <= deadline.getTime()).at(-1)?.value ?? 0;
  } else {
    const from = latest ? latest.at.getTime() : now.getTime();
    projectedAtDeadline = value + Math.max(0, pacePerDay) * ((deadline.getTime() - from) / DAY_MS);
  }
  return { value, pacePerDay, projectedAtDeadline };
}

/**
 * Progress toward a 34号 target: the latest count at or before `now`, and a linear projection to `deadline` at the
 * current pace (least-squares slope over the last `windowDays`; a falling pace projects no change, since the
 * counts are cumulative). After the deadline the projection is the count at the deadline.
 */
export function targetProgress(
  target: Target,
  series: readonly SeriesPoint[],
  now: Date,
  deadline: Date,
  windowDays: number,
): TargetProgress {
  const { value, pacePerDay, projectedAtDeadline } = projectSeries(series, now, deadline, windowDays);
  const bound = { op: target.op, min: target.value };
  return {
    value,
    target: target.value,
    op: target.op,
    pct: (value / target.value) * 100,
    met: reaches(value, bound),
    pacePerDay,
    projectedAtDeadline,
    onTrack: reaches(projectedAtDeadline, bound),
  };
}

/** Progress on every programme target that has a series, measured to 24:00 China time on the pack's target date. */
export function programmeProgress(
  plan: PlanPack,
  series: Partial<Record<TargetKey, readonly SeriesPoint[]>>,
  now: Date,
): Partial<Record<TargetKey, TargetProgress>> {
  const deadline = endOfShanghaiDay(plan.targetDate.value);
  const windowDays = plan.projection.value.windowDays;
  const out: Partial<Record<TargetKey, TargetProgress>> = {};
  for (const key of Object.keys(plan.targets) as TargetKey[]) {
    const s = series[key];
    if (s) out[key] = targetProgress(plan.targets[key].value, s, now, deadline, windowDays);
  }
  return out;
}
