/** Settings the lock-out rule reads. */
export interface LockoutSettings {
  loginMaxFailures: number;
  loginLockMinutes: number;
}

/**
 * After a failed password: count it, and lock the account once the count reaches the limit
 * (OWASP ASVS 2.2.1 anti-automation). The counter resets when the lock is set.
 */
export function loginFailureOutcome(
  failedSoFar: number,
  now: Date,
  s: LockoutSettings,
): { failedLogins: number; lockedUntil: Date | null } {
  const failed = failedSoFar + 1;
  if (failed >= s.loginMaxFailures) {
    return { failedLogins: 0, lockedUntil: new Date(now.getTime() + s.loginLockMinutes * 60_000) };
  }
  return { failedLogins: failed, lockedUntil: null };
}
