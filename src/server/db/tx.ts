import type { Db } from './client';

/** Runs `fn` in one transaction; everything it writes, audit row included, commits or rolls back together. */
export function inTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => fn(tx as unknown as Db));
}
