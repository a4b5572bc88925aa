import { describe, expect, it } from 'vitest';
import { loginFailureOutcome } from './lockout';

const s = { loginMaxFailures: 3, loginLockMinutes: 10 };
const now = new Date('2026-11-21T10:00:00Z');

describe('login lock-out', () => {
  it('counts failures below the limit without locking', () => {
    expect(loginFailureOutcome(0, now, s)).toEqual({ failedLogins: 1, lockedUntil: null });
    expect(loginFailureOutcome(1, now, s)).toEqual({ failedLogins: 2, lockedUntil: null });
  });
  it('locks for the configured minutes on reaching the limit and resets the counter', () => {
    expect(loginFailureOutcome(2, now, s)).toEqual({
      failedLogins: 0,
      lockedUntil: new Date('2026-11-21T10:10:00Z'),
    });
  });
});
