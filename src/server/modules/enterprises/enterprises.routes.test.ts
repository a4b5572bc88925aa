import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Enterprise } from '../../../contracts/enterprises';
import { usccCheckCharacter } from '../../../lib/china/uscc';
import { DEMO_PROFILES } from '../../seed/demo';
import { type As, createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
let ministry: As;
let gd: As;
let zj: As;
let gd1: As;
let gd1Member: As;
beforeAll(async () => {
  t = await createTestApp();
  ministry = await t.login('ministry.admin@bulwark.demo');
  gd = await t.login('gd.admin@bulwark.demo');
  zj = await t.login('zj.admin@bulwark.demo');
  gd1 = await t.login('ent.gd1@bulwark.demo');
  gd1Member = await t.login('ent.gd1.member@bulwark.demo');
});
afterAll(() => t.close());

/** A valid USCC whose organisation-code part is `n` (registration authority in `division`). */
const uscc = (n: number, division = '320100') => {
  const first17 = `91${division}MA${String(n).padStart(7, '0')}`;
  return first17 + usccCheckCharacter(first17);
};
const profile = (n: number, over: Record<string, unknown> = {}) => ({
  uscc: uscc(n),
  name: `江苏测试制造${n}有限公司`,
  provinceCode: '320000',
  cityCode: '320100',
  industryDivision: '39',
  sector: 'industry',
  aboveSize: true,
  annualRevenueYuan: n * 100_000_000,
  revenueYear: 2025,
  ...over,
});
const get = (as: As, url: string) => t.app.inject({ url, headers: as.headers });
const post = (as: As, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: as.headers, payload });
const patch = (as: As, url: string, payload: object) =>
  t.app.inject({ method: 'PATCH', url, headers: as.headers, payload });
const names = (res: { json: () => { items: Enterprise[] } }) =>
  res
    .json()
    .items.map((e) => e.name)
    .sort();

describe('enterprise registry: scope', () => {
  it('shows the ministry every profile, a province its own, an enterprise only itself', async () => {
    const all = Object.keys(DEMO_PROFILES).sort();
    expect(names(await get(ministry, '/api/enterprises'))).toEqual(expect.arrayContaining(all));
    expect(names(await get(gd, '/api/enterprises'))).toEqual([
      '珠江智能装备股份有限公司',
      '粤海精密制造有限公司',
    ]);
    expect(names(await get(zj, '/api/enterprises'))).toEqual(['钱塘新材料科技有限公司']);
    const own = await get(gd1, '/api/enterprises');
    expect(own.json().items).toEqual([
      expect.objectContaining({ id: gd1.orgId, uscc: '91441900MA4WFY3K2M', industrySection: 'C' }),
    ]);
    expect((await get(gd1, `/api/enterprises/${gd1.orgId}`)).json().officer.name).toBe('李文');
  });

  it('answers 404 for another tenant\u2019s profile, and 403 to kinds outside the registry', async () => {
    const zjId = (await get(zj, '/api/enterprises')).json().items[0].id;
    expect((await get(gd, `/api/enterprises/${zjId}`)).statusCode).toBe(404);
    expect((await get(gd1, `/api/enterprises/${zjId}`)).statusCode).toBe(404);
    const gd2 = (await get(gd, '/api/enterprises?q=珠江')).json().items[0].id;
    expect((await get(gd1, `/api/enterprises/${gd2}`)).statusCode).toBe(404);
    expect((await patch(gd1, `/api/enterprises/${gd2}`, { revenueYear: 2025 })).statusCode).toBe(404);
    expect((await get(zj, `/api/enterprises/${gd1.orgId}`)).statusCode).toBe(404);
    const vendor = await t.login('vendor.admin@bulwark.demo');
    expect((await get(vendor, '/api/enterprises')).statusCode).toBe(403);
  });

  it('filters by place, industry, size and name or USCC, a page at a time', async () => {
    const q = async (query: string) => names(await get(ministry, `/api/enterprises?${query}`));
    expect(await q('cityCode=441900')).toEqual(['粤海精密制造有限公司']);
    expect(await q('provinceCode=330000&industrySection=C')).toEqual(['钱塘新材料科技有限公司']);
    expect(await q('industryDivision=35')).toEqual(['珠江智能装备股份有限公司']);
    expect(await q('industrySection=I')).toEqual([]);
    expect(await q('aboveSize=false&provinceCode=440000')).toEqual([]);
    expect(await q(`q=${encodeURIComponent('精密')}`)).toEqual(['粤海精密制造有限公司']);
    expect(await q('q=91330110')).toEqual(['钱塘新材料科技有限公司']);
    const first = await get(gd, '/api/enterprises?limit=1');
    const second = await get(gd, `/api/enterprises?limit=1&cursor=${first.json().nextCursor}`);
    expect([...names(first), ...names(second)].sort()).toEqual([
      '珠江智能装备股份有限公司',
      '粤海精密制造有限公司',
    ]);
    expect((await get(gd, '/api/enterprises?cursor=bogus')).json().code).toBe('validation.bad_cursor');
  });
});

