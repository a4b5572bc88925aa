import { and, desc, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { type DataKeyRow, dataKeys } from './keyring.table';

/** SQL for wrapped data keys. */
export const keyRepository = {
  /** The newest unretired key. */
  async active(db: Db): Promise<DataKeyRow | undefined> {
    const [r] = await db
      .select()
      .from(dataKeys)
      .where(isNull(dataKeys.retiredAt))
      .orderBy(desc(dataKeys.createdAt))
      .limit(1);
    return r;
  },
  /** A key by id. */
  async find(db: Db, id: string): Promise<DataKeyRow | undefined> {
    const [r] = await db.select().from(dataKeys).where(eq(dataKeys.id, id));
    return r;
  },
  /** Stores a wrapped key. */
  async insert(db: Db, values: typeof dataKeys.$inferInsert): Promise<void> {
    await db.insert(dataKeys).values(values);
  },
  /** Retires every active key (a new one follows in the same transaction). */
  async retireActive(db: Db, now: Date): Promise<void> {
    await db.update(dataKeys).set({ retiredAt: now }).where(isNull(dataKeys.retiredAt));
  },
  /** Keys wrapped by a master key other than `masterKeyId`. */
  async wrappedByOther(db: Db, masterKeyId: string): Promise<DataKeyRow[]> {
    return db.select().from(dataKeys).where(ne(dataKeys.masterKeyId, masterKeyId));
  },
  /** Replaces a key's wrapping. */
  async rewrapped(db: Db, id: string, wrapped: Buffer, masterKeyId: string): Promise<void> {
    await db
      .update(dataKeys)
      .set({ wrapped, masterKeyId })
      .where(and(eq(dataKeys.id, id)));
  },
};
