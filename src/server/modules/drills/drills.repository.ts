import { and, asc, desc, eq, gte, inArray, isNotNull, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { enterpriseProfiles } from '../enterprises/enterprises.table';
import { orgs, users } from '../identity/identity.table';
import type { DrillScope } from './drills.policy';
import {
  type DrillActionRow,
  type DrillRow,
  type DrillScenarioRow,
  drillActions,
  drillScenarios,
  drills,
} from './drills.table';

/** A drill with its enterprise's name. */
export type DrillWithOrg = DrillRow & { orgName: string };

/** Drill list filters after scope; `after` is the keyset (scheduled_for, id) of the previous page's last row. */
export interface DrillFilter {
  status?: string;
  filed?: boolean;
  after?: [string, string];
  limit: number;
}

/** Regulators see filed drills only; the enterprise sees all of its own. */
const scopeSql = (s: DrillScope): SQL | undefined => {
  if (s.kind === 'own') return eq(drills.orgId, s.orgId);
  if (s.kind === 'province') return and(eq(drills.provinceCode, s.provinceCode), isNotNull(drills.filedAt));
  return isNotNull(drills.filedAt);
};

/** SQL for drill scenarios, drills and their actions. */
export const drillsRepository = {
  /** An enterprise org with its registry province (else the org's). */
  async enterprise(db: Db, orgId: string) {
    const [r] = await db
      .select({
        id: orgs.id,
        name: orgs.name,
        provinceCode: sql<string | null>`coalesce(${enterpriseProfiles.provinceCode}, ${orgs.provinceCode})`,
      })
      .from(orgs)
      .leftJoin(enterpriseProfiles, eq(enterpriseProfiles.orgId, orgs.id))
      .where(and(eq(orgs.id, orgId), eq(orgs.kind, 'enterprise')));
    return r;
  },
  /** The org's active users among `ids`, with names. */
  async activeUsers(db: Db, orgId: string, ids: readonly string[]) {
    if (!ids.length) return [];
    return db
      .select({ userId: users.id, name: users.name, email: users.email })
      .from(users)
      .where(and(eq(users.orgId, orgId), eq(users.status, 'active'), inArray(users.id, [...ids])));
  },
  /** Names and emails of users (for display; any status). */
  async people(db: Db, ids: readonly string[]) {
    if (!ids.length) return [];
    return db
      .select({ userId: users.id, name: users.name, email: users.email })
      .from(users)
      .where(inArray(users.id, [...ids]));
  },

  /** The org's own scenarios, newest first. */
  async scenarios(db: Db, orgId: string): Promise<DrillScenarioRow[]> {
    return db
      .select()
      .from(drillScenarios)
      .where(eq(drillScenarios.orgId, orgId))
      .orderBy(desc(drillScenarios.createdAt), desc(drillScenarios.id));
  },
  /** One of the org's scenarios. */
  async scenario(db: Db, orgId: string, id: string): Promise<DrillScenarioRow | undefined> {
    const [r] = await db
      .select()
      .from(drillScenarios)
      .where(and(eq(drillScenarios.id, id), eq(drillScenarios.orgId, orgId)));
    return r;
  },
  /** Inserts a scenario. */
  async insertScenario(db: Db, v: typeof drillScenarios.$inferInsert): Promise<DrillScenarioRow> {
    const [r] = await db.insert(drillScenarios).values(v).returning();
    return r!;
  },
  /** Updates a scenario. */
  async updateScenario(db: Db, id: string, patch: Partial<DrillScenarioRow>): Promise<DrillScenarioRow> {
    const [r] = await db.update(drillScenarios).set(patch).where(eq(drillScenarios.id, id)).returning();
    return r!;
  },
  /** Deletes a scenario (drills keep their snapshots). */
  async deleteScenario(db: Db, id: string): Promise<void> {
    await db.delete(drillScenarios).where(eq(drillScenarios.id, id));
  },

  /** Inserts a drill. */
  async insertDrill(db: Db, v: typeof drills.$inferInsert): Promise<DrillRow> {
    const [r] = await db.insert(drills).values(v).returning();
    return r!;
  },
  /** One drill in scope, optionally locked for update. */
  async find(db: Db, scope: DrillScope, id: string, lock = false): Promise<DrillWithOrg | undefined> {
    const q = db
      .select({ row: drills, orgName: orgs.name })
      .from(drills)
      .innerJoin(orgs, eq(orgs.id, drills.orgId))
      .where(and(eq(drills.id, id), scopeSql(scope)));
    const [r] = lock ? await q.for('update', { of: drills }) : await q;
    return r && { ...r.row, orgName: r.orgName };
  },
  /** A page of drills in scope, newest scheduled first. */
  async list(db: Db, scope: DrillScope, f: DrillFilter): Promise<DrillWithOrg[]> {
    const where: (SQL | undefined)[] = [scopeSql(scope)];
    if (f.status) where.push(eq(drills.status, f.status));
    if (f.filed !== undefined)
      where.push(f.filed ? isNotNull(drills.filedAt) : sql`${drills.filedAt} is null`);
    if (f.after)
      where.push(
        sql`(${drills.scheduledFor}, ${drills.id}) < (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)`,
      );
    const rows = await db
      .select({ row: drills, orgName: orgs.name })
      .from(drills)
      .innerJoin(orgs, eq(orgs.id, drills.orgId))
      .where(and(...where))
      .orderBy(desc(drills.scheduledFor), desc(drills.id))
      .limit(f.limit);
    return rows.map((r) => ({ ...r.row, orgName: r.orgName }));
  },
  /** Updates a drill. */
  async update(db: Db, id: string, patch: Partial<typeof drills.$inferInsert>): Promise<DrillRow> {
    const [r] = await db.update(drills).set(patch).where(eq(drills.id, id)).returning();
    return r!;
  },

  /** A drill's actions in drill-minute order, with who recorded them. */
  async actions(db: Db, drillId: string): Promise<(DrillActionRow & { userName: string })[]> {
    const rows = await db
      .select({ row: drillActions, userName: users.name })
      .from(drillActions)
      .innerJoin(users, eq(users.id, drillActions.userId))
      .where(eq(drillActions.drillId, drillId))
      .orderBy(asc(drillActions.minute), asc(drillActions.at), asc(drillActions.id));
    return rows.map((r) => ({ ...r.row, userName: r.userName }));
  },
  /** Inserts an action. */
  async insertAction(db: Db, v: typeof drillActions.$inferInsert): Promise<DrillActionRow> {
    const [r] = await db.insert(drillActions).values(v).returning();
    return r!;
  },

  /** Filed drills per province, filed in [from, to), optionally one province's. */
  async filedByProvince(db: Db, from: Date, to: Date, provinceCode?: string) {
    const rows = await db
      .select({
        provinceCode: drills.provinceCode,
        drills: sql<number>`count(*)`,
        enterprises: sql<number>`count(distinct ${drills.orgId})`,
      })
      .from(drills)
      .where(
        and(
          isNotNull(drills.filedAt),
          gte(drills.filedAt, from),
          lt(drills.filedAt, to),
          provinceCode ? eq(drills.provinceCode, provinceCode) : undefined,
        ),
      )
      .groupBy(drills.provinceCode)
      .orderBy(asc(drills.provinceCode));
    return rows.map((r) => ({ ...r, drills: Number(r.drills), enterprises: Number(r.enterprises) }));
  },
};
