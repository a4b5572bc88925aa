import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../src/server/config';
import { type Database, openPostgres } from '../../src/server/db/client';
import { openConfiguredDatabase } from '../../src/server/db/open';

// Any constant would do for the test; the audit chain's advisory lock key (audit.repository.ts CHAIN_LOCK).
const CHAIN_LOCK = 727_402;
const MASTER_KEY = `base64:${Buffer.from('bulwark-crash-test-master-key-32').toString('base64')}`;

/** Where the crash run keeps its data: a PGlite folder, or a database of its own on DATABASE_URL's server. */
export interface Engine {
  kind: 'pglite' | 'postgres';
  /** The variables that point a server or the CLI at this data. */
  env: Record<string, string>;
  dataDir: string;
  /** Human-readable location, for the report and for keeping data after a failure. */
  where: string;
  /** A connection for SQL while the server runs (PostgreSQL only; PGlite allows one process). */
  live?: Database;
  /** Opens the data directly; on PGlite only once the server has stopped (it takes the data-dir lock). */
  open: () => Promise<Database>;
  /**
   * After a kill, a problem or null. PGlite: the kill must have left the lock file naming the dead pid (so the next
   * start has to take it over). PostgreSQL: the chain's advisory lock, which a killed write may have held, is free.
   */
  lockAfterKill: (deadPid: number) => Promise<string | null>;
  /** After the restart, a problem or null: PGlite's lock file must now name the new server. */
  lockAfterRestart: (livePid: number) => Promise<string | null>;
  cleanup: (keep: boolean) => Promise<void>;
}

const lockFile = (dir: string) => path.join(dir, 'bulwark.lock');
const readLock = (dir: string) => {
  try {
    return fs.readFileSync(lockFile(dir), 'utf8').trim();
  } catch {
    return null;
  }
};

/** PGlite in a temp folder that persists across the cycles, or PostgreSQL when DATABASE_URL is set. */
export async function createEngine(): Promise<Engine> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-crash-'));
  const url = process.env.DATABASE_URL;
  if (!url) {
    const env = { DATA_DIR: dataDir };
    return {
      kind: 'pglite',
      env,
      dataDir,
      where: `PGlite in ${dataDir}`,
      open: () => openConfiguredDatabase(loadConfig(env)),
      lockAfterKill: async (deadPid) => {
        const owner = readLock(dataDir);
        return owner === String(deadPid)
          ? null
          : `lock file after kill -9 holds ${owner}, not pid ${deadPid}`;
      },
      lockAfterRestart: async (livePid) => {
        const owner = readLock(dataDir);
        return owner === String(livePid)
          ? null
          : `lock file after restart holds ${owner}, not pid ${livePid}`;
      },
      cleanup: async (keep) => {
        if (!keep) fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }

  const name = `crash_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const env = { DATA_DIR: dataDir, DATABASE_URL: u.toString(), BULWARK_MASTER_KEY: MASTER_KEY };
  const live = await openPostgres(env.DATABASE_URL, 2);
  const chainLockHolders = async () =>
    Number(
      (
        await live.raw.query<{ n: string }>(
          `select count(*) as n from pg_locks l join pg_database d on d.oid = l.database
           where d.datname = current_database() and l.locktype = 'advisory' and l.objid = $1 and l.granted`,
          [CHAIN_LOCK],
        )
      ).rows[0]!.n,
    );
  return {
    kind: 'postgres',
    env,
    dataDir,
    where: `PostgreSQL database ${name}`,
    live,
    open: () => openPostgres(env.DATABASE_URL, 2),
    // The killed server's backends see their sockets close and roll back; wait for that (bounded).
    lockAfterKill: async () => {
      for (let i = 0; i < 100; i++) {
        if ((await chainLockHolders()) === 0) return null;
        await new Promise((r) => setTimeout(r, 100));
      }
      return 'the audit chain advisory lock is still held 10 s after the kill';
    },
    lockAfterRestart: async () => null,
    cleanup: async (keep) => {
      await live.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (keep) return;
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
