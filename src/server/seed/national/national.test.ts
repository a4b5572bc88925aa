import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provinceOf } from '../../../lib/china/gbt2260';
import { isUscc } from '../../../lib/china/uscc';
import type { Database } from '../../db/client';
import { bundledProgrammePacks } from '../../programme-rules/programme-pack';
import { topDecileByProvince } from '../../programme-rules/top-decile';
import { buildServices } from '../../services';
import { testConfig } from '../../testing/test-config';
import { openTestDatabase } from '../../testing/test-db';
import { DEMO_PROFILES } from '../demo';
import { NationalSeedExists, seedNational } from '.';
import { PROVINCES } from './places';

const NOW = new Date('2026-06-15T04:00:00Z');
const N = 400;

/** Aggregates that change if any generated value changes: counts, sums and distributions per table. */
const FINGERPRINT = {
  provinces: `select province_code, count(*) n, sum(annual_revenue_yuan) revenue, count(*) filter (where top_decile) top,
    count(*) filter (where above_size) above, count(distinct city_code) cities from enterprise_profiles group by 1 order by 1`,
  industries:
    'select industry_section, sector, count(*) n from enterprise_profiles group by 1, 2 order by 1, 2',
  assets: 'select level, count(*) n, sum(records) records from data_assets group by 1 order by 1',
  filings: `select status, kind, count(*) n, count(*) filter (where review_due_at < '${NOW.toISOString()}') due,
    min(certificate_no) first, max(certificate_no) last from catalog_filings group by 1, 2 order by 1, 2`,
  examinations: `select year, status, count(*) n, sum((score->'overall'->>'score')::numeric) score from examinations
    group by 1, 2 order by 1, 2`,
  answers: 'select answer, count(*) n from examination_answers group by 1 order by 1',
  actions: 'select status, count(*) n from corrective_actions group by 1 order by 1',
  training:
    'select count(*) n, sum(person_times) pt, min(held_on) first, max(held_on) last from training_sessions',
  talents: 'select count(*) n, count(distinct certificate_no) nos from talents',
  drills:
    'select status, count(*) n, sum(score) score, count(filed_at) filed from drills group by 1 order by 1',
  incidents: `select practice, tier, status, count(*) n, sum(coalesce(pi_records, 0)) pi from incidents
    group by 1, 2, 3 order by 1, 2, 3`,
  vulnerabilities: `select state, count(*) n, count(national_reported_at) reported,
    count(*) filter (where national_reported_at > national_report_due_at) late from vulnerability_reports
    group by 1 order by 1`,
  exposures: `select severity, state, count(*) n, count(resolved_at) resolved from exposures
    group by 1, 2 order by 1, 2`,
};

async function fingerprint(database: Database) {
  const out: Record<string, unknown> = {};
  for (const [k, q] of Object.entries(FINGERPRINT)) {
    const { rows } = await database.raw.query<Record<string, unknown>>(q);
    out[k] = rows.map((r) =>
      Object.fromEntries(Object.entries(r).map(([c, v]) => [c, v === null ? null : String(v)])),
    );
  }
  return out;
}

/** A private clone of the demo template with a national seed of `seed` at NOW. */
async function seeded(seed: number, rebuild = false) {
  const database = await openTestDatabase();
  const services = buildServices(database.db, testConfig());
  // The supervision rebuild is the lead module's; run it once, not in every determinism run.
  const using = rebuild
    ? services
    : { audit: services.audit, keyring: services.keyring, packs: services.packs };
  const result = await seedNational(database.db, using, { seed, enterprises: N, now: NOW });
  return { database, services, result, fingerprint: await fingerprint(database) };
}

