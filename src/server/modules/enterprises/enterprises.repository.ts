import {
  and,
  asc,
  desc,
  eq,
  ilike,
  inArray,
  isNotNull,
  isNull,
  like,
  notInArray,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Db } from '../../db/client';
import { escapeLike } from '../../db/like';
import type { OrgScope } from '../identity/identity.policy';
import { orgScopeSql } from '../identity/identity.repository';
import { orgs } from '../identity/identity.table';
import {
  enterpriseTopDecile,
  type ProfileRow,
  enterpriseProfiles as p,
  type TopDecileRow,
} from './enterprises.table';

/** A profile with its org's name (the org holds the name). */
export type ProfileWithName = ProfileRow & { name: string };

/** An enterprise org a registration creates, its id chosen by the caller so profiles can reference it. */
export interface NewOrg {
  id: string;
  kind: 'enterprise';
  name: string;
  provinceCode: string;
}

/** Registry list filters after scope. */
export interface ProfileFilter {
  provinceCode?: string;
  cityCode?: string;
  industrySection?: string;
  industryDivision?: string;
  aboveSize?: boolean;
  topDecile?: boolean;
  q?: string;
  after?: [string, string];
  limit: number;
}

// Any constant distinct from the audit chain's and the migrator's: registry writes take it first, so two of them
// never rank a province from different snapshots, and always in the same order before the audit lock.
const REGISTRY_LOCK = 727_403;
// PostgreSQL caps a statement at 65,535 parameters.
const CHUNK = 5000;

const withName = { profile: p, name: orgs.name };
const flatten = (r: { profile: ProfileRow; name: string }): ProfileWithName => ({
  ...r.profile,
  name: r.name,
});

