import { describe, expect, it } from 'vitest';
import { bundledProgrammePacks } from '../../../programme-rules/programme-pack';
import { daysLeft, isExpired, reminderDue, validUntil } from './risk-validity';

const months = bundledProgrammePacks().measures.riskAssessment.resultValidMonths.value;
const daysBefore = bundledProgrammePacks().measures.riskAssessment.reminderDaysBefore.value;
/** An instant at a Shanghai wall-clock time. */
const at = (local: string) => new Date(`${local}+08:00`);

describe('risk-assessment validity (82号: 1 year from issue)', () => {
  it('runs 12 calendar months from the issue day', () => {
    expect(months).toBe(12);
    expect(validUntil('2026-03-15', months)).toBe('2027-03-15');
    expect(validUntil('2025-12-31', months)).toBe('2026-12-31');
  });

  it('ends a 29 February issue on 28 February of the next year (Civil Code art. 202)', () => {
    expect(validUntil('2024-02-29', months)).toBe('2025-02-28');
  });

  it('counts Shanghai days and expires after 24:00 of the last day', () => {
    expect(daysLeft('2027-03-15', at('2027-03-15T23:59:00'))).toBe(0);
    expect(daysLeft('2027-03-15', at('2027-03-14T00:10:00'))).toBe(1);
    expect(isExpired('2027-03-15', at('2027-03-15T23:59:59'))).toBe(false);
    expect(isExpired('2027-03-15', at('2027-03-16T00:00:00'))).toBe(true);
  });
});

describe('risk-assessment reminders', () => {
  const until = '2027-03-15';
  it('uses the pack lead times', () => expect(daysBefore).toEqual([30, 7]));

  it('sends nothing before the first lead time', () => {
    expect(reminderDue(until, daysBefore, at('2027-02-12T23:59:00'), null)).toBeNull();
  });

  it('reminds 30 days before, once', () => {
    const now = at('2027-02-13T00:00:00');
    expect(reminderDue(until, daysBefore, now, null)).toEqual({ kind: 'before', days: 30 });
    expect(reminderDue(until, daysBefore, at('2027-02-20T09:00:00'), now)).toBeNull();
  });

  it('reminds again 7 days before', () => {
    const sent30 = at('2027-02-13T01:00:00');
    expect(reminderDue(until, daysBefore, at('2027-03-07T23:00:00'), sent30)).toBeNull();
    expect(reminderDue(until, daysBefore, at('2027-03-08T00:00:00'), sent30)).toEqual({
      kind: 'before',
      days: 7,
    });
  });

  it('sends only the latest reminder when the job missed days', () => {
    expect(reminderDue(until, daysBefore, at('2027-03-10T08:00:00'), null)).toEqual({
      kind: 'before',
      days: 7,
    });
  });

  it('reports expiry once', () => {
    const sent7 = at('2027-03-08T01:00:00');
    expect(reminderDue(until, daysBefore, at('2027-03-15T23:00:00'), sent7)).toBeNull();
    const expired = at('2027-03-16T00:00:00');
    expect(reminderDue(until, daysBefore, expired, sent7)).toEqual({ kind: 'expired' });
    expect(reminderDue(until, daysBefore, at('2027-04-01T00:00:00'), expired)).toBeNull();
  });
});
