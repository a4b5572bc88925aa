import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openPglite, openPostgres } from '../db/client';
import { migrate } from '../db/migrate';

/** A new `bulwark_t_*` database on the run's PostgreSQL (a copy of `template` when given), dropped on close. */
async function privatePostgres(url: string, template?: string): Promise<Database> {
  const name = `bulwark_t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openPostgres(u.toString(), 10);
  return {
    ...database,
    close: async () => {
      await database.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** A private clone of the migrated, demo-seeded template, on whichever engine this run uses. */
export async function openTestDatabase(): Promise<Database> {
  const pgTemplate = inject('pgTemplate');
  const url = process.env.DATABASE_URL;
  if (pgTemplate && url) return privatePostgres(url, pgTemplate);
  const file = inject('pgliteTemplate');
  return openPglite({ loadDataDir: new Blob([fs.readFileSync(file)]) });
}

/** A migrated database with no rows (a restore target), on whichever engine this run uses. */
export async function openEmptyTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (inject('pgTemplate') && url) {
    const database = await privatePostgres(url);
    await migrate(database);
    return database;
  }
  return openPglite({ loadDataDir: new Blob([fs.readFileSync(inject('pgliteEmptyTemplate'))]) });
}
