import { Command } from 'commander';
import { registerAdminCreate } from './commands/admin-create';
import { registerAuditVerify } from './commands/audit-verify';
import { registerBackup } from './commands/backup';
import { registerCvss } from './commands/cvss';
import { registerKeys } from './commands/keys';
import { registerMigrate } from './commands/migrate';
import { registerPurl } from './commands/purl';
import { registerScan } from './commands/scan';
import { registerSeedDemo } from './commands/seed-demo';
import { registerServe } from './commands/serve';
import { registerVersion } from './commands/version';

/** `bulwark`: the operator's command line. Commands import heavy modules lazily so offline tools stay fast. */
const program = new Command()
  .name('bulwark')
  .description('Bulwark: RMSV vulnerability management and MIIT industrial data-security supervision')
  .showHelpAfterError()
  .exitOverride((err) => {
    process.exit(err.exitCode === 0 ? 0 : 2);
  });

registerServe(program);
registerMigrate(program);
registerSeedDemo(program);
registerAdminCreate(program);
registerAuditVerify(program);
registerBackup(program);
registerCvss(program);
registerKeys(program);
registerVersion(program);
registerPurl(program);
registerScan(program);

/** Every leaf command with its arguments, so `bulwark --help` lists nested ones (`audit verify`) too. */
function leafCommands(cmd: Command, prefix: string[] = []): string[] {
  return cmd.commands.flatMap((c) => {
    const path = [...prefix, c.name()];
    if (c.commands.length) return leafCommands(c, path);
    const args = c.registeredArguments.map((a) => (a.required ? `<${a.name()}>` : `[${a.name()}]`));
    return [`  bulwark ${[...path, ...args].join(' ').padEnd(34)} ${c.description()}`];
  });
}
program.addHelpText('after', () => `\nAll commands:\n${leafCommands(program).join('\n')}\n`);

await program.parseAsync(process.argv);
