import { and, asc, countDistinct, desc, eq, gte, isNull, lte, or, type SQL, sql, sum } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { enterpriseProfiles } from '../enterprises/enterprises.table';
import type { OrgScope } from '../identity/identity.policy';
import { orgScopeSql } from '../identity/identity.repository';
import { orgs } from '../identity/identity.table';
import { type TalentRow, type TrainingSessionRow, talents, trainingSessions } from './training.table';

/** A record with its enterprise's name. */
export type Named<T> = T & { orgName: string };

/** List filters after scope; `after` is the keyset position (day, id) of the previous page's last row. */
export interface TrainingFilter {
  orgId?: string;
  provinceCode?: string;
  after?: [string, string];
  limit: number;
}

/** The days a roll-up counts: sessions inside the period up to today, talents valid today. */
export interface CountWindow {
  from: string;
  to: string;
  yearStart: string;
  today: string;
}

/** Per-group counts of a roll-up. */
export interface Counts {
  sessions: number;
  personTimes: number;
  personTimesThisYear: number;
  talents: number;
}

const num = (v: unknown) => Number(v ?? 0);

const s = trainingSessions;
const t = talents;
/** Sessions counted by a roll-up: inside the programme period, held by today. */
const sessionsIn = (w: CountWindow) =>
  and(gte(s.heldOn, w.from), lte(s.heldOn, w.to), lte(s.heldOn, w.today));
/** Certificates counted by a roll-up: issued by today and not expired. */
const validOn = (w: CountWindow) =>
  and(lte(t.issuedOn, w.today), or(isNull(t.validUntil), gte(t.validUntil, w.today)));
const sessionCounts = (w: CountWindow) => ({
  sessions: sql<number>`count(*)`,
  personTimes: sum(s.personTimes),
  personTimesThisYear: sql<number>`coalesce(sum(${s.personTimes}) filter (where ${s.heldOn} >= ${w.yearStart}), 0)`,
});
const zero = (): Counts => ({ sessions: 0, personTimes: 0, personTimesThisYear: 0, talents: 0 });
const sessionNumbers = (r: { sessions: unknown; personTimes: unknown; personTimesThisYear: unknown }) => ({
  sessions: num(r.sessions),
  personTimes: num(r.personTimes),
  personTimesThisYear: num(r.personTimesThisYear),
});

