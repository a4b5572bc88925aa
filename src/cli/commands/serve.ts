import type { Command } from 'commander';

/** `bulwark serve`: the same as `npm start`. */
export function registerServe(program: Command) {
  program
    .command('serve')
    .description('start the server (PORT, DATA_DIR, DATABASE_URL from the environment)')
    .action(async () => {
      await import('../../server/main');
    });
}
