import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../../db/columns';

/** Data-encryption keys, each stored only wrapped by a master key from config (architecture principle 6). */
export const dataKeys = pgTable(
  'data_keys',
  {
    id: uuid('id').primaryKey(),
    wrapped: bytea('wrapped').notNull(),
    masterKeyId: text('master_key_id').notNull(),
    alg: text('alg').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    retiredAt: timestamp('retired_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('data_keys_active_idx').on(t.retiredAt, t.createdAt)],
);

/** A data-key row. */
export type DataKeyRow = typeof dataKeys.$inferSelect;
