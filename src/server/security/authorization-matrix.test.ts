import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgKind, Role } from '../../contracts/identity';
import { systemContext } from '../core/actor';
import { inTransaction } from '../db/tx';
import { DEMO_FILING, DEMO_PASSWORD } from '../seed/demo';
import { createTestApp, type TestApp } from '../testing/test-app';
import { type AssessmentFixtures, assessmentsCases, buildAssessmentsFixtures } from './matrix.assessments';
import { buildDataCatalogFixtures, type DataCatalogFixtures, dataCatalogCases } from './matrix.data-catalog';
import { buildDrillFixtures, drillCases } from './matrix.drills';
import { enterpriseCases } from './matrix.enterprises';
import { buildExposureFixtures, type ExposureFixtures, exposureCases } from './matrix.exposure';
import { buildIncidentFixtures, type IncidentFixtures, incidentCases } from './matrix.incidents';
import { supervisionCases } from './matrix.supervision';
import {
  type Actor,
  admins,
  anyone,
  type Case,
  kindAdmins,
  kinds,
  type Req,
  signedIn,
  type Target,
  vendorStaff,
  type Who,
} from './matrix.support';
import { buildTrainingFixtures, type TrainingFixtures, trainingCases } from './matrix.training';
import { buildVulnFixtures, type VulnFixtures, vulnerabilityCases } from './matrix.vulnerabilities';

/**
 * Route × org kind × role → expected status. Every registered /api route must have an entry, so a new route
 * without one fails this test. Actors authenticate with API tokens so state-changing cases cannot log them out.
 */
const KINDS: OrgKind[] = [
  'ministry',
  'provincial-regulator',
  'enterprise',
  'vendor',
  'collection-platform',
  'researcher',
];
const ROLES: Role[] = ['admin', 'member', 'viewer'];
const REGULATORS: OrgKind[] = ['ministry', 'provincial-regulator'];

/** The org (by demo admin email) each kind's actors belong to. */
const HOME: Record<OrgKind, string> = {
  ministry: 'ministry.admin@bulwark.demo',
  'provincial-regulator': 'gd.admin@bulwark.demo',
  enterprise: 'ent.gd1@bulwark.demo',
  vendor: 'vendor.admin@bulwark.demo',
  // A fresh, unfiled platform with a draft filing, so filing routes act on a draft rather than the filed demo one.
  'collection-platform': 'matrix.platform@bulwark.test',
  researcher: 'researcher@bulwark.demo',
};

let OUTSIDER: Target;
/** The demo vendor's product and a fresh component of it, for vendor-owned targets. */
let DEMO: { productId: string; componentId: () => Promise<string>; filingId: string; enterpriseId: string };
/** Vulnerability fixtures on the demo vendor's product, and factories for state-changing cases. */
let V: VulnFixtures;
/** Exposure fixtures: an asset with one exposure for the demo enterprise and for the outsider. */
let X: ExposureFixtures;
/** Data assets and catalog filings of the demo enterprise and the outsider. */
let DC: DataCatalogFixtures;
/** Incidents of the demo enterprise and the outsider. */
let I: IncidentFixtures;

/** Training records of the demo enterprise and the outsider. */
let TR: TrainingFixtures;

/** Self-examinations, corrective actions, risk assessments and evidence of the demo enterprise and the outsider. */
let AS: AssessmentFixtures;

