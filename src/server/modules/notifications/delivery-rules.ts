/** Whether a subscription pattern (`*`, `vulnerability.*` or an exact kind) covers an event kind. */
export function subscribes(patterns: readonly string[], kind: string): boolean {
  return patterns.some(
    (p) => p === '*' || p === kind || (p.endsWith('.*') && kind.startsWith(p.slice(0, -1))),
  );
}

/** Attempts before an outbox item is given up as failed. */
export const MAX_ATTEMPTS = 6;

/** Exponential back-off after the n-th failed attempt: 30 s, 1 min, 2 min, 4 min, 8 min. */
export const retryDelayMs = (attempts: number) => 30_000 * 2 ** Math.max(0, attempts - 1);

/** Status after an attempt: refused by policy and exhausted items stop; others wait for a retry. */
export function afterAttempt(
  ok: boolean,
  refused: boolean,
  attempts: number,
): 'sent' | 'refused' | 'failed' | 'pending' {
  if (ok) return 'sent';
  if (refused) return 'refused';
  return attempts >= MAX_ATTEMPTS ? 'failed' : 'pending';
}
