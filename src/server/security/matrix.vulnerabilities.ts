import type { TestApp } from '../testing/test-app';
import { anyone, type Case, type Expect, kinds, signedIn, type Who } from './matrix.support';

/** Vulnerability objects the matrix acts on, and factories for cases that change state. */
export interface VulnFixtures {
  reportId: string;
  attachmentId: string;
  nationalReportId: string;
  claimCode: string;
  advisoryRef: string;
  vendorOrgId: string;
  freshReport(): Promise<string>;
  freshUnrouted(): Promise<string>;
  freshConfirmed(): Promise<string>;
  freshWindow(): Promise<string>;
  outsider: { reportId: string; attachmentId: string; nationalReportId: string };
}

/** Parties to the demo report: the ministry, the demo vendor (its product) and the demo researcher (its reporter). */
const party = (w: Who) => !!w && ['ministry', 'vendor', 'researcher'].includes(w.kind);
const staff = (w: Who) => !!w && w.role !== 'viewer';
/** Route-level access passes for any signed-in user; the service then answers 404 to non-parties. */
const seen =
  (ok: (w: Exclude<Who, null>) => number): Expect =>
  (w) =>
    !w ? 401 : !party(w) ? 404 : ok(w);
const ministryStaff: Expect = (w) => (!w ? 401 : w.kind === 'ministry' && staff(w) ? 200 : 403);
/** For another tenant's report every signed-in caller that passes the route check gets 404. */
const strangers: Expect = (w) => (!w ? 401 : 404);

const report = (productId?: string) => ({
  ...(productId ? { productId } : { productText: { vendorName: '无名厂商', productName: '无名设备' } }),
  affectedVersions: ['1.0'],
  title: '矩阵测试漏洞',
  cwe: 'CWE-79',
  description: '用于授权矩阵测试的漏洞描述：管理接口缺少认证检查，攻击者可远程修改配置。',
});

