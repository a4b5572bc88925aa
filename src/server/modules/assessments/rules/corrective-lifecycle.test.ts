import { describe, expect, it } from 'vitest';
import type { CorrectiveStatus } from '../../../../contracts/assessments';
import { type CorrectiveAction, decideTransition } from './corrective-lifecycle';

const facts = (status: CorrectiveStatus, more: Partial<Parameters<typeof decideTransition>[1]> = {}) => ({
  status,
  evidenceCount: 1,
  resolvedBy: 'resolver',
  actorUserId: 'verifier',
  ...more,
});

describe('corrective-action transitions', () => {
  const table: [CorrectiveStatus, CorrectiveAction, CorrectiveStatus | number][] = [
    ['open', 'start', 'in-progress'],
    ['open', 'resolve', 'resolved'],
    ['open', 'verify', 409],
    ['open', 'reopen', 409],
    ['in-progress', 'start', 409],
    ['in-progress', 'resolve', 'resolved'],
    ['in-progress', 'verify', 409],
    ['in-progress', 'reopen', 409],
    ['resolved', 'start', 409],
    ['resolved', 'resolve', 409],
    ['resolved', 'verify', 'verified'],
    ['resolved', 'reopen', 'in-progress'],
    ['verified', 'start', 409],
    ['verified', 'resolve', 409],
    ['verified', 'verify', 409],
    ['verified', 'reopen', 409],
  ];
  it.each(table)('%s + %s → %s', (from, action, want) => {
    const r = decideTransition(action, facts(from));
    if (typeof want === 'number')
      expect(r).toMatchObject({ ok: false, status: want, code: 'corrective_action.wrong_state' });
    else expect(r).toEqual({ ok: true, to: want });
  });

  it('refuses to resolve without evidence', () => {
    expect(decideTransition('resolve', facts('in-progress', { evidenceCount: 0 }))).toMatchObject({
      ok: false,
      status: 400,
      code: 'corrective_action.evidence_required',
    });
  });

  it('refuses verification by the resolver (four-eyes)', () => {
    expect(decideTransition('verify', facts('resolved', { actorUserId: 'resolver' }))).toMatchObject({
      ok: false,
      status: 403,
      code: 'corrective_action.four_eyes',
    });
  });
});