describe('enterprise registry: registration', () => {
  it('rejects a wrong GB 32100-2015 check character at body.uscc', async () => {
    const good = uscc(1);
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const res = await post(ministry, '/api/enterprises', profile(1, { uscc: bad }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ path: 'body.uscc', code: 'validation.uscc' }),
    ]);
  });

  it('rejects a city outside the province, an unknown division and revenue without its year', async () => {
    const city = await post(ministry, '/api/enterprises', profile(2, { cityCode: '440300' }));
    expect(city.json().errors).toEqual([
      expect.objectContaining({ path: 'body.cityCode', code: 'validation.city_not_in_province' }),
    ]);
    const several = await post(
      ministry,
      '/api/enterprises',
      profile(2, { industryDivision: '99', revenueYear: null }),
    );
    expect(several.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'body.industryDivision',
      'body.revenueYear',
    ]);
    const noRevenue = await post(
      ministry,
      '/api/enterprises',
      profile(2, { annualRevenueYuan: null, revenueYear: null }),
    );
    expect(noRevenue.json().errors[0]).toMatchObject({
      path: 'body.annualRevenueYuan',
      code: 'validation.revenue_required',
    });
  });

  it('creates the enterprise org with the profile, audited, and refuses a second USCC', async () => {
    const res = await post(gd, '/api/enterprises', {
      ...profile(3, { provinceCode: '440000', cityCode: '440300', uscc: uscc(3, '440300').toLowerCase() }),
      officer: { name: '黄工', title: '数据安全负责人', phone: '0755-12345678', email: 'dso@sz.example.cn' },
    });
    expect(res.statusCode).toBe(201);
    const e = res.json();
    expect(e).toMatchObject({ uscc: uscc(3, '440300'), provinceCode: '440000', industrySection: 'C' });
    const org = (await get(gd, `/api/orgs/${e.id}`)).json();
    expect(org).toMatchObject({ kind: 'enterprise', provinceCode: '440000', name: e.name });
    const audit = (await get(ministry, '/api/audit?action=enterprise.created&limit=1')).json().items[0];
    expect(audit).toMatchObject({ entityId: e.id, orgId: e.id, data: { org: 'created', source: 'api' } });
    const again = await post(ministry, '/api/enterprises', { ...profile(4), uscc: e.uscc });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('enterprise.uscc_taken');
  });

  it('lets a province register only in its own province, and its admins only', async () => {
    expect((await post(gd, '/api/enterprises', profile(5))).statusCode).toBe(403);
    expect((await post(gd1, '/api/enterprises', profile(5))).statusCode).toBe(403);
  });

  it('links an existing enterprise org in scope once, keeping its id', async () => {
    const org = await post(gd, '/api/orgs', { kind: 'enterprise', name: '佛山陶瓷', provinceCode: '440000' });
    const body = profile(6, {
      provinceCode: '440000',
      cityCode: '440600',
      name: '佛山陶瓷有限公司',
      orgId: org.json().id,
    });
    const linked = await post(gd, '/api/enterprises', body);
    expect(linked.statusCode).toBe(201);
    expect(linked.json().id).toBe(org.json().id);
    expect((await get(gd, `/api/orgs/${org.json().id}`)).json().name).toBe('佛山陶瓷有限公司');
    const twice = await post(gd, '/api/enterprises', { ...body, uscc: uscc(7) });
    expect(twice.json().code).toBe('enterprise.already_registered');
    const zjOrg = await post(zj, '/api/orgs', {
      kind: 'enterprise',
      name: '宁波港机',
      provinceCode: '330000',
    });
    const foreign = await post(gd, '/api/enterprises', { ...body, uscc: uscc(8), orgId: zjOrg.json().id });
    expect(foreign.statusCode).toBe(404);
    const wrongProvince = await post(ministry, '/api/enterprises', {
      ...profile(9),
      orgId: zjOrg.json().id,
    });
    expect(wrongProvince.json().errors[0].path).toBe('body.provinceCode');
  });
});

