/** The purl component a {@link PurlError} refers to. */
export type PurlComponent = 'scheme' | 'type' | 'namespace' | 'name' | 'version' | 'qualifiers' | 'subpath';

/** Thrown when a purl string or its components break the Package URL specification (ECMA-427). */
export class PurlError extends Error {
  override readonly name = 'PurlError';

  constructor(
    readonly component: PurlComponent,
    message: string,
  ) {
    super(message);
  }
}
