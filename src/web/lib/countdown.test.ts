import { describe, expect, it } from 'vitest';
import { durationParts, liveRemainingMs, liveStatus } from './countdown';
import type { Clock } from './types';

const running = (remainingMs: number, status: Clock['status'] = 'pending'): Clock => ({
  dueAt: '2026-11-24T15:59:59.999Z',
  doneAt: null,
  status,
  remainingMs,
});

describe('liveRemainingMs', () => {
  it('counts down from the server figure by the time elapsed since the fetch', () => {
    expect(liveRemainingMs(running(60_000), 1_000, 31_000)).toBe(30_000);
    expect(liveRemainingMs(running(5_000), 0, 65_000)).toBe(-60_000);
  });

  it('has nothing to count for a finished or unstarted clock', () => {
    const met: Clock = { dueAt: null, doneAt: '2026-11-22T00:00:00Z', status: 'met', remainingMs: null };
    expect(liveRemainingMs(met, 0, 10_000)).toBeNull();
  });
});

describe('liveStatus', () => {
  it('turns a running clock overdue once its time runs out, and keeps the server status before', () => {
    expect(liveStatus(running(1_000, 'due-soon'), -1)).toBe('overdue');
    expect(liveStatus(running(1_000, 'due-soon'), 500)).toBe('due-soon');
    expect(liveStatus(running(1_000, 'pending'), 0)).toBe('pending');
  });

  it('never changes a finished clock', () => {
    const late: Clock = {
      dueAt: null,
      doneAt: '2026-11-22T00:00:00Z',
      status: 'met-late',
      remainingMs: null,
    };
    expect(liveStatus(late, -5)).toBe('met-late');
  });
});

describe('durationParts', () => {
  it('splits into days and a zero-padded clock, by magnitude', () => {
    expect(durationParts(0)).toEqual({ days: 0, hms: '00:00:00' });
    expect(durationParts(59_999)).toEqual({ days: 0, hms: '00:00:59' });
    expect(durationParts(2 * 86_400_000 + 3 * 3_600_000 + 4 * 60_000 + 5_000)).toEqual({
      days: 2,
      hms: '03:04:05',
    });
    expect(durationParts(-(3_600_000 + 1_000))).toEqual({ days: 0, hms: '01:00:01' });
  });
});
