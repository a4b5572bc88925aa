import { bundledPacks, loadPacks } from '../../server/modules/vulnerabilities';
import { loadProgrammePacks } from '../../server/programme-rules/programme-pack';
import { DEMO_PASSWORD } from '../../server/seed/demo';
import { NATIONAL_DOMAIN, NationalSeedExists, seedNational } from '../../server/seed/national';
import { buildServices } from '../../server/services';
import { fail, withDatabase } from './_db';

/** Options of `bulwark seed national`. */
export interface SeedNationalOptions {
  seed: number;
  enterprises: number;
}

const out = (line: string) => process.stdout.write(`${line}\n`);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * `bulwark seed national`: generates the national dataset into the configured database (PGlite in DATA_DIR or
 * DATABASE_URL), printing each phase with its time and rows, then a summary; exits 2 if it is already there.
 */
export async function runSeedNational(opts: SeedNationalOptions) {
  const exists = await withDatabase(async ({ db, engine }, config) => {
    const packs = config.regulationsDir ? await loadPacks(config.regulationsDir) : bundledPacks();
    const programme = config.regulationsDir ? await loadProgrammePacks(config.regulationsDir) : undefined;
    const services = buildServices(db, config, packs, programme);
    out(`seeding national data on ${engine}: ${opts.enterprises} enterprises, seed ${opts.seed}`);
    try {
      const r = await seedNational(db, services, {
        seed: opts.seed,
        enterprises: opts.enterprises,
        programme,
        onPhase: (phase, ms, rows) => {
          const what = Object.entries(rows)
            .map(([t, n]) => `${t} ${n}`)
            .join(', ');
          out(`  ${phase.padEnd(24)} ${secs(ms).padStart(8)}  ${what}`);
        },
      });
      out(`national data seeded in ${secs(r.elapsedMs)}:`);
      for (const [table, n] of Object.entries(r.counts))
        out(`  ${table.padEnd(28)} ${String(n).padStart(10)}`);
      out(
        `logins (password ${DEMO_PASSWORD}): reg.<province code>@${NATIONAL_DOMAIN} for the regulators it added,`,
      );
      out(
        `  e<first two province digits>.<n>@${NATIONAL_DOMAIN} for enterprises (e44.00001), vendor.001@${NATIONAL_DOMAIN}`,
      );
      return false;
    } catch (e) {
      if (e instanceof NationalSeedExists) return true;
      throw e;
    }
  });
  if (exists) fail('national data already exists in this database (seed.national is in the audit trail)');
}
