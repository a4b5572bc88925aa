import type { Command } from 'commander';
import { loadBuildServices, withDatabase } from './_db';

/** `bulwark audit verify`: walk the chain; exit 1 and name the first broken row when it does not verify. */
export function registerAuditVerify(program: Command) {
  const audit = program.command('audit').description('the tamper-evident audit chain');
  audit
    .command('verify')
    .description('verify every link of the audit chain; prints JSON and exits 1 at the first broken row')
    .action(async () => {
      const buildServices = await loadBuildServices();
      const result = await withDatabase(({ db }, config) => buildServices(db, config).audit.verify());
      process.stdout.write(`${JSON.stringify(result)}\n`);
      if (!result.ok && result.firstBroken) {
        process.stderr.write(
          `bulwark: audit chain broken at seq ${result.firstBroken.seq} (${result.firstBroken.reason})\n`,
        );
        process.exit(1);
      }
    });
}
