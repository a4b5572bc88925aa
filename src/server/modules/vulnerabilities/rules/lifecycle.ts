import type { LifecycleRole } from './roles';

/** Report states (RMSV art. 7 order: verify, report nationally, fix, tell users; then art. 9 publication). */
export const STATES = [
  'submitted',
  'triage',
  'needs-info',
  'rejected',
  'duplicate',
  'confirmed',
  'nationally-reported',
  'fix-available',
  'users-notified',
  'published',
  'closed',
] as const;
/** A report state. */
export type State = (typeof STATES)[number];

/** Lifecycle events. */
export const EVENTS = [
  'start-triage',
  'request-info',
  'provide-info',
  'reject',
  'mark-duplicate',
  'confirm',
  'report-nationally',
  'release-fix',
  'notify-users',
  'publish',
  'close',
  'reopen',
] as const;
/** A lifecycle event. */
export type LifecycleEvent = (typeof EVENTS)[number];

/** Side effects the service carries out after a transition. */
export type Effect =
  | 'log-intake'
  | 'start-verify-clock'
  | 'start-national-report-clock'
  | 'stop-verify-clock'
  | 'stop-national-report-clock'
  | 'resume-clocks'
  | 'notify-reporter'
  | 'notify-vendor'
  | 'notify-upstream'
  | 'notify-affected-users'
  | 'submit-national-report'
  | 'record-late-national-report'
  | 'link-duplicate'
  | 'publish-advisory';

/** Why a transition was refused. */
export type DenyReason =
  | 'invalid-transition'
  | 'role-forbidden'
  | 'reason-missing'
  | 'duplicate-target-missing'
  | 'assessment-missing'
  | 'national-report-incomplete'
  | 'fix-missing'
  | 'users-not-notified'
  | 'disclosure-gate-failed';

/** Facts the service gathers before deciding; absent means false/unknown. */
export interface TransitionFacts {
  /** A written reason for rejection. */
  reason?: string;
  duplicateOfId?: string | null;
  /** RMSV art. 7(1): harm and scope assessed. */
  assessmentRecorded?: boolean;
  /** RMSV art. 7(1): the flaw is in an upstream product or component. */
  upstreamAffected?: boolean;
  /** RMSV art. 7(2): the report's mandatory fields validate. */
  nationalReportComplete?: boolean;
  nationalReportDueAt?: Date;
  fixOrMitigationRecorded?: boolean;
  /** RMSV art. 7(3): users (incl. downstream vendors) must upgrade or act; false skips notification. */
  userActionRequired?: boolean;
  /** RMSV art. 9: the disclosure gate returned no failures. */
  disclosureGatePassed?: boolean;
}

/** The outcome of `transition`. */
export type TransitionResult =
  | { ok: true; next: State; effects: Effect[] }
  | { ok: false; reason: DenyReason };

type Guard = (f: TransitionFacts) => DenyReason | null;
interface Edge {
  to: State;
  roles: readonly LifecycleRole[];
  guards?: readonly Guard[];
  effects: (f: TransitionFacts, now: Date) => Effect[];
}

const VENDOR = ['vendor-member', 'vendor-admin'] as const;
const VENDOR_ADMIN = ['vendor-admin'] as const;
const REPORTER = ['reporter'] as const;
const PUBLISHERS = [...VENDOR, 'reporter'] as const;
const CLOSERS = ['vendor-admin', 'ministry-admin'] as const;
const REOPENERS = ['vendor-admin', 'ministry-member', 'ministry-admin'] as const;

const needReason: Guard = (f) => (f.reason?.trim() ? null : 'reason-missing');
const needDuplicate: Guard = (f) => (f.duplicateOfId ? null : 'duplicate-target-missing');
const needGate: Guard = (f) => (f.disclosureGatePassed ? null : 'disclosure-gate-failed');
/** Effects that do not depend on the facts. */
function fixed(...e: Effect[]) {
  return () => [...e];
}

const reject: Edge = {
  to: 'rejected',
  roles: VENDOR_ADMIN,
  guards: [needReason],
  effects: fixed('stop-verify-clock', 'stop-national-report-clock', 'notify-reporter'),
};
const duplicate: Edge = {
  to: 'duplicate',
  roles: VENDOR,
  guards: [needDuplicate],
  effects: fixed('link-duplicate', 'stop-verify-clock', 'stop-national-report-clock', 'notify-reporter'),
};
const close: Edge = { to: 'closed', roles: CLOSERS, effects: fixed() };
// A regulator may send a rejected or duplicate report back (RMSV art. 3 supervision); the clocks run on from awareness.
const reopen: Edge = {
  to: 'triage',
  roles: REOPENERS,
  effects: fixed('resume-clocks', 'notify-vendor', 'notify-reporter'),
};
const publish = (guards: readonly Guard[]): Edge => ({
  to: 'published',
  roles: PUBLISHERS,
  guards,
  effects: fixed('publish-advisory'),
});

