import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema';

/** The typed Drizzle handle; a transaction is also one, so repositories take either. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** Minimal raw SQL surface shared by both engines, for pg-boss and tooling. */
export interface RawSql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Runs a multi-statement script without parameters. */
  exec(text: string): Promise<void>;
}

/** An open database: the Drizzle handle, raw access, the engine name and a closer. */
export interface Database {
  db: Db;
  raw: RawSql;
  engine: 'pglite' | 'postgres';
  /** The embedded engine itself, for dump tooling; absent on PostgreSQL. */
  pglite?: PGlite;
  close(): Promise<void>;
}

/** Opens PGlite in `dataDir` (or in memory when undefined, or from a dump blob). */
export async function openPglite(opts: { dataDir?: string; loadDataDir?: Blob }): Promise<Database> {
  const client = await PGlite.create({ dataDir: opts.dataDir, loadDataDir: opts.loadDataDir });
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    raw: {
      query: async <T>(text: string, params?: unknown[]) => {
        const r = await client.query<T>(text, params);
        return { rows: r.rows };
      },
      exec: async (text) => {
        await client.exec(text);
      },
    },
    pglite: client,
    close: () => client.close(),
  };
}

/** Connects to a real PostgreSQL server with a pool. */
export async function openPostgres(url: string, poolMax = 20): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolMax });
  pool.on('error', () => {
    // An idle client died (server restart); the pool replaces it on next checkout.
  });
  await pool.query('select 1');
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    db,
    engine: 'postgres',
    raw: {
      query: async <T>(text: string, params?: unknown[]) => {
        const r = await pool.query(text, params as unknown[]);
        return { rows: r.rows as T[] };
      },
      exec: async (text) => {
        await pool.query(text);
      },
    },
    close: () => pool.end(),
  };
}
