import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Talent, TrainingSession, TrainingSummary } from '../../../contracts/training';
import { shanghaiDate } from '../../regulations/working-days';
import { type As, createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
let ministry: As;
let gd: As;
let zj: As;
let gd1: As;
let gd1Member: As;
let zj1: As;
let vendor: As;
let today: string;
beforeAll(async () => {
  t = await createTestApp();
  ministry = await t.login('ministry.admin@bulwark.demo');
  gd = await t.login('gd.admin@bulwark.demo');
  zj = await t.login('zj.admin@bulwark.demo');
  gd1 = await t.login('ent.gd1@bulwark.demo');
  gd1Member = await t.login('ent.gd1.member@bulwark.demo');
  zj1 = await t.login('ent.zj1@bulwark.demo');
  vendor = await t.login('vendor.admin@bulwark.demo');
  today = shanghaiDate(t.clock.now());
});
afterAll(() => t.close());

const get = (as: As, url: string) => t.app.inject({ url, headers: as.headers });
const post = (as: As, url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: as.headers, payload: payload as object });
const del = (as: As, url: string) => t.app.inject({ method: 'DELETE', url, headers: as.headers });
const session = (over: Record<string, unknown> = {}) => ({
  heldOn: today,
  topic: '数据分类分级与重要数据识别',
  trainer: '省工业信息安全中心 张老师',
  hours: 4,
  attendees: ['甲', '乙', '丙'],
  ...over,
});
const talent = (n: number, over: Record<string, unknown> = {}) => ({
  name: `人才${n}`,
  certificate: 'CISP-DSG',
  certificateNo: `DSG-TEST-${n}`,
  issuer: '中国信息安全测评中心',
  issuedOn: '2025-05-01',
  validUntil: '2028-04-30',
  ...over,
});
const summary = async (as: As, q = '') =>
  (await get(as, `/api/training/summary${q}`)).json() as TrainingSummary;
const auditActions = async (as: As) =>
  ((await get(as, '/api/audit?limit=5')).json().items as { action: string; entityId: string }[]).map(
    (e) => `${e.action} ${e.entityId}`,
  );

describe('training sessions', () => {
  it('records a session for the enterprise: person-times = attendees, province from the registry, audited', async () => {
    const before = await summary(gd1);
    const res = await post(gd1Member, '/api/training/sessions', session());
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json() as TrainingSession;
    expect(s).toMatchObject({ orgId: gd1.orgId, provinceCode: '440000', personTimes: 3, hours: 4 });
    expect(await auditActions(gd1)).toContain(`training.session_recorded ${s.id}`);
    const after = await summary(gd1);
    expect(after.scope).toBe('enterprise');
    expect(after.totals.personTimes - before.totals.personTimes).toBe(3);
    expect(after.totals.personTimesThisYear - before.totals.personTimesThisYear).toBe(3);
    expect(after.targets.trainingPersonTimes).toMatchObject({
      op: 'gte',
      value: 30000,
      unit: 'person-times',
    });
    expect(after.targets.talents).toMatchObject({ op: 'gt', value: 5000 });
  });

  it('lets the province and the ministry read it, and no one else', async () => {
    const s = (await post(gd1, '/api/training/sessions', session({ topic: '勒索病毒演练' }))).json();
    expect((await get(gd, `/api/training/sessions/${s.id}`)).statusCode).toBe(200);
    expect((await get(ministry, `/api/training/sessions/${s.id}`)).statusCode).toBe(200);
    expect((await get(zj, `/api/training/sessions/${s.id}`)).statusCode).toBe(404);
    expect((await get(zj1, `/api/training/sessions/${s.id}`)).statusCode).toBe(404);
    expect((await get(vendor, `/api/training/sessions/${s.id}`)).statusCode).toBe(403);
    const zjList = (await get(zj, '/api/training/sessions')).json().items as TrainingSession[];
    expect(zjList.some((x) => x.orgId === gd1.orgId)).toBe(false);
    expect((await get(zj, `/api/training/sessions?orgId=${gd1.orgId}`)).json().items).toEqual([]);
    expect((await get(zj, '/api/training/sessions?provinceCode=440000')).statusCode).toBe(404);
    const gdList = (await get(gd, `/api/training/sessions?orgId=${gd1.orgId}`)).json().items;
    expect(gdList.map((x: TrainingSession) => x.id)).toContain(s.id);
  });

  it('keeps writes to the enterprise: regulators 403, viewers 403, another tenant cannot delete (404)', async () => {
    expect((await post(gd, '/api/training/sessions', session())).statusCode).toBe(403);
    const s = (await post(gd1, '/api/training/sessions', session())).json();
    expect((await del(zj1, `/api/training/sessions/${s.id}`)).statusCode).toBe(404);
    expect((await del(gd1Member, `/api/training/sessions/${s.id}`)).statusCode).toBe(204);
    expect((await get(gd1, `/api/training/sessions/${s.id}`)).statusCode).toBe(404);
    expect(await auditActions(gd1)).toContain(`training.session_deleted ${s.id}`);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['no attendees', { attendees: [] }, 'body.attendees', 'validation'],
    ['a blank attendee', { attendees: ['甲', '  '] }, 'body.attendees.1', 'validation'],
    [
      'the same attendee twice',
      { attendees: ['甲', '乙', '甲'] },
      'body.attendees.2',
      'training.duplicate_attendee',
    ],
    ['a future date', { heldOn: '2099-01-01' }, 'body.heldOn', 'training.future_date'],
    ['a date before the plan', { heldOn: '2023-12-31' }, 'body.heldOn', 'training.outside_period'],
    ['a malformed date', { heldOn: '2025-13-01' }, 'body.heldOn', 'validation'],
    ['zero hours', { hours: 0 }, 'body.hours', 'validation'],
    ['an unknown field', { room: 'A' }, 'body.room', 'validation'],
    ['a missing topic', { topic: undefined }, 'body.topic', 'validation'],
  ])('rejects %s with 400 at the field', async (_, over, path, code) => {
    const res = await post(gd1, '/api/training/sessions', session(over));
    expect(res.statusCode, res.body).toBe(400);
    const p = res.json();
    expect(p.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(p.code.startsWith(code)).toBe(true);
  });

  it('rejects a non-JSON body and a bad cursor with 400, never 500', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/training/sessions',
      headers: { ...gd1.headers, 'content-type': 'application/json' },
      payload: '{"heldOn":',
    });
    expect(res.statusCode).toBe(400);
    expect((await get(gd1, '/api/training/sessions?cursor=zzz')).statusCode).toBe(400);
    expect((await get(gd1, '/api/training/sessions?limit=0')).statusCode).toBe(400);
    expect((await get(gd1, '/api/training/sessions/not-a-uuid')).statusCode).toBe(400);
  });

  it('pages sessions newest first with a cursor', async () => {
    for (const d of ['2025-03-01', '2025-03-02', '2025-03-03']) {
      await post(gd1, '/api/training/sessions', session({ heldOn: d }));
    }
    const first = (await get(gd1, '/api/training/sessions?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const second = (await get(gd1, `/api/training/sessions?limit=2&cursor=${first.nextCursor}`)).json();
    const days = [...first.items, ...second.items].map((s: TrainingSession) => s.heldOn);
    expect(days).toEqual([...days].sort().reverse());
    expect(new Set([...first.items, ...second.items].map((s: TrainingSession) => s.id)).size).toBe(4);
  });
});

