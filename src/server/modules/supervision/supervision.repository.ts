import { and, asc, desc, eq, inArray, isNotNull, isNull, lte, not, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { preparedOnce } from '../../db/prepared';
import { catalogFilings } from '../data-catalog/data-catalog.table';
import { drills } from '../drills/drills.table';
import { enterpriseProfiles, enterpriseTopDecile } from '../enterprises/enterprises.table';
import { exposures } from '../exposure/exposure.table';
import { orgs } from '../identity/identity.table';
import { incidents } from '../incidents/incidents.table';
import { type CoverageSpec, coveredSql } from '../programme/programme.repository';
import { talents, trainingSessions } from '../training/training.table';
import { PRE_NATIONAL_STATES } from '../vulnerabilities/vulnerabilities.repository';
import { vulnerabilityReports as vr } from '../vulnerabilities/vulnerabilities.table';
import { type Area, AreaRollup, NATION, type Place, severityBucket } from './rules/area-rollup';
import {
  type HistoryRow,
  type IncidentMonths,
  supervisionHistory,
  supervisionSnapshots,
} from './supervision.table';

const n = (v: unknown) => Number(v ?? 0);
/** Every dashboard request asks this first (it keys the service's memo), so it is built once and prepared. */
const refreshedAtOf = preparedOnce((db) =>
  db
    .select({ refreshedAt: supervisionSnapshots.refreshedAt })
    .from(supervisionSnapshots)
    .where(eq(supervisionSnapshots.areaCode, sql.placeholder('code')))
    .prepare('supervision_refreshed_at'),
);
const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const ep = enterpriseProfiles;

/** What each figure counts, as SQL conditions shared by the roll-up and the drill-down lists behind it. */
export const counted = {
  /** A training session counts once held (on or before the Shanghai day `today`). */
  training: (today: string) => lte(trainingSessions.heldOn, today),
  /** A talent counts from the certificate's issue day. */
  talents: (today: string) => lte(talents.issuedOn, today),
  /** A drill counts once completed and filed with the provincial regulator (it can only be filed completed). */
  drills: (now: Date) => and(isNotNull(drills.filedAt), lte(drills.filedAt, now)),
  /** Real incidents with a tier; practice incidents raised by drills never count. */
  incidents: () => and(not(incidents.practice), isNotNull(incidents.tier)),
  /** Exposures still open: unresolved and not triaged away. */
  exposures: () => and(isNull(exposures.resolvedAt), eq(exposures.state, 'affected')),
  /** Catalog filings under the regulator's review. */
  filings: () => eq(catalogFilings.status, 'submitted'),
};

/** The national report (RMSV 7(2)) status of a report at `now`; null when it never needed one. */
export const nationalStatusSql = (now: Date) => sql<string | null>`case
  when ${vr.nationalReportedAt} is not null and (${vr.nationalReportDueAt} is null or ${vr.nationalReportedAt} <= ${vr.nationalReportDueAt}) then 'on-time'
  when ${vr.nationalReportedAt} is not null then 'late'
  when ${inArray(vr.state, [...PRE_NATIONAL_STATES])} and ${vr.nationalReportDueAt} <= ${at(now)} then 'overdue'
  when ${inArray(vr.state, [...PRE_NATIONAL_STATES])} then 'pending'
  else null end`;

/** Province and city of a row owned by an enterprise: the given province column, the owner's profile city. */
const place = (p: unknown, c: unknown): Place => ({
  p: typeof p === 'string' && p ? p : null,
  c: typeof c === 'string' && c ? c : null,
});

/**
 * The supervision read model's SQL: every figure of every area, computed set-based (one grouped statement per
 * kind of figure, each an index or sequential pass over one base table), and the snapshot and history rows.
 */
export const supervisionRepository = {
  /**
   * Every area's figures as of `now`, rolled up from grouped counts (see counted and coveredSql). Cumulative
   * figures count only what existed by `now`, so a past instant gives that day's history point; states that
   * change later (a filing's review, an exposure's resolution) are read as they are now.
   */
  async compute(db: Db, now: Date, today: string, spec: CoverageSpec, provinces: readonly string[]) {
    const roll = new AreaRollup(provinces);
    const covered = coveredSql(spec);
    const ents = await db
      .select({
        p: orgs.provinceCode,
        c: ep.cityCode,
        registered: sql<number>`count(*)`,
        covered: sql<number>`count(*) filter (where ${covered})`,
        top: sql<number>`count(*) filter (where ${ep.topDecile})`,
        topCovered: sql<number>`count(*) filter (where ${ep.topDecile} and ${covered})`,
      })
      .from(orgs)
      .leftJoin(ep, eq(ep.orgId, orgs.id))
      .where(and(eq(orgs.kind, 'enterprise'), lte(orgs.createdAt, now)))
      .groupBy(orgs.provinceCode, ep.cityCode);
    for (const r of ents) {
      const at = place(r.p, r.c);
      roll.add(at, 'enterprisesRegistered', n(r.registered));
      roll.add(at, 'enterprisesCovered', n(r.covered));
      roll.add(at, 'topDecileMembers', n(r.top));
      roll.add(at, 'topDecileCovered', n(r.topCovered));
    }
    for (const r of await db.select().from(enterpriseTopDecile)) {
      roll.add(place(r.provinceCode, null), 'topDecileQuota', r.quota);
    }
    const training = await db
      .select({
        p: trainingSessions.provinceCode,
        c: ep.cityCode,
        v: sql<number>`sum(${trainingSessions.personTimes})`,
      })
      .from(trainingSessions)
      .leftJoin(ep, eq(ep.orgId, trainingSessions.orgId))
      .where(counted.training(today))
      .groupBy(trainingSessions.provinceCode, ep.cityCode);
    for (const r of training) roll.add(place(r.p, r.c), 'trainingPersonTimes', n(r.v));
    const people = await db
      .select({ p: talents.provinceCode, c: ep.cityCode, v: sql<number>`count(*)` })
      .from(talents)
      .leftJoin(ep, eq(ep.orgId, talents.orgId))
      .where(counted.talents(today))
      .groupBy(talents.provinceCode, ep.cityCode);
    for (const r of people) roll.add(place(r.p, r.c), 'talents', n(r.v));
    const filed = await db
      .select({ p: drills.provinceCode, c: ep.cityCode, v: sql<number>`count(*)` })
      .from(drills)
      .leftJoin(ep, eq(ep.orgId, drills.orgId))
      .where(counted.drills(now))
      .groupBy(drills.provinceCode, ep.cityCode);
    for (const r of filed) roll.add(place(r.p, r.c), 'drillsCompleted', n(r.v));
    const tiers = await db
      .select({ p: incidents.provinceCode, c: ep.cityCode, tier: incidents.tier, v: sql<number>`count(*)` })
      .from(incidents)
      .leftJoin(ep, eq(ep.orgId, incidents.orgId))
      .where(and(counted.incidents(), lte(incidents.reportedAt, now)))
      .groupBy(incidents.provinceCode, ep.cityCode, incidents.tier);
    for (const r of tiers) roll.addTo(place(r.p, r.c), 'incidents', r.tier as 'I', n(r.v));
    const status = nationalStatusSql(now);
    const vulns = await db
      .select({
        p: orgs.provinceCode,
        total: sql<number>`count(*)`,
        onTime: sql<number>`count(*) filter (where ${status} = 'on-time')`,
        late: sql<number>`count(*) filter (where ${status} = 'late')`,
        overdue: sql<number>`count(*) filter (where ${status} = 'overdue')`,
        pending: sql<number>`count(*) filter (where ${status} = 'pending')`,
      })
      .from(vr)
      .leftJoin(orgs, eq(orgs.id, vr.vendorOrgId))
      .where(lte(vr.createdAt, now))
      .groupBy(orgs.provinceCode);
    for (const r of vulns) {
      const at = place(r.p, null);
      roll.add(at, 'vulnerabilityReports', n(r.total));
      roll.add(at, 'nationalReportsOnTime', n(r.onTime));
      roll.add(at, 'nationalReportsLate', n(r.late));
      roll.add(at, 'nationalReportsOverdue', n(r.overdue));
      roll.add(at, 'nationalReportsPending', n(r.pending));
    }
    const open = await db
      .select({
        p: orgs.provinceCode,
        c: ep.cityCode,
        rank: exposures.severityRank,
        v: sql<number>`count(*)`,
      })
      .from(exposures)
      .innerJoin(orgs, eq(orgs.id, exposures.orgId))
      .leftJoin(ep, eq(ep.orgId, exposures.orgId))
      .where(and(counted.exposures(), lte(exposures.firstSeenAt, now)))
      .groupBy(orgs.provinceCode, ep.cityCode, exposures.severityRank);
    for (const r of open) roll.addTo(place(r.p, r.c), 'exposuresOpen', severityBucket(r.rank), n(r.v));
    const queue = await db
      .select({
        p: catalogFilings.provinceCode,
        c: ep.cityCode,
        pending: sql<number>`count(*)`,
        overdue: sql<number>`count(*) filter (where ${catalogFilings.reviewDueAt} < ${at(now)})`,
      })
      .from(catalogFilings)
      .leftJoin(ep, eq(ep.orgId, catalogFilings.orgId))
      .where(and(counted.filings(), lte(catalogFilings.submittedAt, now)))
      .groupBy(catalogFilings.provinceCode, ep.cityCode);
    for (const r of queue) {
      roll.add(place(r.p, r.c), 'filingsPending', n(r.pending));
      roll.add(place(r.p, r.c), 'filingsOverdue', n(r.overdue));
    }
    const months = new Map<string, IncidentMonths>();
    const month = sql<string>`to_char(${incidents.reportedAt} at time zone 'Asia/Shanghai', 'YYYY-MM')`;
    const byMonth = await db
      .select({ p: incidents.provinceCode, month, tier: incidents.tier, v: sql<number>`count(*)` })
      .from(incidents)
      .where(and(counted.incidents(), lte(incidents.reportedAt, now)))
      .groupBy(incidents.provinceCode, month, incidents.tier);
    for (const r of byMonth) {
      for (const code of r.p ? [NATION, r.p] : [NATION]) {
        const m = months.get(code) ?? {};
        const tiers = m[r.month] ?? { I: 0, II: 0, III: 0, IV: 0 };
        tiers[r.tier as 'I'] += n(r.v);
        m[r.month] = tiers;
        months.set(code, m);
      }
    }
    return { areas: roll.list(), months };
  },

  /** Serializes refreshes: two overlapping ones would both replace the snapshot. */
  async lock(tx: Db): Promise<void> {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('supervision.refresh'))`);
  },

  /** Replaces the snapshot with `areas` and records them as the Shanghai day's history point. */
  async save(
    tx: Db,
    areas: readonly Area[],
    months: ReadonlyMap<string, IncidentMonths>,
    day: string,
    now: Date,
  ): Promise<void> {
    await tx.delete(supervisionSnapshots);
    for (let i = 0; i < areas.length; i += 500) {
      const chunk = areas.slice(i, i + 500);
      await tx.insert(supervisionSnapshots).values(
        chunk.map((a) => ({
          areaCode: a.code,
          level: a.level,
          parentCode: a.parent,
          figures: a.figures,
          incidentMonths: a.level === 'city' ? null : (months.get(a.code) ?? {}),
          refreshedAt: now,
        })),
      );
    }
    await this.saveHistory(
      tx,
      areas.filter((a) => a.level !== 'city'),
      day,
      now,
    );
  },

  /** Upserts history points (nation and provinces) for a day. */
  async saveHistory(tx: Db, areas: readonly Area[], day: string, now: Date): Promise<void> {
    for (let i = 0; i < areas.length; i += 500) {
      await tx
        .insert(supervisionHistory)
        .values(
          areas
            .slice(i, i + 500)
            .map((a) => ({ areaCode: a.code, day, figures: a.figures, computedAt: now })),
        )
        .onConflictDoUpdate({
          target: [supervisionHistory.areaCode, supervisionHistory.day],
          set: { figures: sql`excluded.figures`, computedAt: sql`excluded.computed_at` },
        });
    }
  },

  /** Whether any history point exists (a fresh install has none until its first back-fill). */
  async hasHistory(db: Db): Promise<boolean> {
    const [r] = await db.select({ a: supervisionHistory.areaCode }).from(supervisionHistory).limit(1);
    return r !== undefined;
  },

  /** An area's snapshot row. */
  async snapshot(db: Db, code: string) {
    const [row] = await db.select().from(supervisionSnapshots).where(eq(supervisionSnapshots.areaCode, code));
    return row;
  },

  /** When an area's snapshot was computed; undefined before the first refresh. */
  async refreshedAt(db: Db, code: string): Promise<Date | undefined> {
    const [row] = await refreshedAtOf(db).execute({ code });
    return row?.refreshedAt;
  },

  /** The figures of an area's children (provinces of the nation, cities of a province). */
  async children(db: Db, code: string) {
    return db
      .select({ areaCode: supervisionSnapshots.areaCode, figures: supervisionSnapshots.figures })
      .from(supervisionSnapshots)
      .where(eq(supervisionSnapshots.parentCode, code))
      .orderBy(asc(supervisionSnapshots.areaCode));
  },

  /** The latest history point before `beforeDay` of each of `codes`. */
  async historyBefore(db: Db, codes: readonly string[], beforeDay: string): Promise<HistoryRow[]> {
    if (!codes.length) return [];
    return db
      .selectDistinctOn([supervisionHistory.areaCode])
      .from(supervisionHistory)
      .where(
        and(
          inArray(supervisionHistory.areaCode, [...codes]),
          sql`${supervisionHistory.day} < ${beforeDay}::date`,
        ),
      )
      .orderBy(asc(supervisionHistory.areaCode), desc(supervisionHistory.day));
  },

  /** An area's history points from `fromDay`, oldest first. */
  async history(db: Db, code: string, fromDay: string): Promise<HistoryRow[]> {
    return db
      .select()
      .from(supervisionHistory)
      .where(and(eq(supervisionHistory.areaCode, code), sql`${supervisionHistory.day} >= ${fromDay}::date`))
      .orderBy(asc(supervisionHistory.day));
  },
};