/** The matrix rows for every vulnerability, national-report, freeze-window and advisory route. */
export const vulnerabilityCases = (v: () => VulnFixtures): Record<string, Case> => ({
  'POST /api/vulnerabilities': {
    // The matrix platform is not filed, so it may not submit as a platform (RMSV art. 10).
    expect: (w) => (!w ? 401 : ['researcher', 'vendor'].includes(w.kind) && staff(w) ? 201 : 403),
    req: (o) => ({ url: '/api/vulnerabilities', payload: report(o.productId) }),
  },
  'POST /api/intake/anonymous': {
    expect: anyone(201),
    req: (o) => ({ url: '/api/intake/anonymous', payload: report(o.productId) }),
  },
  'GET /api/intake/claims/:code': {
    expect: anyone(200),
    req: () => ({ url: `/api/intake/claims/${v().claimCode}` }),
  },
  'POST /api/intake/claims/:code/info': {
    // Information is only provided when the vendor asked for it; the demo claim is still `submitted`.
    expect: anyone(409),
    req: () => ({ url: `/api/intake/claims/${v().claimCode}/info`, payload: { note: '补充信息' } }),
  },
  'GET /api/vulnerabilities': { expect: signedIn(200), req: () => ({ url: '/api/vulnerabilities' }) },
  'GET /api/vulnerabilities/:id': {
    expect: seen(() => 200),
    foreign: strangers,
    req: (o) => ({ url: `/api/vulnerabilities/${o.reportId}` }),
  },
  'POST /api/vulnerabilities/:id/transitions': {
    // Only the product's vendor staff triage (RMSV art. 7(1)); the reporter and the ministry may not.
    expect: seen((w) => (w.kind === 'vendor' && staff(w) ? 200 : 403)),
    foreign: strangers,
    req: async (o) => ({
      url: `/api/vulnerabilities/${o.reportId === v().reportId ? await v().freshReport() : o.reportId}/transitions`,
      payload: { event: 'start-triage' },
    }),
  },
  'POST /api/vulnerabilities/:id/assign': {
    expect: ministryStaff,
    req: async (o) => ({
      url: `/api/vulnerabilities/${o.reportId === v().reportId ? await v().freshUnrouted() : o.reportId}/assign`,
      payload: { vendorOrgId: v().vendorOrgId },
    }),
  },
  'PUT /api/vulnerabilities/:id/external-ids': {
    expect: seen((w) => (['ministry', 'vendor'].includes(w.kind) && staff(w) ? 200 : 403)),
    foreign: strangers,
    req: (o) => ({
      url: `/api/vulnerabilities/${o.reportId}/external-ids`,
      payload: { cve: 'CVE-2026-0001' },
    }),
  },
  'POST /api/vulnerabilities/:id/attachments': {
    expect: seen((w) => (['vendor', 'researcher'].includes(w.kind) && staff(w) ? 201 : 403)),
    foreign: strangers,
    req: (o) => ({
      url: `/api/vulnerabilities/${o.reportId}/attachments`,
      payload: {
        filename: 'poc.txt',
        contentType: 'text/plain',
        contentBase64: Buffer.from('poc').toString('base64'),
      },
    }),
  },
  'GET /api/vulnerabilities/:id/attachments/:attachmentId': {
    expect: seen(() => 200),
    foreign: strangers,
    req: (o) => ({ url: `/api/vulnerabilities/${o.reportId}/attachments/${o.attachmentId}` }),
  },
  'POST /api/vulnerabilities/:id/national-report': {
    expect: (w) => (!w ? 401 : w.kind === 'vendor' && staff(w) ? 200 : 403),
    req: async (o) => ({
      url: `/api/vulnerabilities/${o.reportId === v().reportId ? await v().freshConfirmed() : o.reportId}/national-report`,
      payload: {
        productName: 'p',
        productModel: 'm',
        productVersion: '1.0',
        technicalCharacteristics: 't',
        harm: 'h',
        scope: 's',
      },
    }),
  },
  'POST /api/vulnerabilities/:id/publication': {
    // The vendor and the reporter may ask; without a fix the RMSV art. 9(1) gate refuses (422).
    expect: seen((w) => (['vendor', 'researcher'].includes(w.kind) && staff(w) ? 422 : 403)),
    foreign: strangers,
    req: (o) => ({
      url: `/api/vulnerabilities/${o.reportId}/publication`,
      payload: {
        publicTitle: '矩阵公告',
        publicDescription: '用于授权矩阵测试的公开描述：已在 1.1 版本修复，请尽快升级。',
        includesFixOrMitigation: true,
      },
    }),
  },
  'POST /api/vulnerabilities/:id/approvals': {
    expect: ministryStaff,
    req: (o) => ({
      url: `/api/vulnerabilities/${o.reportId}/approvals`,
      payload: { authority: 'MIIT', note: '同意提前发布' },
    }),
  },
  'GET /api/national-reports': {
    expect: kinds(['ministry', 'vendor'], 200),
    req: () => ({ url: '/api/national-reports' }),
  },
  'GET /api/national-reports/:id': {
    expect: kinds(['ministry', 'vendor'], 200),
    req: (o) => ({ url: `/api/national-reports/${o.nationalReportId}` }),
  },
  'POST /api/national-reports/:id/decision': {
    expect: ministryStaff,
    req: (o) => ({
      url: `/api/national-reports/${o.nationalReportId}/decision`,
      payload: { decision: 'acknowledge' },
    }),
  },
  'GET /api/freeze-windows': { expect: signedIn(200), req: () => ({ url: '/api/freeze-windows' }) },
  'POST /api/freeze-windows': {
    expect: (w) => (!w ? 401 : w.kind === 'ministry' && w.role === 'admin' ? 201 : 403),
    req: () => ({
      url: '/api/freeze-windows',
      payload: { name: '重大活动', from: '2030-10-01T00:00:00+08:00', to: '2030-10-08T00:00:00+08:00' },
    }),
  },
  'DELETE /api/freeze-windows/:id': {
    expect: (w) => (!w ? 401 : w.kind === 'ministry' && w.role === 'admin' ? 204 : 403),
    req: async () => ({ url: `/api/freeze-windows/${await v().freshWindow()}` }),
  },
  'GET /api/advisories': { expect: anyone(200), req: () => ({ url: '/api/advisories' }) },
  'GET /api/advisories/feed.atom': { expect: anyone(200), req: () => ({ url: '/api/advisories/feed.atom' }) },
  'GET /api/advisories/:ref/:format': {
    expect: anyone(200),
    req: () => ({ url: `/api/advisories/${v().advisoryRef}/osv` }),
  },
  'GET /api/advisories/:ref': {
    expect: anyone(200),
    req: () => ({ url: `/api/advisories/${v().advisoryRef}` }),
  },
});

