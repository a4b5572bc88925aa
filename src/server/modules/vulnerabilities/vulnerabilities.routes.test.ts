import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateCsaf, validateCve5, validateOsv } from '../../../lib/formats';
import { referenceValidate } from '../../../lib/formats/csaf-validator.test-support';
import { systemContext } from '../../core/actor';
import { DEMO_PASSWORD } from '../../seed/demo';
import { type As, createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
let vendor: As;
let researcher: As;
let ministry: As;
let productId: string;

const MARKER = 'SECRET-DETAIL-7f3a';
const report = (over: Record<string, unknown> = {}) => ({
  productId,
  affectedVersions: ['5.1.0', '5.2.3'],
  title: '管理界面存在未授权访问漏洞',
  cwe: 'CWE-306',
  description: `攻击者无需认证即可访问 /admin/config 接口并修改防火墙策略。${MARKER}`,
  cvss: [
    'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
  ],
  gbt: {
    exploitability: {
      accessPath: 'network',
      trigger: 'low',
      privileges: 'none',
      interaction: 'not-required',
    },
    impact: { confidentiality: 'severe', integrity: 'severe', availability: 'severe' },
  },
  ...over,
});

const post = (as: As | null, url: string, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers: as?.headers ?? {}, ...(payload ? { payload } : {}) });
const get = (as: As | null, url: string) => t.app.inject({ url, headers: as?.headers ?? {} });
const act = (as: As, id: string, payload: object) =>
  post(as, `/api/vulnerabilities/${id}/transitions`, payload);

beforeAll(async () => {
  t = await createTestApp();
  vendor = await t.login('vendor.admin@bulwark.demo');
  researcher = await t.login('researcher@bulwark.demo');
  ministry = await t.login('ministry.admin@bulwark.demo');
  productId = (await get(null, `/api/products?vendorOrgId=${vendor.orgId}`)).json().items[0].id;
});
afterAll(() => t.close());

