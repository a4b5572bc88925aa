import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app';

// Small limits so the test crosses them; the window is real time (the limiter's store does not read our clock).
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ BULWARK_RATE_LIMIT_PER_MINUTE: '5', BULWARK_ANON_RATE_LIMIT_PER_MINUTE: '3' });
});
afterAll(() => t.close());

describe('per-account and per-IP rate limits', () => {
  it('answers an account past its limit with 429 problem+json and Retry-After, across its sessions and tokens', async () => {
    const a = await t.login('vendor.member@bulwark.demo');
    const token = (
      await t.app.inject({ method: 'POST', url: '/api/tokens', headers: a.headers, payload: { name: 'rl' } })
    ).json().token as string;
    const statuses: number[] = [];
    for (let i = 0; i < 2; i++)
      statuses.push((await t.app.inject({ url: '/api/auth/me', headers: a.headers })).statusCode);
    const bearer = { authorization: `Bearer ${token}` };
    for (let i = 0; i < 2; i++)
      statuses.push((await t.app.inject({ url: '/api/auth/me', headers: bearer })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200]);
    const over = await t.app.inject({ url: '/api/auth/me', headers: bearer });
    expect(over.statusCode).toBe(429);
    expect(String(over.headers['content-type'])).toContain('application/problem+json');
    expect(over.json().code).toBe('rate_limited');
    const retry = Number(over.headers['retry-after']);
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(60);
    // Another account on the same IP is not affected.
    const b = await t.login('researcher@bulwark.demo');
    expect((await t.app.inject({ url: '/api/auth/me', headers: b.headers })).statusCode).toBe(200);
  });

  it('limits anonymous API calls per IP, leaving login to its own limit and pages and health checks alone', async () => {
    const from = (ip: string) => ({ remoteAddress: ip });
    const anon = (ip: string) => t.app.inject({ url: '/api/reference/provinces', ...from(ip) });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await anon('203.0.113.7')).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    expect(Number((await anon('203.0.113.7')).headers['retry-after'])).toBeGreaterThan(0);
    expect((await anon('203.0.113.8')).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/health', ...from('203.0.113.7') })).statusCode).toBe(200);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'ent.gd1@bulwark.demo', password: 'Bulwark-Demo-2026' },
      ...from('203.0.113.7'),
    });
    expect(login.statusCode).toBe(200);
  });
});
