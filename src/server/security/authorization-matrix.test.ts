import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgKind, Role } from '../../contracts/identity';
import { systemContext } from '../core/actor';
import { DEMO_PASSWORD } from '../seed/demo';
import { createTestApp, type TestApp } from '../testing/test-app';

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

/** The org (by demo admin email) each kind's actors belong to. */
const HOME: Record<OrgKind, string> = {
  ministry: 'ministry.admin@bulwark.demo',
  'provincial-regulator': 'gd.admin@bulwark.demo',
  enterprise: 'ent.gd1@bulwark.demo',
  vendor: 'vendor.admin@bulwark.demo',
  'collection-platform': 'platform.admin@bulwark.demo',
  researcher: 'researcher@bulwark.demo',
};

interface Actor {
  kind: OrgKind;
  role: Role;
  token: string;
  spareTokenId: string;
  userId: string;
  orgId: string;
  invitationId: string;
  email: string;
}
type Who = Actor | null;
type Expect = (who: Who) => number;

const anyone =
  (s: number): Expect =>
  () =>
    s;
const signedIn =
  (s: number): Expect =>
  (w) =>
    w ? s : 401;
const admins =
  (s: number): Expect =>
  (w) =>
    !w ? 401 : w.role === 'admin' ? s : 403;
const kindAdmins =
  (kinds: OrgKind[], s: number): Expect =>
  (w) =>
    !w ? 401 : w.role === 'admin' && kinds.includes(w.kind) ? s : 403;

interface Case {
  expect: Expect;
  req: (w: Who, n: number) => { url: string; payload?: unknown };
}

const own = (w: Who) => w ?? OUTSIDER;
let OUTSIDER: Actor;

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
  'GET /api/orgs': { expect: signedIn(200), req: () => ({ url: '/api/orgs' }) },
  'GET /api/orgs/summary': { expect: signedIn(200), req: () => ({ url: '/api/orgs/summary' }) },
  'POST /api/orgs': {
    expect: kindAdmins(['ministry', 'provincial-regulator'], 201),
    req: (_w, n) => ({
      url: '/api/orgs',
      payload: { kind: 'enterprise', name: `矩阵企业${n}`, provinceCode: '440000' },
    }),
  },
  'GET /api/orgs/:id': { expect: signedIn(200), req: (w) => ({ url: `/api/orgs/${own(w).orgId}` }) },
  'PATCH /api/orgs/:id': {
    expect: admins(200),
    req: (w) => ({ url: `/api/orgs/${own(w).orgId}`, payload: { contactPhone: '020-1234567' } }),
  },
  'GET /api/orgs/:id/users': {
    expect: admins(200),
    req: (w) => ({ url: `/api/orgs/${own(w).orgId}/users` }),
  },
  'PATCH /api/orgs/:id/users/:userId': {
    expect: admins(200),
    req: (w) => ({ url: `/api/orgs/${own(w).orgId}/users/${own(w).userId}`, payload: { name: '矩阵用户' } }),
  },
  'POST /api/orgs/:id/users/:userId/revoke-sessions': {
    expect: admins(204),
    req: (w) => ({ url: `/api/orgs/${own(w).orgId}/users/${own(w).userId}/revoke-sessions` }),
  },
  'GET /api/orgs/:id/invitations': {
    expect: admins(200),
    req: (w) => ({ url: `/api/orgs/${own(w).orgId}/invitations` }),
  },
  'POST /api/orgs/:id/invitations': {
    expect: admins(201),
    req: (w, n) => ({
      url: `/api/orgs/${own(w).orgId}/invitations`,
      payload: { email: `matrix${n}@invite.example`, role: 'viewer' },
    }),
  },
  'POST /api/orgs/:id/invitations/:invitationId/revoke': {
    expect: admins(200),
    req: (w) => ({ url: `/api/orgs/${own(w).orgId}/invitations/${own(w).invitationId}/revoke` }),
  },
  'GET /api/tokens': { expect: signedIn(200), req: () => ({ url: '/api/tokens' }) },
  'POST /api/tokens': {
    expect: signedIn(201),
    req: () => ({ url: '/api/tokens', payload: { name: 'matrix' } }),
  },
  'POST /api/tokens/:id/revoke': {
    expect: signedIn(200),
    req: (w) => ({ url: `/api/tokens/${own(w).spareTokenId}/revoke` }),
  },
  'GET /api/audit': { expect: admins(200), req: () => ({ url: '/api/audit' }) },
  'GET /api/audit/verify': {
    expect: kindAdmins(['ministry'], 200),
    req: () => ({ url: '/api/audit/verify' }),
  },
  'GET /api/openapi.json': { expect: anyone(200), req: () => ({ url: '/api/openapi.json' }) },
  'GET /api/reference/provinces': { expect: anyone(200), req: () => ({ url: '/api/reference/provinces' }) },
};