/**
 * Every permitted edge. Beyond the main path: submitted → duplicate (dedupe before triage); needs-info →
 * rejected (no answer came); fix-available → published when users need not act (RMSV art. 7(3) applies only
 * if they must upgrade). Reporters cannot withdraw: once the provider knows, RMSV art. 7 duties stand.
 * closed is terminal.
 */
const EDGES: Partial<Record<State, Partial<Record<LifecycleEvent, Edge>>>> = {
  submitted: {
    'start-triage': { to: 'triage', roles: VENDOR, effects: fixed('notify-reporter') },
    'mark-duplicate': duplicate,
  },
  triage: {
    'request-info': { to: 'needs-info', roles: VENDOR, effects: fixed('notify-reporter') },
    reject,
    'mark-duplicate': duplicate,
    // RMSV art. 7(1): verify, assess harm and scope, and notify an affected upstream provider at once.
    confirm: {
      to: 'confirmed',
      roles: VENDOR,
      guards: [(f) => (f.assessmentRecorded ? null : 'assessment-missing')],
      effects: (f) => [
        'stop-verify-clock',
        ...(f.upstreamAffected ? (['notify-upstream'] as const) : []),
        'notify-reporter',
      ],
    },
  },
  'needs-info': {
    'provide-info': { to: 'triage', roles: REPORTER, effects: fixed('notify-vendor') },
    reject,
  },
  rejected: { close, reopen },
  duplicate: { close, reopen },
  confirmed: {
    // RMSV art. 7(2): report to the MIIT platform within 2 days with the mandatory fields.
    'report-nationally': {
      to: 'nationally-reported',
      roles: VENDOR,
      guards: [(f) => (f.nationalReportComplete ? null : 'national-report-incomplete')],
      effects: (f, now) => [
        'submit-national-report',
        'stop-national-report-clock',
        ...(f.nationalReportDueAt && now > f.nationalReportDueAt
          ? (['record-late-national-report'] as const)
          : []),
      ],
    },
  },
  'nationally-reported': {
    // RMSV art. 7(3): fix promptly.
    'release-fix': {
      to: 'fix-available',
      roles: VENDOR,
      guards: [(f) => (f.fixOrMitigationRecorded ? null : 'fix-missing')],
      effects: fixed('notify-reporter'),
    },
  },
  'fix-available': {
    // RMSV art. 7(3): tell affected users, including downstream vendors, of the risk and the fix.
    'notify-users': { to: 'users-notified', roles: VENDOR, effects: fixed('notify-affected-users') },
    publish: publish([(f) => (f.userActionRequired === false ? null : 'users-not-notified'), needGate]),
  },
  // RMSV art. 9: publication only through the disclosure gate.
  'users-notified': { publish: publish([needGate]) },
  published: { close },
};

/** Decides one lifecycle step: the edge must exist, the role must be allowed, then each guard must pass. */
export function transition(
  state: State,
  event: LifecycleEvent,
  role: LifecycleRole,
  facts: TransitionFacts,
  now: Date,
): TransitionResult {
  const edge = EDGES[state]?.[event];
  if (!edge) return { ok: false, reason: 'invalid-transition' };
  if (!edge.roles.includes(role)) return { ok: false, reason: 'role-forbidden' };
  for (const g of edge.guards ?? []) {
    const reason = g(facts);
    if (reason) return { ok: false, reason };
  }
  return { ok: true, next: edge.to, effects: edge.effects(facts, now) };
}

/** RMSV art. 9: who may ask to publish at all, whatever the state (the vendor's staff and the reporter). */
export const mayRequestPublication = (role: LifecycleRole) =>
  (PUBLISHERS as readonly LifecycleRole[]).includes(role);

/** Events `role` may fire from `state`, before fact guards (for menus). */
export const availableEvents = (state: State, role: LifecycleRole): LifecycleEvent[] =>
  EVENTS.filter((e) => EDGES[state]?.[e]?.roles.includes(role));

/** Who may file a report: anyone but a viewer (RMSV art. 5 intake channels stay open). */
export function intake(role: LifecycleRole): TransitionResult {
  if (role === 'viewer') return { ok: false, reason: 'role-forbidden' };
  // RMSV art. 5: log the intake; art. 7: awareness (获知) starts the verify and national-report clocks.
  const vendor = role === 'vendor-member' || role === 'vendor-admin';
  const effects: Effect[] = ['log-intake', 'start-verify-clock', 'start-national-report-clock'];
  return { ok: true, next: 'submitted', effects: vendor ? effects : [...effects, 'notify-vendor'] };
}
