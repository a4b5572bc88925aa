import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../core/actor';
import { addLocalDays, endOfShanghaiDay, shanghaiDate } from '../../regulations/working-days';
import { DEMO_PASSWORD } from '../../seed/demo';
import { type As, createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
let gd2: As;
let gdReg: As;
let zjReg: As;
let ministry: As;
let keys: string[];

const call = (as: As, method: string, url: string, payload?: object) =>
  t.app.inject({ method: method as 'GET', url, headers: as.headers, ...(payload ? { payload } : {}) });
const full = () => Object.fromEntries(keys.map((k) => [k, `${k} 内容`]));
/** The first instant of a Shanghai day. */
const startOf = (day: string) => new Date(endOfShanghaiDay(day).getTime() - 86_400_000 + 1);

beforeAll(async () => {
  t = await createTestApp();
  [gd2, gdReg, zjReg, ministry] = (await Promise.all(
    [
      'ent.gd2@bulwark.demo',
      'gd.admin@bulwark.demo',
      'zj.admin@bulwark.demo',
      'ministry.viewer@bulwark.demo',
    ].map((e) => t.login(e)),
  )) as [As, As, As, As];
  keys = (await call(gd2, 'GET', '/api/risk-assessments/template'))
    .json()
    .sections.map((s: { key: string }) => s.key);
});
afterAll(() => t.close());

describe('annual risk assessment (Measures art. 31; 82号)', () => {
  it('has the 8 sections of 82号 and a 12-month validity', async () => {
    const tpl = (await call(gd2, 'GET', '/api/risk-assessments/template')).json();
    expect(keys).toHaveLength(8);
    expect(keys).toContain('importantDataTypesAndQuantity');
    expect(tpl).toMatchObject({ resultValidMonths: 12, reminderDaysBefore: [30, 7] });
  });

  it('says whether the enterprise must assess, from its important or core assets', async () => {
    const has = await t.database.raw.query(
      "select 1 from data_assets where org_id = $1 and status = 'active' and level in ('important','core')",
      [gd2.orgId],
    );
    const s = (await call(gd2, 'GET', '/api/risk-assessments/status')).json();
    expect(s).toMatchObject({ required: has.rows.length > 0, currentId: null, expired: false });
    await t.app.services.users.createOrgWithAdmin(
      systemContext(),
      { kind: 'enterprise', name: '无登记企业', provinceCode: '440000' },
      { email: 'unregistered@bulwark.test', name: 'u', password: DEMO_PASSWORD },
    );
    const bare = await t.login('unregistered@bulwark.test');
    expect((await call(bare, 'GET', '/api/risk-assessments/status')).json().required).toBe(false);
    const draft = await call(bare, 'POST', '/api/risk-assessments', { performedBy: 'self' });
    expect(draft.statusCode).toBe(409);
    expect(draft.json().code).toBe('risk_assessment.no_profile');
  });

  it('keeps drafts private and refuses unknown sections with their path', async () => {
    const bad = await call(gd2, 'POST', '/api/risk-assessments', {
      performedBy: 'self',
      sections: { bogus: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({
      path: 'body.sections.bogus',
      code: 'risk_assessment.unknown_section',
    });
    const res = await call(gd2, 'POST', '/api/risk-assessments', {
      performedBy: 'third-party',
      issuedOn: '2024-02-29',
      sections: { processorProfile: '珠江智能装备' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'draft', provinceCode: '440000', validUntil: '2025-02-28' });
    expect((await call(gdReg, 'GET', `/api/risk-assessments/${res.json().id}`)).statusCode).toBe(404);
    expect((await call(gdReg, 'GET', '/api/risk-assessments')).json()).toHaveLength(1); // ent.gd1's seeded one
  });

  it('refuses to submit an incomplete report, listing every missing section', async () => {
    const draft = (await call(gd2, 'GET', '/api/risk-assessments'))
      .json()
      .find((r: { status: string }) => r.status === 'draft');
    const res = await call(gd2, 'POST', `/api/risk-assessments/${draft.id}/submit`);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('risk_assessment.incomplete');
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual([
      ...keys.filter((k) => k !== 'processorProfile').map((k) => `sections.${k}`),
      'assessorName',
    ]);
  });

  it('submits to the provincial regulator, who alone marks it received', async () => {
    const today = shanghaiDate(t.clock.now());
    const draft = (await call(gd2, 'GET', '/api/risk-assessments')).json()[0];
    const put = await call(gd2, 'PUT', `/api/risk-assessments/${draft.id}`, {
      performedBy: 'third-party',
      assessorName: '某测评机构',
      issuedOn: today,
      sections: full(),
    });
    expect(put.statusCode, put.body).toBe(200);
    const sub = await call(gd2, 'POST', `/api/risk-assessments/${draft.id}/submit`);
    expect(sub.statusCode, sub.body).toBe(200);
    expect(sub.json()).toMatchObject({ status: 'submitted', issuedOn: today });
    expect(sub.json().validUntil).toBe(`${Number(today.slice(0, 4)) + 1}${today.slice(4)}`);
    const inbox = (await call(gdReg, 'GET', '/api/notifications')).json().items;
    expect(inbox.some((n: { kind: string }) => n.kind === 'risk_assessment.submitted')).toBe(true);
    expect(
      (await call(gd2, 'PUT', `/api/risk-assessments/${draft.id}`, { performedBy: 'self' })).statusCode,
    ).toBe(409);

    expect((await call(zjReg, 'GET', `/api/risk-assessments/${draft.id}`)).statusCode).toBe(404);
    expect((await call(zjReg, 'POST', `/api/risk-assessments/${draft.id}/receive`)).statusCode).toBe(404);
    expect((await call(ministry, 'GET', `/api/risk-assessments/${draft.id}`)).statusCode).toBe(200);
    expect((await call(gd2, 'POST', `/api/risk-assessments/${draft.id}/receive`)).statusCode).toBe(403);
    const rec = await call(gdReg, 'POST', `/api/risk-assessments/${draft.id}/receive`);
    expect(rec.statusCode, rec.body).toBe(200);
    expect(rec.json().status).toBe('received');
    const again = await call(gdReg, 'POST', `/api/risk-assessments/${draft.id}/receive`);
    expect(again.json().code).toBe('risk_assessment.not_submitted');

    const status = (await call(gd2, 'GET', '/api/risk-assessments/status')).json();
    expect(status).toMatchObject({ currentId: draft.id, validUntil: sub.json().validUntil, expired: false });
    expect(status.daysLeft).toBeGreaterThanOrEqual(365);
  });

  it('reminds the enterprise 30 and 7 days before expiry and once on expiry, idempotently', async () => {
    const current = (await call(gd2, 'GET', '/api/risk-assessments/status')).json();
    const until: string = current.validUntil;
    const remind = t.app.services.riskReminders;
    const reminders = async () =>
      (
        await t.database.raw.query<{ kind: string }>(
          "select kind from notifications where org_id = $1 and kind like 'risk_assessment.ex%' order by created_at",
          [gd2.orgId],
        )
      ).rows.map((r) => r.kind);

    await remind(new Date(startOf(addLocalDays(until, -30)).getTime() - 1));
    expect(await reminders()).toEqual([]);
    await remind(startOf(addLocalDays(until, -30)));
    await remind(startOf(addLocalDays(until, -29)));
    expect(await reminders()).toEqual(['risk_assessment.expiring']);
    await remind(startOf(addLocalDays(until, -7)));
    await remind(startOf(addLocalDays(until, 0)));
    expect(await reminders()).toEqual(['risk_assessment.expiring', 'risk_assessment.expiring']);
    await remind(startOf(addLocalDays(until, 1)));
    await remind(startOf(addLocalDays(until, 5)));
    expect(await reminders()).toEqual([
      'risk_assessment.expiring',
      'risk_assessment.expiring',
      'risk_assessment.expired',
    ]);
  });
});
