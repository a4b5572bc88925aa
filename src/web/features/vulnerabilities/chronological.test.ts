import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../lib/types';
import { chronological } from './chronological';

const entry = (kind: string, at: string, toState: string | null = null): TimelineEntry => ({
  id: kind,
  at,
  kind,
  fromState: null,
  toState,
  actorOrgId: null,
  note: null,
  data: {},
});

describe('chronological', () => {
  it('orders by time and puts a state change before the side effects written with it', () => {
    const at = '2026-11-21T10:00:00.000Z';
    const entries = [
      entry('users-notified', at),
      entry('notify-users', at, 'users-notified'),
      entry('intake', '2026-11-21T09:00:00.000Z', 'submitted'),
      entry('external-ids', '2026-11-21T11:00:00.000Z'),
    ];
    expect(chronological(entries).map((e) => e.kind)).toEqual([
      'intake',
      'notify-users',
      'users-notified',
      'external-ids',
    ]);
  });
});
