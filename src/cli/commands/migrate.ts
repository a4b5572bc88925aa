import type { Command } from 'commander';
import { withDatabase } from './_db';

/** `bulwark migrate`: apply pending forward-only migrations. */
export function registerMigrate(program: Command) {
  program
    .command('migrate')
    .description('apply pending database migrations and exit')
    .action(async () => {
      await withDatabase(async (database) => {
        process.stdout.write(`migrations applied (${database.engine})\n`);
      });
    });
}
