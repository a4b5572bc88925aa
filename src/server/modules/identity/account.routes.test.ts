import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/demo';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('own sessions', () => {
  it('lists the live sessions with the current one marked, and revokes one so it is refused at once', async () => {
    const laptop = await t.login('vendor.member@bulwark.demo');
    const phone = await t.login('vendor.member@bulwark.demo');
    const list = await t.app.inject({ url: '/api/auth/sessions', headers: laptop.headers });
    expect(list.statusCode).toBe(200);
    const sessions = list.json() as { id: string; current: boolean; userAgent: string | null }[];
    expect(sessions.length).toBeGreaterThanOrEqual(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    expect(JSON.stringify(sessions)).not.toMatch(/csrf|tokenHash|token_hash/i);
    const phoneId = (await t.app.inject({ url: '/api/auth/sessions', headers: phone.headers }))
      .json()
      .find((s: { current: boolean }) => s.current).id;
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/auth/sessions/${phoneId}`,
      headers: laptop.headers,
    });
    expect(del.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/auth/me', headers: phone.headers })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/auth/me', headers: laptop.headers })).statusCode).toBe(200);
    const after = await t.app.inject({ url: '/api/auth/sessions', headers: laptop.headers });
    expect(after.json().map((s: { id: string }) => s.id)).not.toContain(phoneId);
  });

  it("answers 404 for another user's session and audits a revocation", async () => {
    const a = await t.login('vendor.admin@bulwark.demo');
    const b = await t.login('researcher@bulwark.demo');
    const bId = (await t.app.inject({ url: '/api/auth/sessions', headers: b.headers })).json()[0].id;
    const res = await t.app.inject({
      method: 'DELETE',
      url: `/api/auth/sessions/${bId}`,
      headers: a.headers,
    });
    expect(res.statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/auth/me', headers: b.headers })).statusCode).toBe(200);
    await t.app.inject({ method: 'DELETE', url: `/api/auth/sessions/${bId}`, headers: b.headers });
    const { rows } = await t.database.raw.query<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'session.revoked' and entity_id = $1`,
      [bId],
    );
    expect(rows[0]!.n).toBe(1);
  });
});

describe("an admin and a user's sessions", () => {
  it('lists a user’s sessions for their admin, and revoke-sessions ends them at once', async () => {
    const admin = await t.login('ent.gd1@bulwark.demo');
    const inv = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${admin.orgId}/invitations`,
      headers: admin.headers,
      payload: { email: 'sessions.user@factory.example', role: 'member' },
    });
    await t.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token: inv.json().token, name: '用户', password: DEMO_PASSWORD },
    });
    const user = await t.login('sessions.user@factory.example');
    const url = `/api/orgs/${admin.orgId}/users/${user.userId}/sessions`;
    const list = await t.app.inject({ url, headers: admin.headers });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toHaveLength(1);
    const outsider = await t.login('ent.zj1@bulwark.demo');
    expect((await t.app.inject({ url, headers: outsider.headers })).statusCode).toBe(404);
    const revoke = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${admin.orgId}/users/${user.userId}/revoke-sessions`,
      headers: admin.headers,
    });
    expect(revoke.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/auth/me', headers: user.headers })).statusCode).toBe(401);
    expect((await t.app.inject({ url, headers: admin.headers })).json()).toEqual([]);
  });
});

describe('password policy', () => {
  const accept = async (email: string, password: string) => {
    const admin = await t.login('vendor.admin@bulwark.demo');
    const inv = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${admin.orgId}/invitations`,
      headers: admin.headers,
      payload: { email, role: 'viewer' },
    });
    return t.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token: inv.json().token, name: 'n', password },
    });
  };

  it('refuses on invitation accept a password holding the email name or a common one, with field paths', async () => {
    const named = await accept('liang.chen@vendor.example', 'Liang.Chen-2026-spring');
    expect(named.statusCode).toBe(400);
    expect(named.json().code).toBe('password.policy');
    expect(named.json().errors).toEqual([
      expect.objectContaining({ path: 'body.password', code: 'password.contains_email' }),
    ]);
    const common = await accept('liang.chen@vendor.example', 'P@ssw0rd1234');
    expect(common.json().errors).toEqual([
      expect.objectContaining({ path: 'body.password', code: 'password.common' }),
    ]);
    const short = await accept('liang.chen@vendor.example', 'short-pw');
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].path).toBe('body.password');
    const long = await accept('liang.chen@vendor.example', 'x9'.repeat(129));
    expect(long.statusCode).toBe(400);
    expect(long.json().errors[0].path).toBe('body.password');
    expect((await accept('liang.chen@vendor.example', 'seven orange kites drift')).statusCode).toBe(201);
  });

  it('refuses on password change, at body.newPassword, and accepts a 256-character password', async () => {
    const u = await t.login('platform.admin@bulwark.demo');
    const change = (newPassword: string, currentPassword = DEMO_PASSWORD) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: u.headers,
        payload: { currentPassword, newPassword },
      });
    const weak = await change('qwertyuiop123');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors).toEqual([
      expect.objectContaining({ path: 'body.newPassword', code: 'password.common' }),
    ]);
    const longest = `${'Zq7!'.repeat(64)}`;
    expect((await change(longest)).statusCode).toBe(204);
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'platform.admin@bulwark.demo', password: longest },
    });
    expect(signIn.statusCode).toBe(200);
    expect((await change(DEMO_PASSWORD, longest)).statusCode).toBe(204);
  });
});
