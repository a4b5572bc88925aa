// Qualifier keys are lowercase and sorted; a `checksum` qualifier stays one comma-separated string.
/** A decoded, normalised Package URL; absent components are null, as in the purl-spec test format. */
export interface Purl {
  readonly type: string;
  readonly namespace: string | null;
  readonly name: string;
  readonly version: string | null;
  readonly qualifiers: Readonly<Record<string, string>> | null;
  readonly subpath: string | null;
}

/** A qualifier value given to {@link PurlParts}; a list is only accepted for `checksum`. */
export type PurlQualifierInput = string | readonly string[] | null | undefined;

/** Decoded components accepted by `buildPurl`; they are normalised and validated before use. */
export interface PurlParts {
  readonly type: string;
  readonly namespace?: string | null;
  readonly name: string;
  readonly version?: string | null;
  readonly qualifiers?: Readonly<Record<string, PurlQualifierInput>> | null;
  readonly subpath?: string | null;
}

/** Options for `parsePurl`. */
export interface ParsePurlOptions {
  /** Repair what the spec's "recommended" tests normalise (upper-case qualifier keys, unencoded `@`). */
  readonly lenient?: boolean;
}
