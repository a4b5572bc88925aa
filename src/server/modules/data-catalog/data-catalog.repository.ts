import { and, asc, desc, eq, inArray, like, lte, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { OrgScope } from '../identity/identity.policy';
import { orgScopeSql } from '../identity/identity.repository';
import { orgs } from '../identity/identity.table';
import { notifications } from '../notifications/notifications.table';
import {
  type CatalogFilingRow,
  catalogFilingEvents,
  catalogFilings,
  type DataAssetRow,
  dataAssets,
  type RefilingObligationRow,
  refilingObligations,
} from './data-catalog.table';

/** An asset with its org's name. */
export type AssetWithOrg = DataAssetRow & { orgName: string };
/** A filing with its org's name. */
export type FilingWithOrg = CatalogFilingRow & { orgName: string };
/** A filing event row. */
export type FilingEventRow = typeof catalogFilingEvents.$inferSelect;

const OPEN = ['submitted', 'returned'];

/** SQL for data assets. */
export const assetRepository = {
  /** Assets of the orgs inside the scope, newest first. */
  async list(db: Db, scope: OrgScope, f: { orgId?: string; status?: string }): Promise<AssetWithOrg[]> {
    const where: (SQL | undefined)[] = [orgScopeSql(scope)];
    if (f.orgId) where.push(eq(dataAssets.orgId, f.orgId));
    if (f.status) where.push(eq(dataAssets.status, f.status));
    const rows = await db
      .select({ a: dataAssets, orgName: orgs.name })
      .from(dataAssets)
      .innerJoin(orgs, eq(orgs.id, dataAssets.orgId))
      .where(and(...where))
      .orderBy(desc(dataAssets.createdAt), asc(dataAssets.id))
      .limit(1000);
    return rows.map((r) => ({ ...r.a, orgName: r.orgName }));
  },
  /** One asset inside the scope, or undefined (callers answer 404). */
  async findInScope(db: Db, scope: OrgScope, id: string): Promise<AssetWithOrg | undefined> {
    const [r] = await db
      .select({ a: dataAssets, orgName: orgs.name })
      .from(dataAssets)
      .innerJoin(orgs, eq(orgs.id, dataAssets.orgId))
      .where(and(eq(dataAssets.id, id), orgScopeSql(scope)));
    return r && { ...r.a, orgName: r.orgName };
  },
  /** Every asset of one org (active and destroyed), for totals and change detection. */
  async ofOrg(db: Db, orgId: string): Promise<DataAssetRow[]> {
    return db.select().from(dataAssets).where(eq(dataAssets.orgId, orgId)).orderBy(asc(dataAssets.createdAt));
  },
  /** Inserts an asset. */
  async insert(db: Db, values: typeof dataAssets.$inferInsert): Promise<DataAssetRow> {
    const [row] = await db.insert(dataAssets).values(values).returning();
    return row!;
  },
  /** Updates an asset. */
  async update(db: Db, id: string, values: Partial<typeof dataAssets.$inferInsert>): Promise<void> {
    await db.update(dataAssets).set(values).where(eq(dataAssets.id, id));
  },
};

/** SQL for catalog filings and their events. */
export const filingRepository = {
  /** Filings of the orgs inside the scope, newest first. */
  async list(db: Db, scope: OrgScope, f: { status?: string; orgId?: string }): Promise<FilingWithOrg[]> {
    const where: (SQL | undefined)[] = [orgScopeSql(scope)];
    if (f.status) where.push(eq(catalogFilings.status, f.status));
    if (f.orgId) where.push(eq(catalogFilings.orgId, f.orgId));
    const rows = await db
      .select({ f: catalogFilings, orgName: orgs.name })
      .from(catalogFilings)
      .innerJoin(orgs, eq(orgs.id, catalogFilings.orgId))
      .where(and(...where))
      .orderBy(desc(catalogFilings.submittedAt), asc(catalogFilings.id))
      .limit(500);
    return rows.map((r) => ({ ...r.f, orgName: r.orgName }));
  },
  /** One filing inside the scope, or undefined (callers answer 404). */
  async findInScope(db: Db, scope: OrgScope, id: string): Promise<FilingWithOrg | undefined> {
    const [r] = await db
      .select({ f: catalogFilings, orgName: orgs.name })
      .from(catalogFilings)
      .innerJoin(orgs, eq(orgs.id, catalogFilings.orgId))
      .where(and(eq(catalogFilings.id, id), orgScopeSql(scope)));
    return r && { ...r.f, orgName: r.orgName };
  },
  /** The org's filing under review or returned, if any (at most one: `catalog_filings_open_uq`). */
  async openOf(db: Db, orgId: string): Promise<CatalogFilingRow | undefined> {
    const [r] = await db
      .select()
      .from(catalogFilings)
      .where(and(eq(catalogFilings.orgId, orgId), inArray(catalogFilings.status, OPEN)));
    return r;
  },
  /** The org's current approved filing (the baseline of the change rule). */
  async lastApproved(db: Db, orgId: string): Promise<CatalogFilingRow | undefined> {
    const [r] = await db
      .select()
      .from(catalogFilings)
      .where(and(eq(catalogFilings.orgId, orgId), eq(catalogFilings.status, 'approved')))
      .orderBy(desc(catalogFilings.decidedAt))
      .limit(1);
    return r;
  },
  /** Submitted filings whose review clock has run out. */
  async overdueReviews(db: Db, now: Date): Promise<CatalogFilingRow[]> {
    return db
      .select()
      .from(catalogFilings)
      .where(and(eq(catalogFilings.status, 'submitted'), lte(catalogFilings.reviewDueAt, now)));
  },
  /** Inserts a filing. */
  async insert(db: Db, values: typeof catalogFilings.$inferInsert): Promise<CatalogFilingRow> {
    const [row] = await db.insert(catalogFilings).values(values).returning();
    return row!;
  },
  /** Updates a filing. */
  async update(db: Db, id: string, values: Partial<typeof catalogFilings.$inferInsert>): Promise<void> {
    await db.update(catalogFilings).set(values).where(eq(catalogFilings.id, id));
  },
  /** Serialises certificate numbering for one prefix until the transaction ends, then reads its last sequence. */
  async lastCertificateSeq(db: Db, prefix: string): Promise<number> {
    await db.execute(sql`select pg_advisory_xact_lock(hashtext(${prefix}))`);
    const [r] = await db
      .select({ no: sql<string | null>`max(${catalogFilings.certificateNo})` })
      .from(catalogFilings)
      .where(like(catalogFilings.certificateNo, `${prefix}%`));
    return r?.no ? Number(r.no.slice(prefix.length)) : 0;
  },
  /** Appends a review step. */
  async addEvent(db: Db, values: typeof catalogFilingEvents.$inferInsert): Promise<void> {
    await db.insert(catalogFilingEvents).values(values);
  },
  /** A filing's review steps, oldest first. */
  async events(db: Db, filingId: string): Promise<FilingEventRow[]> {
    return db
      .select()
      .from(catalogFilingEvents)
      .where(eq(catalogFilingEvents.filingId, filingId))
      .orderBy(asc(catalogFilingEvents.at), asc(catalogFilingEvents.id));
  },
  /** Whether a step of this kind is already recorded for a revision (idempotent reminders). */
  async hasEvent(db: Db, filingId: string, kind: string, revision: number): Promise<boolean> {
    const [r] = await db
      .select({ id: catalogFilingEvents.id })
      .from(catalogFilingEvents)
      .where(
        and(
          eq(catalogFilingEvents.filingId, filingId),
          eq(catalogFilingEvents.kind, kind),
          eq(catalogFilingEvents.revision, revision),
        ),
      )
      .limit(1);
    return r !== undefined;
  },
};

/** SQL for change-filing obligations. */
export const obligationRepository = {
  /** The org's open obligation, if any (at most one: `catalog_refiling_open_uq`). */
  async openOf(db: Db, orgId: string): Promise<RefilingObligationRow | undefined> {
    const [r] = await db
      .select()
      .from(refilingObligations)
      .where(and(eq(refilingObligations.orgId, orgId), eq(refilingObligations.status, 'open')));
    return r;
  },
  /** Open obligations due on or before `until`. */
  async openDueBy(db: Db, until: Date): Promise<RefilingObligationRow[]> {
    return db
      .select()
      .from(refilingObligations)
      .where(and(eq(refilingObligations.status, 'open'), lte(refilingObligations.dueAt, until)));
  },
  /** Inserts an obligation. */
  async insert(db: Db, values: typeof refilingObligations.$inferInsert): Promise<RefilingObligationRow> {
    const [row] = await db.insert(refilingObligations).values(values).returning();
    return row!;
  },
  /** Updates an obligation. */
  async update(db: Db, id: string, values: Partial<typeof refilingObligations.$inferInsert>): Promise<void> {
    await db.update(refilingObligations).set(values).where(eq(refilingObligations.id, id));
  },
  /**
   * Whether a reminder of this kind and stage already went out for an obligation. The obligation table has no
   * reminder column, so the sent notification itself is the record (its `data` names the obligation and stage).
   */
  async reminded(db: Db, kind: string, obligationId: string, stage: string): Promise<boolean> {
    const [r] = await db
      .select({ id: notifications.id })
      .from(notifications)
      .where(
        and(
          eq(notifications.kind, kind),
          sql`${notifications.data}->>'obligationId' = ${obligationId}`,
          sql`${notifications.data}->>'stage' = ${stage}`,
        ),
      )
      .limit(1);
    return r !== undefined;
  },
};
