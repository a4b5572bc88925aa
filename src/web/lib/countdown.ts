import type { Clock } from './types';

/** A clock's remaining time now, from the server's `remainingMs` at fetch time (immune to client clock skew). */
export const liveRemainingMs = (clock: Clock, fetchedAt: number, now: number): number | null =>
  clock.remainingMs === null ? null : clock.remainingMs - (now - fetchedAt);

/** The status to show now: a running clock whose time ran out since the fetch is overdue. */
export function liveStatus(clock: Clock, remaining: number | null): Clock['status'] {
  if (clock.doneAt || remaining === null) return clock.status;
  return remaining < 0 ? 'overdue' : clock.status;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Whole days and an `HH:MM:SS` rest of a duration's magnitude, for countdown text. */
export function durationParts(ms: number): { days: number; hms: string } {
  const total = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(total / 86_400);
  const rest = total % 86_400;
  return {
    days,
    hms: `${pad(Math.floor(rest / 3600))}:${pad(Math.floor((rest % 3600) / 60))}:${pad(rest % 60)}`,
  };
}

/** A 214号 incident clock (running / met / late / overdue) in the shape the shared Countdown shows. */
export function incidentCountdown(c: {
  state: string;
  dueAt: string;
  doneAt: string | null;
  remainingMs: number | null;
}): Clock {
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
