import type { Command } from 'commander';
import { systemContext } from '../../server/core/actor';
import { loadBuildServices, withDatabase } from './_db';

/** `bulwark keys …`: rotate the data key, or re-wrap data keys after changing the master key. */
export function registerKeys(program: Command) {
  const keys = program.command('keys').description('sealed-storage keys (SM4 by default)');
  keys
    .command('rotate')
    .description('retire the active data key and create a new one; sealed data stays readable')
    .action(async () => {
      const buildServices = await loadBuildServices();
      const id = await withDatabase(async ({ db }, config) =>
        buildServices(db, config).keyring.rotateDataKey(systemContext('cli-keys-rotate')),
      );
      process.stdout.write(`new data key ${id}\n`);
    });
  keys
    .command('rewrap')
    .description('re-wrap every data key under BULWARK_MASTER_KEY (old keys in BULWARK_MASTER_KEYS_PREVIOUS)')
    .action(async () => {
      const buildServices = await loadBuildServices();
      const n = await withDatabase(async ({ db }, config) =>
        buildServices(db, config).keyring.rewrapAll(systemContext('cli-keys-rewrap')),
      );
      process.stdout.write(`${n} data key(s) re-wrapped\n`);
    });
}
