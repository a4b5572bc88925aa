import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AreaFigures, DrillPage, SupervisionOverview } from '../../../contracts/supervision';
import { usccCheckCharacter } from '../../../lib/china/uscc';
import { readXlsxRows } from '../../../lib/tabular/xlsx';
import { systemContext } from '../../core/actor';
import { bundledProgrammePacks } from '../../programme-rules/programme-pack';
import { DEMO_PASSWORD } from '../../seed/demo';
import { pdfText } from '../../testing/pdf-text';
import { type As, createTestApp, type TestApp } from '../../testing/test-app';
import { emptyFigures } from './rules/area-rollup';
import { oracleFigures } from './supervision.oracle';

const { plan } = bundledProgrammePacks();
let t: TestApp;
let ministry: As;
let gd: As;
let ent: As;
beforeAll(async () => {
  t = await createTestApp();
  ministry = await t.login('ministry.admin@bulwark.demo');
  gd = await t.login('gd.admin@bulwark.demo');
  ent = await t.login('ent.gd1@bulwark.demo');
  await t.app.services.supervision.rebuild(t.clock.now());
}, 120_000);
afterAll(() => t.close());

const get = (as: As, url: string) => t.app.inject({ url, headers: as.headers });

describe('supervision figures', () => {
  it('equal the counts recomputed from the base tables, nationally, per province and per city', async () => {
    const want = await oracleFigures(t.database.db, plan, t.clock.now());
    const national = (await get(ministry, '/api/supervision/overview')).json() as SupervisionOverview;
    expect(national.figures).toEqual(want.get('CN'));
    expect(national.breakdown).toHaveLength(31);
    for (const row of national.breakdown) {
      expect(row.figures, row.code).toEqual(want.get(row.code) ?? emptyFigures('province'));
    }
    const province = (
      await get(ministry, '/api/supervision/overview?province=440000')
    ).json() as SupervisionOverview;
    expect(province.figures).toEqual(want.get('440000'));
    for (const row of province.breakdown) {
      expect(row.figures, row.code).toEqual(want.get(row.code) ?? emptyFigures('city'));
    }
    const oracleCities = [...want.keys()].filter((c) => c.startsWith('44') && !c.endsWith('0000'));
    expect(province.breakdown.map((r) => r.code).sort()).toEqual(oracleCities.sort());
  });

  it('shows a provincial regulator its own province only', async () => {
    const own = (await get(gd, '/api/supervision/overview')).json() as SupervisionOverview;
    expect(own.scope).toEqual({ level: 'province', code: '440000' });
    expect((await get(gd, '/api/supervision/overview?province=440000')).statusCode).toBe(200);
    const other = await get(gd, '/api/supervision/overview?province=330000');
    expect(other.statusCode).toBe(404);
    expect((await get(gd, '/api/supervision/trends?province=330000')).statusCode).toBe(404);
    expect((await get(gd, '/api/supervision/lists/enterprises?province=330000')).statusCode).toBe(404);
    const list = (await get(gd, '/api/supervision/lists/enterprises?limit=200')).json() as DrillPage;
    expect(list.rows.every((r) => r.cells.province === '440000')).toBe(true);
    expect((await get(gd, '/api/supervision/lists/vulnerabilities')).statusCode).toBe(403);
    expect((await get(ent, '/api/supervision/overview')).statusCode).toBe(403);
  });

  it('puts national targets beside the national figures only, and the top-10 % quota everywhere', async () => {
    const national = (await get(ministry, '/api/supervision/overview')).json() as SupervisionOverview;
    const h = Object.fromEntries(national.headlines.map((x) => [x.key, x]));
    expect(h.enterprisesCovered?.target).toMatchObject({
      key: 'enterprisesProtected',
      op: 'gt',
      value: 45000,
    });
    expect(h.trainingPersonTimes?.target).toMatchObject({ value: 30000, op: 'gte' });
    expect(h.talents?.target).toMatchObject({ value: 5000, op: 'gt' });
    expect(h.topDecileCovered?.target?.value).toBe(national.figures.topDecileQuota);
    expect(h.drillsCompleted?.target).toBeNull();
    const gdView = (await get(gd, '/api/supervision/overview')).json() as SupervisionOverview;
    const g = Object.fromEntries(gdView.headlines.map((x) => [x.key, x]));
    expect(g.enterprisesCovered?.target).toBeNull();
    expect(g.topDecileCovered?.target).toMatchObject({
      scope: 'province',
      value: gdView.figures.topDecileQuota,
    });
  });
});

