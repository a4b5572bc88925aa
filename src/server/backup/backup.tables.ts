import fs from 'node:fs';
import path from 'node:path';
import { is } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { MIGRATIONS_DIR } from '../db/migrate';
import * as schema from '../db/schema';
import { exposureGeneration } from '../modules/exposure/exposure.table';
import { BackupError } from './backup.errors';

/** Every Drizzle table object in the schema barrel. */
export function drizzleTables(): PgTable[] {
  return Object.values(schema as Record<string, unknown>).filter((v): v is PgTable => is(v, PgTable));
}

/** Every application table's name, read from the Drizzle schema barrel so a new module's table is never left out. */
export function schemaTables(): string[] {
  return drizzleTables()
    .map((t) => getTableConfig(t).name)
    .sort();
}

/**
 * Tables a fresh migration already fills (migration 0009 inserts the exposure generation counter). Restore treats
 * these rows as part of an empty instance and replaces them; `backup.test.ts` checks the list against a freshly
 * migrated database.
 */
export const MIGRATION_SEEDED_TABLES: readonly string[] = [getTableConfig(exposureGeneration).name];

/**
 * Orders tables so every foreign key's parent comes before its child (Kahn's algorithm, ties by name), the order in
 * which restore inserts. A cycle or self-reference cannot be restored row by row, so it is refused by name.
 */
export function dependencyOrder(
  tables: readonly string[],
  edges: readonly { child: string; parent: string }[],
): string[] {
  const known = new Set(tables);
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const e of edges) {
    if (!known.has(e.child) || !known.has(e.parent)) continue;
    if (e.child === e.parent) {
      throw new BackupError(
        'backup.schema',
        `Table ${e.child} references itself; backup cannot order its rows. Extend src/server/backup for it.`,
      );
    }
    parents.get(e.child)!.add(e.parent);
  }
  const order: string[] = [];
  const done = new Set<string>();
  while (order.length < tables.length) {
    const ready = [...parents.keys()]
      .filter((t) => !done.has(t) && [...parents.get(t)!].every((p) => done.has(p)))
      .sort();
    if (!ready.length) {
      const stuck = [...parents.keys()].filter((t) => !done.has(t));
      throw new BackupError('backup.schema', `Foreign keys form a cycle among: ${stuck.join(', ')}.`);
    }
    for (const t of ready) {
      done.add(t);
      order.push(t);
    }
  }
  return order;
}

/** The migration head this code brings: how many migrations, the last one's tag and SHA-256 (Drizzle's hash). */
export function codeMigrationHead(): { count: number; head: string; hash: string; createdAt: number } {
  const files = readMigrationFiles({ migrationsFolder: MIGRATIONS_DIR });
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  const last = files.at(-1)!;
  return {
    count: files.length,
    head: journal.entries.find((e) => e.when === last.folderMillis)?.tag ?? '',
    hash: last.hash,
    createdAt: last.folderMillis,
  };
}
