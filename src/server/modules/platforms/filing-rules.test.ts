import { describe, expect, it } from 'vitest';
import { type FilingEvent, type FilingStatus, filingNumber, isFiled, nextFilingStatus } from './filing-rules';

const STATUSES: FilingStatus[] = ['draft', 'submitted', 'approved', 'rejected', 'revoked'];
const EVENTS: FilingEvent[] = ['edit', 'submit', 'approve', 'reject', 'revoke'];
const ALLOWED: Record<string, FilingStatus> = {
  'draft/edit': 'draft',
  'draft/submit': 'submitted',
  'submitted/approve': 'approved',
  'submitted/reject': 'rejected',
  'rejected/edit': 'draft',
  'rejected/submit': 'submitted',
  'approved/revoke': 'revoked',
  'revoked/edit': 'draft',
};

describe('filing lifecycle', () => {
  const table = STATUSES.flatMap((s) => EVENTS.map((e) => [s, e, ALLOWED[`${s}/${e}`] ?? null] as const));
  it.each(table)('%s + %s → %s', (s, e, next) => {
    expect(nextFilingStatus(s, e)).toBe(next);
  });
  it('only an approved filing lets a platform submit as a platform', () => {
    expect(STATUSES.filter(isFiled)).toEqual(['approved']);
    expect(isFiled(undefined)).toBe(false);
  });
  it('numbers filings by year and sequence', () => {
    expect(filingNumber(2026, 7)).toBe('BWK-PF-2026-0007');
  });
});
