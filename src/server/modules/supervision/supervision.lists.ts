import { and, desc, eq, gte, ilike, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DrillKind } from '../../../contracts/supervision';
import type { Db } from '../../db/client';
import { escapeLike } from '../../db/like';
import { catalogFilings } from '../data-catalog/data-catalog.table';
import { drills } from '../drills/drills.table';
import { enterpriseProfiles as ep } from '../enterprises/enterprises.table';
import { assets, exposures } from '../exposure/exposure.table';
import { orgs } from '../identity/identity.table';
import { incidents } from '../incidents/incidents.table';
import { type CoverageSpec, coveredSql, programmeRepository } from '../programme/programme.repository';
import { talents, trainingSessions } from '../training/training.table';
import { vulnerabilityReports as vr } from '../vulnerabilities/vulnerabilities.table';
import { counted, nationalStatusSql } from './supervision.repository';

/** A drill-down filter after the area policy: the province is fixed for provincial regulators. */
export interface ListFilter {
  province?: string;
  city?: string;
  covered?: boolean;
  topDecile?: boolean;
  industrySection?: string;
  tier?: string;
  /** A Shanghai month as [first day, first day of the next month] and as instants. */
  month?: { from: string; to: string; fromAt: Date; toAt: Date };
  severityRank?: number;
  status?: 'on-time' | 'late' | 'overdue' | 'pending';
  q?: string;
  now: Date;
  today: string;
  spec: CoverageSpec;
}

/** A row of a list: its id, its cells by column key, and its keyset position. */
export interface ListRow {
  id: string;
  cells: Record<string, string | number | boolean | null>;
  key: string[];
}

