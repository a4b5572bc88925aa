import { eq } from 'drizzle-orm';
import { systemContext } from '../../core/actor';
import { hashPassword } from '../../core/password';
import type { Db } from '../../db/client';
import { inTransaction } from '../../db/tx';
import { auditLog } from '../../modules/audit/audit.table';
import { profileRepository } from '../../modules/enterprises/enterprises.repository';
import { bundledProgrammePacks, type ProgrammePacks } from '../../programme-rules/programme-pack';
import { DEMO_PASSWORD } from '../demo';
import { seedCatalog } from './catalog';
import type { NationalRun, NationalServices } from './context';
import { draftDrills } from './drills';
import { seedEnterprises } from './enterprises';
import { seedExaminations } from './examinations';
import { seedExposures } from './exposures';
import { draftIncidents, writeIncidents } from './incidents';
import { seedOrgs } from './orgs';
import { Rng } from './random';
import { seedTraining } from './training';
import { seedVulnerabilities } from './vulnerabilities';

export type { NationalServices } from './context';
export { NATIONAL_DOMAIN } from './orgs';

/** The audit action that records a national seed; its presence means the data is already there. */
export const NATIONAL_SEED_ACTION = 'seed.national';

/** How to generate the national dataset. */
export interface NationalOptions {
  /** PRNG seed: the same seed and `now` give the same data (default 2026). */
  seed?: number;
  /** Enterprises to register (default 50,000); programme volumes scale with it. */
  enterprises?: number;
  /** The instant generated timestamps are relative to (default: the real current time). */
  now?: Date;
  /** Programme packs (default: the bundled ones). */
  programme?: ProgrammePacks;
  /** Called after each phase with its name, duration and the rows it wrote per table. */
  onPhase?: (phase: string, ms: number, rows: Record<string, number>) => void;
}

/** What a national seed wrote. */
export interface NationalResult {
  seed: number;
  enterprises: number;
  counts: Record<string, number>;
  elapsedMs: number;
}

/** Raised when the database already holds a national dataset (the seed adds, never repeats). */
export class NationalSeedExists extends Error {
  constructor() {
    super('national data already exists (a seed.national audit entry is present); nothing seeded');
  }
}

const hasNationalSeed = async (db: Db) =>
  (
    await db
      .select({ seq: auditLog.seq })
      .from(auditLog)
      .where(eq(auditLog.action, NATIONAL_SEED_ACTION))
      .limit(1)
  ).length > 0;

/**
 * `seed national`: a reproducible national-scale dataset shaped like the 2024–2026 programme, on top of whatever is
 * there (the demo, typically): the ministry if missing, a regulator for each of the 31 provinces that lacks one,
 * vendors and researchers, enterprises with registry profiles and the stored top 10 %, catalogs and filings,
 * self-examinations, training, drills, incidents, vulnerability reports and SBOM exposures. Everything is one
 * transaction of multi-row inserts, audited by one `enterprise.created` / `org.bootstrapped` entry per
 * organisation and a closing `seed.national` entry; refuses with NationalSeedExists when that entry exists.
 */
export async function seedNational(
  db: Db,
  services: NationalServices,
  opts: NationalOptions = {},
): Promise<NationalResult> {
  const started = Date.now();
  const seed = opts.seed ?? 2026;
  const n = opts.enterprises ?? 50_000;
  if (!Number.isInteger(n) || n < 31) throw new RangeError('enterprises must be an integer of at least 31');
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff)
    throw new RangeError('seed must be a 32-bit unsigned integer');
  const now = opts.now ?? new Date();
  if (await hasNationalSeed(db)) throw new NationalSeedExists();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ctx = { ...systemContext('seed-national'), now };
  const counts: Record<string, number> = {};
  await inTransaction(db, async (tx) => {
    // The registry lock first (as registry writes take it), then check again under it.
    await profileRepository.lock(tx);
    if (await hasNationalSeed(tx)) throw new NationalSeedExists();
    const run: NationalRun = {
      tx,
      ctx,
      now,
      from: new Date(Math.min(Date.parse('2024-03-01T00:00:00+08:00'), now.getTime() - 90 * 86_400_000)),
      rng: new Rng(seed),
      services,
      programme: opts.programme ?? bundledProgrammePacks(),
      scale: n / 50_000,
      passwordHash,
      ministry: { orgId: '', userId: '', name: '', provinceCode: null },
      regulators: new Map(),
      vendors: [],
      researchers: [],
      enterprises: [],
      counts,
      audit: [],
    };
    const phase = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
      const before = { ...counts };
      const t = Date.now();
      const out = await fn();
      const rows = Object.fromEntries(
        Object.entries(counts)
          .map(([k, v]) => [k, v - (before[k] ?? 0)] as const)
          .filter(([, v]) => v > 0),
      );
      opts.onPhase?.(name, Date.now() - t, rows);
      return out;
    };
    const products = await phase('organisations', () => seedOrgs(run));
    await phase('enterprises', () => seedEnterprises(run, n));
    await phase('catalogs and filings', () => seedCatalog(run));
    await phase('self-examinations', () => seedExaminations(run));
    await phase('training', () => seedTraining(run));
    const drills = draftDrills(run);
    await phase('incidents', () => writeIncidents(run, [...draftIncidents(run), ...drills.incidents]));
    await phase('drills', () => drills.write());
    await phase('vulnerability reports', () => seedVulnerabilities(run, products));
    await phase('SBOM exposures', () => seedExposures(run));
    await phase('audit', async () => {
      const done = {
        action: NATIONAL_SEED_ACTION,
        entityType: 'dataset',
        entityId: `national-${seed}`,
        orgId: null,
        data: { seed, enterprises: n, now: now.toISOString(), counts: { ...counts } },
      };
      await services.audit.appendMany(tx, ctx, [...run.audit, done]);
      counts.audit_log = run.audit.length + 1;
    });
  });
  // The supervision snapshot and its month-end history are a read model of what was just written.
  if (services.supervision) {
    const t = Date.now();
    await services.supervision.rebuild(now);
    opts.onPhase?.('supervision read model', Date.now() - t, {});
  }
  return { seed, enterprises: n, counts, elapsedMs: Date.now() - started };
}
