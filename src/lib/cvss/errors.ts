import type { CvssVersion } from './types';

/** Thrown for an invalid CVSS vector; `metric` names the offending metric when there is one. */
export class CvssError extends Error {
  override readonly name = 'CvssError';

  constructor(
    message: string,
    readonly version?: CvssVersion,
    readonly metric?: string,
  ) {
    super(message);
  }
}
