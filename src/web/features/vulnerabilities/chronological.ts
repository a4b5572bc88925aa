import type { TimelineEntry } from '../../lib/types';

/**
 * Oldest first. Entries written in one transaction share a timestamp and the server breaks ties by random id, so
 * the state change is put before the side effects it caused.
 */
export const chronological = (entries: TimelineEntry[]): TimelineEntry[] =>
  entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at.localeCompare(b.e.at) || Number(!a.e.toState) - Number(!b.e.toState) || a.i - b.i)
    .map((x) => x.e);
