import type { Command } from 'commander';
import { fail, intOption, loadBuildServices, withDatabase } from './_db';

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
      if (dataset === 'national') return (await import('./seed-national')).runSeedNational(opts);
      if (dataset !== 'demo') fail(`unknown dataset ${dataset} (demo or national)`);
      const { DEMO_PASSWORD, demoLogins, seedDemo } = await import('../../server/seed/demo');
      const buildServices = await loadBuildServices();
      await withDatabase(async ({ db }, config) => {
        const seeded = await seedDemo(db, buildServices(db, config));
        process.stdout.write(seeded ? 'demo data seeded\n' : 'a ministry already exists; nothing seeded\n');
        for (const l of demoLogins()) process.stdout.write(`  ${l.email}  ${l.kind}/${l.role}\n`);
        process.stdout.write(`  password: ${DEMO_PASSWORD}\n`);
      });
    });
}
