import { and, asc, count, eq, gte, inArray, isNotNull, lt, max, min, type SQL, sql, sum } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import type { CoverageWindow } from '../../programme-rules/coverage';
import type { CoverageEvidence } from '../../programme-rules/plan-schema';
import { correctiveActions, examinations, riskAssessments } from '../assessments/assessments.table';
import { catalogFilings, dataAssets, refilingObligations } from '../data-catalog/data-catalog.table';
import type { OrgScope } from '../identity/identity.policy';
import { orgScopeSql } from '../identity/identity.repository';
import { orgs } from '../identity/identity.table';
import { trainingSessions } from '../training/training.table';

/** The coverage definition as SQL needs it: the kinds required and the window each must fall in. */
export interface CoverageSpec {
  allOf: readonly CoverageEvidence[];
  windows: Record<CoverageEvidence, CoverageWindow>;
}

const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const inWindow = (col: AnyPgColumn, w: CoverageWindow) =>
  w.from ? sql`${col} >= ${at(w.from)} and ${col} <= ${at(w.to)}` : sql`${col} <= ${at(w.to)}`;

/** Per kind: whether the org in the outer query (`orgs.id`) has that evidence inside its window. */
const EVIDENCE: Record<CoverageEvidence, (w: CoverageWindow) => SQL> = {
  // Approval time of a filing that was approved (superseded ones were approved before being replaced).
  'catalog-filing-approved': (w) =>
    sql`exists (select 1 from ${catalogFilings} where ${catalogFilings.orgId} = ${orgs.id} and ${catalogFilings.status} in ('approved', 'superseded') and ${catalogFilings.decidedAt} is not null and ${inWindow(catalogFilings.decidedAt, w)})`,
  'self-examination-completed': (w) =>
    sql`exists (select 1 from ${examinations} where ${examinations.orgId} = ${orgs.id} and ${examinations.status} = 'completed' and ${examinations.completedAt} is not null and ${inWindow(examinations.completedAt, w)})`,
};

/** The enterprise-is-covered predicate over `orgs`, mirroring enterpriseCoverage: every required kind holds. */
export const coveredSql = (spec: CoverageSpec) =>
  sql.join(
    spec.allOf.map((k) => EVIDENCE[k](spec.windows[k])),
    sql` and `,
  );

const enterprisesIn = (scope: OrgScope, provinceCode?: string) =>
  and(
    eq(orgs.kind, 'enterprise'),
    orgScopeSql(scope),
    provinceCode ? eq(orgs.provinceCode, provinceCode) : undefined,
  );