const MATRIX: Record<string, Case> = {
  'POST /api/auth/login': {
    expect: anyone(200),
    req: () => ({
      url: '/api/auth/login',
      payload: { email: 'ent.zj1@bulwark.demo', password: DEMO_PASSWORD },
    }),
  },
  'POST /api/auth/logout': { expect: signedIn(204), req: () => ({ url: '/api/auth/logout' }) },
  'GET /api/auth/me': { expect: signedIn(200), req: () => ({ url: '/api/auth/me' }) },
  'POST /api/auth/password': {
    expect: signedIn(204),
    req: () => ({
      url: '/api/auth/password',
      payload: { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD },
    }),
  },
  'POST /api/invitations/accept': {
    expect: anyone(410),
    req: () => ({
      url: '/api/invitations/accept',
      payload: { token: 'x'.repeat(43), name: 'n', password: 'long-enough-password' },
    }),
  },
  'POST /api/auth/login/totp': {
    expect: anyone(401),
    req: () => ({ url: '/api/auth/login/totp', payload: { challenge: 'x'.repeat(43), code: '123456' } }),
  },
  'GET /api/auth/sessions': { expect: signedIn(200), req: () => ({ url: '/api/auth/sessions' }) },
  'DELETE /api/auth/sessions/:id': {
    expect: signedIn(204),
    req: (o) => ({ url: `/api/auth/sessions/${o.sessionId}` }),
  },
  // TOTP is for regulators only; setup runs first, so enable then meets a wrong code and disable finds it off.
  'POST /api/auth/totp/setup': {
    expect: kinds(REGULATORS, 200),
    req: () => ({ url: '/api/auth/totp/setup' }),
  },
  'POST /api/auth/totp/enable': {
    expect: kinds(REGULATORS, 400),
    req: () => ({ url: '/api/auth/totp/enable', payload: { code: '000000' } }),
  },
  'POST /api/auth/totp/disable': {
    expect: kinds(REGULATORS, 409),
    req: () => ({ url: '/api/auth/totp/disable', payload: { password: DEMO_PASSWORD, code: '000000' } }),
  },
  'GET /api/orgs': { expect: signedIn(200), req: () => ({ url: '/api/orgs' }) },
  'GET /api/orgs/summary': { expect: signedIn(200), req: () => ({ url: '/api/orgs/summary' }) },
  'POST /api/orgs': {
    expect: kindAdmins(['ministry', 'provincial-regulator'], 201),
    req: (_w, n) => ({
      url: '/api/orgs',
      payload: { kind: 'enterprise', name: `矩阵企业${n}`, provinceCode: '440000' },
    }),
  },
  'GET /api/orgs/:id': { expect: signedIn(200), req: (o) => ({ url: `/api/orgs/${o.orgId}` }) },
  'PATCH /api/orgs/:id': {
    expect: admins(200),
    req: (o) => ({ url: `/api/orgs/${o.orgId}`, payload: { contactPhone: '020-1234567' } }),
  },
  'GET /api/orgs/:id/users': {
    expect: admins(200),
    req: (o) => ({ url: `/api/orgs/${o.orgId}/users` }),
  },
  'PATCH /api/orgs/:id/users/:userId': {
    expect: admins(200),
    req: (o) => ({ url: `/api/orgs/${o.orgId}/users/${o.userId}`, payload: { name: '矩阵用户' } }),
  },
  'POST /api/orgs/:id/users/:userId/revoke-sessions': {
    expect: admins(204),
    req: (o) => ({ url: `/api/orgs/${o.orgId}/users/${o.userId}/revoke-sessions` }),
  },
  'GET /api/orgs/:id/users/:userId/sessions': {
    expect: admins(200),
    req: (o) => ({ url: `/api/orgs/${o.orgId}/users/${o.userId}/sessions` }),
  },
  'POST /api/orgs/:id/users/:userId/totp/reset': {
    expect: kindAdmins(REGULATORS, 200),
    req: (o) => ({ url: `/api/orgs/${o.orgId}/users/${o.userId}/totp/reset` }),
  },
  'GET /api/orgs/:id/invitations': {
    expect: admins(200),
    req: (o) => ({ url: `/api/orgs/${o.orgId}/invitations` }),
  },
  'POST /api/orgs/:id/invitations': {
    expect: admins(201),
    req: (o, n) => ({
      url: `/api/orgs/${o.orgId}/invitations`,
      payload: { email: `matrix${n}@invite.example`, role: 'viewer' },
    }),
  },
  'POST /api/orgs/:id/invitations/:invitationId/revoke': {
    expect: admins(200),
    req: (o) => ({ url: `/api/orgs/${o.orgId}/invitations/${o.invitationId}/revoke` }),
  },
  'GET /api/tokens': { expect: signedIn(200), req: () => ({ url: '/api/tokens' }) },
  'POST /api/tokens': {
    expect: signedIn(201),
    req: () => ({ url: '/api/tokens', payload: { name: 'matrix' } }),
  },
  'POST /api/tokens/:id/revoke': {
    expect: signedIn(200),
    req: (o) => ({ url: `/api/tokens/${o.spareTokenId}/revoke` }),
  },
  'GET /api/audit': { expect: admins(200), req: () => ({ url: '/api/audit' }) },
  'GET /api/audit/verify': {
    expect: kindAdmins(['ministry'], 200),
    req: () => ({ url: '/api/audit/verify' }),
  },
  'GET /api/openapi.json': { expect: anyone(200), req: () => ({ url: '/api/openapi.json' }) },
  'GET /api/reference/provinces': { expect: anyone(200), req: () => ({ url: '/api/reference/provinces' }) },
  'GET /api/platforms/filed': { expect: anyone(200), req: () => ({ url: '/api/platforms/filed' }) },
  'GET /api/platform-filings': {
    expect: kinds(['ministry', 'collection-platform'], 200),
    req: () => ({ url: '/api/platform-filings' }),
  },
  'GET /api/platform-filings/:id': {
    expect: kinds(['ministry', 'collection-platform'], 200),
    req: (o) => ({ url: `/api/platform-filings/${o.filingId}` }),
  },
  'PUT /api/platform-filings/mine': {
    expect: kindAdmins(['collection-platform'], 200),
    req: () => ({ url: '/api/platform-filings/mine', payload: DEMO_FILING }),
  },
  'POST /api/platform-filings/:id/submit': {
    expect: kindAdmins(['collection-platform'], 200),
    req: (o) => ({ url: `/api/platform-filings/${o.filingId}/submit` }),
  },
  'POST /api/platform-filings/:id/decision': {
    expect: (w) => (!w ? 401 : w.kind === 'ministry' && w.role !== 'viewer' ? 200 : 403),
    req: async (_o, n) => ({
      url: `/api/platform-filings/${await submittedFiling(n)}/decision`,
      payload: { decision: 'approve' },
    }),
  },
  'GET /api/notifications': { expect: signedIn(200), req: () => ({ url: '/api/notifications' }) },
  'POST /api/notifications/:id/read': {
    expect: signedIn(200),
    req: (o) => ({ url: `/api/notifications/${o.notificationId}/read` }),
  },
  'POST /api/notifications/read-all': {
    expect: signedIn(200),
    req: () => ({ url: '/api/notifications/read-all' }),
  },
  'GET /api/webhooks': { expect: admins(200), req: () => ({ url: '/api/webhooks' }) },
  'POST /api/webhooks': {
    expect: admins(201),
    req: () => ({ url: '/api/webhooks', payload: { url: 'https://hooks.example.cn/x', format: 'wecom' } }),
  },
  'POST /api/webhooks/:id/test': {
    expect: admins(200),
    req: (o) => ({ url: `/api/webhooks/${o.webhookId}/test` }),
  },
  'DELETE /api/webhooks/:id': { expect: admins(204), req: (o) => ({ url: `/api/webhooks/${o.webhookId}` }) },
  ...vulnerabilityCases(() => V),
  ...exposureCases(),
  ...enterpriseCases(),
  ...incidentCases(() => I),
  ...dataCatalogCases(() => DC),
  ...assessmentsCases(() => AS),
  ...trainingCases(() => TR),
  ...drillCases(),
  ...supervisionCases(),
  'GET /api/products': { expect: anyone(200), req: () => ({ url: '/api/products?q=防火墙' }) },
  'GET /api/products/:id': {
    expect: anyone(200),
    foreign: 200,
    req: (o) => ({ url: `/api/products/${o.productId}` }),
  },
  'POST /api/products': {
    expect: vendorStaff(201),
    req: (_o, n) => ({ url: '/api/products', payload: { name: `矩阵产品${n}`, versions: ['1.0'] } }),
  },
  'PATCH /api/products/:id': {
    expect: vendorStaff(200),
    foreign: 403,
    req: (o) => ({ url: `/api/products/${o.productId}`, payload: { model: 'M-1' } }),
  },
  'GET /api/products/:id/components': {
    expect: (w) => (!w ? 401 : w.kind === 'vendor' || w.kind === 'ministry' ? 200 : 404),
    req: (o) => ({ url: `/api/products/${o.productId}/components` }),
  },
  'POST /api/products/:id/components': {
    expect: vendorStaff(201),
    foreign: 403,
    req: (o, n) => ({
      url: `/api/products/${o.productId}/components`,
      payload: { purl: `pkg:npm/matrix-${n}@1.0.0` },
    }),
  },
  'DELETE /api/products/:id/components/:componentId': {
    expect: vendorStaff(204),
    foreign: 403,
    req: async (o) => ({ url: `/api/products/${o.productId}/components/${await o.componentId()}` }),
  },
};

