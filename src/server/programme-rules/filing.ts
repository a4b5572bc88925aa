import type { ValueStatus } from '../regulations/sourced';
import {
  addCalendarMonths,
  addWorkingDays,
  type Deadline,
  type HolidayCalendar,
} from '../regulations/working-days';
import type { MeasuresPack } from './measures-schema';

/** What a catalog filing declared: the count per data category and the overall scale (same unit each time). */
export interface FilingSnapshot {
  categories: Readonly<Record<string, number>>;
  scale: number;
}

/** The regulator's review deadline and what it rests on. */
export interface ReviewDeadline extends Deadline {
  workingDays: number;
  status: ValueStatus;
  clause: string;
}

/** Why a change filing is due. `changePercent` is null for a category that was absent from the approved filing. */
export type RefilingReason =
  | { kind: 'category'; category: string; before: number; after: number; changePercent: number | null }
  | { kind: 'scale'; before: number; after: number; changePercent: number | null }
  | { kind: 'material-change' }
  | { kind: 'destruction' };

/** Whether a change filing is due, why, and by when. */
export type RefilingObligation =
  | { required: false; reasons: [] }
  | { required: true; reasons: RefilingReason[]; due: Deadline; status: ValueStatus; clause: string };

/** What changed since the last approved filing. */
export interface FilingChange {
  approved: FilingSnapshot;
  current: FilingSnapshot;
  /** When the change happened (or was recorded): the 3-month clock starts here. */
  changedAt: Date;
  /** Other filed contents changed materially (purpose, sharing, cross-border, measures…). */
  materialChange?: boolean;
  /** Important or core data was destroyed. */
  destroyed?: boolean;
}

/**
 * Measures art. 12? (second draft): the regulator completes its review within 20 working days of the filing,
 * counted in China working days from the day after submission (Civil Code art. 201).
 */
export function reviewDeadline(pack: MeasuresPack, submittedAt: Date, cal: HolidayCalendar): ReviewDeadline {
  const v = pack.catalogFiling.reviewWorkingDays;
  return {
    ...addWorkingDays(submittedAt, v.value, cal),
    workingDays: v.value,
    status: v.status,
    clause: v.clause,
  };
}

const percent = (before: number, after: number) =>
  before === 0 ? null : Math.round((Math.abs(after - before) / before) * 10_000) / 100;

/**
 * Whether a count moved by at least `threshold` % of `before`: exact for integer counts because it compares
 * |after − before| × 100 with threshold × before. A category that appears (before 0, after > 0) has changed.
 */
const movedBy = (before: number, after: number, threshold: number) =>
  before === 0 ? after !== 0 : Math.abs(after - before) * 100 >= threshold * before;

/**
 * Measures art. 12? (second draft): a change of ≥ 30 % in a data category or in the scale against the last approved
 * filing, or another material change, requires a change filing within 3 months; destroying important or core data
 * also updates the filing. Every number is read from the pack.
 */
export function refilingObligation(pack: MeasuresPack, change: FilingChange): RefilingObligation {
  const f = pack.catalogFiling;
  const threshold = f.changeThresholdPercent.value;
  const reasons: RefilingReason[] = [];
  const { approved, current } = change;
  const categories = [
    ...new Set([...Object.keys(approved.categories), ...Object.keys(current.categories)]),
  ].sort();
  for (const category of categories) {
    const before = approved.categories[category] ?? 0;
    const after = current.categories[category] ?? 0;
    if (movedBy(before, after, threshold)) {
      reasons.push({ kind: 'category', category, before, after, changePercent: percent(before, after) });
    }
  }
  if (movedBy(approved.scale, current.scale, threshold)) {
    const { scale: before } = approved;
    const { scale: after } = current;
    reasons.push({ kind: 'scale', before, after, changePercent: percent(before, after) });
  }
  if (change.materialChange && f.otherMaterialChangeTriggers.value) reasons.push({ kind: 'material-change' });
  if (change.destroyed && f.destructionTriggers.value) reasons.push({ kind: 'destruction' });
  if (reasons.length === 0) return { required: false, reasons: [] };
  const months = f.changeRefileMonths;
  const due = addCalendarMonths(change.changedAt, months.value);
  return { required: true, reasons, due, status: months.status, clause: months.clause };
}
