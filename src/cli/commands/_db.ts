import type { loadConfig } from '../../server/config';
import type { Database } from '../../server/db/client';
import type { buildServices as BuildServices } from '../../server/services';

/** Opens the configured database (DATABASE_URL or DATA_DIR), migrated, runs `fn`, and always closes it. */
export async function withDatabase<T>(
  fn: (database: Database, config: ReturnType<typeof loadConfig>) => Promise<T>,
) {
  // Loaded here, not at the top: offline commands (version, purl, scan, cvss) must not pay for the database stack.
  const [{ loadConfig }, { migrate }, { openConfiguredDatabase }] = await Promise.all([
    import('../../server/config'),
    import('../../server/db/migrate'),
    import('../../server/db/open'),
  ]);
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    await migrate(database);
    return await fn(database, config);
  } finally {
    await database.close();
  }
}

/** The whole service graph (PDF, spreadsheets, mail…), loaded only by the commands that use it. */
export async function loadBuildServices(): Promise<typeof BuildServices> {
  return (await import('../../server/services')).buildServices;
}

/** Parses an integer option in [min, max], or fails with a usage error naming it. */
export function intOption(name: string, value: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min || n > max)
    fail(`--${name} must be an integer from ${min} to ${max}, got ${value}`);
  return n;
}

/** Prints a message to stderr and exits with `code` (2 = usage or precondition). */
export function fail(message: string, code = 2): never {
  process.stderr.write(`bulwark: ${message}\n`);
  process.exit(code);
}
