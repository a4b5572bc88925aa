/** Public surface of the keyring: sealed storage with wrapped, rotatable data keys. */
export { createKeyring, type Keyring } from './keyring.service';
export { type MasterKeys, resolveMasterKeys } from './master-keys';
