import type { L10n } from '../../../contracts/drills';
import { incidentCountdown } from '../../lib/countdown';

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

/** A practice incident's clock in the shape the shared Countdown shows. */
export const asClock = incidentCountdown;
