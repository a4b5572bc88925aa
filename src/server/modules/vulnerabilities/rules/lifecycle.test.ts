import { describe, expect, it } from 'vitest';
import {
  availableEvents,
  EVENTS,
  intake,
  type LifecycleEvent,
  mayRequestPublication,
  STATES,
  type State,
  type TransitionFacts,
  transition,
} from './lifecycle';
import { LIFECYCLE_ROLES, type LifecycleRole } from './roles';

const now = new Date('2026-03-02T10:00:00+08:00');
/** Facts that satisfy every guard, so the table tests only edges and roles. */
const ALL_FACTS: TransitionFacts = {
  reason: 'not reproducible',
  duplicateOfId: 'v-1',
  assessmentRecorded: true,
  nationalReportComplete: true,
  fixOrMitigationRecorded: true,
  userActionRequired: false,
  disclosureGatePassed: true,
};

const V: LifecycleRole[] = ['vendor-member', 'vendor-admin'];
const VA: LifecycleRole[] = ['vendor-admin'];
const CLOSERS: LifecycleRole[] = ['vendor-admin', 'ministry-admin'];
const REOPENERS: LifecycleRole[] = ['vendor-admin', 'ministry-member', 'ministry-admin'];
const PUBLISHERS: LifecycleRole[] = ['vendor-member', 'vendor-admin', 'reporter'];

/** The expected machine, written out independently of lifecycle.ts: [next state, roles allowed]. */
const EXPECTED: Record<State, Partial<Record<LifecycleEvent, [State, LifecycleRole[]]>>> = {
  submitted: { 'start-triage': ['triage', V], 'mark-duplicate': ['duplicate', V] },
  triage: {
    'request-info': ['needs-info', V],
    reject: ['rejected', VA],
    'mark-duplicate': ['duplicate', V],
    confirm: ['confirmed', V],
  },
  'needs-info': { 'provide-info': ['triage', ['reporter']], reject: ['rejected', VA] },
  rejected: { close: ['closed', CLOSERS], reopen: ['triage', REOPENERS] },
  duplicate: { close: ['closed', CLOSERS], reopen: ['triage', REOPENERS] },
  confirmed: { 'report-nationally': ['nationally-reported', V] },
  'nationally-reported': { 'release-fix': ['fix-available', V] },
  'fix-available': { 'notify-users': ['users-notified', V], publish: ['published', PUBLISHERS] },
  'users-notified': { publish: ['published', PUBLISHERS] },
  published: { close: ['closed', CLOSERS] },
  closed: {},
};

const pairs = STATES.flatMap((s) => EVENTS.map((e) => [s, e] as const));

describe('lifecycle table: every (state, event) pair', () => {
  it('covers 11 states × 12 events × 6 roles', () => {
    expect(pairs).toHaveLength(132);
    expect(Object.keys(EXPECTED).sort()).toEqual([...STATES].sort());
    expect(LIFECYCLE_ROLES).toHaveLength(6);
  });

  it.each(pairs)('%s + %s', (state, event) => {
    const edge = EXPECTED[state][event];
    for (const role of LIFECYCLE_ROLES) {
      const r = transition(state, event, role, ALL_FACTS, now);
      if (!edge) expect(r, `${role}`).toEqual({ ok: false, reason: 'invalid-transition' });
      else if (edge[1].includes(role)) expect(r, `${role}`).toMatchObject({ ok: true, next: edge[0] });
      else expect(r, `${role}`).toEqual({ ok: false, reason: 'role-forbidden' });
    }
  });

  it('never lets a viewer act, and closed is terminal', () => {
    for (const [s, e] of pairs) expect(transition(s, e, 'viewer', ALL_FACTS, now).ok).toBe(false);
    for (const role of LIFECYCLE_ROLES) expect(availableEvents('closed', role)).toEqual([]);
  });

  it('lists the events a role may fire', () => {
    expect(availableEvents('triage', 'vendor-member')).toEqual(['request-info', 'mark-duplicate', 'confirm']);
    expect(availableEvents('triage', 'vendor-admin')).toEqual([
      'request-info',
      'reject',
      'mark-duplicate',
      'confirm',
    ]);
    expect(availableEvents('needs-info', 'reporter')).toEqual(['provide-info']);
    expect(availableEvents('rejected', 'ministry-member')).toEqual(['reopen']);
  });
});

