import fc from 'fast-check';
import { admitted, type FuzzActor } from './actors';
import { bodyBytes, resolveRefs } from './body';
import type { Harness } from './harness';
import type { Operation } from './openapi';
import { type ApiCase, apiCaseArb, queryString, segment } from './requests';
import type { Ref } from './schema-arb';
import { type ShapeCase, shapeCaseArb, shapeRequest } from './shape-cases';
import type { Concrete, WhoSpec } from './types';
import { type UploadCase, uploadCaseArb, uploadRequest } from './upload-cases';

/** Any generated request. */
export type FuzzCase = ApiCase | UploadCase | ShapeCase;

/** A request ready to send, with what the report groups it by. */
export interface Prepared {
  req: Concrete;
  family: string;
  opKey: string;
  op?: Operation;
  actor?: FuzzActor;
  /** Whether the credentials are meant to be valid (a 401 then means the actor's session died). */
  validCred: boolean;
}

/**
 * Operations whose every call does heavy work (whole-portfolio analysis, audit-chain verification, PDF rendering,
 * read-model refresh, deliberately slow password hashing); drawn a tenth as often so a CI run stays short.
 */
const HEAVY = new Set([
  'POST /api/match-advisories/analyse',
  'GET /api/audit/verify',
  'GET /api/supervision/report.pdf',
  'GET /api/drills/{id}/report.pdf',
  'GET /api/data-catalog/filings/{id}/certificate',
  'POST /api/supervision/refresh',
  'POST /api/auth/login',
  'POST /api/auth/password',
  'POST /api/invitations/accept',
  'GET /api/supervision/lists/{kind}/export',
]);

/** The request arbitrary: schema-driven calls to every operation, upload attacks, and purl/version shapes. */
export function caseArb(ops: Operation[]): fc.Arbitrary<FuzzCase> {
  const api = fc.oneof(
    ...ops.map((op, i) => ({
      weight: HEAVY.has(op.key) ? 1 : 10,
      arbitrary: apiCaseArb(op, i) as fc.Arbitrary<FuzzCase>,
    })),
  );
  return fc.oneof(
    { weight: 84, arbitrary: api },
    { weight: 8, arbitrary: uploadCaseArb() as fc.Arbitrary<FuzzCase> },
    { weight: 8, arbitrary: shapeCaseArb() as fc.Arbitrary<FuzzCase> },
  );
}

/** The actor for a who-spec among those the route admits (or all actors, or none). */
export function pickActor(h: Harness, who: WhoSpec, access: unknown): FuzzActor | undefined {
  if (who.mode === 'anon') return undefined;
  const pool = who.mode === 'admitted' ? admitted(h.actors, access) : h.actors;
  const list = pool.length ? pool : h.actors;
  return list[who.pick % list.length];
}

/** Credential headers for an actor under a who-spec. */
export function credHeaders(a: FuzzActor | undefined, who: WhoSpec): Record<string, string> {
  if (!a) return {};
  switch (who.cred) {
    case 'cookie':
      return { cookie: `bulwark_session=${a.cookie}`, 'x-csrf-token': a.csrf };
    case 'bearer':
      return { authorization: `Bearer ${a.token}` };
    case 'nocsrf':
      return { cookie: `bulwark_session=${a.cookie}`, 'x-csrf-token': `${a.csrf}x` };
    case 'badBearer':
      return { authorization: `Bearer ${a.token.slice(0, -2)}zz` };
    case 'badCookie':
      return { cookie: `bulwark_session=${a.cookie.slice(0, -2)}zz; bulwark_session=` };
  }
}

/** Turns a generated case into a concrete request against the harness's current state. */
export function prepare(h: Harness, c: FuzzCase): Prepared {
  const resolve = (r: Ref) => h.pool.resolve(r);
  if (c.t === 'upload') return uploadRequest(h, c, resolve);
  if (c.t === 'shape') return shapeRequest(h, c, resolve);
  const op = h.ops[c.op]!;
  const actor = pickActor(h, c.who, h.access.get(`${op.method} ${op.route}`));
  let url = op.path;
  op.pathParams.forEach((p, i) => {
    url = url.replace(`{${p.name}}`, segment(c.params[i]!, resolve));
  });
  const qs = queryString(op, c.query, resolve);
  if (qs) url += `?${qs}`;
  const value = 'value' in c.body ? resolveRefs(c.body.value, resolve) : undefined;
  const { payload, contentType } = bodyBytes(c.body, value);
  const headers: Record<string, string> = { ...credHeaders(actor, c.who) };
  if (contentType !== undefined) headers['content-type'] = contentType;
  if (c.accept) headers.accept = c.accept;
  if (c.length && payload !== undefined) {
    const n = Buffer.byteLength(payload);
    headers['content-length'] = String(
      c.length === 'huge' ? 2 ** 40 : c.length === 'short' ? Math.max(0, n - 1) : n + 10,
    );
  }
  return {
    req: { method: op.method, url, headers, payload },
    family: op.family,
    opKey: op.key,
    op,
    actor,
    validCred: !!actor && (c.who.cred === 'cookie' || c.who.cred === 'bearer'),
  };
}
