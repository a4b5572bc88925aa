import type { Command } from 'commander';
import { createAuditService } from '../../server/modules/audit';
import { createUsersService } from '../../server/modules/identity';
import { createProductsService } from '../../server/modules/products';
import { DEMO_PASSWORD, demoLogins, seedDemo } from '../../server/seed/demo';
import { withDatabase } from './_db';

/** `bulwark seed demo`: load the small demo dataset into an empty database. */
export function registerSeedDemo(program: Command) {
  program
    .command('seed')
    .argument('<dataset>', 'dataset to load: demo')
    .description(
      'load a dataset (demo: one ministry, two provinces, enterprises, a vendor, a platform, a researcher)',
    )
    .action(async (dataset: string) => {
      if (dataset !== 'demo') throw new Error(`unknown dataset ${dataset}`);
      await withDatabase(async ({ db }, config) => {
        const audit = createAuditService({ db, alg: config.auditHash });
        const deps = { db, audit };
        const seeded = await seedDemo(db, {
          users: createUsersService(deps),
          products: createProductsService(deps),
        });
        process.stdout.write(seeded ? 'demo data seeded\n' : 'a ministry already exists; nothing seeded\n');
        for (const l of demoLogins()) process.stdout.write(`  ${l.email}  ${l.kind}/${l.role}\n`);
        process.stdout.write(`  password: ${DEMO_PASSWORD}\n`);
      });
    });
}
