import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ BULWARK_LOGIN_MAX_FAILURES: '3' });
});
afterAll(() => t.close());

describe('login, session and CSRF', () => {
  it('signs in, reads /me, and needs the CSRF token for cookie writes', async () => {
    const as = await t.login('vendor.admin@bulwark.demo');
    const me = await t.app.inject({ url: '/api/auth/me', headers: as.headers });
    expect(me.statusCode).toBe(200);
    expect(me.json().org.kind).toBe('vendor');
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: { cookie: as.headers.cookie! },
      payload: { name: 'ci' },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('auth.csrf_failed');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: as.headers,
      payload: { name: 'ci' },
    });
    expect(ok.statusCode).toBe(201);
  });

  it('sets an httpOnly SameSite cookie and answers wrong passwords with one code', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'researcher@bulwark.demo', password: 'Bulwark-Demo-2026' },
    });
    const c = res.cookies.find((x) => x.name === 'bulwark_session');
    expect(c?.httpOnly).toBe(true);
    expect(c?.sameSite).toBe('Lax');
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'nobody@bulwark.demo', password: 'whatever-password' },
    });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().code).toBe('auth.invalid_credentials');
  });

  it('locks an account after repeated failures, with Retry-After, and unlocks after the lock time', async () => {
    const bad = { email: 'ent.gd2@bulwark.demo', password: 'wrong-password-1' };
    for (let i = 0; i < 2; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: bad });
      expect(r.statusCode).toBe(401);
    }
    const third = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: bad });
    expect(third.statusCode).toBe(423);
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    const evenRight = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { ...bad, password: 'Bulwark-Demo-2026' },
    });
    expect(evenRight.statusCode).toBe(423);
    t.clock.advance(16 * 60_000);
    await t.login('ent.gd2@bulwark.demo');
  });

  it('logs out and the old cookie stops working', async () => {
    const as = await t.login('platform.admin@bulwark.demo');
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: as.headers });
    expect(out.statusCode).toBe(204);
    const me = await t.app.inject({ url: '/api/auth/me', headers: as.headers });
    expect(me.statusCode).toBe(401);
  });
});

describe('API tokens', () => {
  it('are shown once, authenticate without CSRF, and stop after revocation', async () => {
    const as = await t.login('vendor.member@bulwark.demo');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: as.headers,
      payload: { name: 'scanner' },
    });
    const { token, id } = created.json();
    expect(token).toMatch(/^bwk_/);
    const list = await t.app.inject({ url: '/api/tokens', headers: as.headers });
    expect(JSON.stringify(list.json())).not.toContain(token);
    const bearer = { authorization: `Bearer ${token}` };
    const me = await t.app.inject({ url: '/api/auth/me', headers: bearer });
    expect(me.json().user.email).toBe('vendor.member@bulwark.demo');
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: bearer,
      payload: { name: 'child' },
    });
    expect(write.statusCode).toBe(201);
    await t.app.inject({ method: 'POST', url: `/api/tokens/${id}/revoke`, headers: as.headers });
    const after = await t.app.inject({ url: '/api/auth/me', headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('auth.invalid_token');
  });
});

describe('invitations and user management', () => {
  it('lets an org admin invite, the invitee accept and log in, then be disabled', async () => {
    const admin = await t.login('ent.zj1@bulwark.demo');
    const inv = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${admin.orgId}/invitations`,
      headers: admin.headers,
      payload: { email: 'new.hire@qiantang.example', role: 'member' },
    });
    expect(inv.statusCode).toBe(201);
    const { token, acceptPath } = inv.json();
    expect(acceptPath).toContain(encodeURIComponent(token));
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token, name: '新同事', password: 'a-long-enough-password' },
    });
    expect(accepted.statusCode).toBe(201);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token, name: '新同事', password: 'a-long-enough-password' },
    });
    expect(again.statusCode).toBe(410);
    const newbie = await t.login('new.hire@qiantang.example', 'a-long-enough-password');
    const disable = await t.app.inject({
      method: 'PATCH',
      url: `/api/orgs/${admin.orgId}/users/${newbie.userId}`,
      headers: admin.headers,
      payload: { status: 'disabled' },
    });
    expect(disable.statusCode).toBe(200);
    const me = await t.app.inject({ url: '/api/auth/me', headers: newbie.headers });
    expect(me.statusCode).toBe(401);
  });

  it('refuses to remove the last active admin', async () => {
    const admin = await t.login('researcher@bulwark.demo');
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/orgs/${admin.orgId}/users/${admin.userId}`,
      headers: admin.headers,
      payload: { role: 'viewer' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('user.last_admin');
  });

  it('lets an admin revoke another user\u2019s sessions', async () => {
    const admin = await t.login('vendor.admin@bulwark.demo');
    const member = await t.login('vendor.member@bulwark.demo');
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${admin.orgId}/users/${member.userId}/revoke-sessions`,
      headers: admin.headers,
    });
    expect(r.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/auth/me', headers: member.headers })).statusCode).toBe(401);
  });
});

describe('organisations and provincial scope', () => {
  it('shows a provincial regulator only its province and lets it create enterprises there only', async () => {
    const gd = await t.login('gd.admin@bulwark.demo');
    const list = await t.app.inject({ url: '/api/orgs?kind=enterprise', headers: gd.headers });
    const provinces = new Set(list.json().items.map((o: { provinceCode: string }) => o.provinceCode));
    expect([...provinces]).toEqual(['440000']);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: gd.headers,
      payload: { kind: 'enterprise', name: '深圳示例工厂', provinceCode: '440000' },
    });
    expect(ok.statusCode).toBe(201);
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: gd.headers,
      payload: { kind: 'enterprise', name: '杭州示例工厂', provinceCode: '330000' },
    });
    expect(other.statusCode).toBe(403);
  });

  it('paginates with a keyset cursor without repeats', async () => {
    const m = await t.login('ministry.admin@bulwark.demo');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${cursor}` : '';
      const r = await t.app.inject({ url: `/api/orgs?limit=3${q}`, headers: m.headers });
      const body = r.json();
      seen.push(...body.items.map((o: { id: string }) => o.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    const all = await t.app.inject({ url: '/api/orgs?limit=200', headers: m.headers });
    expect(seen.length).toBe(all.json().items.length);
  });
});
