import {
  and,
  asc,
  desc,
  eq,
  getTableColumns,
  gt,
  inArray,
  isNotNull,
  isNull,
  lte,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Db } from '../../db/client';
import { orgs } from '../identity/identity.table';
import { products } from '../products/products.table';
import {
  type AdvisoryRow,
  type AttachmentRow,
  advisories,
  type EventRow,
  freezeWindows,
  intakeLog,
  type NationalReportRow,
  nationalReports,
  type ReportRow,
  vulnerabilityReports as r,
  vulnerabilityAttachments,
  vulnerabilityEvents,
} from './vulnerabilities.table';

/** Which reports an actor may see: all (ministry), or those its org provides the product for or reported. */
export type ReportScope = { kind: 'all' } | { kind: 'org'; orgId: string };

/** States in which the national report is still owed (RMSV art. 7(2)). */
export const PRE_NATIONAL_STATES = ['submitted', 'triage', 'needs-info', 'confirmed'] as const;
const OPEN_STATES = [
  'submitted',
  'triage',
  'needs-info',
  'confirmed',
  'nationally-reported',
  'fix-available',
  'users-notified',
];

const scopeSql = (s: ReportScope): SQL | undefined =>
  s.kind === 'all' ? undefined : or(eq(r.vendorOrgId, s.orgId), eq(r.reporterOrgId, s.orgId));

/** A report with its product and vendor names. */
export type ReportWithNames = ReportRow & {
  productName: string | null;
  productModel: string | null;
  productPurl: string | null;
  vendorName: string | null;
};

const withNames = {
  report: r,
  productName: products.name,
  productModel: products.model,
  productPurl: products.purl,
  vendorName: orgs.name,
};
const flatten = (x: Omit<ReportWithNames, keyof ReportRow> & { report: ReportRow }): ReportWithNames => ({
  ...x.report,
  productName: x.productName,
  productModel: x.productModel,
  productPurl: x.productPurl,
  vendorName: x.vendorName,
});

