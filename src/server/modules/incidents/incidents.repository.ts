import {
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  ne,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { DataLevel } from '../../programme-rules/common-schema';
import { dataAssets } from '../data-catalog/data-catalog.table';
import { orgs } from '../identity/identity.table';
import type { IncidentScope } from './incidents.policy';
import { type IncidentEventRow, type IncidentRow, incidents as i, incidentEvents } from './incidents.table';

/** An incident with its enterprise's name. */
export type IncidentWithOrg = IncidentRow & { orgName: string };

const scopeSql = (scope: IncidentScope): SQL | undefined => {
  if (scope.kind === 'own') return eq(i.orgId, scope.orgId);
  if (scope.kind === 'province') return and(eq(i.provinceCode, scope.provinceCode), eq(i.practice, false));
  return eq(i.practice, false);
};
const withOrg = { ...getTableColumns(i), orgName: orgs.name };

/** Inbox filters after scope. */
export interface IncidentFilter {
  tier?: string;
  status?: string;
  practice?: boolean;
  provinceCode?: string;
  /** Keyset: (reportedAt, id) of the last row of the previous page. */
  after?: [string, string];
  limit: number;
}

/** SQL for incidents and their timelines. */
export const incidentRepository = {
  /** The next reference, e.g. INC-2026-00042. */
  async nextRef(db: Db, year: number): Promise<string> {
    const res = await db.execute<{ n: string }>(sql`select nextval('incident_ref_seq')::text as n`);
    const n = (res as unknown as { rows: { n: string }[] }).rows[0]!.n;
    return `INC-${year}-${n.padStart(5, '0')}`;
  },
  /** Inserts an incident. */
  async insert(db: Db, values: typeof i.$inferInsert): Promise<IncidentRow> {
    const [row] = await db.insert(i).values(values).returning();
    return row!;
  },
  /** One incident in scope (locked for update when `lock`), or undefined: callers answer 404. */
  async find(db: Db, scope: IncidentScope, id: string, lock = false): Promise<IncidentWithOrg | undefined> {
    const q = db
      .select(withOrg)
      .from(i)
      .innerJoin(orgs, eq(orgs.id, i.orgId))
      .where(and(eq(i.id, id), scopeSql(scope)));
    const [row] = lock ? await q.for('update', { of: i }) : await q;
    return row;
  },
  /** Any incident by id, locked for update (the clock watch acts as the system, outside every scope). */
  async findAny(db: Db, id: string): Promise<IncidentRow | undefined> {
    const [row] = await db.select().from(i).where(eq(i.id, id)).for('update');
    return row;
  },
  /** The levels of an org's active catalogued data assets among `ids`. */
  async assetLevels(db: Db, orgId: string, ids: readonly string[]): Promise<Map<string, DataLevel>> {
    if (!ids.length) return new Map();
    const rows = await db
      .select({ id: dataAssets.id, level: dataAssets.level })
      .from(dataAssets)
      .where(
        and(eq(dataAssets.orgId, orgId), eq(dataAssets.status, 'active'), inArray(dataAssets.id, [...ids])),
      );
    return new Map(rows.map((r) => [r.id, r.level as DataLevel]));
  },
  /** Updates an incident, bumping its version. */
  async update(db: Db, id: string, values: Partial<typeof i.$inferInsert>): Promise<IncidentRow> {
    const [row] = await db
      .update(i)
      .set({ ...values, version: sql`${i.version} + 1` })
      .where(eq(i.id, id))
      .returning();
    return row!;
  },
  /** A page of the inbox, newest first. */
  async list(db: Db, scope: IncidentScope, f: IncidentFilter): Promise<IncidentWithOrg[]> {
    const where: (SQL | undefined)[] = [scopeSql(scope)];
    if (f.tier) where.push(eq(i.tier, f.tier));
    if (f.status) where.push(eq(i.status, f.status));
    if (f.practice !== undefined) where.push(eq(i.practice, f.practice));
    if (f.provinceCode) where.push(eq(i.provinceCode, f.provinceCode));
    if (f.after) {
      const at = new Date(f.after[0]);
      where.push(or(lt(i.reportedAt, at), and(eq(i.reportedAt, at), lt(i.id, f.after[1]))));
    }
    return db
      .select(withOrg)
      .from(i)
      .innerJoin(orgs, eq(orgs.id, i.orgId))
      .where(and(...where))
      .orderBy(desc(i.reportedAt), desc(i.id))
      .limit(f.limit);
  },
  /** Open incidents whose ministry clocks may still need an escalation. */
  async withRunningMinistryClocks(db: Db, limit: number): Promise<IncidentRow[]> {
    return db
      .select()
      .from(i)
      .where(
        and(
          ne(i.status, 'closed'),
          isNotNull(i.ministryClockStartedAt),
          or(
            and(isNull(i.phoneReportedAt), isNull(i.phoneEscalatedAt)),
            and(isNull(i.writtenReportedAt), isNull(i.writtenEscalatedAt)),
          ),
        ),
      )
      .orderBy(asc(i.ministryClockStartedAt))
      .limit(limit);
  },
  /** Appends a timeline event. */
  async addEvent(db: Db, values: typeof incidentEvents.$inferInsert): Promise<IncidentEventRow> {
    const [row] = await db.insert(incidentEvents).values(values).returning();
    return row!;
  },
  /** The timeline, oldest first. */
  async events(db: Db, incidentId: string): Promise<IncidentEventRow[]> {
    return db
      .select()
      .from(incidentEvents)
      .where(eq(incidentEvents.incidentId, incidentId))
      .orderBy(asc(incidentEvents.seq));
  },
  /** An enterprise's real incidents reported in [from, to). */
  async ofOrgBetween(db: Db, orgId: string, from: Date, to: Date): Promise<IncidentRow[]> {
    return db
      .select()
      .from(i)
      .where(and(eq(i.orgId, orgId), eq(i.practice, false), gte(i.reportedAt, from), lt(i.reportedAt, to)));
  },
  /** How many real incidents of each tier are open in a scope (the inbox header). */
  async openByTier(db: Db, scope: IncidentScope): Promise<Record<string, number>> {
    const rows = await db
      .select({ tier: i.tier, n: count() })
      .from(i)
      .where(and(scopeSql(scope), ne(i.status, 'closed'), eq(i.practice, false)))
      .groupBy(i.tier);
    return Object.fromEntries(rows.map((r) => [r.tier ?? 'none', r.n]));
  },
};