let t: TestApp;
const actors: Actor[] = [];
const webhookIds: Partial<Record<OrgKind, string>> = {};

/** A new platform org whose filing is submitted and awaits the ministry; returns the filing id. */
async function submittedFiling(n: number): Promise<string> {
  const email = `queued.platform.${n}@bulwark.test`;
  await t.app.services.users.createOrgWithAdmin(
    systemContext(),
    { kind: 'collection-platform', name: `待审平台${n}` },
    { email, name: 'p', password: DEMO_PASSWORD },
  );
  const p = await t.login(email);
  const f = await t.app.inject({
    method: 'PUT',
    url: '/api/platform-filings/mine',
    headers: p.headers,
    payload: DEMO_FILING,
  });
  await t.app.inject({
    method: 'POST',
    url: `/api/platform-filings/${f.json().id}/submit`,
    headers: p.headers,
  });
  return f.json().id;
}

/** A function that adds a fresh component to a product as its vendor admin and returns its id. */
const componentFactory = async (productId: string, session: Record<string, string>) => {
  // A token, not the session: the matrix itself revokes sessions along the way.
  const tok = await t.app.inject({
    method: 'POST',
    url: '/api/tokens',
    headers: session,
    payload: { name: 'fixtures' },
  });
  const headers = { authorization: `Bearer ${tok.json().token}` };
  let n = 0;
  return async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/products/${productId}/components`,
      headers,
      payload: { purl: `pkg:npm/fixture-${productId.slice(0, 8)}-${n++}@1.0.0` },
    });
    return r.json().id as string;
  };
};

/** The id of the session a login's headers carry. */
async function currentSessionId(headers: Record<string, string>): Promise<string> {
  const list = await t.app.inject({ url: '/api/auth/sessions', headers });
  return list.json().find((x: { current: boolean }) => x.current).id;
}

async function makeActor(kind: OrgKind, role: Role, n: number): Promise<Actor> {
  const home = await t.login(HOME[kind]);
  let email = HOME[kind];
  if (role !== 'admin') {
    email = `matrix.${kind}.${role}@bulwark.test`;
    await t.app.services.users.addUser(systemContext(), home.orgId, {
      email,
      name: `${kind} ${role}`,
      password: DEMO_PASSWORD,
      role,
    });
  }
  const me = await t.login(email);
  const mk = async (name: string) =>
    (
      await t.app.inject({ method: 'POST', url: '/api/tokens', headers: me.headers, payload: { name } })
    ).json();
  const token = (await mk('matrix')).token as string;
  const spareTokenId = (await mk('spare')).id as string;
  const sessionId = await currentSessionId(me.headers);
  const inv = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${home.orgId}/invitations`,
    headers: home.headers,
    payload: { email: `pending.${kind}.${role}.${n}@invite.example`, role: 'viewer' },
  });
  webhookIds[kind] ??= (
    await t.app.inject({
      method: 'POST',
      url: '/api/webhooks',
      headers: home.headers,
      // A port nothing listens on: test deliveries fail fast without leaving this machine.
      payload: { url: 'http://127.0.0.1:9/matrix', events: ['*'] },
    })
  ).json().id;
  return {
    kind,
    role,
    token,
    email,
    webhookId: webhookIds[kind]!,
    notificationId: '',
    spareTokenId,
    sessionId,
    userId: me.userId,
    orgId: home.orgId,
    invitationId: inv.json().id,
    ...DEMO,
    // Filled in once the vulnerability fixtures exist.
    reportId: '',
    attachmentId: '',
    nationalReportId: '',
    assetId: '',
    exposureId: '',
  };
}

