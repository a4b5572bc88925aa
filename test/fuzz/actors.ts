import type { OrgKind, Role } from '../../src/contracts/identity';
import { type Access, checkAccess } from '../../src/server/core/access';
import { DEMO_PASSWORD } from '../../src/server/seed/demo';
import type { Injector } from './types';

/** A demo user the fuzzer acts as, with a cookie session (and its CSRF token) and an API token. */
export interface FuzzActor {
  label: string;
  email: string;
  orgKind: OrgKind;
  role: Role;
  userId: string;
  orgId: string;
  cookie: string;
  csrf: string;
  token: string;
  tokenId: string;
  /** Set when a request showed the credentials dead (logout, revoked sessions); refreshed before next use. */
  stale: boolean;
  /** Times this actor signed in again. */
  relogins: number;
}

/** The roles the issue names (ministry, provincial, enterprise, vendor admins, a researcher) plus a filed platform. */
export const ACTOR_EMAILS = [
  'ministry.admin@bulwark.demo',
  'gd.admin@bulwark.demo',
  'ent.gd1@bulwark.demo',
  'vendor.admin@bulwark.demo',
  'researcher@bulwark.demo',
  'platform.admin@bulwark.demo',
] as const;

async function signIn(inject: Injector, email: string) {
  const res = await inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password: DEMO_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`fuzz login ${email}: ${res.statusCode} ${res.body}`);
  const me = res.json() as {
    csrfToken: string;
    user: { id: string; role: Role };
    org: { id: string; kind: OrgKind };
  };
  const cookie = res.cookies.find((c) => c.name === 'bulwark_session')?.value ?? '';
  const headers = { cookie: `bulwark_session=${cookie}`, 'x-csrf-token': me.csrfToken };
  const tok = await inject({ method: 'POST', url: '/api/tokens', headers, payload: { name: 'fuzz' } });
  if (tok.statusCode !== 201) throw new Error(`fuzz token ${email}: ${tok.statusCode} ${tok.body}`);
  const t = tok.json() as { id: string; token: string };
  return {
    cookie,
    csrf: me.csrfToken,
    token: t.token,
    tokenId: t.id,
    userId: me.user.id,
    orgId: me.org.id,
    role: me.user.role,
    orgKind: me.org.kind,
  };
}

/** Signs every actor in. */
export async function signInAll(inject: Injector): Promise<FuzzActor[]> {
  const out: FuzzActor[] = [];
  for (const email of ACTOR_EMAILS) {
    const s = await signIn(inject, email);
    out.push({ label: `${s.orgKind}/${s.role}`, email, ...s, stale: false, relogins: 0 });
  }
  return out;
}

/** Signs a stale actor in again (a new session and a new API token). */
export async function refresh(inject: Injector, a: FuzzActor): Promise<void> {
  const s = await signIn(inject, a.email);
  Object.assign(a, { ...s, stale: false, relogins: a.relogins + 1 });
}

/** Actors whose org kind and role the route's declared access admits. */
export function admitted(actors: FuzzActor[], access: unknown): FuzzActor[] {
  if (!access) return actors;
  return actors.filter(
    (a) =>
      checkAccess(access as Access, {
        orgKind: a.orgKind,
        role: a.role,
        userId: a.userId,
        orgId: a.orgId,
        provinceCode: null,
        via: 'session',
      }) === 'ok',
  );
}
