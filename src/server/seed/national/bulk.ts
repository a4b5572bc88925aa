import { type Column, getTableColumns, getTableName, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';

// PostgreSQL caps one statement at 65,535 bind parameters; stay well under it whatever the row width.
const MAX_PARAMS = 60_000;
const MAX_ROWS = 2000;
// Rows per unnest statement: one array parameter per column, so the cap is memory, not parameters.
const UNNEST_ROWS = 5000;

const statementRows = (table: PgTable) =>
  Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / Object.keys(getTableColumns(table)).length)));

/** A column value as an element of a typed array parameter (dates as ISO text, JSON as text). */
function element(column: Column, v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return v.toISOString();
  if (column.dataType === 'json') return JSON.stringify(v);
  return v;
}

/**
 * One `insert … select * from unnest($1::type[], …)` statement: a single array parameter per column instead of one
 * parameter per value, several times faster on both engines for wide batches. Columns no row sets are left to
 * their defaults; a row without a value for a set column gets null, so when that would break a NOT NULL column
 * (the row meant the default) there is no such statement (undefined) and multi-row VALUES is used instead.
 */
function unnestInsert(table: PgTable, rows: readonly Record<string, unknown>[]): SQL | undefined {
  const columns = Object.entries(getTableColumns(table)).filter(([key]) =>
    rows.some((r) => r[key] !== undefined),
  );
  if (columns.some(([key, c]) => c.notNull && rows.some((r) => r[key] === undefined))) return undefined;
  const names = sql.join(
    columns.map(([, c]) => sql.identifier(c.name)),
    sql`, `,
  );
  const arrays = sql.join(
    columns.map(
      ([key, c]) => sql`${sql.param(rows.map((r) => element(c, r[key])))}::${sql.raw(c.getSQLType())}[]`,
    ),
    sql`, `,
  );
  return sql`insert into ${sql.identifier(getTableName(table))} (${names}) select * from unnest(${arrays})`;
}

/**
 * A buffer that inserts whenever it holds a full statement's worth, for rows generated in a stream. Writers of the
 * rows this table references are flushed first, so a foreign key never points at a row still in a buffer. Tables
 * without binary columns go through unnest statements; the others through multi-row VALUES.
 */
export class BulkWriter<T extends PgTable> {
  private rows: T['$inferInsert'][] = [];
  private readonly size: number;
  private readonly unnest: boolean;
  /** Rows written so far (flushed or not). */
  count = 0;

  constructor(
    private readonly tx: Db,
    private readonly table: T,
    private readonly parents: readonly { flush(): Promise<void> }[] = [],
  ) {
    this.unnest = Object.values(getTableColumns(table)).every((c) => c.getSQLType() !== 'bytea');
    this.size = this.unnest ? UNNEST_ROWS : statementRows(table);
  }

  /** Queues one row, writing a batch when the buffer is full. */
  async add(row: T['$inferInsert']): Promise<void> {
    this.rows.push(row);
    this.count++;
    if (this.rows.length >= this.size) await this.flush();
  }

  /** Writes what is queued. */
  async flush(): Promise<void> {
    if (!this.rows.length) return;
    for (const p of this.parents) await p.flush();
    const batch = this.rows;
    this.rows = [];
    const statement = this.unnest ? unnestInsert(this.table, batch as Record<string, unknown>[]) : undefined;
    if (statement) await this.tx.execute(statement);
    else {
      const size = statementRows(this.table);
      for (let i = 0; i < batch.length; i += size)
        await this.tx.insert(this.table).values(batch.slice(i, i + size));
    }
  }
}

/** Inserts rows in batches (see BulkWriter); returns how many it wrote. */
export async function insertAll<T extends PgTable>(
  tx: Db,
  table: T,
  rows: readonly T['$inferInsert'][],
): Promise<number> {
  const w = new BulkWriter(tx, table);
  for (const r of rows) await w.add(r);
  await w.flush();
  return rows.length;
}

/** Takes `n` values of a sequence at once (the same numbers single `nextval` calls would have handed out). */
export async function reserve(tx: Db, sequence: string, n: number): Promise<number[]> {
  if (n <= 0) return [];
  const res = await tx.execute<{ n: string }>(
    sql`select nextval(${sequence}::regclass)::text as n from generate_series(1, ${n}::int)`,
  );
  return (res as unknown as { rows: { n: string }[] }).rows.map((r) => Number(r.n)).sort((a, b) => a - b);
}