describe('lists behind the figures', () => {
  it('pages uncovered top-10 % enterprises by keyset to exactly the figure, and exports the same rows', async () => {
    const ov = (
      await get(ministry, '/api/supervision/overview?province=440000')
    ).json() as SupervisionOverview;
    const f: AreaFigures = ov.figures;
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const url = `/api/supervision/lists/enterprises?province=440000&topDecile=true&covered=false&limit=1${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await get(ministry, url)).json() as DrillPage;
      ids.push(...page.rows.map((r) => r.id));
      expect(page.rows.every((r) => r.cells.topDecile === true && r.cells.covered === false)).toBe(true);
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(f.topDecileMembers - f.topDecileCovered);
    const xlsx = await get(
      ministry,
      '/api/supervision/lists/enterprises/export?province=440000&topDecile=true&covered=false&format=xlsx',
    );
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toMatch(
      /attachment; filename="bulwark-enterprises-440000-.*\.xlsx"/,
    );
    const rows = await readXlsxRows(xlsx.rawPayload, 10_000);
    expect(rows[0]?.[0]).toBe('名称 / Name');
    expect(rows.length - 1).toBe(ids.length);
  });

  it('pages every Guangdong enterprise in rank order, one without a profile yet last, to exactly the figure', async () => {
    const { org } = await t.app.services.users.createOrgWithAdmin(
      { ...systemContext(), now: t.clock.now() },
      { kind: 'enterprise', name: '尚未登记档案的广东企业', provinceCode: '440000' },
      { email: 'no.profile@bulwark.test', name: 'n', password: DEMO_PASSWORD },
    );
    t.clock.advance(1_000);
    await t.app.services.supervision.refresh(t.clock.now());
    const ov = (
      await get(ministry, '/api/supervision/overview?province=440000')
    ).json() as SupervisionOverview;
    const rows: DrillPage['rows'] = [];
    let cursor: string | null = null;
    do {
      const url = `/api/supervision/lists/enterprises?province=440000&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await get(ministry, url)).json() as DrillPage;
      rows.push(...page.rows);
      cursor = page.nextCursor;
    } while (cursor);
    expect(rows.length).toBe(ov.figures.enterprisesRegistered);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    const revenue = rows.map((r) => (r.cells.revenueYuan as number | null) ?? -1);
    expect(revenue).toEqual([...revenue].sort((a, b) => b - a));
    expect(rows.filter((r) => r.cells.uscc === null).map((r) => r.id)).toEqual([org.id]);
    expect(rows.at(-1)?.cells.revenueYuan ?? null).toBeNull();
  });

  it('answers from the latest refresh: a new enterprise shows after the next refresh, not before', async () => {
    const registered = async () => {
      const res = await get(gd, '/api/supervision/overview');
      return (res.json() as SupervisionOverview).figures.enterprisesRegistered;
    };
    const trends = async () =>
      ((await get(gd, '/api/supervision/trends')).json() as { enterprisesRegistered: (number | null)[] })
        .enterprisesRegistered;
    const before = await registered();
    const trendBefore = await trends();
    const first17 = '91440300MA0M3M0A1';
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/enterprises',
      headers: gd.headers,
      payload: {
        uscc: first17 + usccCheckCharacter(first17),
        name: '深圳刷新测试制造有限公司',
        provinceCode: '440000',
        cityCode: '440300',
        industryDivision: '39',
        sector: 'industry',
        aboveSize: true,
        annualRevenueYuan: 5_000_000,
        revenueYear: 2025,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await registered()).toBe(before);
    t.clock.advance(60_000);
    await t.app.services.supervision.refresh(t.clock.now());
    expect(await registered()).toBe(before + 1);
    expect((await trends()).at(-1)).toBe((trendBefore.at(-1) ?? 0) + 1);
  });

  it('rejects a forged cursor and a city outside the province with problem details', async () => {
    const forged = Buffer.from(
      JSON.stringify(['1; drop table orgs', '00000000-0000-0000-0000-000000000000']),
    ).toString('base64url');
    const bad = await get(ministry, `/api/supervision/lists/enterprises?cursor=${forged}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation.bad_cursor' });
    const city = await get(gd, '/api/supervision/lists/enterprises?city=330100');
    expect(city.statusCode).toBe(400);
    expect(city.json()).toMatchObject({ code: 'supervision.city_outside_area' });
  });

  it('answers malformed queries with 400 problem details naming the field, never 500', async () => {
    for (const [url, path] of [
      ['/api/supervision/overview?province=44', 'province'],
      ['/api/supervision/overview?province=990000', null],
      ['/api/supervision/lists/secrets', 'kind'],
      ['/api/supervision/lists/enterprises?limit=0', 'limit'],
      ['/api/supervision/lists/enterprises?limit=abc', 'limit'],
      ['/api/supervision/lists/incidents?tier=V', 'tier'],
      ['/api/supervision/lists/incidents?month=2026-13x', 'month'],
      ['/api/supervision/lists/enterprises/export?format=pdf', 'format'],
      ['/api/supervision/report.pdf?month=26-01', 'month'],
    ] as const) {
      const res = await get(ministry, url);
      if (path === null) {
        expect(res.statusCode, url).toBe(404);
        continue;
      }
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type'], url).toContain('application/problem+json');
      expect(JSON.stringify(res.json()), url).toContain(path);
    }
    const future = await get(ministry, '/api/supervision/report.pdf?month=2099-01');
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ code: 'supervision.month_in_future' });
  });
});

describe('monthly report', () => {
  it('prints the national and a provincial report for this month and a past month as PDFs that open', async () => {
    const month = new Date(t.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
    const national = await get(ministry, `/api/supervision/report.pdf?month=${month}`);
    expect(national.statusCode, national.body.slice(0, 200)).toBe(200);
    expect(national.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(national.rawPayload);
    expect(text).toContain('工业领域数据安全监管月报');
    expect(text).toContain('全国 National');
    expect(text).toContain('广东省');
    const province = await get(gd, '/api/supervision/report.pdf');
    expect(province.statusCode).toBe(200);
    const ptext = await pdfText(province.rawPayload);
    expect(ptext).toContain('广东省');
    expect(ptext).not.toContain('浙江省');
    const past = await get(ministry, '/api/supervision/report.pdf?month=2025-06');
    expect(past.statusCode, past.body.slice(0, 200)).toBe(200);
    expect(await pdfText(past.rawPayload)).toContain('2025-06');
  });
});
