/** Thrown when a version string is not valid for its ecosystem. */
export class InvalidVersionError extends Error {
  override readonly name = 'InvalidVersionError';

  constructor(
    readonly ecosystem: string,
    readonly input: string,
    readonly reason: string,
  ) {
    super(`Invalid ${ecosystem} version ${JSON.stringify(input)}: ${reason}`);
  }
}

/** Thrown when an ecosystem (or vers scheme) name is not supported. */
export class UnknownEcosystemError extends Error {
  override readonly name = 'UnknownEcosystemError';

  constructor(readonly ecosystem: string) {
    super(`Unsupported ecosystem ${JSON.stringify(ecosystem)}`);
  }
}

/** Thrown when a range expression (OSV, vers or native) is malformed. */
export class InvalidRangeError extends Error {
  override readonly name = 'InvalidRangeError';

  constructor(
    readonly syntax: 'osv' | 'vers' | 'npm' | 'pep440' | 'maven' | 'nuget',
    readonly input: string,
    readonly reason: string,
  ) {
    super(`Invalid ${syntax} range ${JSON.stringify(input)}: ${reason}`);
  }
}

/** Thrown when a range kind cannot be evaluated from version strings alone (for example OSV GIT ranges). */
export class UnsupportedRangeError extends Error {
  override readonly name = 'UnsupportedRangeError';

  constructor(
    readonly rangeType: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}