/** Another tenant: a Zhejiang enterprise (outside every scope but the ministry's) and another vendor's product. */
async function makeOutsider(): Promise<Target> {
  const zj = await t.login('ent.zj1@bulwark.demo');
  const inv = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${zj.orgId}/invitations`,
    headers: zj.headers,
    payload: { email: 'outsider.pending@invite.example', role: 'viewer' },
  });
  const tok = await t.app.inject({
    method: 'POST',
    url: '/api/tokens',
    headers: zj.headers,
    payload: { name: 'x' },
  });
  await t.app.services.users.createOrgWithAdmin(
    systemContext(),
    { kind: 'vendor', name: '另一家设备厂商' },
    { email: 'other.vendor@bulwark.test', name: 'o', password: DEMO_PASSWORD },
  );
  const demoPlatform = await t.login('platform.admin@bulwark.demo');
  const filing = (
    await t.app.inject({ url: '/api/platform-filings', headers: demoPlatform.headers })
  ).json()[0];
  const ov = await t.login('other.vendor@bulwark.test');
  const p = await t.app.inject({
    method: 'POST',
    url: '/api/products',
    headers: ov.headers,
    payload: { name: '别家路由器' },
  });
  return {
    orgId: zj.orgId,
    userId: zj.userId,
    invitationId: inv.json().id,
    spareTokenId: tok.json().id,
    sessionId: await currentSessionId(zj.headers),
    productId: p.json().id,
    componentId: await componentFactory(p.json().id, ov.headers),
    filingId: filing.id,
    enterpriseId: zj.orgId,
    webhookId: (
      await t.app.inject({
        method: 'POST',
        url: '/api/webhooks',
        headers: zj.headers,
        payload: { url: 'https://hooks.example.cn/zj' },
      })
    ).json().id,
    notificationId: (await t.app.inject({ url: '/api/notifications', headers: zj.headers })).json().items[0]
      .id,
    reportId: '',
    attachmentId: '',
    nationalReportId: '',
    assetId: '',
    exposureId: '',
  };
}

const call = (method: string, w: Who, r: Req) =>
  t.app.inject({
    method: method as 'GET',
    url: r.url,
    headers: { ...(w ? { authorization: `Bearer ${w.token}` } : {}), ...r.headers },
    ...(r.payload === undefined ? {} : { payload: r.payload as object }),
  });

beforeAll(async () => {
  t = await createTestApp();
  const vendor = await t.login(HOME.vendor);
  const products = await t.app.inject({ url: `/api/products?vendorOrgId=${vendor.orgId}` });
  const productId = products.json().items[0].id as string;
  await t.app.services.users.createOrgWithAdmin(
    systemContext(),
    { kind: 'collection-platform', name: '矩阵平台' },
    { email: HOME['collection-platform'], name: 'p', password: DEMO_PASSWORD },
  );
  const platform = await t.login(HOME['collection-platform']);
  const draft = await t.app.inject({
    method: 'PUT',
    url: '/api/platform-filings/mine',
    headers: platform.headers,
    payload: { ...DEMO_FILING, platformName: '矩阵平台' },
  });
  DEMO = {
    productId,
    componentId: await componentFactory(productId, vendor.headers),
    filingId: draft.json().id,
    enterpriseId: (await t.login(HOME.enterprise)).orgId,
  };
  let n = 0;
  for (const kind of KINDS) for (const role of ROLES) actors.push(await makeActor(kind, role, n++));
  // One notification for every user, so each actor has its own to read and the outsider has one to probe.
  const everyone = (await t.database.raw.query<{ id: string }>('select id from orgs')).rows.map((r) => r.id);
  await inTransaction(t.database.db, (tx) =>
    t.app.services.notifications.notify(tx, systemContext(), {
      orgIds: everyone,
      kind: 'matrix.hello',
      title: 't',
      body: 'b',
    }),
  );
  for (const a of actors) {
    a.notificationId = (await call('GET', a, { url: '/api/notifications' })).json().items[0].id;
  }
  OUTSIDER = await makeOutsider();
  const tokenOf = (kind: OrgKind) => actors.find((a) => a.kind === kind && a.role === 'admin')!.token;
  const otherVendor = await t.login('other.vendor@bulwark.test');
  const otherToken = (
    await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: otherVendor.headers,
      payload: { name: 'fixtures' },
    })
  ).json().token;
  V = await buildVulnFixtures(t, {
    researcher: tokenOf('researcher'),
    vendor: tokenOf('vendor'),
    ministry: tokenOf('ministry'),
    otherVendor: otherToken,
    otherProductId: OUTSIDER.productId,
    productId: DEMO.productId,
    vendorOrgId: vendor.orgId,
  });
  for (const a of actors)
    Object.assign(a, {
      reportId: V.reportId,
      attachmentId: V.attachmentId,
      nationalReportId: V.nationalReportId,
    });
  Object.assign(OUTSIDER, V.outsider);
  const zjToken = (
    await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: (await t.login('ent.zj1@bulwark.demo')).headers,
      payload: { name: 'x' },
    })
  ).json().token;
  X = await buildExposureFixtures(t, {
    enterprise: tokenOf('enterprise'),
    outsider: zjToken,
    ministry: tokenOf('ministry'),
  });
  for (const a of actors) Object.assign(a, { assetId: X.assetId, exposureId: X.exposureId });
  Object.assign(OUTSIDER, X.outsider);
  I = await buildIncidentFixtures(
    t,
    { enterprise: tokenOf('enterprise'), outsider: zjToken },
    OUTSIDER.orgId,
  );
  DC = await buildDataCatalogFixtures(
    t,
    { enterprise: tokenOf('enterprise'), outsider: zjToken, regulator: tokenOf('provincial-regulator') },
    OUTSIDER.orgId,
  );
  AS = await buildAssessmentsFixtures(
    t,
    { enterprise: tokenOf('enterprise'), outsider: zjToken },
    OUTSIDER.orgId,
  );
  TR = await buildTrainingFixtures(
    t,
    { enterprise: tokenOf('enterprise'), outsider: zjToken },
    OUTSIDER.orgId,
  );
  await buildDrillFixtures(t, { enterprise: tokenOf('enterprise'), outsider: zjToken }, OUTSIDER.orgId);
}, 240_000);
afterAll(() => t.close());

describe('authorization matrix', () => {
  it('has an entry for every registered route and no stale entries', () => {
    const registered = t.app.routeIndex.map((r) => `${r.method} ${r.url}`).sort();
    expect(registered.filter((r) => !(r in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((k) => !registered.includes(k))).toEqual([]);
  });

  it('answers every route × org kind × role (and anonymous) as the matrix says', async () => {
    const failures: string[] = [];
    let n = 0;
    let cases = 0;
    for (const [key, c] of Object.entries(MATRIX)) {
      const method = key.split(' ')[0]!;
      for (const who of [null, ...actors]) {
        const res = await call(method, who, await c.req(who ?? OUTSIDER, n++));
        cases++;
        const want = c.expect(who);
        if (res.statusCode !== want) {
          failures.push(
            `${key} as ${who ? `${who.kind}/${who.role}` : 'anonymous'}: ${res.statusCode} (want ${want}) ${res.body.slice(0, 120)}`,
          );
        }
      }
    }
    console.log(`authorization matrix: ${cases - failures.length}/${cases} route × actor cases as expected`);
    expect(failures).toEqual([]);
  }, 300_000);

  it("answers 404 (or the role's refusal) to every cross-tenant read or write of an existing object", async () => {
    const failures: string[] = [];
    let cases = 0;
    let n = 10_000;
    for (const [key, c] of Object.entries(MATRIX)) {
      if (!key.includes(':')) continue;
      const method = key.split(' ')[0]!;
      for (const who of actors) {
        // Tokens, notifications and sessions are personal, so even the ministry is outside for them; it sees every
        // org otherwise.
        const personal =
          key.includes('/api/tokens/') ||
          key.includes('/api/notifications/') ||
          key.includes('/api/auth/sessions/');
        if (
          key.includes('/api/intake/claims/') ||
          key.includes('/api/freeze-windows/') ||
          key.includes('/api/advisories/')
        )
          continue;
        if (who.kind === 'ministry' && !personal) continue;
        const res = await call(method, who, await c.req(OUTSIDER, n++));
        cases++;
        const own = c.expect(who);
        const want = typeof c.foreign === 'function' ? c.foreign(who) : own < 400 ? (c.foreign ?? 404) : own;
        if (res.statusCode !== want || res.body.includes('钱塘新材料')) {
          failures.push(
            `${key} as ${who.kind}/${who.role} on another tenant: ${res.statusCode} (want ${want})`,
          );
        }
      }
    }
    console.log(`cross-tenant probes: ${cases - failures.length}/${cases} answered without leaking`);
    expect(failures).toEqual([]);
  }, 120_000);

  it("refuses another tenant's id in every uuid body field of every write", async () => {
    const q = async (text: string, params: unknown[] = []) =>
      (await t.database.raw.query<Record<string, string>>(text, params)).rows;
    const tables = (
      await q(
        `select c.table_name from information_schema.columns c join information_schema.columns i
           on i.table_name = c.table_name and i.table_schema = c.table_schema and i.column_name = 'id' and i.data_type = 'uuid'
         where c.table_schema = 'public' and c.column_name = 'org_id'`,
      )
    ).map((r) => r.table_name as string);
    /** The table an id belongs to (only tenant-owned tables, plus orgs). */
    const tableOf = async (id: string) => {
      if ((await q('select 1 from orgs where id = $1', [id])).length) return 'orgs';
      for (const table of tables)
        if ((await q(`select 1 from "${table}" where id = $1`, [id])).length) return table;
      return null;
    };
    /** An object of the same kind owned by the Zhejiang outsider. */
    const foreignOf = async (table: string) =>
      table === 'orgs'
        ? OUTSIDER.orgId
        : ((await q(`select id from "${table}" where org_id = $1 limit 1`, [OUTSIDER.orgId]))[0]?.id ?? null);
    const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    /** Paths of every uuid string in a JSON value. */
    const uuidPaths = (v: unknown, at: (string | number)[] = []): (string | number)[][] =>
      typeof v === 'string'
        ? UUID.test(v)
          ? [at]
          : []
        : Array.isArray(v)
          ? v.flatMap((x, i) => uuidPaths(x, [...at, i]))
          : v && typeof v === 'object'
            ? Object.entries(v).flatMap(([k, x]) => uuidPaths(x, [...at, k]))
            : [];
    const ownAsset = (
      await q(`select id::text from data_assets where org_id = $1 and status = 'active' limit 1`, [
        DEMO.enterpriseId,
      ])
    )[0]?.id;
    /** Reference fields the matrix rows leave out, filled with the actor's own objects so they can be swapped. */
    const REFS: Record<string, (who: Actor) => Record<string, unknown>> = {
      'PATCH /api/corrective-actions/:id': (w) => ({ ownerUserId: w.userId }),
      'PUT /api/drills/:id/participants': (w) => ({ userIds: [w.userId] }),
      'POST /api/incidents': () => ({ dataAssetIds: [ownAsset] }),
      'PUT /api/incidents/:id/facts': () => ({ dataAssetIds: [ownAsset] }),
    };
    const failures: string[] = [];
    const probed = new Set<string>();
    let probes = 0;
    let n = 20_000;
    for (const [key, c] of Object.entries(MATRIX)) {
      const method = key.split(' ')[0]!;
      if (method === 'GET') continue;
      const withRefs = async (who: Actor, i: number) => {
        const r = await c.req(who, i);
        return REFS[key] ? { ...r, payload: { ...(r.payload as object), ...REFS[key](who) } } : r;
      };
      for (const who of actors.filter((a) => a.role === 'admin' && a.kind !== 'ministry')) {
        if (c.expect(who) >= 400) continue;
        const base = await withRefs(who, n++);
        if (base.payload === undefined) continue;
        for (const path of uuidPaths(base.payload)) {
          const own = path.reduce<unknown>(
            (o, k) => (o as Record<string | number, unknown>)[k],
            base.payload,
          );
          const table = await tableOf(own as string);
          const foreign = table && (await foreignOf(table));
          if (!foreign || foreign === own) continue;
          const fresh = await withRefs(who, n++);
          const payload = structuredClone(fresh.payload) as Record<string | number, unknown>;
          let at: Record<string | number, unknown> = payload;
          for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
          at[path.at(-1)!] = foreign;
          const res = await call(method, who, { ...fresh, payload });
          probes++;
          probed.add(`${key} ${path.join('.')}`);
          if (res.statusCode < 400 || res.body.includes('钱塘新材料')) {
            failures.push(
              `${key} as ${who.kind} with ${path.join('.')} = the outsider's ${table}: ${res.statusCode}`,
            );
          }
        }
      }
    }
    console.log(
      `body-field IDOR probes: ${probes - failures.length}/${probes} refused another tenant's id in ${[...probed].join('; ')}`,
    );
    expect(probes).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  }, 120_000);

  it("never lists another tenant's objects to an actor outside its scope", async () => {
    const outsiderIds = (
      await t.database.raw.query<{ id: string }>(
        `select id::text from users where org_id = $1 union select $1::text`,
        [OUTSIDER.orgId],
      )
    ).rows.map((r) => r.id);
    for (const table of [
      'incidents',
      'data_assets',
      'training_sessions',
      'talents',
      'assets',
      'exposures',
      'drills',
      'examinations',
      'corrective_actions',
      'catalog_filings',
    ]) {
      const rows = await t.database.raw.query<{ id: string }>(
        `select id::text from ${table} where org_id = $1`,
        [OUTSIDER.orgId],
      );
      outsiderIds.push(...rows.rows.map((r) => r.id));
    }
    expect(outsiderIds.length).toBeGreaterThan(10);
    const failures: string[] = [];
    let lists = 0;
    for (const [key, c] of Object.entries(MATRIX)) {
      const [method, route] = key.split(' ') as [string, string];
      if (method !== 'GET' || route.includes(':') || route.includes('openapi')) continue;
      for (const who of actors) {
        // The ministry sees every tenant; Zhejiang is outside every other actor's scope.
        if (who.kind === 'ministry' || c.expect(who) !== 200) continue;
        const req = await c.req(who, 0);
        const res = await call('GET', who, req);
        if (res.statusCode !== 200) continue;
        lists++;
        const leaked = outsiderIds.filter((id) => res.body.includes(id));
        if (leaked.length || res.body.includes('钱塘新材料')) {
          failures.push(`${key} as ${who.kind}/${who.role}: ${leaked.length} outsider ids`);
        }
      }
    }
    console.log(
      `list scope: ${lists - failures.length}/${lists} list responses hold only the caller's scope`,
    );
    expect(failures).toEqual([]);
  }, 120_000);

  it('lets a provincial regulator read an enterprise of its province but not of another', async () => {
    const gd = actors.find((a) => a.kind === 'provincial-regulator' && a.role === 'viewer')!;
    const gdEnterprise = actors.find((a) => a.kind === 'enterprise')!.orgId;
    expect((await call('GET', gd, { url: `/api/orgs/${gdEnterprise}` })).statusCode).toBe(200);
    expect((await call('GET', gd, { url: `/api/orgs/${OUTSIDER.orgId}` })).statusCode).toBe(404);
  });
});
