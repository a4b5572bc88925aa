import { loadConfig } from '../../server/config';
import type { Database } from '../../server/db/client';
import { migrate } from '../../server/db/migrate';
import { openConfiguredDatabase } from '../../server/db/open';

/** Opens the configured database (DATABASE_URL or DATA_DIR), migrated, runs `fn`, and always closes it. */
export async function withDatabase<T>(
  fn: (database: Database, config: ReturnType<typeof loadConfig>) => Promise<T>,
) {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    await migrate(database);
    return await fn(database, config);
  } finally {
    await database.close();
  }
}

/** Prints a message to stderr and exits with `code` (2 = usage or precondition). */
export function fail(message: string, code = 2): never {
  process.stderr.write(`bulwark: ${message}\n`);
  process.exit(code);
}
