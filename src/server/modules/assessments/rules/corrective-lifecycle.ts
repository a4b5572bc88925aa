import type { CorrectiveStatus } from '../../../../contracts/assessments';

/** A move on the corrective-action board. */
export type CorrectiveAction = 'start' | 'resolve' | 'verify' | 'reopen';

/** What a move needs to know about the action and the actor. */
export interface TransitionFacts {
  status: CorrectiveStatus;
  /** Evidence files attached to the action itself. */
  evidenceCount: number;
  resolvedBy: string | null;
  actorUserId: string;
}

/** The outcome of a move: the new status, or the refusal with its stable code and HTTP status. */
export type TransitionResult =
  | { ok: true; to: CorrectiveStatus }
  | { ok: false; status: 400 | 403 | 409; code: string; message: string };

/** The board's transitions: open → in-progress → resolved → verified, and resolved → in-progress on reopening. */
export const TRANSITIONS: Readonly<
  Record<CorrectiveAction, { from: readonly CorrectiveStatus[]; to: CorrectiveStatus }>
> = {
  start: { from: ['open'], to: 'in-progress' },
  resolve: { from: ['open', 'in-progress'], to: 'resolved' },
  verify: { from: ['resolved'], to: 'verified' },
  reopen: { from: ['resolved'], to: 'in-progress' },
};

/**
 * Decides a move. 34号 asks for self-examination *and self-correction* (自查自纠): a correction counts as done only
 * with evidence attached, and is verified by someone other than the person who resolved it (four-eyes, Bulwark's).
 */
export function decideTransition(action: CorrectiveAction, f: TransitionFacts): TransitionResult {
  const t = TRANSITIONS[action];
  if (!t.from.includes(f.status)) {
    return {
      ok: false,
      status: 409,
      code: 'corrective_action.wrong_state',
      message: `A ${f.status} corrective action cannot be moved by '${action}'.`,
    };
  }
  if (action === 'resolve' && f.evidenceCount === 0) {
    return {
      ok: false,
      status: 400,
      code: 'corrective_action.evidence_required',
      message: 'Attach at least one evidence file before resolving.',
    };
  }
  if (action === 'verify' && f.resolvedBy === f.actorUserId) {
    return {
      ok: false,
      status: 403,
      code: 'corrective_action.four_eyes',
      message: 'Someone other than the person who resolved it must verify a corrective action.',
    };
  }
  return { ok: true, to: t.to };
}