describe('intake', () => {
  it('routes a researcher report to the vendor inbox, starts the RMSV clocks and logs the intake', async () => {
    const res = await post(researcher, '/api/vulnerabilities', report());
    expect(res.statusCode, res.body).toBe(201);
    const { report: r, claimCode } = res.json();
    expect(claimCode).toBeNull();
    expect(r).toMatchObject({
      state: 'submitted',
      reporterKind: 'researcher',
      vendorOrgId: vendor.orgId,
      gbtGrade: expect.any(String),
    });
    expect(r.cvss.map((c: { baseScore: number }) => c.baseScore)).toEqual([9.8, 9.3]);
    // RMSV art. 7(2): 2 calendar days, ending at midnight China time after the day of awareness.
    const due = new Date(r.clocks.nationalReport.dueAt);
    const shanghai = new Date(due.getTime() + 8 * 3_600_000);
    expect(shanghai.toISOString().slice(11, 19)).toBe('23:59:59');
    expect(due.getTime() - new Date(r.awareAt).getTime()).toBeGreaterThan(2 * 86_400_000 - 1);
    expect(due.getTime() - new Date(r.awareAt).getTime()).toBeLessThan(3 * 86_400_000);
    const inbox = await get(vendor, '/api/vulnerabilities?mine=assigned');
    expect(inbox.json().items.map((x: { id: string }) => x.id)).toContain(r.id);
    const log = await t.database.raw.query<{ n: number }>(
      `select count(*)::int as n from intake_log where report_id = $1`,
      [r.id],
    );
    expect(log.rows[0]?.n).toBe(1);
    const notes = await get(vendor, '/api/notifications');
    expect(notes.json().items[0]).toMatchObject({ kind: 'vulnerability.received' });
  });

  it('rejects bad CVSS vectors at their index and a researcher speaking for others', async () => {
    const bad = await post(
      researcher,
      '/api/vulnerabilities',
      report({ cvss: ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'CVSS:3.1/AV:X'] }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.cvss.1');
    const onBehalf = await post(researcher, '/api/vulnerabilities', report({ onBehalfOf: 'someone' }));
    expect(onBehalf.json().errors[0].path).toBe('body.onBehalfOf');
    const neither = await post(researcher, '/api/vulnerabilities', report({ productId: undefined }));
    expect(neither.statusCode).toBe(400);
  });

  it('lets only a filed collection platform submit as a platform', async () => {
    const filed = await t.login('platform.admin@bulwark.demo');
    const ok = await post(filed, '/api/vulnerabilities', report({ onBehalfOf: '白帽子 张三' }));
    expect(ok.statusCode).toBe(201);
    expect(ok.json().report).toMatchObject({ reporterKind: 'platform', onBehalfOf: '白帽子 张三' });
    await t.app.services.users.createOrgWithAdmin(
      systemContext(),
      { kind: 'collection-platform', name: '未备案平台' },
      { email: 'unfiled@bulwark.test', name: 'u', password: DEMO_PASSWORD },
    );
    const unfiled = await t.login('unfiled@bulwark.test');
    const refused = await post(unfiled, '/api/vulnerabilities', report());
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('intake.platform_not_filed');
  });

  it('gives an anonymous reporter a claim code to follow the report and answer questions', async () => {
    const res = await post(null, '/api/intake/anonymous', report({ contactEmail: 'anon@example.cn' }));
    expect(res.statusCode).toBe(201);
    const { report: r, claimCode } = res.json();
    expect(claimCode).toMatch(/^BWK-C-/);
    expect(r.reporterKind).toBe('anonymous');
    await act(vendor, r.id, { event: 'start-triage' });
    await act(vendor, r.id, { event: 'request-info', note: '请提供复现所需的固件版本号' });
    const view = await get(null, `/api/intake/claims/${claimCode}`);
    expect(view.json()).toMatchObject({ state: 'needs-info', description: expect.stringContaining(MARKER) });
    expect(view.json().timeline.map((e: { note: string | null }) => e.note)).toContain(
      '请提供复现所需的固件版本号',
    );
    const answered = await post(null, `/api/intake/claims/${claimCode}/info`, {
      note: '固件 5.2.3 build 1107',
    });
    expect(answered.json().state).toBe('triage');
    expect((await get(null, '/api/intake/claims/BWK-C-not-a-real-code-123')).statusCode).toBe(404);
  });

  it('queues a report on an uncatalogued product for the ministry, which assigns a vendor', async () => {
    const res = await post(
      researcher,
      '/api/vulnerabilities',
      report({ productId: undefined, productText: { vendorName: '某厂商', productName: '某路由器' } }),
    );
    const r = res.json().report;
    expect(r).toMatchObject({ vendorOrgId: null, awareAt: null });
    expect(r.clocks.nationalReport.status).toBe('not-started');
    const queued = await get(ministry, '/api/notifications');
    expect(queued.json().items.some((n: { kind: string }) => n.kind === 'vulnerability.unrouted')).toBe(true);
    const assigned = await post(ministry, `/api/vulnerabilities/${r.id}/assign`, {
      vendorOrgId: vendor.orgId,
    });
    expect(assigned.json()).toMatchObject({ vendorOrgId: vendor.orgId, awareAt: expect.any(String) });
    expect(
      (await post(ministry, `/api/vulnerabilities/${r.id}/assign`, { vendorOrgId: vendor.orgId })).statusCode,
    ).toBe(409);
  });
});

describe('duplicates and the intake log', () => {
  it('flags a likely duplicate on intake, and marking it links both timelines', async () => {
    const first = (
      await post(researcher, '/api/vulnerabilities', report({ title: 'HA-NGFW 管理接口 未授权访问' }))
    ).json().report;
    const platform = await t.login('platform.admin@bulwark.demo');
    const second = (
      await post(
        platform,
        '/api/vulnerabilities',
        report({ title: 'HA-NGFW 管理接口存在未授权访问', onBehalfOf: '白帽子' }),
      )
    ).json().report;
    const detail = (await get(vendor, `/api/vulnerabilities/${second.id}`)).json();
    expect(detail.duplicateCandidates.map((c: { id: string }) => c.id)).toContain(first.id);
    const marked = await act(vendor, second.id, { event: 'mark-duplicate', duplicateOf: first.id });
    expect(marked.json()).toMatchObject({ state: 'duplicate', duplicateOf: first.id });
    const original = (await get(vendor, `/api/vulnerabilities/${first.id}`)).json();
    expect(
      original.timeline.some(
        (e: { kind: string; data: { duplicateId?: string } }) =>
          e.kind === 'duplicate-linked' && e.data.duplicateId === second.id,
      ),
    ).toBe(true);
  });

  it('keeps the RMSV art. 5 intake log append-only', async () => {
    await expect(t.database.raw.exec('update intake_log set ip = null')).rejects.toThrow(/append-only/);
    await expect(t.database.raw.exec('delete from intake_log')).rejects.toThrow(/append-only/);
  });
});

describe('sealed storage', () => {
  it('keeps no plaintext of a description, a note or a PoC anywhere in the database', async () => {
    const r = (await post(researcher, '/api/vulnerabilities', report())).json().report;
    const poc = Buffer.from(`#!/bin/sh\ncurl http://target/admin/config # ${MARKER}-POC`).toString('base64');
    const up = await post(researcher, `/api/vulnerabilities/${r.id}/attachments`, {
      filename: '../../etc/poc.sh',
      contentType: 'text/x-shellscript',
      contentBase64: poc,
      exploitTool: true,
    });
    expect(up.statusCode).toBe(201);
    expect(up.json().filename).toBe('poc.sh');
    // A script labelled a harmless PDF and not ticked as a tool is still stored as what it is: an exploit tool.
    const disguised = await post(researcher, `/api/vulnerabilities/${r.id}/attachments`, {
      filename: 'report.pdf',
      contentType: 'application/pdf',
      contentBase64: poc,
      exploitTool: false,
    });
    expect(disguised.statusCode).toBe(201);
    expect(disguised.json()).toMatchObject({ exploitTool: true });
    const served = await get(researcher, `/api/vulnerabilities/${r.id}/attachments/${disguised.json().id}`);
    expect(served.headers['content-type']).not.toContain('pdf');
    await act(vendor, r.id, { event: 'start-triage', note: `内部备注 ${MARKER}-NOTE` });
    const tables = (
      await t.database.raw.query<{ tablename: string }>(
        `select tablename from pg_tables where schemaname = 'public'`,
      )
    ).rows;
    let scanned = 0;
    for (const { tablename } of tables) {
      const rows = await t.database.raw.query<{ t: string }>(`select t::text as t from "${tablename}" t`);
      for (const row of rows.rows) {
        scanned++;
        expect(row.t, tablename).not.toContain(MARKER);
        expect(row.t, tablename).not.toContain(Buffer.from(MARKER).toString('hex'));
      }
    }
    expect(scanned).toBeGreaterThan(50);
    const download = await get(researcher, `/api/vulnerabilities/${r.id}/attachments/${up.json().id}`);
    expect(download.body).toContain(`${MARKER}-POC`);
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''poc.sh");
  });
});

describe('the RMSV lifecycle end to end', () => {
  it('goes confirm → national report → fix → notify → gated publication, notifying the upstream maker at once', async () => {
    await t.app.services.users.createOrgWithAdmin(
      systemContext(),
      { kind: 'vendor', name: 'OpenSSL 上游维护方' },
      { email: 'openssl.upstream@bulwark.test', name: 'u', password: DEMO_PASSWORD },
    );
    const upstream = await t.login('openssl.upstream@bulwark.test');
    await post(upstream, '/api/products', { name: 'OpenSSL', purl: 'pkg:generic/openssl@3.0.0' });
    const comp = await post(vendor, `/api/products/${productId}/components`, {
      purl: 'pkg:generic/openssl@1.0.2u',
    });
    expect(comp.json().upstreamVendorOrgId).toBe(upstream.orgId);

    const r = (await post(researcher, '/api/vulnerabilities', report())).json().report;
    expect((await act(vendor, r.id, { event: 'confirm', harm: 'x', scope: 'y' })).json().code).toBe(
      'vulnerability.invalid_transition',
    );
    await act(vendor, r.id, { event: 'start-triage' });
    const member = await t.login('vendor.member@bulwark.demo');
    expect((await act(member, r.id, { event: 'reject', reason: 'no' })).json().code).toBe(
      'vulnerability.role_forbidden',
    );
    const confirmed = await act(vendor, r.id, {
      event: 'confirm',
      harm: '可远程修改安全策略',
      scope: '5.x 全系列，约 1.2 万台在网设备',
      upstreamComponentIds: [comp.json().id],
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().clocks.upstreamNotify.status).toBe('met');
    const upstreamInbox = await get(upstream, '/api/vulnerabilities?mine=assigned');
    expect(upstreamInbox.json().items[0]).toMatchObject({
      reporterKind: 'upstream-notice',
      parentReportId: r.id,
      state: 'submitted',
    });

    const incomplete = await post(vendor, `/api/vulnerabilities/${r.id}/national-report`, {
      productName: '华安下一代防火墙',
    });
    expect(incomplete.statusCode).toBe(400);
    expect(
      incomplete
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(
      [
        'body.harm',
        'body.productModel',
        'body.productVersion',
        'body.scope',
        'body.technicalCharacteristics',
      ].sort(),
    );
    const nr = await post(vendor, `/api/vulnerabilities/${r.id}/national-report`, {
      productName: '华安下一代防火墙',
      productModel: 'HA-NGFW-3000',
      productVersion: '5.0.0–5.2.3',
      technicalCharacteristics: '管理接口缺少认证检查',
      harm: '远程攻击者可修改安全策略',
      scope: '约 1.2 万台在网设备',
    });
    expect(nr.statusCode, nr.body).toBe(200);
    expect(nr.json()).toMatchObject({ status: 'filed', late: false });
    expect((await get(vendor, `/api/vulnerabilities/${r.id}`)).json().nationalReport).toEqual({
      id: nr.json().id,
      status: 'filed',
      late: false,
    });
    const inbox = await get(ministry, '/api/national-reports?status=filed');
    expect(inbox.json().map((x: { id: string }) => x.id)).toContain(nr.json().id);
    const ack = await post(ministry, `/api/national-reports/${nr.json().id}/decision`, {
      decision: 'acknowledge',
    });
    expect(ack.json().status).toBe('acknowledged');

    await act(vendor, r.id, {
      event: 'release-fix',
      kind: 'fix',
      description: '升级到 5.2.4',
      fixedVersions: ['5.2.4'],
    });
    const notified = await act(vendor, r.id, { event: 'notify-users', message: '请尽快升级到 5.2.4' });
    expect(notified.json().state).toBe('users-notified');

    const ids = await t.app.inject({
      method: 'PUT',
      url: `/api/vulnerabilities/${r.id}/external-ids`,
      headers: vendor.headers,
      payload: { cnvd: 'cnvd-2026-012345', cve: 'CVE-2026-12345', cnnvd: 'NOT-AN-ID' },
    });
    expect(ids.json().errors[0].path).toBe('body.cnnvd');
    const okIds = await t.app.inject({
      method: 'PUT',
      url: `/api/vulnerabilities/${r.id}/external-ids`,
      headers: vendor.headers,
      payload: { cnvd: 'cnvd-2026-012345', cve: 'CVE-2026-12345' },
    });
    expect(okIds.json().externalIds).toEqual({ cnvd: 'CNVD-2026-012345', cve: 'CVE-2026-12345' });

    const publication = {
      publicTitle: '华安下一代防火墙管理接口未授权访问漏洞',
      publicDescription: '华安下一代防火墙 5.0.0 至 5.2.3 的管理接口缺少认证检查，已在 5.2.4 修复。',
      includesFixOrMitigation: false,
    };
    const refused = await post(vendor, `/api/vulnerabilities/${r.id}/publication`, publication);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors.map((e: { code: string }) => e.code)).toEqual([
      'disclosure.mitigation-missing',
    ]);
    const published = await post(vendor, `/api/vulnerabilities/${r.id}/publication`, {
      ...publication,
      includesFixOrMitigation: true,
    });
    expect(published.statusCode, published.body).toBe(200);
    const pub = await get(null, `/api/advisories/${r.ref}`);
    expect(pub.json()).toMatchObject({
      ref: r.ref,
      title: publication.publicTitle,
      fixedVersions: ['5.2.4'],
    });
    expect(pub.body).not.toContain(MARKER);

    // The same advisory as CSAF 2.0, CVE JSON 5.1 and OSV, each valid against its schema; and in the Atom feed.
    const csaf = (await get(null, `/api/advisories/${r.ref}/csaf`)).json();
    expect(validateCsaf(csaf)).toMatchObject({ valid: true });
    const reference = await referenceValidate(csaf);
    expect(reference.tests.filter((x) => !x.isValid)).toEqual([]);
    const cve = (await get(null, `/api/advisories/${r.ref}/cve`)).json();
    expect(cve.cveMetadata.cveId).toBe('CVE-2026-12345');
    expect(validateCve5(cve)).toMatchObject({ valid: true });
    const osv = (await get(null, `/api/advisories/${r.ref}/osv`)).json();
    expect(osv.aliases).toEqual(expect.arrayContaining(['CVE-2026-12345', 'CNVD-2026-012345']));
    expect(validateOsv(osv)).toMatchObject({ valid: true });
    const feed = await get(null, '/api/advisories/feed.atom');
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    expect(feed.body).toContain(`<title>${r.ref} `);
  });
});

describe('deadlines', () => {
  it('reminds the vendor once, then escalates an overdue national report to the ministry', async () => {
    const r = (await post(researcher, '/api/vulnerabilities', report())).json().report;
    const due = new Date(r.clocks.nationalReport.dueAt);
    const watch = t.app.services.deadlineWatch;
    const before = await watch(new Date(due.getTime() - 5 * 3_600_000));
    expect(before.reminders).toBeGreaterThan(0);
    expect((await watch(new Date(due.getTime() - 5 * 3_600_000))).reminders).toBe(0);
    const after = await watch(new Date(due.getTime() + 60_000));
    expect(after.escalations).toBeGreaterThanOrEqual(1);
    expect((await watch(new Date(due.getTime() + 120_000))).escalations).toBe(0);
    const notes = await get(ministry, '/api/notifications');
    expect(
      notes
        .json()
        .items.some(
          (n: { kind: string; data: { reportId: string } }) =>
            n.kind === 'vulnerability.overdue' && n.data.reportId === r.id,
        ),
    ).toBe(true);
    t.clock.advance(due.getTime() - Date.now() + 3_600_000);
    // Sessions expire over these days; sign in again at the new time.
    ministry = await t.login('ministry.admin@bulwark.demo');
    researcher = await t.login('researcher@bulwark.demo');
    vendor = await t.login('vendor.admin@bulwark.demo');
    const overdue = await get(ministry, '/api/vulnerabilities?overdue=true&limit=200');
    expect(overdue.json().items.find((x: { id: string }) => x.id === r.id)).toMatchObject({
      overdue: true,
      escalatedAt: expect.any(String),
    });
  });
});

describe('deadline watch overlap', () => {
  it('escalates once when the start-up run and the cron run at the same time', async () => {
    const r = (await post(researcher, '/api/vulnerabilities', report())).json().report;
    const late = new Date(new Date(r.clocks.nationalReport.dueAt).getTime() + 60_000);
    const watch = t.app.services.deadlineWatch;
    await Promise.all([watch(late), watch(late)]);
    const timeline = (await get(vendor, `/api/vulnerabilities/${r.id}`)).json().timeline;
    expect(timeline.filter((e: { kind: string }) => e.kind === 'escalated')).toHaveLength(1);
  });
});

describe('tenancy', () => {
  it('hides a vendor\u2019s reports from another vendor and from the provinces', async () => {
    const r = (await post(researcher, '/api/vulnerabilities', report())).json().report;
    for (const email of ['openssl.upstream@bulwark.test', 'gd.admin@bulwark.demo', 'ent.gd1@bulwark.demo']) {
      const other = await t.login(email);
      expect((await get(other, `/api/vulnerabilities/${r.id}`)).statusCode).toBe(404);
      expect((await act(other, r.id, { event: 'start-triage' })).statusCode).toBe(404);
    }
  });
});