/** SQL for the programme home: each enterprise's obligations and coverage, set-based for regulators. */
export const programmeRepository = {
  /** Enterprises and how many are covered, per province, in one statement (national scale: no per-org loop). */
  async coverageByProvince(db: Db, scope: OrgScope, spec: CoverageSpec, provinceCode?: string) {
    const rows = await db
      .select({
        provinceCode: orgs.provinceCode,
        enterprises: count(),
        covered: sql<number>`count(*) filter (where ${coveredSql(spec)})`,
      })
      .from(orgs)
      .where(enterprisesIn(scope, provinceCode))
      .groupBy(orgs.provinceCode)
      .orderBy(asc(orgs.provinceCode));
    return rows.map((r) => ({
      provinceCode: r.provinceCode ?? '',
      enterprises: Number(r.enterprises),
      covered: Number(r.covered),
    }));
  },
  /** Whether each named enterprise is covered, by the same predicate as the counts. */
  async coveredFlags(db: Db, orgIds: readonly string[], spec: CoverageSpec): Promise<Map<string, boolean>> {
    if (!orgIds.length) return new Map();
    const rows = await db
      .select({ id: orgs.id, covered: sql<boolean>`(${coveredSql(spec)})` })
      .from(orgs)
      .where(inArray(orgs.id, [...orgIds]));
    return new Map(rows.map((r) => [r.id, r.covered === true || String(r.covered) === 'true']));
  },
  /** Approval times of approved (or since superseded) catalog filings. */
  async approvals(db: Db, orgId: string): Promise<Date[]> {
    const rows = await db
      .select({ at: catalogFilings.decidedAt })
      .from(catalogFilings)
      .where(
        and(
          eq(catalogFilings.orgId, orgId),
          inArray(catalogFilings.status, ['approved', 'superseded']),
          isNotNull(catalogFilings.decidedAt),
        ),
      );
    return rows.flatMap((r) => (r.at ? [r.at] : []));
  },
  /** Completion times of completed self-examinations. */
  async completions(db: Db, orgId: string): Promise<Date[]> {
    const rows = await db
      .select({ at: examinations.completedAt })
      .from(examinations)
      .where(
        and(
          eq(examinations.orgId, orgId),
          eq(examinations.status, 'completed'),
          isNotNull(examinations.completedAt),
        ),
      );
    return rows.flatMap((r) => (r.at ? [r.at] : []));
  },
  /** Whether the org holds active important or core data (Measures: only those are filed and assessed). */
  async handlesImportantData(db: Db, orgId: string): Promise<boolean> {
    const [r] = await db
      .select({ id: dataAssets.id })
      .from(dataAssets)
      .where(
        and(
          eq(dataAssets.orgId, orgId),
          eq(dataAssets.status, 'active'),
          inArray(dataAssets.level, ['important', 'core']),
        ),
      )
      .limit(1);
    return r !== undefined;
  },
  /** How many filings the org ever made, and the one under review or returned (at most one), if any. */
  async filings(db: Db, orgId: string) {
    const [n] = await db.select({ n: count() }).from(catalogFilings).where(eq(catalogFilings.orgId, orgId));
    const [open] = await db
      .select({ status: catalogFilings.status, reviewDueAt: catalogFilings.reviewDueAt })
      .from(catalogFilings)
      .where(and(eq(catalogFilings.orgId, orgId), inArray(catalogFilings.status, ['submitted', 'returned'])))
      .limit(1);
    return { total: Number(n?.n ?? 0), open };
  },
  /** The open change-filing obligation's due time, if any. */
  async openRefiling(db: Db, orgId: string): Promise<Date | undefined> {
    const [r] = await db
      .select({ dueAt: refilingObligations.dueAt })
      .from(refilingObligations)
      .where(and(eq(refilingObligations.orgId, orgId), eq(refilingObligations.status, 'open')))
      .limit(1);
    return r?.dueAt;
  },
  /** Open corrective actions: how many, how many overdue on `today`, and the earliest due day. */
  async openCorrectives(db: Db, orgId: string, today: string) {
    const [r] = await db
      .select({
        n: count(),
        overdue: sql<number>`count(*) filter (where ${correctiveActions.dueOn} < ${today})`,
        nextDue: min(correctiveActions.dueOn),
      })
      .from(correctiveActions)
      .where(
        and(eq(correctiveActions.orgId, orgId), inArray(correctiveActions.status, ['open', 'in-progress'])),
      );
    return { open: Number(r?.n ?? 0), overdue: Number(r?.overdue ?? 0), nextDue: r?.nextDue ?? null };
  },
  /** The latest validity end of a risk assessment report submitted to the regulator (Measures art. 31). */
  async riskValidUntil(db: Db, orgId: string): Promise<string | null> {
    const [r] = await db
      .select({ validUntil: max(riskAssessments.validUntil) })
      .from(riskAssessments)
      .where(
        and(
          eq(riskAssessments.orgId, orgId),
          inArray(riskAssessments.status, ['submitted', 'received']),
          isNotNull(riskAssessments.validUntil),
        ),
      );
    return r?.validUntil ?? null;
  },
  /** Person-times of the org's sessions held from `from` (a day) up to `today`. */
  async personTimesSince(db: Db, orgId: string, from: string, today: string): Promise<number> {
    const [r] = await db
      .select({ n: sum(trainingSessions.personTimes) })
      .from(trainingSessions)
      .where(
        and(
          eq(trainingSessions.orgId, orgId),
          gte(trainingSessions.heldOn, from),
          lt(trainingSessions.heldOn, sql`(${today}::date + 1)`),
        ),
      );
    return Number(r?.n ?? 0);
  },
};