/** SQL for vulnerability reports, their timeline, attachments, intake log, national reports and advisories. */
export const reportRepository = {
  /** The next human-readable reference, e.g. BWK-2026-00042. */
  async nextRef(db: Db, year: number): Promise<string> {
    const res = await db.execute<{ n: string }>(sql`select nextval('vulnerability_ref_seq')::text as n`);
    const n = (res as unknown as { rows: { n: string }[] }).rows[0]!.n;
    return `BWK-${year}-${n.padStart(5, '0')}`;
  },
  /** Inserts a report. */
  async insert(db: Db, values: typeof r.$inferInsert): Promise<ReportRow> {
    const [row] = await db.insert(r).values(values).returning();
    return row!;
  },
  /** One report inside the scope, locked for update when `lock`. */
  async find(db: Db, scope: ReportScope, id: string, lock = false): Promise<ReportWithNames | undefined> {
    const q = db
      .select(withNames)
      .from(r)
      .leftJoin(products, eq(products.id, r.productId))
      .leftJoin(orgs, eq(orgs.id, r.vendorOrgId))
      .where(and(eq(r.id, id), scopeSql(scope)));
    const [row] = lock ? await q.for('update', { of: r }) : await q;
    return row ? flatten(row) : undefined;
  },
  /** The report an anonymous claim code belongs to. */
  async findByClaim(db: Db, claimHash: string): Promise<ReportWithNames | undefined> {
    const [row] = await db
      .select(withNames)
      .from(r)
      .leftJoin(products, eq(products.id, r.productId))
      .leftJoin(orgs, eq(orgs.id, r.vendorOrgId))
      .where(eq(r.claimCodeHash, claimHash));
    return row ? flatten(row) : undefined;
  },
  /** A keyset page, newest first. */
  async list(
    db: Db,
    scope: ReportScope,
    f: {
      unrouted?: boolean;
      state?: string;
      overdueAt?: Date;
      vendorOrgId?: string;
      reporterOrgId?: string;
      before?: [string, string];
      limit: number;
    },
  ): Promise<ReportWithNames[]> {
    const where: (SQL | undefined)[] = [scopeSql(scope)];
    if (f.state) where.push(eq(r.state, f.state));
    if (f.unrouted) where.push(isNull(r.vendorOrgId));
    if (f.vendorOrgId) where.push(eq(r.vendorOrgId, f.vendorOrgId));
    if (f.reporterOrgId) where.push(eq(r.reporterOrgId, f.reporterOrgId));
    if (f.overdueAt) {
      where.push(inArray(r.state, [...PRE_NATIONAL_STATES]), lte(r.nationalReportDueAt, f.overdueAt));
    }
    if (f.before)
      where.push(sql`(${r.createdAt}, ${r.id}) < (${f.before[0]}::timestamptz, ${f.before[1]}::uuid)`);
    const rows = await db
      .select(withNames)
      .from(r)
      .leftJoin(products, eq(products.id, r.productId))
      .leftJoin(orgs, eq(orgs.id, r.vendorOrgId))
      .where(and(...where))
      .orderBy(desc(r.createdAt), desc(r.id))
      .limit(f.limit);
    return rows.map(flatten);
  },
  /** Updates a report. */
  async update(db: Db, id: string, values: Partial<typeof r.$inferInsert>): Promise<ReportRow> {
    const [row] = await db.update(r).set(values).where(eq(r.id, id)).returning();
    return row!;
  },
  /** Open reports on the same product (or vendor) to score as duplicate candidates. */
  async duplicatePool(db: Db, productId: string | null, vendorOrgId: string | null, exceptId: string) {
    if (!productId && !vendorOrgId) return [];
    return db
      .select()
      .from(r)
      .where(
        and(
          productId ? eq(r.productId, productId) : eq(r.vendorOrgId, vendorOrgId!),
          inArray(r.state, OPEN_STATES),
          sql`${r.id} <> ${exceptId}::uuid`,
        ),
      )
      .orderBy(desc(r.createdAt))
      .limit(200);
  },
  /** Reports by id (for candidate titles). */
  async byIds(db: Db, ids: string[]): Promise<ReportRow[]> {
    return ids.length ? db.select().from(r).where(inArray(r.id, ids)) : [];
  },
  /** Reports whose RMSV clocks still run (a national report is owed), for reminders and escalation. */
  async withRunningClocks(db: Db, now: Date, limit: number): Promise<ReportRow[]> {
    return db
      .select()
      .from(r)
      .where(
        and(
          inArray(r.state, [...PRE_NATIONAL_STATES]),
          isNotNull(r.nationalReportDueAt),
          or(isNull(r.escalatedAt), gt(r.nationalReportDueAt, now)),
        ),
      )
      .orderBy(asc(r.nationalReportDueAt))
      .limit(limit);
  },

  /** Appends a timeline entry. */
  async addEvent(db: Db, values: typeof vulnerabilityEvents.$inferInsert): Promise<void> {
    await db.insert(vulnerabilityEvents).values(values);
  },
  /** A report's timeline, oldest first; reporters see only reporter-visible entries. */
  async events(db: Db, reportId: string, reporterView: boolean): Promise<EventRow[]> {
    return db
      .select()
      .from(vulnerabilityEvents)
      .where(
        and(
          eq(vulnerabilityEvents.reportId, reportId),
          reporterView ? eq(vulnerabilityEvents.reporterVisible, true) : undefined,
        ),
      )
      .orderBy(asc(vulnerabilityEvents.at), asc(vulnerabilityEvents.seq));
  },

  /** Stores a sealed attachment. */
  async addAttachment(db: Db, values: typeof vulnerabilityAttachments.$inferInsert): Promise<AttachmentRow> {
    const [row] = await db.insert(vulnerabilityAttachments).values(values).returning();
    return row!;
  },
  /** A report's attachments, without their sealed bytes (up to 10 MiB each; reading a report listed them all). */
  async attachments(db: Db, reportId: string): Promise<Omit<AttachmentRow, 'sealed'>[]> {
    const { sealed: _sealed, ...meta } = getTableColumns(vulnerabilityAttachments);
    return db
      .select(meta)
      .from(vulnerabilityAttachments)
      .where(eq(vulnerabilityAttachments.reportId, reportId))
      .orderBy(asc(vulnerabilityAttachments.createdAt));
  },
  /** One attachment of a report, with its sealed bytes. */
  async attachment(db: Db, reportId: string, id: string): Promise<AttachmentRow | undefined> {
    const [row] = await db
      .select()
      .from(vulnerabilityAttachments)
      .where(and(eq(vulnerabilityAttachments.reportId, reportId), eq(vulnerabilityAttachments.id, id)));
    return row;
  },
  /** Marks which attachments are public (only with a publication). */
  async setAttachmentsPublic(db: Db, reportId: string, ids: string[]): Promise<void> {
    if (!ids.length) return;
    await db
      .update(vulnerabilityAttachments)
      .set({ public: true })
      .where(and(eq(vulnerabilityAttachments.reportId, reportId), inArray(vulnerabilityAttachments.id, ids)));
  },

  /** RMSV art. 5: one append-only intake-log row. */
  async logIntake(db: Db, values: typeof intakeLog.$inferInsert): Promise<void> {
    await db.insert(intakeLog).values(values);
  },
  /** Intake-log rows, newest first (for the ministry and platform audits). */
  async intakeLog(db: Db, orgId: string | null, limit: number) {
    return db
      .select()
      .from(intakeLog)
      .where(orgId ? or(eq(intakeLog.reporterOrgId, orgId)) : undefined)
      .orderBy(desc(intakeLog.at))
      .limit(limit);
  },

  /** The national report of a report. */
  async nationalReportOf(db: Db, reportId: string): Promise<NationalReportRow | undefined> {
    const [row] = await db.select().from(nationalReports).where(eq(nationalReports.reportId, reportId));
    return row;
  },
  /** One national report, optionally only of one vendor. */
  async nationalReport(db: Db, id: string, vendorOrgId?: string) {
    const [row] = await db
      .select({ n: nationalReports, ref: r.ref, vendorName: orgs.name })
      .from(nationalReports)
      .innerJoin(r, eq(r.id, nationalReports.reportId))
      .innerJoin(orgs, eq(orgs.id, nationalReports.vendorOrgId))
      .where(
        and(
          eq(nationalReports.id, id),
          vendorOrgId ? eq(nationalReports.vendorOrgId, vendorOrgId) : undefined,
        ),
      );
    return row;
  },
  /** National reports for the ministry inbox or a vendor, newest first. */
  async nationalReports(db: Db, f: { status?: string; vendorOrgId?: string; limit: number }) {
    return db
      .select({ n: nationalReports, ref: r.ref, vendorName: orgs.name })
      .from(nationalReports)
      .innerJoin(r, eq(r.id, nationalReports.reportId))
      .innerJoin(orgs, eq(orgs.id, nationalReports.vendorOrgId))
      .where(
        and(
          f.status ? eq(nationalReports.status, f.status) : undefined,
          f.vendorOrgId ? eq(nationalReports.vendorOrgId, f.vendorOrgId) : undefined,
        ),
      )
      .orderBy(desc(nationalReports.submittedAt))
      .limit(f.limit);
  },
  /** Inserts or replaces the national report of a report (a resubmission after "request more"). */
  async upsertNationalReport(
    db: Db,
    values: typeof nationalReports.$inferInsert,
  ): Promise<NationalReportRow> {
    const [row] = await db
      .insert(nationalReports)
      .values(values)
      .onConflictDoUpdate({
        target: nationalReports.reportId,
        set: {
          fields: values.fields,
          status: values.status,
          submittedAt: values.submittedAt,
          submittedBy: values.submittedBy,
          ministryNote: null,
        },
      })
      .returning();
    return row!;
  },
  /** Updates a national report. */
  async updateNationalReport(db: Db, id: string, values: Partial<typeof nationalReports.$inferInsert>) {
    const [row] = await db.update(nationalReports).set(values).where(eq(nationalReports.id, id)).returning();
    return row!;
  },

  /** Stores a published advisory. */
  async insertAdvisory(db: Db, values: typeof advisories.$inferInsert): Promise<AdvisoryRow> {
    const [row] = await db.insert(advisories).values(values).returning();
    return row!;
  },
  /** Published advisories, newest first. */
  async advisories(db: Db, limit: number, before?: Date): Promise<AdvisoryRow[]> {
    return db
      .select()
      .from(advisories)
      .where(before ? sql`${advisories.publishedAt} < ${before.toISOString()}::timestamptz` : undefined)
      .orderBy(desc(advisories.publishedAt))
      .limit(limit);
  },
  /** Refs and titles of a vendor's published advisories. */
  async advisoriesOfVendor(db: Db, vendorOrgId: string) {
    return db
      .select({ ref: advisories.ref, title: sql<string>`${advisories.content}->>'title'` })
      .from(advisories)
      .innerJoin(r, eq(r.id, advisories.reportId))
      .where(eq(r.vendorOrgId, vendorOrgId))
      .orderBy(desc(advisories.publishedAt));
  },
  /** Replaces an advisory's content as a new revision (e.g. a CVE id assigned after publication). */
  async reviseAdvisory(db: Db, ref: string, content: Record<string, unknown>): Promise<void> {
    await db
      .update(advisories)
      .set({ content, revision: sql`${advisories.revision} + 1` })
      .where(eq(advisories.ref, ref));
  },
  /** One advisory by ref. */
  async advisory(db: Db, ref: string): Promise<AdvisoryRow | undefined> {
    const [row] = await db.select().from(advisories).where(eq(advisories.ref, ref));
    return row;
  },

  /** Freeze windows, soonest first. */
  async freezeWindows(db: Db) {
    return db.select().from(freezeWindows).orderBy(asc(freezeWindows.fromAt));
  },
  /** Adds a freeze window. */
  async addFreezeWindow(db: Db, values: typeof freezeWindows.$inferInsert) {
    const [row] = await db.insert(freezeWindows).values(values).returning();
    return row!;
  },
  /** Deletes a freeze window; returns whether it existed. */
  async deleteFreezeWindow(db: Db, id: string): Promise<boolean> {
    const rows = await db
      .delete(freezeWindows)
      .where(eq(freezeWindows.id, id))
      .returning({ id: freezeWindows.id });
    return rows.length > 0;
  },
};