describe('fact guards', () => {
  const deny = (
    state: State,
    event: LifecycleEvent,
    facts: TransitionFacts,
    role: LifecycleRole = 'vendor-admin',
  ) => transition(state, event, role, { ...ALL_FACTS, ...facts }, now);

  it.each([
    ['triage', 'reject', { reason: '  ' }, 'reason-missing'],
    ['needs-info', 'reject', { reason: undefined }, 'reason-missing'],
    ['triage', 'mark-duplicate', { duplicateOfId: null }, 'duplicate-target-missing'],
    ['submitted', 'mark-duplicate', { duplicateOfId: '' }, 'duplicate-target-missing'],
    ['triage', 'confirm', { assessmentRecorded: false }, 'assessment-missing'],
    ['confirmed', 'report-nationally', { nationalReportComplete: false }, 'national-report-incomplete'],
    ['nationally-reported', 'release-fix', { fixOrMitigationRecorded: false }, 'fix-missing'],
    ['fix-available', 'publish', { userActionRequired: true }, 'users-not-notified'],
    ['fix-available', 'publish', { userActionRequired: undefined }, 'users-not-notified'],
    ['fix-available', 'publish', { disclosureGatePassed: false }, 'disclosure-gate-failed'],
    ['users-notified', 'publish', { disclosureGatePassed: false }, 'disclosure-gate-failed'],
  ] as const)('%s + %s with %j → %s', (state, event, facts, reason) => {
    expect(deny(state, event, facts)).toEqual({ ok: false, reason });
  });

  it('checks the role before the facts', () => {
    expect(deny('triage', 'reject', { reason: '' }, 'vendor-member')).toEqual({
      ok: false,
      reason: 'role-forbidden',
    });
  });
});

describe('effects', () => {
  const run = (state: State, event: LifecycleEvent, facts: TransitionFacts, at = now) =>
    transition(state, event, 'vendor-member', { ...ALL_FACTS, ...facts }, at);

  it('notifies the upstream provider on confirmation only when a component is affected (art. 7(1))', () => {
    expect(run('triage', 'confirm', { upstreamAffected: true })).toEqual({
      ok: true,
      next: 'confirmed',
      effects: ['stop-verify-clock', 'notify-upstream', 'notify-reporter'],
    });
    expect(run('triage', 'confirm', {})).toMatchObject({ effects: ['stop-verify-clock', 'notify-reporter'] });
  });
  it('submits the national report and records lateness against the due time (art. 7(2))', () => {
    const on = run('confirmed', 'report-nationally', { nationalReportDueAt: now });
    expect(on).toMatchObject({ effects: ['submit-national-report', 'stop-national-report-clock'] });
    const late = run('confirmed', 'report-nationally', { nationalReportDueAt: new Date(now.getTime() - 1) });
    expect(late).toMatchObject({
      effects: ['submit-national-report', 'stop-national-report-clock', 'record-late-national-report'],
    });
  });
  it('notifies affected users (art. 7(3)) and publishes', () => {
    expect(run('fix-available', 'notify-users', {})).toMatchObject({ effects: ['notify-affected-users'] });
    expect(run('users-notified', 'publish', {})).toMatchObject({ effects: ['publish-advisory'] });
  });
  it('stops the clocks on duplicate and links it', () => {
    expect(run('triage', 'mark-duplicate', {})).toMatchObject({
      effects: ['link-duplicate', 'stop-verify-clock', 'stop-national-report-clock', 'notify-reporter'],
    });
  });
  it('resumes the clocks on reopen', () => {
    expect(transition('rejected', 'reopen', 'ministry-admin', {}, now)).toMatchObject({
      next: 'triage',
      effects: ['resume-clocks', 'notify-vendor', 'notify-reporter'],
    });
  });
});

describe('intake', () => {
  it('logs the intake and starts the art. 7 clocks (art. 5, art. 7)', () => {
    const clocks = ['log-intake', 'start-verify-clock', 'start-national-report-clock'];
    expect(intake('reporter')).toEqual({
      ok: true,
      next: 'submitted',
      effects: [...clocks, 'notify-vendor'],
    });
    expect(intake('ministry-member')).toMatchObject({ effects: [...clocks, 'notify-vendor'] });
    expect(intake('vendor-admin')).toEqual({ ok: true, next: 'submitted', effects: clocks });
  });
  it('refuses viewers', () => {
    expect(intake('viewer')).toEqual({ ok: false, reason: 'role-forbidden' });
  });
});

describe('who may ask to publish', () => {
  it('is the vendor staff and the reporter only', () => {
    expect(LIFECYCLE_ROLES.filter(mayRequestPublication)).toEqual([
      'reporter',
      'vendor-member',
      'vendor-admin',
    ]);
  });
});
