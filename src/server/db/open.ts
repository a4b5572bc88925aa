import path from 'node:path';
import type { Config } from '../config';
import { type Database, openPglite, openPostgres } from './client';
import { lockDataDir } from './data-dir-lock';

/** Opens the configured engine: PostgreSQL with DATABASE_URL, else PGlite in DATA_DIR under a lock. */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, config.pgPoolMax);
  const release = lockDataDir(config.dataDir);
  try {
    const database = await openPglite({ dataDir: path.join(config.dataDir, 'pg') });
    const close = database.close;
    return {
      ...database,
      close: async () => {
        try {
          await close();
        } finally {
          release();
        }
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}
