import type { SbomIssue } from './types';

/** Thrown when an input is not an acceptable SBOM; `errors` are the first problems found, in document order. */
export class SbomError extends Error {
  override readonly name = 'SbomError';

  constructor(readonly errors: readonly SbomIssue[]) {
    const first = errors[0];
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    super(first ? `Invalid SBOM at ${first.path}: ${first.message}${more}` : 'Invalid SBOM');
  }
}
