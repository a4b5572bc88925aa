import { and, asc, desc, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { dataAssets } from '../data-catalog/data-catalog.table';
import { enterpriseProfiles } from '../enterprises/enterprises.table';
import type { OrgScope } from '../identity/identity.policy';
import { orgScopeSql } from '../identity/identity.repository';
import { orgs, users } from '../identity/identity.table';
import {
  examinationAnswers as ans,
  type CorrectiveActionRow,
  correctiveActions as ca,
  type ExaminationAnswerRow,
  type ExaminationRow,
  examinations as ex,
  type RiskAssessmentRow,
  riskAssessments as ra,
} from './assessments.table';

/** A row with its org's name. */
export type Named<T> = T & { orgName: string };
/** A corrective action with its org's and owner's names. */
export type ActionWithNames = Named<CorrectiveActionRow> & { ownerName: string | null };

/** Corrective-board filters after scope. */
export interface ActionFilter {
  status?: string;
  ownerUserId?: string;
  /** Overdue relative to this Shanghai day (due before it, not yet resolved). */
  overdueOn?: string;
  orgId?: string;
  sourceId?: string;
}

const named = <T>(r: { row: T; orgName: string }): Named<T> => ({ ...r.row, orgName: r.orgName });

/** SQL for self-examinations, corrective actions and risk assessments. */
export const assessmentsRepository = {
  /** One examination inside the scope. */
  async findExamination(db: Db, scope: OrgScope, id: string): Promise<Named<ExaminationRow> | undefined> {
    const [r] = await db
      .select({ row: ex, orgName: orgs.name })
      .from(ex)
      .innerJoin(orgs, eq(orgs.id, ex.orgId))
      .where(and(eq(ex.id, id), orgScopeSql(scope)));
    return r && named(r);
  },
  /** Locks an examination row for the rest of the transaction. */
  async lockExamination(tx: Db, id: string): Promise<ExaminationRow | undefined> {
    const [r] = await tx.select().from(ex).where(eq(ex.id, id)).for('update');
    return r;
  },
  /** Examinations inside the scope, newest first. */
  async listExaminations(db: Db, scope: OrgScope, orgId?: string): Promise<Named<ExaminationRow>[]> {
    const where: (SQL | undefined)[] = [orgScopeSql(scope)];
    if (orgId) where.push(eq(ex.orgId, orgId));
    const rows = await db
      .select({ row: ex, orgName: orgs.name })
      .from(ex)
      .innerJoin(orgs, eq(orgs.id, ex.orgId))
      .where(and(...where))
      .orderBy(desc(ex.startedAt), desc(ex.id))
      .limit(500);
    return rows.map(named);
  },
  /** The org's examination in progress, if any. */
  async openExamination(db: Db, orgId: string): Promise<ExaminationRow | undefined> {
    const [r] = await db
      .select()
      .from(ex)
      .where(and(eq(ex.orgId, orgId), eq(ex.status, 'in-progress')));
    return r;
  },
  /** The org's most recently completed examination, if any. */
  async lastCompleted(db: Db, orgId: string): Promise<ExaminationRow | undefined> {
    const [r] = await db
      .select()
      .from(ex)
      .where(and(eq(ex.orgId, orgId), eq(ex.status, 'completed')))
      .orderBy(desc(ex.completedAt), desc(ex.id))
      .limit(1);
    return r;
  },
  /** When each of the given orgs last completed a self-examination (for coverage). */
  async lastCompletedAt(db: Db, orgIds: readonly string[]): Promise<Map<string, Date>> {
    if (!orgIds.length) return new Map();
    const rows = await db
      .select({ orgId: ex.orgId, at: sql<Date>`max(${ex.completedAt})`.mapWith((v) => new Date(v)) })
      .from(ex)
      .where(and(inArray(ex.orgId, [...orgIds]), eq(ex.status, 'completed')))
      .groupBy(ex.orgId);
    return new Map(rows.map((r) => [r.orgId, r.at]));
  },
  /** Starts an examination. */
  async insertExamination(tx: Db, row: typeof ex.$inferInsert): Promise<ExaminationRow> {
    const [r] = await tx.insert(ex).values(row).returning();
    return r!;
  },
  /** Updates an examination. */
  async updateExamination(
    tx: Db,
    id: string,
    patch: Partial<typeof ex.$inferInsert>,
  ): Promise<ExaminationRow> {
    const [r] = await tx.update(ex).set(patch).where(eq(ex.id, id)).returning();
    return r!;
  },
  /** Answers of an examination, by control id. */
  async answers(db: Db, examinationId: string): Promise<ExaminationAnswerRow[]> {
    return db.select().from(ans).where(eq(ans.examinationId, examinationId)).orderBy(asc(ans.controlId));
  },
  /** Records answers, replacing earlier answers to the same controls. */
  async upsertAnswers(tx: Db, rows: (typeof ans.$inferInsert)[]): Promise<void> {
    if (!rows.length) return;
    await tx
      .insert(ans)
      .values(rows)
      .onConflictDoUpdate({
        target: [ans.examinationId, ans.controlId],
        set: {
          answer: sql`excluded.answer`,
          note: sql`excluded.note`,
          answeredBy: sql`excluded.answered_by`,
          answeredAt: sql`excluded.answered_at`,
        },
      });
  },

  /** One corrective action inside the scope. */
  async findAction(db: Db, scope: OrgScope, id: string): Promise<ActionWithNames | undefined> {
    return (await this.listActions(db, scope, {}, id))[0];
  },
  /** Corrective actions inside the scope, by due date. */
  async listActions(db: Db, scope: OrgScope, f: ActionFilter, id?: string): Promise<ActionWithNames[]> {
    const where: (SQL | undefined)[] = [orgScopeSql(scope)];
    if (id) where.push(eq(ca.id, id));
    if (f.status) where.push(eq(ca.status, f.status));
    if (f.ownerUserId) where.push(eq(ca.ownerUserId, f.ownerUserId));
    if (f.orgId) where.push(eq(ca.orgId, f.orgId));
    if (f.sourceId) where.push(eq(ca.sourceId, f.sourceId));
    if (f.overdueOn) where.push(and(lt(ca.dueOn, f.overdueOn), inArray(ca.status, ['open', 'in-progress'])));
    const rows = await db
      .select({ row: ca, orgName: orgs.name, ownerName: users.name })
      .from(ca)
      .innerJoin(orgs, eq(orgs.id, ca.orgId))
      .leftJoin(users, eq(users.id, ca.ownerUserId))
      .where(and(...where))
      .orderBy(asc(ca.dueOn), asc(ca.controlId), asc(ca.id))
      .limit(1000);
    return rows.map((r) => ({ ...r.row, orgName: r.orgName, ownerName: r.ownerName }));
  },
  /** Locks a corrective action row for the rest of the transaction. */
  async lockAction(tx: Db, id: string): Promise<CorrectiveActionRow | undefined> {
    const [r] = await tx.select().from(ca).where(eq(ca.id, id)).for('update');
    return r;
  },
  /** Raises corrective actions. */
  async insertActions(tx: Db, rows: (typeof ca.$inferInsert)[]): Promise<CorrectiveActionRow[]> {
    if (!rows.length) return [];
    return tx.insert(ca).values(rows).returning();
  },
  /** Updates a corrective action. */
  async updateAction(tx: Db, id: string, patch: Partial<typeof ca.$inferInsert>): Promise<void> {
    await tx.update(ca).set(patch).where(eq(ca.id, id));
  },
  /** Whether a user is an active member of an org (owners are the org's own people). */
  async isActiveUserOf(db: Db, orgId: string, userId: string): Promise<boolean> {
    const [r] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.orgId, orgId), eq(users.status, 'active')));
    return r !== undefined;
  },

  /** One risk assessment inside the scope; regulators see none of an enterprise's drafts. */
  async findRisk(db: Db, scope: OrgScope, id: string): Promise<Named<RiskAssessmentRow> | undefined> {
    return (await this.listRisks(db, scope, id))[0];
  },
  /** Risk assessments inside the scope, newest first. */
  async listRisks(db: Db, scope: OrgScope, id?: string): Promise<Named<RiskAssessmentRow>[]> {
    const where: (SQL | undefined)[] = [orgScopeSql(scope)];
    if (id) where.push(eq(ra.id, id));
    if (scope.kind !== 'own') where.push(sql`${ra.status} <> 'draft'`);
    const rows = await db
      .select({ row: ra, orgName: orgs.name })
      .from(ra)
      .innerJoin(orgs, eq(orgs.id, ra.orgId))
      .where(and(...where))
      .orderBy(desc(ra.createdAt), desc(ra.id))
      .limit(500);
    return rows.map(named);
  },
  /** Locks a risk assessment row for the rest of the transaction. */
  async lockRisk(tx: Db, id: string): Promise<RiskAssessmentRow | undefined> {
    const [r] = await tx.select().from(ra).where(eq(ra.id, id)).for('update');
    return r;
  },
  /** The org's submitted (or received) assessment with the latest validity. */
  async currentRisk(db: Db, orgId: string): Promise<RiskAssessmentRow | undefined> {
    const [r] = await db
      .select()
      .from(ra)
      .where(and(eq(ra.orgId, orgId), inArray(ra.status, ['submitted', 'received'])))
      .orderBy(desc(ra.validUntil), desc(ra.id))
      .limit(1);
    return r;
  },
  /** Each org's latest-valid submitted assessment whose validity ends on or before `until` (reminder job). */
  async risksEndingBy(db: Db, until: string): Promise<RiskAssessmentRow[]> {
    const rows = await db
      .select()
      .from(ra)
      .where(inArray(ra.status, ['submitted', 'received']))
      .orderBy(asc(ra.orgId), desc(ra.validUntil), desc(ra.id));
    const latest = rows.filter((r, i) => i === 0 || rows[i - 1]!.orgId !== r.orgId);
    return latest.filter((r) => r.validUntil !== null && r.validUntil <= until);
  },
  /** Creates a draft. */
  async insertRisk(tx: Db, row: typeof ra.$inferInsert): Promise<RiskAssessmentRow> {
    const [r] = await tx.insert(ra).values(row).returning();
    return r!;
  },
  /** Updates a risk assessment. */
  async updateRisk(tx: Db, id: string, patch: Partial<typeof ra.$inferInsert>): Promise<RiskAssessmentRow> {
    const [r] = await tx.update(ra).set(patch).where(eq(ra.id, id)).returning();
    return r!;
  },
  /** Whether an org has an active important or core data asset (Measures art. 31 applies to their processors). */
  async processesImportantData(db: Db, orgId: string, levels: readonly string[]): Promise<boolean> {
    const [r] = await db
      .select({ id: dataAssets.id })
      .from(dataAssets)
      .where(
        and(
          eq(dataAssets.orgId, orgId),
          eq(dataAssets.status, 'active'),
          inArray(dataAssets.level, [...levels]),
        ),
      )
      .limit(1);
    return r !== undefined;
  },
  /** The province of an enterprise's registry profile. */
  async profileProvince(db: Db, orgId: string): Promise<string | undefined> {
    const [r] = await db
      .select({ p: enterpriseProfiles.provinceCode })
      .from(enterpriseProfiles)
      .where(eq(enterpriseProfiles.orgId, orgId));
    return r?.p;
  },
  /** The provincial regulators of a province. */
  async regulatorsOf(db: Db, provinceCode: string): Promise<string[]> {
    const rows = await db
      .select({ id: orgs.id })
      .from(orgs)
      .where(and(eq(orgs.kind, 'provincial-regulator'), eq(orgs.provinceCode, provinceCode)));
    return rows.map((r) => r.id);
  },
};
