import type { DrillDetail, L10n } from '../../../contracts/drills';
import type { Clock } from '../../lib/types';

/** The expectations a drill scores, in the order the measures show them. */
export const EXPECTATIONS = ['detected', 'contained', 'reported-in-time', 'restored'] as const;
/** The roles an inject addresses. */
export const ROLES = ['it', 'security-officer', 'management', 'comms', 'legal', 'operations'] as const;
/** The four measured times, by expectation. */
export const MEASURED = [
  { key: 'timeToDetect', expectation: 'detected', colour: '#1677ff' },
  { key: 'timeToContain', expectation: 'contained', colour: '#fa8c16' },
  { key: 'timeToReport', expectation: 'reported-in-time', colour: '#eb2f96' },
  { key: 'timeToRestore', expectation: 'restored', colour: '#52c41a' },
] as const;

/** The text of the UI language (English when the language is not Chinese). */
export const pick = (l: L10n, lang: string) => (lang.startsWith('zh') ? l.zh : l.en);

type IncidentClock = NonNullable<DrillDetail['incident']>['clocks'][number];

/** A practice incident's clock in the shape the shared Countdown shows. */
export function asClock(c: IncidentClock): Clock {
  const status =
    c.state === 'met'
      ? 'met'
      : c.state === 'late'
        ? 'met-late'
        : c.state === 'overdue'
          ? 'overdue'
          : (c.remainingMs ?? 0) < 5 * 60_000
            ? 'due-soon'
            : 'pending';
  return { dueAt: c.dueAt, doneAt: c.doneAt, status, remainingMs: c.remainingMs };
}
