import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { systemContext } from '../../server/core/actor';
import { PASSWORD_RULE_MESSAGES, passwordRulesBroken } from '../../server/modules/identity/password-policy';
import { fail, loadBuildServices, withDatabase } from './_db';

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/** `bulwark admin create`: bootstrap the first ministry admin on a server without demo data. */
export function registerAdminCreate(program: Command) {
  const admin = program.command('admin').description('administrator bootstrap');
  admin
    .command('create')
    .description('create the ministry org and its first admin (refused once a ministry exists)')
    .requiredOption('--email <email>', 'admin email (the login)')
    .option('--name <name>', 'admin display name', 'Ministry administrator')
    .option('--org-name <name>', 'ministry org name', '工业和信息化部网络安全管理局')
    .option(
      '--password-stdin',
      'read the password from the first line of stdin (else one is generated and printed once)',
    )
    .action(async (o: { email: string; name: string; orgName: string; passwordStdin?: boolean }) => {
      const password = o.passwordStdin ? await readStdinLine() : randomBytes(18).toString('base64url');
      const broken = passwordRulesBroken(password, o.email);
      if (broken.length) fail(`password ${broken.map((r) => PASSWORD_RULE_MESSAGES[r]).join('; ')}`);
      const buildServices = await loadBuildServices();
      const { orgRepository } = await import('../../server/modules/identity/identity.repository');
      await withDatabase(async ({ db }, config) => {
        if (await orgRepository.anyOfKind(db, 'ministry')) {
          fail('a ministry org already exists; invite further admins from the web UI instead');
        }
        const { users } = buildServices(db, config);
        const r = await users.createOrgWithAdmin(
          systemContext('cli-admin-create'),
          { kind: 'ministry', name: o.orgName },
          { email: o.email, name: o.name, password },
        );
        process.stdout.write(`created ministry "${r.org.name}" and admin ${r.user.email}\n`);
        if (!o.passwordStdin) process.stdout.write(`password (shown once): ${password}\n`);
      });
    });
}
