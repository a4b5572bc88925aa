import { customType, timestamp } from 'drizzle-orm/pg-core';

/** A bytea column as a Buffer on both engines (PGlite yields Uint8Array, node-postgres Buffer). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
  toDriver: (v) => v,
});

/** A timestamptz column read as a Date; every table uses this one shape. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
