import { AppError, conflict, type FieldProblem, invalid } from '../../core/errors';

/** Data-catalog error codes, one line of meaning each. */
export const catalogErrors = {
  /** Wizard answers name an unknown question or answer, or leave a question open; one problem per answer. */
  answers: (problems: FieldProblem[]) =>
    new AppError(
      400,
      problems.length === 1 ? problems[0]!.code : 'data_catalog.invalid_answers',
      problems.map((p) => p.message).join(' '),
      problems,
    ),
  /** A manual override needs a reason of at least `min` characters. */
  overrideReason: (min: number) =>
    invalid(
      'body.override.reason',
      `Say why the level is overridden (at least ${min} characters).`,
      'data_catalog.override_reason_required',
    ),
  /** External sharing must say with whom and how. */
  sharingDetails: () =>
    invalid(
      'body.sharingDetails',
      'Describe the external sharing (recipients, purpose, method).',
      'data_catalog.sharing_details_required',
    ),
  /** A destroyed asset stays for the filing history and is no longer edited. */
  destroyed: () => conflict('data_catalog.asset_destroyed', 'This data asset has been destroyed.'),
  /** Nothing important or core to file (Measures art. 12?, draft: the catalog covers important and core data). */
  nothingToFile: () =>
    new AppError(
      400,
      'data_catalog.nothing_to_file',
      'The catalog holds no active important or core data asset, so there is nothing to file.',
    ),
  /** One filing under review or returned at a time. */
  filingOpen: () =>
    conflict(
      'data_catalog.filing_open',
      'A catalog filing is already under review or returned; revise and resubmit it instead.',
    ),
  /** The filing is not in the state the step needs. */
  wrongState: (status: string, want: string) =>
    conflict('data_catalog.filing_wrong_state', `The filing is ${status}; this step needs it ${want}.`),
  /** Only approved filings carry a certificate. */
  noCertificate: () =>
    conflict('data_catalog.no_certificate', 'This filing has not been approved, so it has no certificate.'),
  /** The enterprise has no registry profile, so its province and filing recipient are unknown. */
  noProfile: () =>
    conflict(
      'data_catalog.no_enterprise_profile',
      'The enterprise is not in the registry yet; its regulator registers it before it can file.',
    ),
};

/** Whether `e` is a unique violation of `constraint` (PostgreSQL 23505), however the driver wraps it. */
export function isUniqueViolation(e: unknown, constraint: string): boolean {
  for (let cur: unknown = e; cur && typeof cur === 'object'; cur = (cur as { cause?: unknown }).cause) {
    const c = cur as { code?: unknown; constraint?: unknown; message?: unknown };
    if (c.code === '23505' && (c.constraint === constraint || String(c.message).includes(constraint))) {
      return true;
    }
  }
  return false;
}
