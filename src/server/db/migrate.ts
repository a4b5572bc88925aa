import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database } from './client';

/** Folder of forward-only SQL migrations, shared by both engines. */
export const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../migrations',
);

// Arbitrary constant: serialises concurrent migrators when several app nodes boot on one PostgreSQL.
const MIGRATION_LOCK = 727_401;

/** Applies pending migrations; a no-op when up to date. */
export async function migrate(database: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_DIR };
  if (database.engine === 'pglite') {
    await migratePglite(database.db as never, config);
    return;
  }
  await database.raw.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await migratePg(database.db as never, config);
  } finally {
    await database.raw.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}