/** Bearer tokens and ids the fixtures are made with. */
type Tokens = {
  researcher: string;
  vendor: string;
  ministry: string;
  otherVendor: string;
  otherProductId: string;
  productId: string;
  vendorOrgId: string;
};

/** Creates the fixtures through the API with bearer tokens (the matrix revokes sessions as it goes). */
export async function buildVulnFixtures(t: TestApp, tk: Tokens): Promise<VulnFixtures> {
  const call = async (token: string | null, method: string, url: string, payload?: object) => {
    const res = await t.app.inject({
      method: method as 'POST',
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(payload ? { payload } : {}),
    });
    if (res.statusCode >= 300) throw new Error(`fixture ${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const fileReport = async (token: string | null, productId?: string) =>
    (await call(
      token,
      'POST',
      token ? '/api/vulnerabilities' : '/api/intake/anonymous',
      report(productId),
    )) as {
      report: { id: string; ref: string };
      claimCode: string | null;
    };
  const step = (token: string, id: string, payload: object) =>
    call(token, 'POST', `/api/vulnerabilities/${id}/transitions`, payload);
  const confirmed = async (vendorToken: string, reporter: string | null, productId: string) => {
    const { report: r } = await fileReport(reporter, productId);
    await step(vendorToken, r.id, { event: 'start-triage' });
    await step(vendorToken, r.id, { event: 'confirm', harm: 'h', scope: 's' });
    return r;
  };
  const national = async (vendorToken: string, id: string) =>
    (await call(vendorToken, 'POST', `/api/vulnerabilities/${id}/national-report`, {
      productName: 'p',
      productModel: 'm',
      productVersion: '1.0',
      technicalCharacteristics: 't',
      harm: 'h',
      scope: 's',
    })) as { id: string };

  const { report: demo } = await fileReport(tk.researcher, tk.productId);
  const attachment = await call(tk.researcher, 'POST', `/api/vulnerabilities/${demo.id}/attachments`, {
    filename: 'poc.txt',
    contentType: 'text/plain',
    contentBase64: Buffer.from('poc').toString('base64'),
  });
  const claim = await fileReport(null, tk.productId);
  const filed = await confirmed(tk.vendor, tk.researcher, tk.productId);
  const nr = await national(tk.vendor, filed.id);
  await step(tk.vendor, filed.id, {
    event: 'release-fix',
    kind: 'fix',
    description: '升级',
    fixedVersions: ['1.1'],
  });
  await step(tk.vendor, filed.id, { event: 'notify-users', message: '请升级' });
  await call(tk.vendor, 'POST', `/api/vulnerabilities/${filed.id}/publication`, {
    publicTitle: '矩阵公告',
    publicDescription: '用于授权矩阵测试的公开描述：已在 1.1 版本修复，请尽快升级。',
    includesFixOrMitigation: true,
  });
  const other = (await fileReport(null, tk.otherProductId)).report;
  const otherAttachment = await call(tk.otherVendor, 'POST', `/api/vulnerabilities/${other.id}/attachments`, {
    filename: 'x.txt',
    contentType: 'text/plain',
    contentBase64: Buffer.from('x').toString('base64'),
  });
  const otherFiled = await confirmed(tk.otherVendor, null, tk.otherProductId);
  const otherNr = await national(tk.otherVendor, otherFiled.id);
  let windows = 0;
  return {
    reportId: demo.id,
    attachmentId: attachment.id,
    nationalReportId: nr.id,
    claimCode: claim.claimCode!,
    advisoryRef: filed.ref,
    vendorOrgId: tk.vendorOrgId,
    freshReport: async () => (await fileReport(tk.researcher, tk.productId)).report.id,
    freshUnrouted: async () => (await fileReport(tk.researcher)).report.id,
    freshConfirmed: async () => (await confirmed(tk.vendor, tk.researcher, tk.productId)).id,
    freshWindow: async () =>
      (
        await call(tk.ministry, 'POST', '/api/freeze-windows', {
          name: `w${windows++}`,
          from: '2031-01-01T00:00:00+08:00',
          to: '2031-01-02T00:00:00+08:00',
        })
      ).id,
    outsider: { reportId: other.id, attachmentId: otherAttachment.id, nationalReportId: otherNr.id },
  };
}
