import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { migrate } from '../../src/server/db/migrate';
import { openConfiguredDatabase } from '../../src/server/db/open';
import { DEMO_PASSWORD, seedDemo } from '../../src/server/seed/demo';
import { NationalSeedExists, seedNational } from '../../src/server/seed/national';

// Bench-only sealing key for PostgreSQL runs (PGlite generates one in its data dir); the data is throwaway.
const BENCH_MASTER_KEY = 'base64:YnVsd2Fyay1zdXBlcnZpc2lvbi1iZW5jaC1rZXktMzI=';
const log = (s: string) => process.stdout.write(`${s}\n`);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** How the bench gets its database. */
export interface SetupOptions {
  enterprises: number;
  /** PGlite: reuse (or create) this data dir instead of a temp one; a seeded one is reused as is. */
  dataDir?: string;
  /** PostgreSQL: skip seeding when the national data is already there. */
  reuse: boolean;
}

/** Opens, migrates and seeds the database (demo + national with its read model, then ANALYZE); builds the app. */
export async function setUp(opts: SetupOptions) {
  const temp =
    process.env.DATABASE_URL || opts.dataDir ? undefined : mkdtempSync(path.join(os.tmpdir(), 'bench-sup-'));
  // PostgreSQL keeps nothing in DATA_DIR (the sealing key comes from the environment).
  const dataDir = opts.dataDir ?? temp ?? os.tmpdir();
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const config = loadConfig({
    ...process.env,
    DATA_DIR: dataDir,
    BULWARK_LOG_LEVEL: process.env.BULWARK_LOG_LEVEL ?? 'silent',
    BULWARK_LOGIN_RATE_PER_MINUTE: '10000',
    // Every connection shares one session, where 50 real users would each have their own: the per-account limit
    // (1,200 a minute) would answer 429 to the load itself, so it is off (0) here.
    BULWARK_RATE_LIMIT_PER_MINUTE: '0',
    BULWARK_MASTER_KEY: process.env.DATABASE_URL
      ? (process.env.BULWARK_MASTER_KEY ?? BENCH_MASTER_KEY)
      : process.env.BULWARK_MASTER_KEY,
  });
  const database = await openConfiguredDatabase(config);
  await migrate(database);
  const app = await buildApp({ config, database, webDir: '/nonexistent' });
  const { db } = database;
  const t0 = Date.now();
  if (await seedDemo(db, app.services)) log(`demo seeded in ${secs(Date.now() - t0)}`);
  let seedMs: number | null = null;
  try {
    log(`seeding national data: ${opts.enterprises} enterprises, seed 2026`);
    const r = await seedNational(db, app.services, {
      seed: 2026,
      enterprises: opts.enterprises,
      onPhase: (phase, ms, rows) => {
        const what = Object.entries(rows)
          .map(([t, n]) => `${t} ${n}`)
          .join(', ');
        log(`  ${phase.padEnd(24)} ${secs(ms).padStart(8)}  ${what}`);
      },
    });
    seedMs = r.elapsedMs;
    log(`national data seeded in ${secs(r.elapsedMs)} (read model rebuild included)`);
    // Planner statistics for the bulk load: autovacuum gathers them within minutes on PostgreSQL (mid-run, which
    // would change plans during the measurements), and PGlite's single-user engine never runs it.
    const t = Date.now();
    await database.raw.exec('analyze');
    log(`analyze after the bulk load: ${secs(Date.now() - t)}`);
  } catch (e) {
    if (!(e instanceof NationalSeedExists)) throw e;
    if (database.engine === 'postgres' && !opts.reuse) {
      throw new Error('the database already holds national data; pass --reuse to benchmark it as it is');
    }
    log('national data already there: reusing it');
  }
  return { app, database, config, dataDir, temp, seedMs };
}

/** Signs in over HTTP and returns the session cookie header (GETs need no CSRF token). */
export async function login(base: string, email: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('bulwark_session='));
  if (!cookie) throw new Error(`login ${email}: no session cookie`);
  return { cookie: cookie.split(';')[0] as string };
}
