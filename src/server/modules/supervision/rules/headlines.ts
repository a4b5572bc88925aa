import type { AreaFigures, Headline } from '../../../../contracts/supervision';
import { reaches } from '../../../programme-rules/common-schema';
import type { PlanPack } from '../../../programme-rules/plan-schema';
import { projectSeries, type SeriesPoint } from '../../../programme-rules/targets';

type HeadlineKey = Headline['key'];
type TargetRef = NonNullable<Headline['target']>;

/** The headline figures in display order. */
export const HEADLINE_KEYS: readonly HeadlineKey[] = [
  'enterprisesCovered',
  'topDecileCovered',
  'trainingPersonTimes',
  'talents',
  'enterprisesRegistered',
  'drillsCompleted',
];

/**
 * The 34号 target a headline is measured against in a scope. The national targets (>45,000 enterprises, 30,000
 * person-times, >5,000 talents) are not apportioned to provinces, so a province sees none; the top-10 % clause
 * applies to each province, so its target is the whole top-decile quota at every level.
 */
export function targetFor(
  plan: PlanPack,
  key: HeadlineKey,
  level: 'nation' | 'province',
  figures: AreaFigures,
): TargetRef | null {
  if (key === 'topDecileCovered') {
    const d = plan.topDecile.percent;
    return {
      key: 'topDecile',
      op: 'gte',
      value: figures.topDecileQuota,
      unit: 'enterprises',
      clause: d.clause,
      source: d.source,
      status: d.status,
      scope: level === 'nation' ? 'national' : 'province',
    };
  }
  const planKey = (
    {
      enterprisesCovered: 'enterprisesProtected',
      trainingPersonTimes: 'trainingPersonTimes',
      talents: 'talents',
    } as const
  )[key as 'talents'];
  if (!planKey || level !== 'nation') return null;
  const t = plan.targets[planKey];
  return {
    key: planKey,
    op: t.value.op,
    value: t.value.value,
    unit: t.value.unit,
    clause: t.clause,
    source: t.source,
    status: t.status,
    scope: 'national',
  };
}

/**
 * Each headline beside its target with the pace and projection to the deadline (least-squares over the pack's
 * window, see projectSeries). `series` holds the history points of each key; the current value is appended at
 * `now` so the projection starts from the figure shown.
 */
export function headlines(
  plan: PlanPack,
  level: 'nation' | 'province',
  figures: AreaFigures,
  series: Partial<Record<HeadlineKey, readonly SeriesPoint[]>>,
  now: Date,
  deadline: Date,
): Headline[] {
  const windowDays = plan.projection.value.windowDays;
  return HEADLINE_KEYS.map((key) => {
    const value = figures[key];
    const points = [...(series[key] ?? []).filter((p) => p.at < now), { at: now, value }];
    const p = projectSeries(points, now, deadline, windowDays);
    const target = targetFor(plan, key, level, figures);
    const bound = target && { op: target.op, min: target.value };
    return {
      key,
      value,
      target,
      pct: target && target.value > 0 ? (value / target.value) * 100 : null,
      met: bound ? reaches(value, bound) : null,
      pacePerDay: p.pacePerDay,
      projectedAtDeadline: p.projectedAtDeadline,
      onTrack: bound ? reaches(p.projectedAtDeadline, bound) : null,
    };
  });
}