describe('enterprise registry: edits', () => {
  it('lets the enterprise\u2019s admins keep their officer and revenue, nothing else', async () => {
    const mine = `/api/enterprises/${gd1.orgId}`;
    const officer = {
      name: '李文',
      title: '首席数据官',
      phone: '0769-22880000',
      email: 'cdo@yuehai.example.cn',
    };
    const ok = await patch(gd1, mine, { officer, annualRevenueYuan: 1_900_000_000, revenueYear: 2025 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ officer, annualRevenueYuan: 1_900_000_000 });
    const name = await patch(gd1, mine, { name: '改名' });
    expect(name.statusCode).toBe(403);
    expect(name.json().detail).toContain('name');
    expect((await patch(gd1Member, mine, { revenueYear: 2025 })).statusCode).toBe(403);
    const future = await patch(gd1, mine, { revenueYear: new Date().getUTCFullYear() + 1 });
    expect(future.json().errors[0]).toMatchObject({
      path: 'body.revenueYear',
      code: 'validation.revenue_year_future',
    });
  });

  it('lets regulators in scope change anything, but a province cannot move one out of its jurisdiction', async () => {
    const created = (
      await post(
        gd,
        '/api/enterprises',
        profile(10, { provinceCode: '440000', cityCode: '440100', uscc: uscc(10, '440100') }),
      )
    ).json();
    const url = `/api/enterprises/${created.id}`;
    expect((await patch(gd, url, { cityCode: '440300', sector: 'telecom' })).json()).toMatchObject({
      cityCode: '440300',
      sector: 'telecom',
    });
    expect((await patch(gd, url, { provinceCode: '330000', cityCode: '330200' })).statusCode).toBe(403);
    expect((await patch(gd, url, { cityCode: '330200' })).json().errors[0].path).toBe('body.cityCode');
    const moved = await patch(ministry, url, {
      provinceCode: '330000',
      cityCode: '330200',
      name: '宁波迁入制造有限公司',
    });
    expect(moved.json()).toMatchObject({ provinceCode: '330000', name: '宁波迁入制造有限公司' });
    expect((await get(ministry, `/api/orgs/${created.id}`)).json()).toMatchObject({
      provinceCode: '330000',
      name: '宁波迁入制造有限公司',
    });
    expect((await get(gd, url)).statusCode).toBe(404);
    expect((await get(zj, url)).statusCode).toBe(200);
  });
});

describe('top 10 % by province (34号)', () => {
  const top = async (as: As, province?: string) =>
    get(as, `/api/enterprises/top-decile${province ? `?provinceCode=${province}` : ''}`);
  const topUsccs = async () => (await top(ministry, '320000')).json().items.map((e: Enterprise) => e.uscc);

  it('ranks the demo provinces and shows each regulator its own', async () => {
    const gdTop = await top(gd);
    expect(gdTop.json()).toMatchObject({
      provinceCode: '440000',
      items: [{ name: '珠江智能装备股份有限公司' }],
    });
    expect((await top(gd, '330000')).statusCode).toBe(404);
    expect((await top(ministry)).statusCode).toBe(400);
    expect((await top(gd1)).statusCode).toBe(403);
  });

  it('keeps a province\u2019s top decile current as revenue, size and industry change', async () => {
    const ids: string[] = [];
    // Eleven above-size manufacturers with revenue 1..11 × 10^8 yuan, a bigger software firm (section I, not
    // industrial) and a bigger small firm: population 11, quota ceil(1.1) = 2.
    for (let n = 101; n <= 111; n++) {
      const res = await post(
        ministry,
        '/api/enterprises',
        profile(n, { annualRevenueYuan: (n - 100) * 100_000_000 }),
      );
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    await post(
      ministry,
      '/api/enterprises',
      profile(120, { industryDivision: '65', annualRevenueYuan: 9e11 }),
    );
    await post(ministry, '/api/enterprises', profile(121, { aboveSize: false, annualRevenueYuan: 9e11 }));
    expect((await top(ministry, '320000')).json()).toMatchObject({ population: 11, quota: 2 });
    expect(await topUsccs()).toEqual([uscc(111), uscc(110)]);

    await patch(ministry, `/api/enterprises/${ids[0]}`, { annualRevenueYuan: 5_000_000_000 });
    expect(await topUsccs()).toEqual([uscc(101), uscc(111)]);
    const flagged = await get(ministry, '/api/enterprises?provinceCode=320000&topDecile=true');
    expect(
      flagged
        .json()
        .items.map((e: Enterprise) => e.uscc)
        .sort(),
    ).toEqual([uscc(101), uscc(111)].sort());

    // Ties go to the lower USCC.
    await patch(ministry, `/api/enterprises/${ids[9]}`, { annualRevenueYuan: 1_100_000_000 });
    expect(await topUsccs()).toEqual([uscc(101), uscc(110)]);

    // Out of the population: no longer above size, then no longer industrial; quota ceil(1.0) = 1.
    await patch(ministry, `/api/enterprises/${ids[0]}`, { aboveSize: false });
    expect((await top(ministry, '320000')).json()).toMatchObject({ population: 10, quota: 1 });
    expect(await topUsccs()).toEqual([uscc(110)]);
    await patch(ministry, `/api/enterprises/${ids[9]}`, { industryDivision: '65' });
    expect(await topUsccs()).toEqual([uscc(111)]);
    const leaver = (await get(ministry, `/api/enterprises/${ids[9]}`)).json();
    expect(leaver.topDecile).toBe(false);
  });
});
