import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestSbom } from '../../../lib/sbom';
import { type As, createTestApp, type TestApp } from '../../testing/test-app';

const VECTORS = path.resolve(import.meta.dirname, '../../../../../shared/vectors');
const KUBECTL = fs.readFileSync(
  path.join(VECTORS, 'sbom/guac-exampledata/oci-kubectl-linux-amd64-spdx-1.json'),
  'utf8',
);
const GO_2023_2102 = fs
  .readFileSync(path.join(VECTORS, 'advisories/golang-vulndb/go-osv.jsonl'), 'utf8')
  .split('\n')
  .find((l) => l.includes('"id":"GO-2023-2102"'))!;
const NET = 'pkg:golang/golang.org/x/net@v0.13.0';
const withNet = (version: string) => KUBECTL.replaceAll(NET, `pkg:golang/golang.org/x/net@${version}`);

let t: TestApp;
let ent: As;
let ministry: As;
let assetId: string;

const upload = (as: As, id: string, body: string, type = 'application/spdx+json') =>
  t.app.inject({
    method: 'PUT',
    url: `/api/assets/${id}/sbom`,
    headers: { ...as.headers, 'content-type': type },
    payload: body,
  });
const exposuresOf = async (as: As) =>
  (await t.app.inject({ url: `/api/exposures?assetId=${assetId}&limit=200`, headers: as.headers })).json()
    .items;

beforeAll(async () => {
  t = await createTestApp();
  ent = await t.login('ent.gd1@bulwark.demo');
  ministry = await t.login('ministry.admin@bulwark.demo');
  const a = await t.app.inject({
    method: 'POST',
    url: '/api/assets',
    headers: ent.headers,
    payload: { kind: 'system', name: '生产调度系统 (kubectl)' },
  });
  expect(a.statusCode, a.body).toBe(201);
  assetId = a.json().id;
});
afterAll(() => t.close());

