/** Why sealed bytes were rejected; `auth` covers both tampering and a wrong key, which an AEAD cannot tell apart. */
export type SealFailure = 'format' | 'algorithm' | 'key' | 'auth';

/** Thrown when a sealed blob or wrapped key cannot be opened: malformed, unknown algorithm, unknown key or failed tag. */
export class SealError extends Error {
  override readonly name = 'SealError';

  constructor(
    readonly reason: SealFailure,
    message: string,
  ) {
    super(message);
  }
}

/** Thrown when configured key material or a key id is unusable; the message never contains the secret. */
export class KeyConfigError extends Error {
  override readonly name = 'KeyConfigError';
}
