/** One problem found in an advisory; `path` is a JSON-pointer-like path into the input. */
export interface AdvisoryIssue {
  readonly path: string;
  readonly message: string;
}

/** The advisory cannot be encoded (inconsistent or malformed input); lists every problem found. */
export class AdvisoryInputError extends Error {
  override readonly name = 'AdvisoryInputError';

  constructor(readonly issues: readonly AdvisoryIssue[]) {
    super(`invalid advisory: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  }
}

/** A CVE record was requested for an advisory that has no CVE id. */
export class MissingCveIdError extends Error {
  override readonly name = 'MissingCveIdError';

  constructor(readonly advisoryId: string) {
    super(`advisory ${advisoryId} has no CVE id; a CVE record cannot be built`);
  }
}