describe('SBOM exposure', () => {
  it('ingests a real SPDX SBOM, then an OSV advisory hits a component and the enterprise is notified', async () => {
    const up = await upload(ent, assetId, KUBECTL);
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json()).toMatchObject({ format: 'SPDX', specVersion: '2.3', exposures: 0 });
    expect(up.json().counts.byEcosystem.Go).toBeGreaterThan(10);

    const imp = await t.app.inject({
      method: 'POST',
      url: '/api/match-advisories/import',
      headers: { ...ministry.headers, 'content-type': 'application/x-ndjson' },
      payload: `${GO_2023_2102}\n`,
    });
    expect(imp.statusCode, imp.body).toBe(200);
    expect(imp.json()).toMatchObject({ counts: { records: 1 }, newExposures: 1, affectedOrgs: 1 });

    const [e] = await exposuresOf(ent);
    expect(e).toMatchObject({
      advisoryId: 'GO-2023-2102',
      name: 'golang.org/x/net',
      version: 'v0.13.0',
      state: 'affected',
      severity: null,
    });
    const notes = (await t.app.inject({ url: '/api/notifications', headers: ent.headers })).json().items;
    expect(notes[0]).toMatchObject({ kind: 'exposure.new' });

    const affected = await t.app.inject({
      url: '/api/match-advisories/GO-2023-2102/affected',
      headers: (await t.login('gd.admin@bulwark.demo')).headers,
    });
    expect(affected.json()).toMatchObject({ byProvince: [{ provinceCode: '440000', orgs: 1 }] });
    const zj = await t.app.inject({
      url: '/api/match-advisories/GO-2023-2102/affected',
      headers: (await t.login('zj.admin@bulwark.demo')).headers,
    });
    expect(zj.json().orgs).toEqual([]);
  });

  it('keeps a not-affected decision across a re-upload still inside the range, and resolves when the version leaves it', async () => {
    const [e] = await exposuresOf(ent);
    const needs = await t.app.inject({
      method: 'PATCH',
      url: `/api/exposures/${e.id}`,
      headers: ent.headers,
      payload: { state: 'not-affected' },
    });
    expect(needs.statusCode).toBe(400);
    expect(needs.json().errors[0].path).toBe('body.justification');
    const triaged = await t.app.inject({
      method: 'PATCH',
      url: `/api/exposures/${e.id}`,
      headers: ent.headers,
      payload: { state: 'not-affected', justification: 'code_not_reachable', detail: '未启用 HTTP/2 服务端' },
    });
    expect(triaged.json()).toMatchObject({ state: 'not-affected', justification: 'code_not_reachable' });

    const newer = await upload(ent, assetId, withNet('v0.14.0'));
    expect(newer.json()).toMatchObject({ exposures: 1, newExposures: 0, resolvedExposures: 0 });
    const [held] = await exposuresOf(ent);
    expect(held).toMatchObject({
      id: e.id,
      version: 'v0.14.0',
      state: 'not-affected',
      justification: 'code_not_reachable',
      resolvedAt: null,
    });

    const fixed = await upload(ent, assetId, withNet('v0.17.0'));
    expect(fixed.json()).toMatchObject({ exposures: 0, resolvedExposures: 1 });
    const [gone] = await exposuresOf(ent);
    expect(gone.resolvedAt).not.toBeNull();
  });

  it('exports a CycloneDX 1.6 VEX that is itself a valid CycloneDX document', async () => {
    const vex = (await t.app.inject({ url: `/api/assets/${assetId}/vex`, headers: ent.headers })).json();
    expect(vex).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.6' });
    expect(vex.vulnerabilities[0]).toMatchObject({
      id: 'GO-2023-2102',
      analysis: { state: 'not_affected', justification: 'code_not_reachable' },
    });
    const parsed = await ingestSbom(Buffer.from(JSON.stringify(vex)));
    expect(parsed.format).toBe('CycloneDX');
  });

  it('rejects a malformed SBOM with JSON paths and stores nothing', async () => {
    const before = (await t.app.inject({ url: `/api/assets/${assetId}`, headers: ent.headers })).json();
    const broken = JSON.stringify({
      bomFormat: 'CycloneDX',
      specVersion: '1.5',
      components: [{ type: 'library', name: 7 }],
    });
    const res = await upload(ent, assetId, broken, 'application/vnd.cyclonedx+json');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('sbom.invalid');
    expect(res.json().errors[0].path).toMatch(/^body\.components\.0/);
    const after = (await t.app.inject({ url: `/api/assets/${assetId}`, headers: ent.headers })).json();
    expect(after.sbom).toEqual(before.sbom);
    expect(after.componentCount).toBe(before.componentCount);
  });

  it('matches a vendor advisory published on Bulwark, and shows the vendor how many of its users run it', async () => {
    const vendor = await t.login('vendor.admin@bulwark.demo');
    const researcher = await t.login('researcher@bulwark.demo');
    const product = (
      await t.app.inject({
        method: 'POST',
        url: '/api/products',
        headers: vendor.headers,
        payload: { name: '华安管理代理', purl: 'pkg:npm/huaan-agent@2.1.0' },
      })
    ).json();
    const a = (
      await t.app.inject({
        method: 'POST',
        url: '/api/assets',
        headers: ent.headers,
        payload: { kind: 'device', name: '边界防火墙' },
      })
    ).json();
    const sbom = {
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      version: 1,
      components: [
        { type: 'library', name: 'huaan-agent', version: '2.0.0', purl: 'pkg:npm/huaan-agent@2.0.0' },
      ],
    };
    expect(
      (await upload(ent, a.id, JSON.stringify(sbom), 'application/vnd.cyclonedx+json')).json().exposures,
    ).toBe(0);
    const r = (
      await t.app.inject({
        method: 'POST',
        url: '/api/vulnerabilities',
        headers: researcher.headers,
        payload: {
          productId: product.id,
          affectedVersions: ['2.0.0', '2.1.0'],
          title: '管理代理命令注入',
          cwe: 'CWE-78',
          description: '管理代理的诊断接口存在命令注入，可远程执行命令。',
        },
      })
    ).json().report;
    const step = (payload: object) =>
      t.app.inject({
        method: 'POST',
        url: `/api/vulnerabilities/${r.id}/transitions`,
        headers: vendor.headers,
        payload,
      });
    await step({ event: 'start-triage' });
    await step({ event: 'confirm', harm: '远程命令执行', scope: '2.0–2.1' });
    await t.app.inject({
      method: 'POST',
      url: `/api/vulnerabilities/${r.id}/national-report`,
      headers: vendor.headers,
      payload: {
        productName: '华安管理代理',
        productModel: 'agent',
        productVersion: '2.0.0–2.1.0',
        technicalCharacteristics: '命令注入',
        harm: '远程命令执行',
        scope: '全部在网设备',
      },
    });
    await step({ event: 'release-fix', kind: 'fix', description: '升级到 2.2.0', fixedVersions: ['2.2.0'] });
    await step({ event: 'notify-users', message: '请升级到 2.2.0' });
    const pub = await t.app.inject({
      method: 'POST',
      url: `/api/vulnerabilities/${r.id}/publication`,
      headers: vendor.headers,
      payload: {
        publicTitle: '华安管理代理命令注入漏洞',
        publicDescription: '华安管理代理 2.0.0 至 2.1.0 存在命令注入，已在 2.2.0 修复。',
        includesFixOrMitigation: true,
      },
    });
    expect(pub.statusCode, pub.body).toBe(200);
    const mine = (await t.app.inject({ url: `/api/exposures?assetId=${a.id}`, headers: ent.headers })).json()
      .items;
    expect(mine).toEqual([
      expect.objectContaining({
        advisoryId: `x_${r.ref}`,
        name: 'huaan-agent',
        version: '2.0.0',
        state: 'affected',
      }),
    ]);
    const users = (await t.app.inject({ url: '/api/vendor/affected-users', headers: vendor.headers })).json();
    expect(users.find((u: { ref: string }) => u.ref === r.ref)).toMatchObject({ affectedOrgs: 1 });
  });

  it('re-runs a full-portfolio analysis that finds the same exposures and keeps triage decisions', async () => {
    const before = await exposuresOf(ent);
    const run = await t.app.inject({
      method: 'POST',
      url: '/api/match-advisories/analyse',
      headers: ministry.headers,
    });
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json()).toMatchObject({ newExposures: 0 });
    expect(run.json().advisories).toBeGreaterThanOrEqual(1);
    const after = await exposuresOf(ent);
    expect(after.map((e: { id: string; state: string }) => [e.id, e.state])).toEqual(
      before.map((e: { id: string; state: string }) => [e.id, e.state]),
    );
  });

  it('keeps assets and exposures inside the tenant', async () => {
    const other = await t.login('ent.gd2@bulwark.demo');
    expect((await t.app.inject({ url: `/api/assets/${assetId}`, headers: other.headers })).statusCode).toBe(
      404,
    );
    expect((await upload(other, assetId, KUBECTL)).statusCode).toBe(404);
    const [e] = await exposuresOf(ent);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/exposures/${e.id}`,
      headers: other.headers,
      payload: { state: 'fixed' },
    });
    expect(patch.statusCode).toBe(404);
  });
});
