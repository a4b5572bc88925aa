import type { Db } from '../../db/client';
import type { Keyring } from '../keyring';
import type { UserRow } from './identity.table';

// Binds the sealed secret to its user, so a blob copied onto another user's row does not open.
const aad = (userId: string) => `user:${userId}:totp-secret`;

/** Seals a user's TOTP secret for storage. */
export const sealTotpSecret = (keyring: Keyring, tx: Db, userId: string, secret: Buffer, now: Date) =>
  keyring.seal(tx, secret, aad(userId), now);

/** The user's TOTP secret, or null when none is stored. */
export async function openTotpSecret(keyring: Keyring, tx: Db, user: UserRow): Promise<Buffer | null> {
  return user.totpSecretSealed ? keyring.open(tx, user.totpSecretSealed, aad(user.id)) : null;
}
