import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2's Algorithm.Argon2id; a const enum, which verbatimModuleSyntax cannot import.
const ARGON2ID = 2;
// OWASP minimum for argon2id: m=19 MiB, t=2, p=1 (also the library default).
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Hashes a password with argon2id. */
export const hashPassword = (password: string) => hash(password, OPTIONS);

/** Verifies a password against an argon2 PHC string; false on any malformed hash. */
export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  try {
    return await verify(phc, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Spends the same time as a real verification, so unknown emails are not distinguishable by timing. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hashPassword('bulwark-timing-equaliser');
  await verifyPassword(await dummy, password);
}