/** SQL for training sessions and certified talents, and their roll-ups. */
export const trainingRepository = {
  /** An enterprise org inside the scope with its registry province (else the org's), or undefined (404). */
  async enterprise(db: Db, scope: OrgScope, orgId: string) {
    const [r] = await db
      .select({
        id: orgs.id,
        name: orgs.name,
        provinceCode: sql<string | null>`coalesce(${enterpriseProfiles.provinceCode}, ${orgs.provinceCode})`,
      })
      .from(orgs)
      .leftJoin(enterpriseProfiles, eq(enterpriseProfiles.orgId, orgs.id))
      .where(and(eq(orgs.id, orgId), eq(orgs.kind, 'enterprise'), orgScopeSql(scope)));
    return r;
  },
  /** Inserts a session. */
  async insertSession(db: Db, values: typeof trainingSessions.$inferInsert): Promise<TrainingSessionRow> {
    const [r] = await db.insert(trainingSessions).values(values).returning();
    return r!;
  },
  /** Inserts a talent. */
  async insertTalent(db: Db, values: typeof talents.$inferInsert): Promise<TalentRow> {
    const [r] = await db.insert(talents).values(values).returning();
    return r!;
  },
  /** Whether the org already records this certificate number for this certificate. */
  async talentExists(db: Db, orgId: string, certificate: string, certificateNo: string): Promise<boolean> {
    const [r] = await db
      .select({ id: talents.id })
      .from(talents)
      .where(
        and(
          eq(talents.orgId, orgId),
          eq(talents.certificate, certificate),
          eq(talents.certificateNo, certificateNo),
        ),
      )
      .limit(1);
    return r !== undefined;
  },
  /** A page of sessions inside the scope, newest first. */
  async listSessions(db: Db, scope: OrgScope, f: TrainingFilter): Promise<Named<TrainingSessionRow>[]> {
    const where: (SQL | undefined)[] = [orgScopeSql(scope)];
    if (f.orgId) where.push(eq(s.orgId, f.orgId));
    if (f.provinceCode) where.push(eq(s.provinceCode, f.provinceCode));
    if (f.after) where.push(sql`(${s.heldOn}, ${s.id}) < (${f.after[0]}::date, ${f.after[1]}::uuid)`);
    const rows = await db
      .select({ row: s, orgName: orgs.name })
      .from(s)
      .innerJoin(orgs, eq(orgs.id, s.orgId))
      .where(and(...where))
      .orderBy(desc(s.heldOn), desc(s.id))
      .limit(f.limit);
    return rows.map((r) => ({ ...r.row, orgName: r.orgName }));
  },
  /** A page of talents inside the scope, by name. */
  async listTalents(db: Db, scope: OrgScope, f: TrainingFilter): Promise<Named<TalentRow>[]> {
    const where: (SQL | undefined)[] = [orgScopeSql(scope)];
    if (f.orgId) where.push(eq(t.orgId, f.orgId));
    if (f.provinceCode) where.push(eq(t.provinceCode, f.provinceCode));
    if (f.after) where.push(sql`(${t.name}, ${t.id}) > (${f.after[0]}, ${f.after[1]}::uuid)`);
    const rows = await db
      .select({ row: t, orgName: orgs.name })
      .from(t)
      .innerJoin(orgs, eq(orgs.id, t.orgId))
      .where(and(...where))
      .orderBy(asc(t.name), asc(t.id))
      .limit(f.limit);
    return rows.map((r) => ({ ...r.row, orgName: r.orgName }));
  },
  /** One session inside the scope. */
  async findSession(db: Db, scope: OrgScope, id: string): Promise<Named<TrainingSessionRow> | undefined> {
    const [r] = await db
      .select({ row: trainingSessions, orgName: orgs.name })
      .from(trainingSessions)
      .innerJoin(orgs, eq(orgs.id, trainingSessions.orgId))
      .where(and(eq(trainingSessions.id, id), orgScopeSql(scope)));
    return r && { ...r.row, orgName: r.orgName };
  },
  /** One talent inside the scope. */
  async findTalent(db: Db, scope: OrgScope, id: string): Promise<Named<TalentRow> | undefined> {
    const [r] = await db
      .select({ row: talents, orgName: orgs.name })
      .from(talents)
      .innerJoin(orgs, eq(orgs.id, talents.orgId))
      .where(and(eq(talents.id, id), orgScopeSql(scope)));
    return r && { ...r.row, orgName: r.orgName };
  },
  /** Deletes a session. */
  async deleteSession(db: Db, id: string): Promise<void> {
    await db.delete(trainingSessions).where(eq(trainingSessions.id, id));
  },
  /** Deletes a talent. */
  async deleteTalent(db: Db, id: string): Promise<void> {
    await db.delete(talents).where(eq(talents.id, id));
  },
  /** Counts per enterprise inside the scope (every enterprise, zeros included), optionally one province's. */
  async countsByEnterprise(db: Db, scope: OrgScope, w: CountWindow, provinceCode?: string) {
    const province = sql<string>`coalesce(${enterpriseProfiles.provinceCode}, ${orgs.provinceCode})`;
    const list = await db
      .select({ orgId: orgs.id, name: orgs.name, provinceCode: province })
      .from(orgs)
      .leftJoin(enterpriseProfiles, eq(enterpriseProfiles.orgId, orgs.id))
      .where(
        and(
          eq(orgs.kind, 'enterprise'),
          orgScopeSql(scope),
          provinceCode ? sql`${province} = ${provinceCode}` : undefined,
        ),
      )
      .orderBy(asc(orgs.name), asc(orgs.id));
    const inScope = and(eq(orgs.kind, 'enterprise'), orgScopeSql(scope));
    const sessionRows = await db
      .select({ orgId: s.orgId, ...sessionCounts(w) })
      .from(s)
      .innerJoin(orgs, eq(orgs.id, s.orgId))
      .where(and(inScope, sessionsIn(w)))
      .groupBy(s.orgId);
    const talentRows = await db
      .select({ orgId: t.orgId, talents: countDistinct(t.name) })
      .from(t)
      .innerJoin(orgs, eq(orgs.id, t.orgId))
      .where(and(inScope, validOn(w)))
      .groupBy(t.orgId);
    const byOrg = new Map(sessionRows.map((r) => [r.orgId, sessionNumbers(r)]));
    const talentsOf = new Map(talentRows.map((r) => [r.orgId, num(r.talents)]));
    return list.map((e) => ({
      ...e,
      ...zero(),
      ...byOrg.get(e.orgId),
      talents: talentsOf.get(e.orgId) ?? 0,
    }));
  },
  /** Counts per province (or of one), by the province each record was made in, so a move rewrites nothing. */
  async countsByProvince(
    db: Db,
    w: CountWindow,
    only?: string,
  ): Promise<(Counts & { provinceCode: string })[]> {
    const sessionRows = await db
      .select({ provinceCode: s.provinceCode, ...sessionCounts(w) })
      .from(s)
      .where(and(sessionsIn(w), only ? eq(s.provinceCode, only) : undefined))
      .groupBy(s.provinceCode);
    const talentRows = await db
      .select({ provinceCode: t.provinceCode, talents: sql<number>`count(distinct (${t.orgId}, ${t.name}))` })
      .from(t)
      .where(and(validOn(w), only ? eq(t.provinceCode, only) : undefined))
      .groupBy(t.provinceCode);
    const out = new Map<string, Counts & { provinceCode: string }>();
    const at = (provinceCode: string) => {
      const c = out.get(provinceCode) ?? { provinceCode, ...zero() };
      out.set(provinceCode, c);
      return c;
    };
    for (const r of sessionRows) Object.assign(at(r.provinceCode), sessionNumbers(r));
    for (const r of talentRows) at(r.provinceCode).talents = num(r.talents);
    return [...out.values()].sort((a, b) => a.provinceCode.localeCompare(b.provinceCode));
  },
};
