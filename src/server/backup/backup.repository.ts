import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditLog } from '../modules/audit/audit.table';

/** A column as the database declares it; `type` is `format_type`, usable as a cast target. */
export interface ColumnInfo {
  name: string;
  type: string;
}

/** What backup and restore need to know about one application table, read from the catalog. */
export interface TableInfo {
  name: string;
  /** Stored columns in declaration order (generated columns are computed again on insert, so left out). */
  columns: ColumnInfo[];
  /** Columns to dump in order: the primary key, else a unique index on non-null columns, else every column. */
  orderBy: { name: string; collatable: boolean }[];
  /** A `GENERATED ALWAYS AS IDENTITY` column needs `OVERRIDING SYSTEM VALUE` to take the backed-up value. */
  identityAlways: boolean;
}

/** A sequence's state: `value` as text (bigint), `called` as `setval`'s third argument. */
export interface SequenceState {
  name: string;
  value: string;
  called: boolean;
}

/** The last migration a database has applied, as Drizzle's migrator records it. */
export interface MigrationHead {
  count: number;
  hash: string | null;
  createdAt: number | null;
}

const rows = async <T>(db: Db, query: SQL): Promise<T[]> =>
  ((await db.execute(query)) as unknown as { rows: T[] }).rows;

/** Double-quotes an SQL identifier. */
export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

const sqlString = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * How a value is written to a backup line, always as a JSON string (or null) so no bigint, numeric or jsonb number
 * ever passes through a JavaScript number: bytea as base64, timestamps and dates as ISO 8601, everything else in
 * its PostgreSQL text form (which its input function reads back exactly).
 */
function dumpExpr(c: ColumnInfo): string {
  const col = ident(c.name);
  if (c.type === 'bytea') return `translate(encode(${col}, 'base64'), E'\\n', '')`;
  if (/^(timestamp|date)/.test(c.type)) return `to_json(${col}) #>> '{}'`;
  return `${col}::text`;
}

/** The inverse of {@link dumpExpr} for element `i` of a backup line `r`. */
function loadExpr(c: ColumnInfo, i: number): string {
  if (c.type === 'bytea') return `decode(r ->> ${i}, 'base64')`;
  return `(r ->> ${i})::${c.type}`;
}

