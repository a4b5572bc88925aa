import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiYear } from '../../programme-rules/coverage';
import { type As, createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
let gd1: As;
let gd1Member: As;
let gd: As;
let zj: As;
let ministry: As;
let zj1: As;
beforeAll(async () => {
  t = await createTestApp();
  gd1 = await t.login('ent.gd1@bulwark.demo');
  gd1Member = await t.login('ent.gd1.member@bulwark.demo');
  gd = await t.login('gd.admin@bulwark.demo');
  zj = await t.login('zj.admin@bulwark.demo');
  ministry = await t.login('ministry.admin@bulwark.demo');
  zj1 = await t.login('ent.zj1@bulwark.demo');
});
afterAll(() => t.close());

const MIN = 60_000;
const send = (as: As, method: 'POST' | 'PUT', url: string, payload: object) =>
  t.app.inject({ method, url, headers: as.headers, payload });
const get = (as: As, url: string) => t.app.inject({ url, headers: as.headers });
const facts = (over: Record<string, unknown> = {}) => ({
  type: 'ransomware',
  sector: 'industry',
  dataLevels: ['general'],
  directLossYuan: 60_000_000,
  ...over,
});
const report = (as: As, over: Record<string, unknown> = {}) =>
  send(as, 'POST', '/api/incidents', {
    title: 'MES 服务器被勒索加密',
    description: '凌晨发现 MES 服务器文件被加密，留有勒索信。',
    discoveredAt: new Date(t.clock.now().getTime() - 15 * MIN).toISOString(),
    ...facts(),
    ...over,
  });
const clock = (detail: { clocks: { duty: string; state: string }[] }) =>
  Object.fromEntries(detail.clocks.map((c) => [c.duty, c.state]));
const notes = async (as: As, kind: string) =>
  (await get(as, '/api/notifications?limit=200'))
    .json()
    .items.filter((n: { kind: string }) => n.kind === kind);

describe('incident reports (214号)', () => {
  it('tiers a report at once with the criteria that fired, and tells the province but not the ministry for tier III', async () => {
    const before = (await notes(ministry, 'incident.reported')).length;
    const res = await report(gd1);
    expect(res.statusCode).toBe(201);
    const i = res.json();
    expect(i.ref).toMatch(/^INC-\d{4}-\d{5}$/);
    expect(i.tier).toBe('III');
    expect(i.classification.decisive.map((f: { criterion: string }) => f.criterion)).toEqual(['directLoss']);
    expect(i.classification.decisive[0].status).toBe('draft');
    expect(clock(i)).toEqual({ 'processor-report': 'met' });
    expect(i.description).toContain('勒索信');
    expect(i.timeline.map((e: { kind: string }) => e.kind)).toEqual(['reported']);
    expect(
      (await notes(gd, 'incident.reported')).some((n: { link: string }) => n.link === `/incidents/${i.id}`),
    ).toBe(true);
    expect((await notes(ministry, 'incident.reported')).length).toBe(before);
  });

  it('reclassifies on new facts, starts the ministry clocks at tier II and escalates each missed mark once', async () => {
    const i = (await report(gd1)).json();
    const upd = await send(gd1, 'PUT', `/api/incidents/${i.id}/facts`, {
      ...facts({ directLossYuan: 150_000_000, dataLevels: ['important'], harm: 'serious' }),
      note: '核实损失超过 1 亿元，涉及重要数据',
    });
    expect(upd.statusCode).toBe(200);
    const d = upd.json();
    expect(d.tier).toBe('II');
    expect(d.ministryClockStartedAt).toBe(t.clock.now().toISOString());
    const re = d.timeline.find((e: { kind: string }) => e.kind === 'reclassified');
    expect(re.data).toMatchObject({ from: 'III', to: 'II', direction: 'escalated' });
    expect(re.text).toBe('核实损失超过 1 亿元，涉及重要数据');
    expect(d.timeline.map((e: { kind: string }) => e.kind)).toContain('ministry-clock-started');
    expect(clock(d)).toEqual({
      'processor-report': 'met',
      'regulator-phone': 'running',
      'regulator-written': 'running',
    });
    expect(d.dutyRota).toMatchObject({ hoursPerDay: 24 });

    t.clock.advance(10 * MIN);
    expect((await t.app.services.incidents.watch(t.clock.now())).escalations).toBe(0);
    t.clock.advance(1 * MIN);
    expect((await t.app.services.incidents.watch(t.clock.now())).escalations).toBe(1);
    expect((await t.app.services.incidents.watch(t.clock.now())).escalations).toBe(0);
    let now = (await get(gd, `/api/incidents/${i.id}`)).json();
    expect(clock(now)['regulator-phone']).toBe('overdue');
    expect(now.clocks.find((c: { duty: string }) => c.duty === 'regulator-phone').escalatedAt).not.toBeNull();
    expect(
      (await notes(ministry, 'incident.escalated')).some(
        (n: { link: string }) => n.link === `/incidents/${i.id}`,
      ),
    ).toBe(true);

    const late = await send(gd, 'POST', `/api/incidents/${i.id}/ministry-reports`, { channel: 'phone' });
    expect(late.statusCode).toBe(200);
    expect(clock(late.json())['regulator-phone']).toBe('late');
    const twice = await send(gd, 'POST', `/api/incidents/${i.id}/ministry-reports`, { channel: 'phone' });
    expect(twice.json().code).toBe('incident.already_logged');

    t.clock.advance(20 * MIN);
    expect((await t.app.services.incidents.watch(t.clock.now())).escalations).toBe(1);
    now = (await get(ministry, `/api/incidents/${i.id}`)).json();
    expect(clock(now)['regulator-written']).toBe('overdue');
    expect(
      now.timeline
        .filter((e: { kind: string }) => e.kind === 'escalated')
        .map((e: { data: { duty: string } }) => e.data.duty),
    ).toEqual(['regulator-phone', 'regulator-written']);
  });

  it('keeps the ministry clock running when the tier falls and rises again, and refuses to log reports for tier III', async () => {
    const i = (await report(gd1)).json();
    const no = await send(gd, 'POST', `/api/incidents/${i.id}/ministry-reports`, { channel: 'written' });
    expect(no.statusCode).toBe(409);
    expect(no.json().code).toBe('incident.no_ministry_duty');
    const up = await send(gd1, 'PUT', `/api/incidents/${i.id}/facts`, {
      ...facts({ piRecords: 12_000_000 }),
      note: 'PI',
    });
    const started = up.json().ministryClockStartedAt;
    expect(up.json().tier).toBe('II');
    t.clock.advance(2 * MIN);
    const down = await send(gd1, 'PUT', `/api/incidents/${i.id}/facts`, { ...facts(), note: '更正' });
    expect(down.json().tier).toBe('III');
    expect(Object.keys(clock(down.json()))).toEqual(['processor-report']);
    const again = await send(gd1, 'PUT', `/api/incidents/${i.id}/facts`, {
      ...facts({ piRecords: 12_000_000 }),
      note: '再次核实',
    });
    expect(again.json().ministryClockStartedAt).toBe(started);
    const at = new Date(t.clock.now().getTime() - MIN).toISOString();
    const ok = await send(gd, 'POST', `/api/incidents/${i.id}/ministry-reports`, { channel: 'written', at });
    expect(ok.statusCode).toBe(200);
    expect(clock(ok.json())['regulator-written']).toBe('met');
  });

  it('shows each scope its own: the province and the ministry real incidents, another province 404', async () => {
    const i = (await report(gd1)).json();
    expect((await get(zj, `/api/incidents/${i.id}`)).statusCode).toBe(404);
    expect((await get(zj1, `/api/incidents/${i.id}`)).statusCode).toBe(404);
    const inbox = (await get(gd, '/api/incidents?tier=III')).json();
    expect(inbox.items.some((x: { id: string }) => x.id === i.id)).toBe(true);
    expect(inbox.openByTier.III).toBeGreaterThan(0);
    expect((await get(zj, '/api/incidents')).json().items.some((x: { id: string }) => x.id === i.id)).toBe(
      false,
    );
    expect(
      (await get(ministry, '/api/incidents')).json().items.some((x: { id: string }) => x.id === i.id),
    ).toBe(true);
    const wrongLogger = await send(zj, 'POST', `/api/incidents/${i.id}/ministry-reports`, {
      channel: 'phone',
    });
    expect(wrongLogger.statusCode).toBe(404);
    const member = await send(gd1Member, 'POST', `/api/incidents/${i.id}/follow-ups`, {
      text: '已隔离受感染主机',
    });
    expect(member.statusCode).toBe(200);
    expect(member.json().timeline.at(-1)).toMatchObject({ kind: 'follow-up', text: '已隔离受感染主机' });
    expect((await send(gd, 'POST', `/api/incidents/${i.id}/follow-ups`, { text: 'x' })).statusCode).toBe(403);
  });

  it('keeps practice incidents out of regulators\u2019 inboxes and escalates them only inside the enterprise', async () => {
    const gd1Ctx = {
      actor: {
        ...gd1,
        orgKind: 'enterprise' as const,
        role: 'admin' as const,
        provinceCode: '440000',
        via: 'session' as const,
      },
      requestId: 'drill',
      ip: null,
      now: t.clock.now(),
    };
    const p = await t.app.services.incidents.report(
      gd1Ctx,
      {
        title: '演练：勒索软件',
        description: '演练注入',
        discoveredAt: t.clock.now().toISOString(),
        ...facts({ directLossYuan: 150_000_000 }),
        dataLevels: ['general'],
        dataAssetIds: [],
      } as never,
      { drillId: '00000000-0000-4000-8000-000000000001' },
    );
    expect(p.practice).toBe(true);
    expect(p.tier).toBe('II');
    expect((await get(gd, `/api/incidents/${p.id}`)).statusCode).toBe(404);
    expect((await get(ministry, `/api/incidents/${p.id}`)).statusCode).toBe(404);
    t.clock.advance(31 * MIN);
    await t.app.services.incidents.watch(t.clock.now());
    const about = (n: { link: string }) => n.link === `/incidents/${p.id}`;
    expect((await notes(ministry, 'incident.escalated')).some(about)).toBe(false);
    expect((await notes(gd, 'incident.escalated')).some(about)).toBe(false);
    expect(
      (await notes(gd1, 'incident.escalated')).some((n: { link: string }) => n.link === `/incidents/${p.id}`),
    ).toBe(true);
    const logged = await send(gd1, 'POST', `/api/incidents/${p.id}/ministry-reports`, { channel: 'phone' });
    expect(logged.statusCode).toBe(200);
  });
});

describe('incident closure and bad input', () => {
  it('needs individuals told before closing when personal information was affected, then closes with a summary', async () => {
    const i = (await report(gd1, { piRecords: 5000 })).json();
    expect(i.individualsAtRisk).toBe(true);
    const early = await send(gd1, 'POST', `/api/incidents/${i.id}/close`, { summary: '已恢复' });
    expect(early.json().code).toBe('incident.users_not_notified');
    const told = await send(gd1, 'POST', `/api/incidents/${i.id}/user-notifications`, {
      channel: '短信',
      recipients: 5000,
      message: '您的信息可能受影响，请修改密码。',
    });
    expect(told.json().usersNotifiedAt).not.toBeNull();
    const contained = await send(gd1, 'POST', `/api/incidents/${i.id}/contain`, { note: '已隔离' });
    expect(contained.json().status).toBe('contained');
    const closed = await send(gd1, 'POST', `/api/incidents/${i.id}/close`, {
      summary: '已从离线备份恢复，复盘完成',
    });
    expect(closed.json().status).toBe('closed');
    expect(closed.json().timeline.at(-1)).toMatchObject({
      kind: 'closed',
      text: '已从离线备份恢复，复盘完成',
    });
    const after = await send(gd1, 'PUT', `/api/incidents/${i.id}/facts`, { ...facts(), note: 'x' });
    expect(after.json().code).toBe('incident.closed');
  });

  it('raises corrective actions on the programme board, linked to the incident', async () => {
    const i = (await report(gd1)).json();
    const res = await send(gd1, 'POST', `/api/incidents/${i.id}/corrective-actions`, {
      title: '关闭对公网开放的远程维护端口',
      dueOn: '2027-01-31',
      ownerUserId: gd1Member.userId,
    });
    expect(res.statusCode).toBe(200);
    const ev = res.json().timeline.at(-1);
    expect(ev).toMatchObject({ kind: 'corrective-action', data: { title: '关闭对公网开放的远程维护端口' } });
    const board = (await get(gd1, `/api/corrective-actions?sourceId=${i.id}`)).json();
    expect(board).toHaveLength(1);
    expect(board[0]).toMatchObject({ sourceKind: 'incident', dueOn: '2027-01-31', status: 'open' });
    const stranger = await send(gd1, 'POST', `/api/incidents/${i.id}/corrective-actions`, {
      title: 'x',
      ownerUserId: zj1.userId,
    });
    expect(stranger.statusCode).toBeGreaterThanOrEqual(400);
    expect(stranger.statusCode).toBeLessThan(500);
    expect((await get(gd1, `/api/corrective-actions?sourceId=${i.id}`)).json()).toHaveLength(1);
  });

  it('answers bad input with field paths and writes nothing', async () => {
    const future = await report(gd1, { discoveredAt: new Date(t.clock.now().getTime() + MIN).toISOString() });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].path).toBe('body.discoveredAt');
    const asset = await report(gd1, { dataAssetIds: ['00000000-0000-4000-8000-000000000009'] });
    expect(asset.statusCode).toBe(400);
    expect(asset.json().errors[0]).toMatchObject({
      path: 'body.dataAssetIds.0',
      code: 'incident.unknown_asset',
    });
    const type = await report(gd1, { type: 'meteor' });
    expect(type.statusCode).toBe(400);
    expect(type.json().errors.map((e: { path: string }) => e.path)).toContain('body.type');
    const neg = await report(gd1, { piRecords: -1 });
    expect(neg.statusCode).toBe(400);
    expect((await report(gd, {})).statusCode).toBe(403);
  });

  it('previews the tier without saving, and sums a year per enterprise without practice incidents', async () => {
    const pre = await send(
      gd1,
      'POST',
      '/api/incidents/classify',
      facts({ outageHours: 13, sector: 'telecom' }),
    );
    expect(pre.json().classification.tier).toBe('II');
    const year = shanghaiYear(t.clock.now());
    const s = (await get(gd1, `/api/incidents/annual-summary?year=${year}`)).json();
    expect(s.total).toBeGreaterThanOrEqual(5);
    expect(s.byType.ransomware).toBe(s.total);
    expect(s.ministryEscalations).toBeGreaterThanOrEqual(1);
    const gdView = await get(gd, `/api/incidents/annual-summary?year=${year}&orgId=${gd1.orgId}`);
    expect(gdView.json().total).toBe(s.total);
    expect((await get(zj, `/api/incidents/annual-summary?year=${year}&orgId=${gd1.orgId}`)).statusCode).toBe(
      404,
    );
  });
});
