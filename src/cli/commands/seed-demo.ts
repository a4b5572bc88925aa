import type { Command } from 'commander';
import { DEMO_PASSWORD, demoLogins, seedDemo } from '../../server/seed/demo';
import { buildServices } from '../../server/services';
import { fail, withDatabase } from './_db';
import { intOption, runSeedNational } from './seed-national';

/** `bulwark seed demo|national`: load the small demo dataset, or generate the national-scale one. */
export function registerSeedDemo(program: Command) {
  program
    .command('seed')
    .argument('<dataset>', 'dataset to load: demo or national')
    .option(
      '--seed <n>',
      'national: PRNG seed (same seed, same data)',
      (v) => intOption('seed', v, 0, 2 ** 32 - 1),
      2026,
    )
    .option(
      '--enterprises <n>',
      'national: enterprises to generate',
      (v) => intOption('enterprises', v, 31),
      50_000,
    )
    .description(
      'load a dataset (demo: one ministry, two provinces, enterprises, a vendor, a platform, a researcher; national: 31 provinces at programme scale)',
    )
    .action(async (dataset: string, opts: { seed: number; enterprises: number }) => {
      if (dataset === 'national') return runSeedNational(opts);
      if (dataset !== 'demo') fail(`unknown dataset ${dataset} (demo or national)`);
      await withDatabase(async ({ db }, config) => {
        const seeded = await seedDemo(db, buildServices(db, config));
        process.stdout.write(seeded ? 'demo data seeded\n' : 'a ministry already exists; nothing seeded\n');
        for (const l of demoLogins()) process.stdout.write(`  ${l.email}  ${l.kind}/${l.role}\n`);
        process.stdout.write(`  password: ${DEMO_PASSWORD}\n`);
      });
    });
}