/** SQL for the enterprise registry. */
export const profileRepository = {
  /** Serialises registry writes for the rest of the transaction. */
  async lock(tx: Db): Promise<void> {
    await tx.execute(sql`select pg_advisory_xact_lock(${REGISTRY_LOCK})`);
  },
  /** One profile inside the scope, or undefined (callers answer 404). */
  async findInScope(db: Db, scope: OrgScope, id: string): Promise<ProfileWithName | undefined> {
    const [r] = await db
      .select(withName)
      .from(p)
      .innerJoin(orgs, eq(orgs.id, p.orgId))
      .where(and(eq(p.orgId, id), orgScopeSql(scope)));
    return r && flatten(r);
  },
  /** Whether an org already has a profile. */
  async exists(db: Db, orgId: string): Promise<boolean> {
    const [r] = await db.select({ id: p.orgId }).from(p).where(eq(p.orgId, orgId));
    return r !== undefined;
  },
  /** A page inside the scope, ordered by (name, id). */
  async list(db: Db, scope: OrgScope, f: ProfileFilter): Promise<ProfileWithName[]> {
    const where: (SQL | undefined)[] = [orgScopeSql(scope)];
    if (f.provinceCode) where.push(eq(p.provinceCode, f.provinceCode));
    if (f.cityCode) where.push(eq(p.cityCode, f.cityCode));
    if (f.industrySection) where.push(eq(p.industrySection, f.industrySection));
    if (f.industryDivision) where.push(eq(p.industryDivision, f.industryDivision));
    if (f.aboveSize !== undefined) where.push(eq(p.aboveSize, f.aboveSize));
    if (f.topDecile !== undefined) where.push(eq(p.topDecile, f.topDecile));
    if (f.q) {
      where.push(
        or(ilike(orgs.name, `%${escapeLike(f.q)}%`), like(p.uscc, `${escapeLike(f.q.toUpperCase())}%`)),
      );
    }
    if (f.after) where.push(sql`(${orgs.name}, ${orgs.id}) > (${f.after[0]}, ${f.after[1]}::uuid)`);
    const rows = await db
      .select(withName)
      .from(p)
      .innerJoin(orgs, eq(orgs.id, p.orgId))
      .where(and(...where))
      .orderBy(asc(orgs.name), asc(orgs.id))
      .limit(f.limit);
    return rows.map(flatten);
  },
  /** Profiles by USCC, in any scope (codes are unique nationally; callers check the scope). */
  async byUscc(db: Db, usccs: readonly string[]): Promise<ProfileWithName[]> {
    const out: ProfileWithName[] = [];
    for (let i = 0; i < usccs.length; i += CHUNK) {
      const rows = await db
        .select(withName)
        .from(p)
        .innerJoin(orgs, eq(orgs.id, p.orgId))
        .where(inArray(p.uscc, usccs.slice(i, i + CHUNK)));
      out.push(...rows.map(flatten));
    }
    return out;
  },
  /** Enterprise orgs with no profile yet whose name is one of `names` (an import links rather than duplicates). */
  async unregisteredOrgs(db: Db, names: readonly string[]) {
    const out: { id: string; name: string; provinceCode: string | null }[] = [];
    for (let i = 0; i < names.length; i += CHUNK) {
      const rows = await db
        .select({ id: orgs.id, name: orgs.name, provinceCode: orgs.provinceCode })
        .from(orgs)
        .leftJoin(p, eq(p.orgId, orgs.id))
        .where(
          and(eq(orgs.kind, 'enterprise'), isNull(p.orgId), inArray(orgs.name, names.slice(i, i + CHUNK))),
        );
      out.push(...rows);
    }
    return out;
  },
  /** Inserts new enterprise orgs with their given ids, a chunk per statement (orgs come before their profiles). */
  async insertOrgs(db: Db, rows: readonly NewOrg[], now: Date): Promise<void> {
    const values = rows.map((r) => ({ ...r, createdAt: now, updatedAt: now }));
    for (let i = 0; i < values.length; i += CHUNK) await db.insert(orgs).values(values.slice(i, i + CHUNK));
  },
  /** Inserts profiles, a chunk per statement. */
  async insertMany(db: Db, rows: readonly (typeof p.$inferInsert)[]): Promise<void> {
    // 17 columns a row: 1,000 rows stay well under the parameter cap.
    for (let i = 0; i < rows.length; i += 1000) await db.insert(p).values(rows.slice(i, i + 1000));
  },
  /** Updates a profile. */
  async update(db: Db, orgId: string, values: Partial<typeof p.$inferInsert>): Promise<ProfileRow> {
    const [r] = await db.update(p).set(values).where(eq(p.orgId, orgId)).returning();
    return r!;
  },
  /** The candidates for a province's ranking: above-size profiles with a revenue figure. */
  async rankingPopulation(db: Db, provinceCode: string) {
    return db
      .select({
        orgId: p.orgId,
        uscc: p.uscc,
        cityCode: p.cityCode,
        industryDivision: p.industryDivision,
        annualRevenueYuan: p.annualRevenueYuan,
      })
      .from(p)
      .where(and(eq(p.provinceCode, provinceCode), eq(p.aboveSize, true), isNotNull(p.annualRevenueYuan)));
  },
  /** Marks exactly `members` as the province's top decile, writing only the rows whose flag changes. */
  async setTopDecile(db: Db, provinceCode: string, members: readonly string[]): Promise<void> {
    const inProvince = eq(p.provinceCode, provinceCode);
    await db
      .update(p)
      .set({ topDecile: false })
      .where(and(inProvince, eq(p.topDecile, true), notInArray(p.orgId, [...members])));
    for (let i = 0; i < members.length; i += CHUNK) {
      await db
        .update(p)
        .set({ topDecile: true })
        .where(and(inProvince, eq(p.topDecile, false), inArray(p.orgId, members.slice(i, i + CHUNK))));
    }
  },
  /** Records a province's population and quota. */
  async saveTopDecileSummary(db: Db, row: TopDecileRow): Promise<void> {
    await db
      .insert(enterpriseTopDecile)
      .values(row)
      .onConflictDoUpdate({
        target: enterpriseTopDecile.provinceCode,
        set: { population: row.population, quota: row.quota, computedAt: row.computedAt },
      });
  },
  /** A province's population and quota, if ever computed. */
  async topDecileSummary(db: Db, provinceCode: string): Promise<TopDecileRow | undefined> {
    const [r] = await db
      .select()
      .from(enterpriseTopDecile)
      .where(eq(enterpriseTopDecile.provinceCode, provinceCode));
    return r;
  },
  /** A province's top decile, highest revenue first and ties by USCC (the rule's order). */
  async topDecileMembers(db: Db, provinceCode: string): Promise<ProfileWithName[]> {
    const rows = await db
      .select(withName)
      .from(p)
      .innerJoin(orgs, eq(orgs.id, p.orgId))
      .where(and(eq(p.provinceCode, provinceCode), eq(p.topDecile, true)))
      .orderBy(desc(p.annualRevenueYuan), sql`${p.uscc} collate "C"`);
    return rows.map(flatten);
  },
};
