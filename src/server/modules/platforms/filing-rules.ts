/** Filing statuses. */
export type FilingStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'revoked';
/** What can happen to a filing. */
export type FilingEvent = 'edit' | 'submit' | 'approve' | 'reject' | 'revoke';

// 146号: a platform files before going live; MIIT approves or returns it; a filed platform may be revoked.
const NEXT: Record<FilingStatus, Partial<Record<FilingEvent, FilingStatus>>> = {
  draft: { edit: 'draft', submit: 'submitted' },
  submitted: { approve: 'approved', reject: 'rejected' },
  rejected: { edit: 'draft', submit: 'submitted' },
  approved: { revoke: 'revoked' },
  revoked: { edit: 'draft' },
};

/** The next status, or null when the event is not allowed in this status. */
export const nextFilingStatus = (s: FilingStatus, e: FilingEvent): FilingStatus | null => NEXT[s][e] ?? null;

/** Whether an org may submit vulnerability reports as a collection platform (RMSV art. 10: filed first). */
export const isFiled = (status: FilingStatus | undefined) => status === 'approved';

/** A filing number like `BWK-PF-2026-0007`: year of approval and a per-year sequence. */
export const filingNumber = (year: number, seq: number) => `BWK-PF-${year}-${String(seq).padStart(4, '0')}`;