let t: TestApp;
const actors: Actor[] = [];

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
  const inv = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${home.orgId}/invitations`,
    headers: home.headers,
    payload: { email: `pending.${kind}.${role}.${n}@invite.example`, role: 'viewer' },
  });
  return {
    kind,
    role,
    token,
    spareTokenId,
    userId: me.userId,
    orgId: home.orgId,
    invitationId: inv.json().id,
    email,
  };
}

const call = (method: string, w: Who, r: { url: string; payload?: unknown }) =>
  t.app.inject({
    method: method as 'GET',
    url: r.url,
    headers: w ? { authorization: `Bearer ${w.token}` } : {},
    ...(r.payload === undefined ? {} : { payload: r.payload as object }),
  });

beforeAll(async () => {
  t = await createTestApp();
  let n = 0;
  for (const kind of KINDS) for (const role of ROLES) actors.push(await makeActor(kind, role, n++));
  // An enterprise in another province: outside every actor's scope except the ministry's.
  OUTSIDER = await makeActor('enterprise', 'admin', n++).then(async (a) => {
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
    return {
      ...a,
      orgId: zj.orgId,
      userId: zj.userId,
      invitationId: inv.json().id,
      spareTokenId: tok.json().id,
    };
  });
}, 180_000);
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
        const res = await call(method, who, c.req(who, n++));
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
  }, 120_000);

  it('answers 404 to every cross-tenant read or write of an existing object', async () => {
    const failures: string[] = [];
    let cases = 0;
    let n = 10_000;
    for (const [key, c] of Object.entries(MATRIX)) {
      if (!key.includes(':')) continue;
      const method = key.split(' ')[0]!;
      for (const who of actors) {
        // Swap every id in the path for the outsider's; tokens are personal, so even the ministry is outside.
        const personal = key.includes('/api/tokens/');
        if (who.kind === 'ministry' && !personal) continue;
        const r = c.req(who, n++);
        const url = r.url
          .replace(who.orgId, OUTSIDER.orgId)
          .replace(who.userId, OUTSIDER.userId)
          .replace(who.invitationId, OUTSIDER.invitationId)
          .replace(who.spareTokenId, OUTSIDER.spareTokenId);
        const res = await call(method, who, { ...r, url });
        cases++;
        const roleAllowed = c.expect(who) < 400;
        const want = roleAllowed ? 404 : 403;
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

  it('lets a provincial regulator read an enterprise of its province but not of another', async () => {
    const gd = actors.find((a) => a.kind === 'provincial-regulator' && a.role === 'viewer')!;
    const gdEnterprise = actors.find((a) => a.kind === 'enterprise')!.orgId;
    expect((await call('GET', gd, { url: `/api/orgs/${gdEnterprise}` })).statusCode).toBe(200);
    expect((await call('GET', gd, { url: `/api/orgs/${OUTSIDER.orgId}` })).statusCode).toBe(404);
  });
});
