import { describe, expect, it } from 'vitest';
import { afterAttempt, MAX_ATTEMPTS, retryDelayMs, subscribes } from './delivery-rules';

describe('delivery rules', () => {
  it.each([
    [['*'], 'vulnerability.overdue', true],
    [['vulnerability.*'], 'vulnerability.overdue', true],
    [['vulnerability.*'], 'exposure.new', false],
    [['exposure.new'], 'exposure.new', true],
    [['exposure.new'], 'exposure.newer', false],
  ] as const)('%j covers %s: %s', (patterns, kind, expected) => {
    expect(subscribes(patterns, kind)).toBe(expected);
  });
  it('backs off exponentially and stops after the last attempt or a refusal', () => {
    expect([1, 2, 3].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000]);
    expect(afterAttempt(false, false, 1)).toBe('pending');
    expect(afterAttempt(false, false, MAX_ATTEMPTS)).toBe('failed');
    expect(afterAttempt(false, true, 1)).toBe('refused');
    expect(afterAttempt(true, false, 3)).toBe('sent');
  });
});
