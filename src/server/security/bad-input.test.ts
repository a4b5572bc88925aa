import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app';

/** Malformed JSON, oversize bodies, wrong types and unknown fields answer 400/413 problem+json, never 500. */
let t: TestApp;
let h: Record<string, string>;
let orgId: string;
let userId: string;
beforeAll(async () => {
  t = await createTestApp({ BULWARK_BODY_LIMIT: '4096' });
  const as = await t.login('ministry.admin@bulwark.demo');
  h = as.headers;
  // Products are vendor-only; the body checks run before the role check, so the ministry session is fine.
  orgId = as.orgId;
  userId = as.userId;
});
afterAll(() => t.close());

/** One representative write per route family. */
const families = () => [
  {
    family: 'auth',
    method: 'POST',
    url: '/api/auth/login',
    valid: { email: 'a@b.cn', password: 'x' },
    wrong: { email: 42 },
  },
  {
    family: 'password',
    method: 'POST',
    url: '/api/auth/password',
    valid: { currentPassword: 'x', newPassword: 'y'.repeat(12) },
    wrong: { newPassword: [] },
  },
  {
    family: 'totp sign-in',
    method: 'POST',
    url: '/api/auth/login/totp',
    valid: { challenge: 'c'.repeat(43), code: '123456' },
    wrong: { challenge: 'c'.repeat(43), code: 123456 },
  },
  {
    family: 'totp enable',
    method: 'POST',
    url: '/api/auth/totp/enable',
    valid: { code: '123456' },
    wrong: { code: '12ab56' },
  },
  {
    family: 'totp disable',
    method: 'POST',
    url: '/api/auth/totp/disable',
    valid: { password: 'x', code: '123456' },
    wrong: { password: 5, code: '123456' },
  },
  {
    family: 'invitations',
    method: 'POST',
    url: `/api/orgs/${orgId}/invitations`,
    valid: { email: 'q@q.cn', role: 'member' },
    wrong: { email: 'q@q.cn', role: 'owner' },
  },
  {
    family: 'accept',
    method: 'POST',
    url: '/api/invitations/accept',
    valid: { token: 't'.repeat(30), name: 'n', password: 'p'.repeat(12) },
    wrong: { token: 1 },
  },
  {
    family: 'orgs',
    method: 'POST',
    url: '/api/orgs',
    valid: { kind: 'vendor', name: 'x' },
    wrong: { kind: 'bank', name: 7 },
  },
  {
    family: 'org profile',
    method: 'PATCH',
    url: `/api/orgs/${orgId}`,
    valid: { name: 'x' },
    wrong: { name: false },
  },
  {
    family: 'users',
    method: 'PATCH',
    url: `/api/orgs/${orgId}/users/${userId}`,
    valid: { name: 'x' },
    wrong: { role: 'root' },
  },
  {
    family: 'tokens',
    method: 'POST',
    url: '/api/tokens',
    valid: { name: 'x' },
    wrong: { name: 'x', expiresInDays: 'soon' },
  },
  {
    family: 'platform filings',
    method: 'POST',
    url: `/api/platform-filings/${orgId}/decision`,
    valid: { decision: 'approve' },
    wrong: { decision: 'maybe', reason: 5 },
  },
  {
    family: 'vulnerability intake',
    method: 'POST',
    url: '/api/intake/anonymous',
    valid: {
      productText: { vendorName: 'v', productName: 'p' },
      affectedVersions: ['1'],
      title: 'titled',
      description: 'd'.repeat(30),
    },
    wrong: { affectedVersions: 'all', title: 7 },
  },
  {
    family: 'vulnerability lifecycle',
    method: 'POST',
    url: `/api/vulnerabilities/${orgId}/transitions`,
    valid: { event: 'start-triage' },
    wrong: { event: 'explode' },
  },
  {
    family: 'national report',
    method: 'POST',
    url: `/api/vulnerabilities/${orgId}/national-report`,
    valid: { productName: 'p' },
    wrong: { productName: ['p'] },
  },
  {
    family: 'publication',
    method: 'POST',
    url: `/api/vulnerabilities/${orgId}/publication`,
    valid: { publicTitle: 'title', publicDescription: 'd'.repeat(30), includesFixOrMitigation: true },
    wrong: { publicTitle: 'title', publicDescription: 'd'.repeat(30), includesFixOrMitigation: 'yes' },
  },
  {
    family: 'freeze windows',
    method: 'POST',
    url: '/api/freeze-windows',
    valid: { name: 'n', from: '2030-01-01T00:00:00Z', to: '2030-01-02T00:00:00Z' },
    wrong: { name: 'n', from: 'yesterday', to: 3 },
  },
  {
    family: 'assets',
    method: 'POST',
    url: '/api/assets',
    valid: { kind: 'system', name: 'x' },
    wrong: { kind: 'castle', name: [] },
  },
  {
    family: 'exposure triage',
    method: 'PATCH',
    url: `/api/exposures/${orgId}`,
    valid: { state: 'fixed' },
    wrong: { state: 'gone', justification: 5 },
  },
  {
    family: 'products',
    method: 'POST',
    url: '/api/products',
    valid: { name: 'x' },
    wrong: { name: 'x', versions: 'all' },
  },
  {
    family: 'enterprise registry',
    method: 'POST',
    url: '/api/enterprises',
    valid: {
      uscc: '91440300MA5XXXXXX0',
      name: 'x',
      provinceCode: '440000',
      cityCode: '440300',
      industryDivision: '39',
      sector: 'industry',
      aboveSize: false,
    },
    wrong: { uscc: 42, name: 'x', provinceCode: '44', aboveSize: 'yes' },
  },
  {
    family: 'enterprise profile',
    method: 'PATCH',
    url: `/api/enterprises/${orgId}`,
    valid: { revenueYear: 2025 },
    wrong: { annualRevenueYuan: 1.5, officer: { name: 'x' } },
  },
];

