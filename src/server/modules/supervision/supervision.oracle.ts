import { sql } from 'drizzle-orm';
import type { AreaFigures } from '../../../contracts/supervision';
import type { Db } from '../../db/client';
import { type CoverageFact, enterpriseCoverage } from '../../programme-rules/coverage';
import type { PlanPack } from '../../programme-rules/plan-schema';
import { shanghaiDate } from '../../regulations/working-days';
import { PRE_NATIONAL_STATES } from '../vulnerabilities/vulnerabilities.repository';
import { emptyFigures, NATION } from './rules/area-rollup';

type Row = Record<string, unknown>;
const rowsOf = async (db: Db, q: ReturnType<typeof sql>) => {
  const r = (await db.execute(q)) as unknown as { rows: Row[] };
  return r.rows;
};
const date = (v: unknown) =>
  v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v));
const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

/**
 * Test oracle: every area's figures recomputed independently of the read model, from `select *` of the base tables,
 * one row at a time in JavaScript with the pure coverage rule. Slow by design; for small datasets only.
 */
export async function oracleFigures(db: Db, plan: PlanPack, now: Date): Promise<Map<string, AreaFigures>> {
  const out = new Map<string, AreaFigures>();
  const area = (code: string, level: 'nation' | 'province' | 'city') => {
    let f = out.get(code);
    if (!f) {
      f = emptyFigures(level);
      out.set(code, f);
    }
    return f;
  };
  const profiles = new Map(
    (await rowsOf(db, sql`select * from enterprise_profiles`)).map((p) => [p.org_id, p]),
  );
  const cityOf = (orgId: unknown, province: unknown) => {
    const c = profiles.get(orgId)?.city_code as string | undefined;
    return c && typeof province === 'string' && c.slice(0, 2) === province.slice(0, 2) && c !== province
      ? c
      : null;
  };
  /** Every area a row counts in. */
  const areas = (province: unknown, city: string | null) => {
    const list = [area(NATION, 'nation')];
    if (typeof province === 'string' && province) {
      list.push(area(province, 'province'));
      if (city) list.push(area(city, 'city'));
    }
    return list;
  };
  const today = shanghaiDate(now);
  const facts = new Map<unknown, CoverageFact[]>();
  for (const f of await rowsOf(db, sql`select * from catalog_filings`)) {
    if (!['approved', 'superseded'].includes(String(f.status)) || !f.decided_at) continue;
    facts.set(f.org_id, [
      ...(facts.get(f.org_id) ?? []),
      { kind: 'catalog-filing-approved', at: date(f.decided_at) as Date },
    ]);
  }
  for (const e of await rowsOf(db, sql`select * from examinations`)) {
    if (e.status !== 'completed' || !e.completed_at) continue;
    facts.set(e.org_id, [
      ...(facts.get(e.org_id) ?? []),
      { kind: 'self-examination-completed', at: date(e.completed_at) as Date },
    ]);
  }
  for (const o of await rowsOf(db, sql`select * from orgs`)) {
    if (o.kind !== 'enterprise' || (date(o.created_at) as Date) > now) continue;
    const covered = enterpriseCoverage(plan, facts.get(o.id) ?? [], now).covered;
    const top = profiles.get(o.id)?.top_decile === true;
    for (const f of areas(o.province_code, cityOf(o.id, o.province_code))) {
      f.enterprisesRegistered++;
      if (covered) f.enterprisesCovered++;
      if (top) f.topDecileMembers++;
      if (top && covered) f.topDecileCovered++;
    }
  }
  for (const q of await rowsOf(db, sql`select * from enterprise_top_decile`)) {
    for (const f of areas(q.province_code, null)) f.topDecileQuota += Number(q.quota);
  }
  for (const s of await rowsOf(db, sql`select * from training_sessions`)) {
    if (day(s.held_on) > today) continue;
    for (const f of areas(s.province_code, cityOf(s.org_id, s.province_code)))
      f.trainingPersonTimes += Number(s.person_times);
  }
  for (const p of await rowsOf(db, sql`select * from talents`)) {
    if (day(p.issued_on) > today) continue;
    for (const f of areas(p.province_code, cityOf(p.org_id, p.province_code))) f.talents++;
  }
  for (const d of await rowsOf(db, sql`select * from drills`)) {
    const filed = date(d.filed_at);
    if (!filed || filed > now) continue;
    for (const f of areas(d.province_code, cityOf(d.org_id, d.province_code))) f.drillsCompleted++;
  }
  for (const i of await rowsOf(db, sql`select * from incidents`)) {
    if (i.practice === true || !i.tier || (date(i.reported_at) as Date) > now) continue;
    for (const f of areas(i.province_code, cityOf(i.org_id, i.province_code))) f.incidents[i.tier as 'I']++;
  }
  const orgProvince = new Map(
    (await rowsOf(db, sql`select id, province_code from orgs`)).map((o) => [o.id, o.province_code]),
  );
  for (const r of await rowsOf(db, sql`select * from vulnerability_reports`)) {
    if ((date(r.created_at) as Date) > now) continue;
    const reported = date(r.national_reported_at);
    const due = date(r.national_report_due_at);
    const pre = (PRE_NATIONAL_STATES as readonly string[]).includes(String(r.state));
    const status = reported
      ? !due || reported <= due
        ? 'nationalReportsOnTime'
        : 'nationalReportsLate'
      : pre && due && due <= now
        ? 'nationalReportsOverdue'
        : pre
          ? 'nationalReportsPending'
          : null;
    for (const f of areas(orgProvince.get(r.vendor_org_id) ?? null, null)) {
      f.vulnerabilityReports = (f.vulnerabilityReports ?? 0) + 1;
      if (status) f[status] = (f[status] ?? 0) + 1;
    }
  }
  const buckets = ['unknown', 'low', 'medium', 'high', 'critical'] as const;
  for (const e of await rowsOf(db, sql`select * from exposures`)) {
    if (e.resolved_at || e.state !== 'affected' || (date(e.first_seen_at) as Date) > now) continue;
    const p = orgProvince.get(e.org_id);
    for (const f of areas(p, cityOf(e.org_id, p)))
      f.exposuresOpen[buckets[Number(e.severity_rank)] ?? 'unknown']++;
  }
  for (const c of await rowsOf(db, sql`select * from catalog_filings`)) {
    if (c.status !== 'submitted' || (date(c.submitted_at) as Date) > now) continue;
    const overdue = (date(c.review_due_at) as Date) < now;
    for (const f of areas(c.province_code, cityOf(c.org_id, c.province_code))) {
      f.filingsPending++;
      if (overdue) f.filingsOverdue++;
    }
  }
  return out;
}