/** One drill-down list: the columns it shows and a keyset page query (`after` is the last row's key). */
interface ListDef {
  columns: readonly string[];
  keyCast: KeyCast;
  page(db: Db, f: ListFilter, after: string[] | null, limit: number): Promise<ListRow[]>;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
/** The SQL type of a list's first keyset column; the service validates cursor values against it. */
export type KeyCast = 'bigint' | 'timestamptz' | 'date';
const after2 = (order: SQL, id: AnyPgColumn, after: string[] | null, cast: KeyCast) =>
  after ? sql`(${order}, ${id}) < (${after[0]}::${sql.raw(cast)}, ${after[1]}::uuid)` : undefined;
const cityOf = (f: ListFilter) => (f.city ? eq(ep.cityCode, f.city) : undefined);
const provinceIs = (col: AnyPgColumn, f: ListFilter) => (f.province ? eq(col, f.province) : undefined);
const monthIn = (col: AnyPgColumn, f: ListFilter, instants: boolean) =>
  f.month
    ? instants
      ? and(gte(col, f.month.fromAt), lt(col, f.month.toAt))
      : and(gte(col, f.month.from), lt(col, f.month.to))
    : undefined;

const enterprisesList: ListDef = {
  columns: [
    'name',
    'uscc',
    'province',
    'city',
    'industry',
    'aboveSize',
    'revenueYuan',
    'topDecile',
    'covered',
  ],
  keyCast: 'bigint',
  async page(db, f, after, limit) {
    const covered = coveredSql(f.spec);
    const rank = sql<number>`coalesce(${ep.annualRevenueYuan}, -1)`;
    const where = (province: SQL | undefined): (SQL | undefined)[] => [
      eq(orgs.kind, 'enterprise'),
      province,
      cityOf(f),
      f.topDecile === undefined
        ? undefined
        : f.topDecile
          ? sql`${ep.topDecile}`
          : sql`not coalesce(${ep.topDecile}, false)`,
      f.covered === undefined ? undefined : f.covered ? sql`(${covered})` : sql`not (${covered})`,
      f.industrySection ? eq(ep.industrySection, f.industrySection) : undefined,
      f.q ? ilike(orgs.name, `%${escapeLike(f.q)}%`) : undefined,
    ];
    const columns = {
      id: orgs.id,
      name: orgs.name,
      uscc: ep.uscc,
      province: orgs.provinceCode,
      city: ep.cityCode,
      industry: ep.industryDivision,
      aboveSize: ep.aboveSize,
      revenue: ep.annualRevenueYuan,
      topDecile: ep.topDecile,
      rank,
    };
    // Profiles are read in rank order straight off enterprise_profiles_rank_idx (province, rank, org), so a deep
    // keyset page costs its own rows. Enterprise orgs without a profile yet rank last (-1) and are read apart; the
    // registry keeps a profile's province equal to its org's.
    const profiled = await db
      .select(columns)
      .from(ep)
      .innerJoin(orgs, eq(orgs.id, ep.orgId))
      .where(and(...where(provinceIs(ep.provinceCode, f)), after2(rank, ep.orgId, after, 'bigint')))
      .orderBy(desc(rank), desc(ep.orgId))
      .limit(limit);
    // Rows without a profile rank -1, after every profiled one: a page full of ranks above that cannot hold any.
    const full = profiled.length === limit && Number(profiled.at(-1)?.rank) > -1;
    const bare = full
      ? []
      : await db
          .select(columns)
          .from(orgs)
          .leftJoin(ep, eq(ep.orgId, orgs.id))
          .where(
            and(
              isNull(ep.orgId),
              ...where(provinceIs(orgs.provinceCode, f)),
              after2(sql`-1`, orgs.id, after, 'bigint'),
            ),
          )
          .orderBy(desc(orgs.id))
          .limit(limit);
    // uuid order in PostgreSQL is byte order, which is the order of the lower-case hex text.
    const byRank = (a: { rank: number; id: string }, b: { rank: number; id: string }) =>
      Number(b.rank) - Number(a.rank) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
    const page = [...profiled, ...bare].sort(byRank).slice(0, limit);
    // Coverage of the page's rows by id: in the page query PostgreSQL hashes both EXISTS over whole tables.
    const coveredOf =
      f.covered === undefined
        ? await programmeRepository.coveredFlags(
            db,
            page.map((r) => r.id),
            f.spec,
          )
        : null;
    return page.map((r) => ({
      id: r.id,
      key: [String(r.rank), r.id],
      cells: {
        name: r.name,
        uscc: r.uscc,
        province: r.province,
        city: r.city,
        industry: r.industry,
        aboveSize: r.aboveSize,
        revenueYuan: r.revenue,
        topDecile: r.topDecile ?? false,
        covered: f.covered ?? coveredOf?.get(r.id) ?? false,
      },
    }));
  },
};

/** Lists of rows owned by an enterprise, ordered newest first by one timestamp or date column. */
function ownedList<T extends Record<string, unknown>>(spec: {
  columns: readonly string[];
  table: AnyPgColumn['table'];
  id: AnyPgColumn;
  orgId: AnyPgColumn;
  province: AnyPgColumn;
  order: AnyPgColumn;
  orderCast: 'timestamptz' | 'date';
  select: Record<string, AnyPgColumn | SQL>;
  where: (f: ListFilter) => (SQL | undefined)[];
  cells: (r: T, f: ListFilter) => ListRow['cells'];
}): ListDef {
  return {
    columns: spec.columns,
    keyCast: spec.orderCast,
    async page(db, f, after, limit) {
      const where = [
        ...spec.where(f),
        provinceIs(spec.province, f),
        cityOf(f),
        monthIn(spec.order, f, spec.orderCast === 'timestamptz'),
        after2(sql`${spec.order}`, spec.id, after, spec.orderCast),
      ];
      const rows = (await db
        .select({ ...spec.select, id: spec.id, enterprise: orgs.name, orderKey: spec.order })
        .from(spec.table as never)
        .innerJoin(orgs, eq(orgs.id, spec.orgId))
        .leftJoin(ep, eq(ep.orgId, spec.orgId))
        .where(and(...where))
        .orderBy(desc(spec.order), desc(spec.id))
        .limit(limit)) as unknown as (T & { id: string; enterprise: string; orderKey: Date | string })[];
      return rows.map((r) => ({
        id: r.id,
        key: [r.orderKey instanceof Date ? r.orderKey.toISOString() : String(r.orderKey), r.id],
        cells: { enterprise: r.enterprise, ...spec.cells(r, f) },
      }));
    },
  };
}

const LISTS: Record<DrillKind, ListDef> = {
  enterprises: enterprisesList,
  training: ownedList<{
    heldOn: string;
    topic: string;
    trainer: string;
    personTimes: number;
    province: string;
  }>({
    columns: ['heldOn', 'enterprise', 'province', 'topic', 'trainer', 'personTimes'],
    table: trainingSessions as never,
    id: trainingSessions.id,
    orgId: trainingSessions.orgId,
    province: trainingSessions.provinceCode,
    order: trainingSessions.heldOn,
    orderCast: 'date',
    select: {
      heldOn: trainingSessions.heldOn,
      topic: trainingSessions.topic,
      trainer: trainingSessions.trainer,
      personTimes: trainingSessions.personTimes,
      province: trainingSessions.provinceCode,
    },
    where: (f) => [counted.training(f.today)],
    cells: (r) => ({
      heldOn: r.heldOn,
      province: r.province,
      topic: r.topic,
      trainer: r.trainer,
      personTimes: r.personTimes,
    }),
  }),
  talents: ownedList<{
    name: string;
    certificate: string;
    issuer: string;
    issuedOn: string;
    province: string;
  }>({
    columns: ['name', 'enterprise', 'province', 'certificate', 'issuer', 'issuedOn'],
    table: talents as never,
    id: talents.id,
    orgId: talents.orgId,
    province: talents.provinceCode,
    order: talents.issuedOn,
    orderCast: 'date',
    select: {
      name: talents.name,
      certificate: talents.certificate,
      issuer: talents.issuer,
      issuedOn: talents.issuedOn,
      province: talents.provinceCode,
    },
    where: (f) => [counted.talents(f.today), f.q ? ilike(talents.name, `%${escapeLike(f.q)}%`) : undefined],
    cells: (r) => ({
      name: r.name,
      province: r.province,
      certificate: r.certificate,
      issuer: r.issuer,
      issuedOn: r.issuedOn,
    }),
  }),
  drills: ownedList<{
    title: string;
    completedAt: Date | null;
    filedAt: Date;
    score: number | null;
    province: string;
  }>({
    columns: ['title', 'enterprise', 'province', 'completedAt', 'filedAt', 'score'],
    table: drills as never,
    id: drills.id,
    orgId: drills.orgId,
    province: drills.provinceCode,
    order: drills.filedAt,
    orderCast: 'timestamptz',
    select: {
      title: drills.title,
      completedAt: drills.completedAt,
      filedAt: drills.filedAt,
      score: drills.score,
      province: drills.provinceCode,
    },
    where: (f) => [counted.drills(f.now)],
    cells: (r) => ({
      title: r.title,
      province: r.province,
      completedAt: iso(r.completedAt),
      filedAt: iso(r.filedAt),
      score: r.score,
    }),
  }),
  incidents: ownedList<{
    ref: string;
    title: string;
    type: string;
    tier: string;
    status: string;
    reportedAt: Date;
    province: string;
  }>({
    columns: ['ref', 'title', 'enterprise', 'province', 'type', 'tier', 'status', 'reportedAt'],
    table: incidents as never,
    id: incidents.id,
    orgId: incidents.orgId,
    province: incidents.provinceCode,
    order: incidents.reportedAt,
    orderCast: 'timestamptz',
    select: {
      ref: incidents.ref,
      title: incidents.title,
      type: incidents.type,
      tier: incidents.tier,
      status: incidents.status,
      reportedAt: incidents.reportedAt,
      province: incidents.provinceCode,
    },
    where: (f) => [counted.incidents(), f.tier ? eq(incidents.tier, f.tier) : undefined],
    cells: (r) => ({
      ref: r.ref,
      title: r.title,
      province: r.province,
      type: r.type,
      tier: r.tier,
      status: r.status,
      reportedAt: iso(r.reportedAt),
    }),
  }),
  exposures: ownedList<{
    advisoryId: string;
    asset: string;
    ecosystem: string;
    name: string;
    version: string;
    severity: string | null;
    firstSeenAt: Date;
    province: string;
  }>({
    columns: [
      'advisoryId',
      'enterprise',
      'province',
      'asset',
      'package',
      'version',
      'severity',
      'firstSeenAt',
    ],
    table: exposures as never,
    id: exposures.id,
    orgId: exposures.orgId,
    province: orgs.provinceCode,
    order: exposures.firstSeenAt,
    orderCast: 'timestamptz',
    select: {
      advisoryId: exposures.advisoryId,
      asset: sql<string>`(select ${assets.name} from ${assets} where ${assets.id} = ${exposures.assetId})`,
      ecosystem: exposures.ecosystem,
      name: exposures.name,
      version: exposures.version,
      severity: exposures.severity,
      firstSeenAt: exposures.firstSeenAt,
      province: orgs.provinceCode,
    },
    where: (f) => [
      counted.exposures(),
      f.severityRank === undefined ? undefined : eq(exposures.severityRank, f.severityRank),
    ],
    cells: (r) => ({
      advisoryId: r.advisoryId,
      province: r.province,
      asset: r.asset,
      package: `${r.ecosystem}:${r.name}`,
      version: r.version,
      severity: r.severity,
      firstSeenAt: iso(r.firstSeenAt),
    }),
  }),
  filings: ownedList<{ revision: number; submittedAt: Date; reviewDueAt: Date | null; province: string }>({
    columns: ['enterprise', 'province', 'revision', 'submittedAt', 'reviewDueAt', 'overdue'],
    table: catalogFilings as never,
    id: catalogFilings.id,
    orgId: catalogFilings.orgId,
    province: catalogFilings.provinceCode,
    order: catalogFilings.submittedAt,
    orderCast: 'timestamptz',
    select: {
      revision: catalogFilings.revision,
      submittedAt: catalogFilings.submittedAt,
      reviewDueAt: catalogFilings.reviewDueAt,
      province: catalogFilings.provinceCode,
    },
    where: (f) => [
      counted.filings(),
      f.status === 'overdue' ? lt(catalogFilings.reviewDueAt, f.now) : undefined,
    ],
    cells: (r, f) => ({
      province: r.province,
      revision: r.revision,
      submittedAt: iso(r.submittedAt),
      reviewDueAt: iso(r.reviewDueAt),
      overdue: r.reviewDueAt !== null && r.reviewDueAt < f.now,
    }),
  }),
  vulnerabilities: {
    columns: [
      'ref',
      'title',
      'vendor',
      'province',
      'state',
      'nationalReportDueAt',
      'nationalReportedAt',
      'national',
    ],
    keyCast: 'timestamptz',
    async page(db, f, after, limit) {
      const status = nationalStatusSql(f.now);
      const where = [
        provinceIs(orgs.provinceCode, f),
        f.status ? sql`${status} = ${f.status}` : undefined,
        monthIn(vr.createdAt, f, true),
        after2(sql`${vr.createdAt}`, vr.id, after, 'timestamptz'),
      ];
      const rows = await db
        .select({
          id: vr.id,
          ref: vr.ref,
          title: vr.title,
          vendor: orgs.name,
          province: orgs.provinceCode,
          state: vr.state,
          due: vr.nationalReportDueAt,
          reported: vr.nationalReportedAt,
          national: status,
          createdAt: vr.createdAt,
        })
        .from(vr)
        .leftJoin(orgs, eq(orgs.id, vr.vendorOrgId))
        .where(and(...where))
        .orderBy(desc(vr.createdAt), desc(vr.id))
        .limit(limit);
      return rows.map((r) => ({
        id: r.id,
        key: [r.createdAt.toISOString(), r.id],
        cells: {
          ref: r.ref,
          title: r.title,
          vendor: r.vendor,
          province: r.province,
          state: r.state,
          nationalReportDueAt: iso(r.due),
          nationalReportedAt: iso(r.reported),
          national: r.national,
        },
      }));
    },
  },
};

/** The drill-down list definitions: columns and keyset pages. */
export const supervisionLists = LISTS;