/** Catalog reads and the dump/load SQL for backup and restore. */
export const backupRepository = {
  /** Fixes every setting that shapes the text of a value, for this transaction only. */
  async pinOutputSettings(tx: Db): Promise<void> {
    await tx.execute(sql`set local timezone = 'UTC'`);
    await tx.execute(sql`set local datestyle = 'ISO, YMD'`);
    await tx.execute(sql`set local intervalstyle = 'postgres'`);
    await tx.execute(sql`set local extra_float_digits = 1`);
  },

  /** Ordinary tables in `public`, to find any the Drizzle schema does not declare. */
  async publicTables(db: Db): Promise<string[]> {
    const r = await rows<{ name: string }>(
      db,
      sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`,
    );
    return r.map((x) => x.name);
  },

  /** Columns, dump order and identity kind of every ordinary table in `public`, in two catalog queries. */
  async tableInfos(db: Db): Promise<Map<string, TableInfo>> {
    const cols = await rows<{
      table: string;
      name: string;
      type: string;
      identity: string;
      collatable: boolean;
    }>(
      db,
      sql`select c.relname as table, a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
                 a.attidentity as identity, t.typcollation <> 0 as collatable
          from pg_attribute a join pg_type t on t.oid = a.atttypid join pg_class c on c.oid = a.attrelid
          join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
            and a.attgenerated = ''
          order by c.relname, a.attnum`,
    );
    const keys = await rows<{ table: string; cols: string[] }>(
      db,
      sql`select c.relname as table,
                 array(select a.attname::text from unnest(i.indkey) with ordinality k(attnum, ord)
                       join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum order by k.ord) as cols
          from pg_index i join pg_class ic on ic.oid = i.indexrelid join pg_class c on c.oid = i.indrelid
          join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and (i.indisprimary or i.indisunique)
            and i.indpred is null and i.indexprs is null
            and not exists (select 1 from unnest(i.indkey) k(attnum) join pg_attribute a
                              on a.attrelid = i.indrelid and a.attnum = k.attnum where not a.attnotnull)
          order by c.relname, i.indisprimary desc, ic.relname`,
    );
    const out = new Map<string, TableInfo>();
    for (const c of cols) {
      const t = out.get(c.table) ?? { name: c.table, columns: [], orderBy: [], identityAlways: false };
      t.columns.push({ name: c.name, type: c.type });
      t.identityAlways ||= c.identity === 'a';
      out.set(c.table, t);
    }
    for (const t of out.values()) {
      const key = keys.find((k) => k.table === t.name)?.cols ?? t.columns.map((c) => c.name);
      t.orderBy = key.map((name) => ({
        name,
        collatable: cols.some((c) => c.table === t.name && c.name === name && c.collatable),
      }));
    }
    return out;
  },

  /** Foreign-key edges (child → parent) between tables of `public`. */
  async foreignKeys(db: Db): Promise<{ child: string; parent: string }[]> {
    return rows(
      db,
      sql`select c.relname as child, p.relname as parent
          from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
          join pg_namespace n on n.oid = c.relnamespace
          where k.contype = 'f' and n.nspname = 'public' order by 1, 2`,
    );
  },

  /** Opens a cursor over a table's rows as backup lines, in key order (`C` collation, the same on every engine). */
  async openRowCursor(tx: Db, cursor: string, t: TableInfo): Promise<void> {
    const line = `array_to_json(array[${t.columns.map(dumpExpr).join(', ')}]::text[])::text`;
    const order = t.orderBy.map((c) => `${ident(c.name)}${c.collatable ? ' collate "C"' : ''}`).join(', ');
    await tx.execute(
      sql.raw(
        `declare ${cursor} no scroll cursor for select ${line} as line from ${ident(t.name)} order by ${order}`,
      ),
    );
  },

  /** The next `n` lines from a cursor; fewer than `n` means the end. */
  async fetchLines(tx: Db, cursor: string, n: number): Promise<string[]> {
    const r = await rows<{ line: string }>(tx, sql.raw(`fetch forward ${n} from ${cursor}`));
    return r.map((x) => x.line);
  },

  /** Closes a cursor. */
  async closeCursor(tx: Db, cursor: string): Promise<void> {
    await tx.execute(sql.raw(`close ${cursor}`));
  },

  /** Every sequence in `public` (standalone, serial and identity) with its current state. */
  async sequences(db: Db): Promise<SequenceState[]> {
    const names = await rows<{ name: string }>(
      db,
      sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind = 'S' order by 1`,
    );
    const out: SequenceState[] = [];
    for (const { name } of names) {
      const [s] = await rows<{ value: string; called: boolean }>(
        db,
        sql.raw(`select last_value::text as value, is_called as called from ${ident(name)}`),
      );
      out.push({ name, value: s!.value, called: s!.called });
    }
    return out;
  },

  /** Restores a sequence so the next value follows the restored rows. */
  async setSequence(tx: Db, s: SequenceState): Promise<void> {
    await tx.execute(
      sql`select setval(${`public.${ident(s.name)}`}::regclass, ${s.value}::bigint, ${s.called})`,
    );
  },

  /** The migration head Drizzle's migrator recorded (its table lives in the `drizzle` schema on both engines). */
  async migrationHead(db: Db): Promise<MigrationHead> {
    const [exists] = await rows<{ ok: boolean }>(
      db,
      sql`select to_regclass('drizzle.__drizzle_migrations') is not null as ok`,
    );
    if (!exists?.ok) return { count: 0, hash: null, createdAt: null };
    const [head] = await rows<{ count: number; hash: string | null; created_at: string | null }>(
      db,
      sql`select (select count(*)::int from drizzle.__drizzle_migrations) as count, m.hash, m.created_at::text
          from (select 1) one left join lateral
            (select hash, created_at from drizzle.__drizzle_migrations order by created_at desc limit 1) m on true`,
    );
    return {
      count: head!.count,
      hash: head!.hash,
      createdAt: head!.created_at === null ? null : Number(head!.created_at),
    };
  },

  /** Tables among `tables` that hold at least one row, in one query. */
  async nonEmpty(db: Db, tables: readonly string[]): Promise<string[]> {
    if (!tables.length) return [];
    const probes = tables.map(
      (t) => `select ${sqlString(t)} as name where exists (select 1 from ${ident(t)})`,
    );
    const r = await rows<{ name: string }>(db, sql.raw(probes.join(' union all ')));
    return r.map((x) => x.name).sort();
  },

  /** Deletes every row of a table (only rows a migration created, before a restore replaces them). */
  async clear(tx: Db, table: string): Promise<void> {
    await tx.execute(sql.raw(`delete from ${ident(table)}`));
  },

  /** Inserts backup lines (JSON arrays in `columns` order) into a table in one statement. */
  async insertLines(tx: Db, t: TableInfo, columns: readonly ColumnInfo[], lines: readonly string[]) {
    const names = columns.map((c) => ident(c.name)).join(', ');
    const values = columns.map(loadExpr).join(', ');
    const override = t.identityAlways ? ' overriding system value' : '';
    await tx.execute(
      sql`${sql.raw(`insert into ${ident(t.name)} (${names})${override} select ${values} from json_array_elements(`)}${`[${lines.join(',')}]`}${sql.raw('::json) as e(r)')}`,
    );
  },

  /** The audit chain's head inside the current snapshot. */
  async auditHead(db: Db): Promise<{ rows: number; seq: number | null; hash: string | null }> {
    const [r] = await rows<{ rows: number; seq: string | null; hash: string | null }>(
      db,
      sql`select (select count(*)::int from ${auditLog}) as rows, h.seq::text, h.hash
          from (select 1) one left join lateral
            (select ${auditLog.seq}, ${auditLog.hash} from ${auditLog} order by ${auditLog.seq} desc limit 1) h on true`,
    );
    return { rows: r!.rows, seq: r!.seq === null ? null : Number(r!.seq), hash: r!.hash };
  },
};
