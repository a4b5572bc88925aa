import type { Command } from 'commander';
import { DEMO_PASSWORD, demoLogins, seedDemo } from '../../server/seed/demo';
import { buildServices } from '../../server/services';
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
        const seeded = await seedDemo(db, buildServices(db, config));
        process.stdout.write(seeded ? 'demo data seeded\n' : 'a ministry already exists; nothing seeded\n');
        for (const l of demoLogins()) process.stdout.write(`  ${l.email}  ${l.kind}/${l.role}\n`);
        process.stdout.write(`  password: ${DEMO_PASSWORD}\n`);
      });
    });
}
