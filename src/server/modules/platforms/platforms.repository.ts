import { and, asc, count, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { type FilingRow, platformFilings } from './platforms.table';

/** SQL for collection-platform filings. */
export const filingRepository = {
  /** The filing of a platform org. */
  async findByOrg(db: Db, orgId: string): Promise<FilingRow | undefined> {
    const [r] = await db.select().from(platformFilings).where(eq(platformFilings.orgId, orgId));
    return r;
  },
  /** A filing by id, optionally only within one org (tenancy). */
  async find(db: Db, id: string, orgId?: string): Promise<FilingRow | undefined> {
    const where: SQL[] = [eq(platformFilings.id, id)];
    if (orgId) where.push(eq(platformFilings.orgId, orgId));
    const [r] = await db
      .select()
      .from(platformFilings)
      .where(and(...where))
      .for('update');
    return r;
  },
  /** All filings, optionally by status, oldest submission first (the ministry's queue). */
  async list(db: Db, status?: string): Promise<FilingRow[]> {
    return db
      .select()
      .from(platformFilings)
      .where(status ? eq(platformFilings.status, status) : undefined)
      .orderBy(asc(platformFilings.submittedAt), asc(platformFilings.createdAt));
  },
  /** Inserts a filing. */
  async insert(db: Db, values: typeof platformFilings.$inferInsert): Promise<FilingRow> {
    const [r] = await db.insert(platformFilings).values(values).returning();
    return r!;
  },
  /** Updates a filing. */
  async update(db: Db, id: string, values: Partial<typeof platformFilings.$inferInsert>): Promise<FilingRow> {
    const [r] = await db.update(platformFilings).set(values).where(eq(platformFilings.id, id)).returning();
    return r!;
  },
  /** How many filings were approved in a year (for the filing-number sequence). */
  async approvedInYear(db: Db, year: number): Promise<number> {
    const [r] = await db
      .select({ n: count() })
      .from(platformFilings)
      .where(
        and(
          gte(platformFilings.decidedAt, new Date(Date.UTC(year, 0, 1))),
          lt(platformFilings.decidedAt, new Date(Date.UTC(year + 1, 0, 1))),
          eq(platformFilings.status, 'approved'),
        ),
      );
    return r?.n ?? 0;
  },
};
