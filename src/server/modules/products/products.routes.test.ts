import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../core/actor';
import { DEMO_PASSWORD } from '../../seed/demo';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('products', () => {
  it('lists the demo vendor product publicly and finds it by name, model or vendor', async () => {
    for (const q of ['防火墙', 'NGFW', '华安']) {
      const res = await t.app.inject({ url: `/api/products?q=${encodeURIComponent(q)}` });
      expect(res.json().items.map((p: { model: string }) => p.model)).toContain('HA-NGFW-3000');
    }
  });

  it('normalises purls and rejects invalid ones with the field path', async () => {
    const v = await t.login('vendor.member@bulwark.demo');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/products',
      headers: v.headers,
      payload: {
        name: '工业交换机',
        model: 'HA-SW-24',
        purl: 'pkg:PyPI/Django_Utils@1.0',
        cpe: 'cpe:2.3:h:huaan:ha-sw-24:-:*:*:*:*:*:*:*',
      },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().purl).toBe('pkg:pypi/django-utils@1.0');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/products',
      headers: v.headers,
      payload: { name: 'x', purl: 'pkg:maven/only-name' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.purl');
    const badCpe = await t.app.inject({
      method: 'POST',
      url: '/api/products',
      headers: v.headers,
      payload: { name: 'x', cpe: 'cpe:/a:x' },
    });
    expect(badCpe.json().errors[0].path).toBe('body.cpe');
  });

  it('links an upstream component to its maker when that vendor ships the package on the platform', async () => {
    await t.app.services.users.createOrgWithAdmin(
      systemContext(),
      { kind: 'vendor', name: 'OpenSSL 上游厂商' },
      { email: 'upstream@bulwark.test', name: 'u', password: DEMO_PASSWORD },
    );
    const up = await t.login('upstream@bulwark.test');
    await t.app.inject({
      method: 'POST',
      url: '/api/products',
      headers: up.headers,
      payload: { name: 'Crypto library', purl: 'pkg:generic/cryptolib@3.0.0' },
    });
    const v = await t.login('vendor.admin@bulwark.demo');
    const mine = (await t.app.inject({ url: `/api/products?vendorOrgId=${v.orgId}` })).json().items[0];
    const c = await t.app.inject({
      method: 'POST',
      url: `/api/products/${mine.id}/components`,
      headers: v.headers,
      payload: { purl: 'pkg:generic/cryptolib@2.9.1' },
    });
    expect(c.statusCode).toBe(201);
    expect(c.json().upstreamVendorOrgId).toBe(up.orgId);
    const dup = await t.app.inject({
      method: 'POST',
      url: `/api/products/${mine.id}/components`,
      headers: v.headers,
      payload: { purl: 'pkg:generic/cryptolib@2.9.1' },
    });
    expect(dup.statusCode).toBe(409);
    const seenByUpstream = await t.app.inject({
      url: `/api/products/${mine.id}/components`,
      headers: up.headers,
    });
    expect(seenByUpstream.statusCode).toBe(404);
    const seenByMinistry = await t.app.inject({
      url: `/api/products/${mine.id}/components`,
      headers: (await t.login('ministry.viewer@bulwark.demo')).headers,
    });
    expect(seenByMinistry.json().map((x: { purl: string }) => x.purl)).toContain(
      'pkg:generic/cryptolib@2.9.1',
    );
  });
});