describe('certified talents', () => {
  it('records a talent, audited, and counts distinct people with a valid certificate', async () => {
    const before = (await summary(gd1)).totals.talents;
    const res = await post(gd1, '/api/training/talents', talent(1));
    expect(res.statusCode, res.body).toBe(201);
    const tal = res.json() as Talent;
    expect(tal).toMatchObject({ provinceCode: '440000', certificateNo: 'DSG-TEST-1' });
    expect(await auditActions(gd1)).toContain(`training.talent_recorded ${tal.id}`);
    // A second certificate of the same person and an expired one add no talent.
    await post(gd1, '/api/training/talents', talent(1, { certificate: 'CDSP', certificateNo: 'CDSP-1' }));
    await post(gd1, '/api/training/talents', talent(2, { issuedOn: '2020-01-01', validUntil: '2023-01-01' }));
    expect((await summary(gd1)).totals.talents - before).toBe(1);
    expect((await get(zj1, `/api/training/talents/${tal.id}`)).statusCode).toBe(404);
    expect((await get(gd, `/api/training/talents/${tal.id}`)).statusCode).toBe(200);
  });

  it('refuses a duplicate certificate (409), expiry before issue and a future issue (400)', async () => {
    await post(gd1, '/api/training/talents', talent(3));
    const dup = await post(gd1, '/api/training/talents', talent(3));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('training.duplicate_certificate');
    const early = await post(gd1, '/api/training/talents', talent(4, { validUntil: '2025-01-01' }));
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].path).toBe('body.validUntil');
    const future = await post(gd1, '/api/training/talents', talent(5, { issuedOn: '2099-01-01' }));
    expect(future.json().errors[0].path).toBe('body.issuedOn');
    const bad = await post(gd1, '/api/training/talents', { ...talent(6), certificateNo: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.certificateNo');
  });
});

describe('training roll-ups', () => {
  it('gives a province its enterprises and the ministry every province, against the national targets', async () => {
    await post(zj1, '/api/training/sessions', session({ attendees: ['赵', '钱', '孙', '李', '周'] }));
    const province = await summary(gd);
    expect(province.scope).toBe('province');
    expect(province.provinceCode).toBe('440000');
    expect(province.byEnterprise.every((e) => e.provinceCode === '440000')).toBe(true);
    expect(province.byEnterprise.map((e) => e.orgId)).toContain(gd1.orgId);
    const sum = province.byEnterprise.reduce((a, e) => a + e.personTimes, 0);
    expect(province.totals.personTimes).toBe(sum);
    const national = await summary(ministry);
    expect(national.scope).toBe('national');
    const codes = national.byProvince.map((p) => p.provinceCode);
    expect(codes).toEqual(expect.arrayContaining(['330000', '440000']));
    expect(national.totals.personTimes).toBe(national.byProvince.reduce((a, p) => a + p.personTimes, 0));
    expect(national.byProvince.find((p) => p.provinceCode === '440000')!.personTimes).toBe(sum);
    const zjOnly = await summary(ministry, '?provinceCode=330000');
    expect(zjOnly.byEnterprise.every((e) => e.provinceCode === '330000')).toBe(true);
    expect((await get(gd, '/api/training/summary?provinceCode=330000')).statusCode).toBe(404);
    expect((await get(vendor, '/api/training/summary')).statusCode).toBe(403);
    expect((await get(ministry, '/api/training/summary?provinceCode=44')).statusCode).toBe(400);
  });
});
