import type { OrgKind } from '../../lib/types';

/** Org kinds that carry duties of their own (regulators supervise rather than comply). */
export type DutyBearer = Exclude<OrgKind, 'ministry' | 'provincial-regulator'>;

/**
 * Duty ids per org kind, in the order a compliance officer works through them. Wording, deadline and
 * citation live in the locale files under `obligations.<kind>.<id>`; sources are listed in
 * shared/docs/regulations.md (RMSV 2021 arts. 5, 7, 9, 10; MIIT Measures 2022 Art. 31; 工信部网安〔2022〕146号,
 * 〔2024〕34号, 〔2024〕82号, 〔2024〕214号).
 */
export const OBLIGATIONS: Record<DutyBearer, readonly string[]> = {
  vendor: ['verify', 'upstream', 'report', 'fix', 'publication'],
  enterprise: ['classify', 'catalog', 'selfExam', 'assessment', 'incident'],
  'collection-platform': ['filing', 'logs', 'overseas'],
  researcher: ['channel', 'noEarlyPublication', 'noExploitTools', 'noOverseas'],
};

/** Every field a duty has in each locale. */
export const OBLIGATION_FIELDS = ['title', 'detail', 'deadline', 'cite'] as const;