const expectProblem = (
  res: { statusCode: number; headers: Record<string, unknown>; json: () => unknown },
  status: number,
  code: string,
) => {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  const body = res.json() as { code: string; status: number; requestId: string };
  expect(body.code).toBe(code);
  expect(body.status).toBe(status);
  expect(body.requestId).toBeTruthy();
  return body as { errors?: { path: string; code: string }[] };
};

describe('bad input on every route family', () => {
  it('answers malformed JSON with 400 request.malformed_json', async () => {
    for (const f of families()) {
      const res = await t.app.inject({
        method: f.method as 'POST',
        url: f.url,
        headers: { ...h, 'content-type': 'application/json' },
        payload: '{"email": "a@b.cn",',
      });
      expectProblem(res, 400, 'request.malformed_json');
    }
  });

  it('answers an oversize body with 413', async () => {
    for (const f of families()) {
      const res = await t.app.inject({
        method: f.method as 'POST',
        url: f.url,
        headers: { ...h, 'content-type': 'application/json' },
        payload: JSON.stringify({ ...f.valid, pad: 'x'.repeat(8192) }),
      });
      expectProblem(res, 413, 'request.too_large');
    }
  });

  it('answers wrong types with 400 and the field paths', async () => {
    for (const f of families()) {
      const res = await t.app.inject({
        method: f.method as 'POST',
        url: f.url,
        headers: h,
        payload: f.wrong,
      });
      const body = expectProblem(res, 400, 'validation.failed');
      expect(body.errors?.length, f.family).toBeGreaterThan(0);
      expect(body.errors!.every((e) => e.path.startsWith('body'))).toBe(true);
    }
  });

  it('answers unknown fields with 400 validation.unknown_field at their path', async () => {
    for (const f of families()) {
      const res = await t.app.inject({
        method: f.method as 'POST',
        url: f.url,
        headers: h,
        payload: { ...f.valid, isAdmin: true },
      });
      const body = expectProblem(res, 400, 'validation.failed');
      expect(body.errors).toContainEqual(
        expect.objectContaining({ path: 'body.isAdmin', code: 'validation.unknown_field' }),
      );
    }
  });

  it('answers bad path and query parameters with 400', async () => {
    const badId = await t.app.inject({ url: '/api/orgs/not-a-uuid', headers: h });
    expect(expectProblem(badId, 400, 'validation.failed').errors?.[0]?.path).toBe('params.id');
    const badLimit = await t.app.inject({ url: '/api/audit?limit=100000', headers: h });
    expect(expectProblem(badLimit, 400, 'validation.failed').errors?.[0]?.path).toBe('querystring.limit');
    const badCursor = await t.app.inject({ url: '/api/orgs?cursor=%%%', headers: h });
    expectProblem(badCursor, 400, 'validation.bad_cursor');
    const unknownQuery = await t.app.inject({ url: '/api/orgs?sudo=1', headers: h });
    expectProblem(unknownQuery, 400, 'validation.failed');
  });

  it('answers unknown routes with 404 problem+json and a non-JSON body with 415', async () => {
    expectProblem(await t.app.inject({ url: '/api/nope', headers: h }), 404, 'route.not_found');
    const xml = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: { ...h, 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expectProblem(xml, 415, 'request.unsupported_media_type');
  });

  it('answers registry uploads of the wrong type, too large, empty or unreadable with problem+json', async () => {
    const upload = (type: string, payload: string | Buffer) =>
      t.app.inject({
        method: 'POST',
        url: '/api/enterprises/import',
        headers: { ...h, 'content-type': type },
        payload,
      });
    expectProblem(await upload('application/json', '{}'), 415, 'request.unsupported_media_type');
    expectProblem(
      await upload('text/csv', Buffer.alloc(16 * 1024 * 1024 + 1, 0x41)),
      413,
      'request.too_large',
    );
    expectProblem(await upload('text/csv', ''), 400, 'import.empty');
    expectProblem(await upload('text/csv; charset=latin1', 'a,b'), 400, 'import.unreadable');
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    expectProblem(await upload(xlsx, Buffer.from('PK\x03\x04 truncated')), 400, 'import.unreadable');
  });

  it('puts a request id on every response', async () => {
    const res = await t.app.inject({ url: '/health' });
    expect(res.headers['x-request-id']).toBeTruthy();
    const echoed = await t.app.inject({ url: '/health', headers: { 'x-request-id': 'trace-123' } });
    expect(echoed.headers['x-request-id']).toBe('trace-123');
  });
});