describe('seed national', () => {
  let a: Awaited<ReturnType<typeof seeded>>;
  beforeAll(async () => {
    a = await seeded(7, true);
  });
  afterAll(() => a?.database.close());

  it('is reproducible: the same seed gives the same data in a fresh database, another seed other data', async () => {
    const same = await seeded(7);
    const other = await seeded(8);
    await same.database.close();
    await other.database.close();
    expect(same.result.counts).toEqual(a.result.counts);
    expect(same.fingerprint).toEqual(a.fingerprint);
    expect(other.fingerprint).not.toEqual(a.fingerprint);
    expect(other.fingerprint.provinces).not.toEqual(a.fingerprint.provinces);
  });

  it('registers valid enterprises in all 31 provinces, every USCC valid, with a login each', async () => {
    const { rows } = await a.database.raw.query<{ uscc: string; province_code: string; city_code: string }>(
      'select uscc, province_code, city_code from enterprise_profiles',
    );
    expect(rows.length).toBe(N + Object.keys(DEMO_PROFILES).length);
    expect(new Set(rows.map((r) => r.province_code))).toEqual(new Set(PROVINCES.map((p) => p.code)));
    expect(rows.filter((r) => !isUscc(r.uscc))).toEqual([]);
    expect(rows.filter((r) => provinceOf(r.city_code) !== r.province_code)).toEqual([]);
    const logins = await a.database.raw.query<{ n: string }>(
      `select count(*) n from users u join enterprise_profiles p on p.org_id = u.org_id where u.email like '%@bulwark.national'`,
    );
    expect(Number(logins.rows[0]!.n)).toBe(2 * N);
    const regulators = await a.database.raw.query<{ n: string }>(
      `select count(distinct province_code) n from orgs where kind = 'provincial-regulator'`,
    );
    expect(Number(regulators.rows[0]!.n)).toBe(31);
  });

  it("stores each province's top 10 % exactly as the 34号 rule ranks the registry", async () => {
    const { rows } = await a.database.raw.query<{
      uscc: string;
      city_code: string;
      industry_division: string;
      above_size: boolean;
      annual_revenue_yuan: string | number | null;
      top_decile: boolean;
    }>(
      'select uscc, city_code, industry_division, above_size, annual_revenue_yuan, top_decile from enterprise_profiles',
    );
    const deciles = topDecileByProvince(
      bundledProgrammePacks().plan,
      rows
        .filter((r) => r.above_size && r.annual_revenue_yuan !== null)
        .map((r) => ({
          uscc: r.uscc,
          divisionCode: r.city_code,
          industryCode: r.industry_division,
          aboveScale: true,
          annualRevenueYuan: Number(r.annual_revenue_yuan),
        })),
    );
    const expected = new Set(deciles.flatMap((d) => d.top.map((e) => e.uscc)));
    expect(new Set(rows.filter((r) => r.top_decile).map((r) => r.uscc))).toEqual(expected);
    const stored = await a.database.raw.query<{ province_code: string; population: number; quota: number }>(
      'select province_code, population, quota from enterprise_top_decile order by province_code',
    );
    // Every province is re-ranked; one without an above-size industrial enterprise stores an empty decile.
    const rule = new Map(deciles.map((d) => [d.provinceCode, [d.population, d.quota]]));
    expect(stored.rows.length).toBe(31);
    for (const r of stored.rows) {
      expect([Number(r.population), Number(r.quota)], r.province_code).toEqual(
        rule.get(r.province_code) ?? [0, 0],
      );
    }
  });

  it('covers the programme: every incident tier, ≥ 2 training sessions per enterprise, realistic coverage', async () => {
    const tiers = await a.database.raw.query<{ tier: string }>(
      'select distinct tier from incidents where not practice order by tier',
    );
    expect(tiers.rows.map((r) => r.tier)).toEqual(['I', 'II', 'III', 'IV']);
    expect(a.result.counts.training_sessions).toBeGreaterThanOrEqual(2 * N);
    const { rows } = await a.database.raw.query<{ top: boolean; n: string; covered: string }>(
      `select p.top_decile top, count(*) n, count(*) filter (where
         exists (select 1 from catalog_filings f where f.org_id = p.org_id and f.status in ('approved', 'superseded'))
         and exists (select 1 from examinations e where e.org_id = p.org_id and e.status = 'completed'
           and e.completed_at >= '2025-12-31T16:00:00Z')) covered
       from enterprise_profiles p join users u on u.org_id = p.org_id and u.role = 'admin'
       where u.email like '%@bulwark.national' group by 1`,
    );
    const share = (top: boolean) => {
      const r = rows.find((x) => x.top === top)!;
      return Number(r.covered) / Number(r.n);
    };
    expect(share(false)).toBeGreaterThan(0.4);
    expect(share(false)).toBeLessThan(0.75);
    expect(share(true)).toBeGreaterThan(share(false));
  });

  it('seals incident and vulnerability descriptions the way their modules open them', async () => {
    const { keyring } = a.services;
    const db = a.database.db;
    const inc = await a.database.raw.query<{ id: string; sealed_description: Uint8Array }>(
      'select id, sealed_description from incidents limit 1',
    );
    const i = inc.rows[0]!;
    const text = await keyring.open(db, Buffer.from(i.sealed_description), `incident:${i.id}:description`);
    expect(text.toString()).toMatch(/。/);
    const vul = await a.database.raw.query<{ id: string; description_sealed: Uint8Array }>(
      `select id, description_sealed from vulnerability_reports where ref like 'BWK-%' limit 1`,
    );
    const v = vul.rows[0]!;
    const opened = await keyring.open(
      db,
      Buffer.from(v.description_sealed),
      `vulnerability:${v.id}:description`,
    );
    expect(opened.toString().length).toBeGreaterThan(10);
  });

  it('keeps the audit chain intact and refuses to seed twice', async () => {
    expect(await a.services.audit.verify()).toMatchObject({ ok: true, firstBroken: null });
    await expect(
      seedNational(a.database.db, a.services, { seed: 7, enterprises: N, now: NOW }),
    ).rejects.toBeInstanceOf(NationalSeedExists);
  });
});
