/**
 * Baselines for the supervision overview, registered on the bench's own app instance (never in product code):
 * the same national figures and per-province breakdown as `/api/supervision/overview`, computed on every request
 * from the base tables instead of read from the snapshot.
 *
 * - naive: one aggregate query per figure per area (the nation and each of the 31 provinces; 24 queries per area,
 *   768 per request), each `count(*)` / `sum()` with the figure's own predicate (`counted`, `coveredSql`,
 *   `nationalStatusSql`), run one after another as straightforward code would.
 * - live: `supervisionRepository.compute` per request: the refresh job's ten set-based grouped statements.
 */
import { and, eq, lt, lte, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { AreaFigures } from '../../src/contracts/supervision';
import type { App } from '../../src/server/app';
import type { Db } from '../../src/server/db/client';
import { catalogFilings } from '../../src/server/modules/data-catalog/data-catalog.table';
import { drills } from '../../src/server/modules/drills/drills.table';
import {
  enterpriseTopDecile,
  enterpriseProfiles as ep,
} from '../../src/server/modules/enterprises/enterprises.table';
import { exposures } from '../../src/server/modules/exposure/exposure.table';
import { orgs } from '../../src/server/modules/identity/identity.table';
import { incidents } from '../../src/server/modules/incidents/incidents.table';
import { type CoverageSpec, coveredSql } from '../../src/server/modules/programme/programme.repository';
import { emptyFigures, NATION } from '../../src/server/modules/supervision/rules/area-rollup';
import { SUPERVISED_PROVINCES } from '../../src/server/modules/supervision/supervision.policy';
import {
  counted,
  nationalStatusSql,
  supervisionRepository,
} from '../../src/server/modules/supervision/supervision.repository';
import { talents, trainingSessions } from '../../src/server/modules/training/training.table';
import { vulnerabilityReports as vr } from '../../src/server/modules/vulnerabilities/vulnerabilities.table';
import { coverageWindows } from '../../src/server/programme-rules/coverage';
import { bundledProgrammePacks } from '../../src/server/programme-rules/programme-pack';
import { shanghaiDate } from '../../src/server/regulations/working-days';

/** The baseline routes' paths. */
export const BASELINE_URLS = {
  naive: '/api/bench/naive/overview',
  live: '/api/bench/live/overview',
} as const;

/** What a baseline route returns: the overview's figures and breakdown. */
export interface BaselineOverview {
  figures: AreaFigures;
  breakdown: { code: string; figures: AreaFigures }[];
}

const plan = bundledProgrammePacks().plan;
const specAt = (now: Date): CoverageSpec => ({
  allOf: plan.enterpriseCovered.value.allOf,
  windows: coverageWindows(plan, now),
});
const SEVERITY: Record<keyof AreaFigures['exposuresOpen'], SQL> = {
  unknown: sql`${exposures.severityRank} <= 0`,
  low: sql`${exposures.severityRank} = 1`,
  medium: sql`${exposures.severityRank} = 2`,
  high: sql`${exposures.severityRank} = 3`,
  critical: sql`${exposures.severityRank} >= 4`,
};

/** One area's figures, one aggregate query per figure. */
async function naiveArea(db: Db, now: Date, province: string | null): Promise<AreaFigures> {
  const today = shanghaiDate(now);
  const covered = coveredSql(specAt(now));
  const inArea = (col: AnyPgColumn) => (province ? eq(col, province) : undefined);
  const value = async (q: Promise<{ v: unknown }[]>) => Number((await q)[0]?.v ?? 0);
  const enterprises = (extra?: SQL) =>
    value(
      db
        .select({ v: sql`count(*)` })
        .from(orgs)
        .leftJoin(ep, eq(ep.orgId, orgs.id))
        .where(and(eq(orgs.kind, 'enterprise'), lte(orgs.createdAt, now), inArea(orgs.provinceCode), extra)),
    );
  const tier = (t: 'I' | 'II' | 'III' | 'IV') =>
    value(
      db
        .select({ v: sql`count(*)` })
        .from(incidents)
        .where(
          and(
            counted.incidents(),
            lte(incidents.reportedAt, now),
            eq(incidents.tier, t),
            inArea(incidents.provinceCode),
          ),
        ),
    );
  const reports = (status?: string) =>
    value(
      db
        .select({ v: sql`count(*)` })
        .from(vr)
        .leftJoin(orgs, eq(orgs.id, vr.vendorOrgId))
        .where(
          and(
            lte(vr.createdAt, now),
            inArea(orgs.provinceCode),
            status ? sql`${nationalStatusSql(now)} = ${status}` : undefined,
          ),
        ),
    );
  const open = (bucket: keyof AreaFigures['exposuresOpen']) =>
    value(
      db
        .select({ v: sql`count(*)` })
        .from(exposures)
        .innerJoin(orgs, eq(orgs.id, exposures.orgId))
        .where(
          and(
            counted.exposures(),
            lte(exposures.firstSeenAt, now),
            inArea(orgs.provinceCode),
            SEVERITY[bucket],
          ),
        ),
    );
  const filings = (overdue: boolean) =>
    value(
      db
        .select({ v: sql`count(*)` })
        .from(catalogFilings)
        .where(
          and(
            counted.filings(),
            lte(catalogFilings.submittedAt, now),
            inArea(catalogFilings.provinceCode),
            overdue ? lt(catalogFilings.reviewDueAt, now) : undefined,
          ),
        ),
    );
  const f = emptyFigures(province ? 'province' : 'nation');
  f.enterprisesRegistered = await enterprises();
  f.enterprisesCovered = await enterprises(sql`(${covered})`);
  f.topDecileMembers = await enterprises(sql`${ep.topDecile}`);
  f.topDecileCovered = await enterprises(sql`${ep.topDecile} and (${covered})`);
  f.topDecileQuota = await value(
    db
      .select({ v: sql`sum(${enterpriseTopDecile.quota})` })
      .from(enterpriseTopDecile)
      .where(inArea(enterpriseTopDecile.provinceCode)),
  );
  f.trainingPersonTimes = await value(
    db
      .select({ v: sql`sum(${trainingSessions.personTimes})` })
      .from(trainingSessions)
      .where(and(counted.training(today), inArea(trainingSessions.provinceCode))),
  );
  f.talents = await value(
    db
      .select({ v: sql`count(*)` })
      .from(talents)
      .where(and(counted.talents(today), inArea(talents.provinceCode))),
  );
  f.drillsCompleted = await value(
    db
      .select({ v: sql`count(*)` })
      .from(drills)
      .where(and(counted.drills(now), inArea(drills.provinceCode))),
  );
  for (const t of ['I', 'II', 'III', 'IV'] as const) f.incidents[t] = await tier(t);
  f.vulnerabilityReports = await reports();
  f.nationalReportsOnTime = await reports('on-time');
  f.nationalReportsLate = await reports('late');
  f.nationalReportsOverdue = await reports('overdue');
  f.nationalReportsPending = await reports('pending');
  for (const b of ['critical', 'high', 'medium', 'low', 'unknown'] as const)
    f.exposuresOpen[b] = await open(b);
  f.filingsPending = await filings(false);
  f.filingsOverdue = await filings(true);
  return f;
}

/** The nation and every province, naively. */
export async function naiveOverview(db: Db, now: Date): Promise<BaselineOverview> {
  const figures = await naiveArea(db, now, null);
  const breakdown: BaselineOverview['breakdown'] = [];
  for (const code of SUPERVISED_PROVINCES) breakdown.push({ code, figures: await naiveArea(db, now, code) });
  return { figures, breakdown };
}

/** The nation and every province from one run of the refresh's set-based statements. */
export async function liveOverview(db: Db, now: Date): Promise<BaselineOverview> {
  const { areas } = await supervisionRepository.compute(
    db,
    now,
    shanghaiDate(now),
    specAt(now),
    SUPERVISED_PROVINCES,
  );
  const byCode = new Map(areas.map((a) => [a.code, a.figures]));
  return {
    figures: byCode.get(NATION) ?? emptyFigures('nation'),
    breakdown: SUPERVISED_PROVINCES.map((code) => ({
      code,
      figures: byCode.get(code) ?? emptyFigures('province'),
    })),
  };
}

/** Adds the baseline routes, ministry only (the same session lookup and access check as the real API). */
export function registerBaselines(app: App, db: Db) {
  const config = { access: { orgKinds: ['ministry'] } } as const;
  app.get(BASELINE_URLS.naive, { config }, (req) => naiveOverview(db, req.ctx.now));
  app.get(BASELINE_URLS.live, { config }, (req) => liveOverview(db, req.ctx.now));
}
