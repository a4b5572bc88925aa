import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** A fresh, empty database for one bench run and how to throw it away afterwards. */
export interface FreshDatabase {
  engine: 'postgres' | 'pglite';
  /** Environment for `loadConfig`: DATABASE_URL (+ a run-only master key) or DATA_DIR. */
  env: Record<string, string>;
  /** Where the server's JSON log lines go. */
  logFile: string;
  /** Drops the database (PostgreSQL) or deletes the folder (PGlite). */
  drop(): Promise<void>;
}

/**
 * PostgreSQL when DATABASE_URL is set: a new `bulwark_load_<hex>` database on that server, dropped with (force)
 * at the end, so the run never touches existing data. Otherwise PGlite in a temporary folder.
 */
export async function freshDatabase(url: string | undefined): Promise<FreshDatabase> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bulwark-load-'));
  const logFile = path.join(dir, 'server.log');
  if (!url) {
    return {
      engine: 'pglite',
      env: { DATA_DIR: dir },
      logFile,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `bulwark_load_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(statement);
    } finally {
      await c.end();
    }
  };
  await admin(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    engine: 'postgres',
    env: { DATABASE_URL: u.toString(), BULWARK_MASTER_KEY: randomBytes(32).toString('hex'), DATA_DIR: dir },
    logFile,
    drop: async () => {
      await admin(`drop database if exists ${name} with (force)`);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
