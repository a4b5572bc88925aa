import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../core/actor';
import { DEMO_FILING, DEMO_PASSWORD } from '../../seed/demo';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const newPlatform = async (email: string) => {
  await t.app.services.users.createOrgWithAdmin(
    systemContext(),
    { kind: 'collection-platform', name: `平台 ${email}` },
    { email, name: 'p', password: DEMO_PASSWORD },
  );
  return t.login(email);
};

describe('collection-platform filings (RMSV art. 10, 146号)', () => {
  it('lists the filed demo platform publicly, without a login', async () => {
    const res = await t.app.inject({ url: '/api/platforms/filed' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      expect.objectContaining({
        platformName: DEMO_FILING.platformName,
        filingNumber: expect.stringMatching(/^BWK-PF-\d{4}-0001$/),
      }),
    ]);
  });

  it('runs draft → submitted → rejected → resubmitted → approved with a filing number', async () => {
    const p = await newPlatform('pf.flow@bulwark.test');
    const m = await t.login('ministry.admin@bulwark.demo');
    const badUscc = await t.app.inject({
      method: 'PUT',
      url: '/api/platform-filings/mine',
      headers: p.headers,
      payload: { ...DEMO_FILING, hostUscc: '91110000802100433C' },
    });
    expect(badUscc.statusCode).toBe(400);
    expect(badUscc.json().errors[0].path).toBe('body.hostUscc');
    const draft = await t.app.inject({
      method: 'PUT',
      url: '/api/platform-filings/mine',
      headers: p.headers,
      payload: { ...DEMO_FILING, platformName: '新平台', commitmentLetterSigned: false },
    });
    expect(draft.json().status).toBe('draft');
    const id = draft.json().id;
    const noLetter = await t.app.inject({
      method: 'POST',
      url: `/api/platform-filings/${id}/submit`,
      headers: p.headers,
    });
    expect(noLetter.statusCode).toBe(400);
    await t.app.inject({
      method: 'PUT',
      url: '/api/platform-filings/mine',
      headers: p.headers,
      payload: { ...DEMO_FILING, platformName: '新平台' },
    });
    expect(
      (
        await t.app.inject({ method: 'POST', url: `/api/platform-filings/${id}/submit`, headers: p.headers })
      ).json().status,
    ).toBe('submitted');
    const decide = (payload: object) =>
      t.app.inject({
        method: 'POST',
        url: `/api/platform-filings/${id}/decision`,
        headers: m.headers,
        payload,
      });
    expect((await decide({ decision: 'reject' })).json().errors[0].path).toBe('body.reason');
    const rejected = await decide({ decision: 'reject', reason: '等保备案号无法核验' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', decisionReason: '等保备案号无法核验' });
    expect((await decide({ decision: 'approve' })).statusCode).toBe(409);
    await t.app.inject({ method: 'POST', url: `/api/platform-filings/${id}/submit`, headers: p.headers });
    const approved = await decide({ decision: 'approve' });
    expect(approved.json()).toMatchObject({
      status: 'approved',
      filingNumber: expect.stringMatching(/-0002$/),
    });
    const filed = (await t.app.inject({ url: '/api/platforms/filed' })).json();
    expect(filed.map((f: { platformName: string }) => f.platformName)).toContain('新平台');
  });

  it('keeps one platform\u2019s filing from another (404) and shows the ministry the queue', async () => {
    const a = await newPlatform('pf.a@bulwark.test');
    const b = await newPlatform('pf.b@bulwark.test');
    const fa = await t.app.inject({
      method: 'PUT',
      url: '/api/platform-filings/mine',
      headers: a.headers,
      payload: DEMO_FILING,
    });
    const seenByB = await t.app.inject({ url: `/api/platform-filings/${fa.json().id}`, headers: b.headers });
    expect(seenByB.statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/platform-filings', headers: b.headers })).json()).toEqual([]);
    const m = await t.login('ministry.viewer@bulwark.demo');
    const drafts = await t.app.inject({ url: '/api/platform-filings?status=draft', headers: m.headers });
    expect(drafts.json().map((f: { id: string }) => f.id)).toContain(fa.json().id);
  });
});
