import fs from 'node:fs';
import path from 'node:path';
import type { TestApp } from '../testing/test-app';
import { type Case, type Expect, signedIn, type Who } from './matrix.support';

/** Exposure objects the matrix acts on. */
export interface ExposureFixtures {
  assetId: string;
  exposureId: string;
  outsider: { assetId: string; exposureId: string };
}

/** A one-component CycloneDX SBOM whose component the Go advisory below hits. */
export const TINY_SBOM = {
  bomFormat: 'CycloneDX',
  specVersion: '1.5',
  version: 1,
  components: [
    {
      type: 'library',
      name: 'golang.org/x/net',
      version: 'v0.13.0',
      purl: 'pkg:golang/golang.org/x/net@v0.13.0',
    },
  ],
};

/** GO-2023-2102 (HTTP/2 rapid reset) from the real Go vulnerability database. */
export const GO_ADVISORY = JSON.parse(
  fs
    .readFileSync(
      path.resolve(import.meta.dirname, '../../../../shared/vectors/advisories/golang-vulndb/go-osv.jsonl'),
      'utf8',
    )
    .split('\n')
    .find((l) => l.includes('"id":"GO-2023-2102"'))!,
) as Record<string, unknown>;

const staffOf = (kinds: string[]) => (w: Who) => !!w && kinds.includes(w.kind) && w.role !== 'viewer';
/** The demo enterprise's asset: its own org, the ministry and the Guangdong regulator see it. */
const sees = (w: Who) =>
  !!w && (w.kind === 'ministry' || w.kind === 'provincial-regulator' || w.kind === 'enterprise');
const owners: Expect = (w) =>
  !w ? 401 : staffOf(['enterprise', 'vendor'])(w) ? (w.kind === 'enterprise' ? 200 : 404) : 403;

/** The matrix rows of every exposure route. */
export const exposureCases = (): Record<string, Case> => ({
  'GET /api/assets': { expect: signedIn(200), req: () => ({ url: '/api/assets' }) },
  'POST /api/assets': {
    // Vendors pass the route but may only register product releases, not systems.
    expect: (w) => (!w ? 401 : staffOf(['enterprise'])(w) ? 201 : 403),
    req: () => ({ url: '/api/assets', payload: { kind: 'system', name: '矩阵系统' } }),
  },
  'GET /api/assets/:id': {
    expect: (w) => (!w ? 401 : sees(w) ? 200 : 404),
    req: (o) => ({ url: `/api/assets/${o.assetId}` }),
  },
  'GET /api/assets/:id/vex': {
    expect: (w) => (!w ? 401 : sees(w) ? 200 : 404),
    req: (o) => ({ url: `/api/assets/${o.assetId}/vex` }),
  },
  'PUT /api/assets/:id/sbom': {
    expect: owners,
    req: (o) => ({ url: `/api/assets/${o.assetId}/sbom`, payload: TINY_SBOM }),
  },
  'GET /api/exposures': { expect: signedIn(200), req: () => ({ url: '/api/exposures' }) },
  'PATCH /api/exposures/:id': {
    expect: owners,
    req: (o) => ({ url: `/api/exposures/${o.exposureId}`, payload: { state: 'affected', detail: '矩阵' } }),
  },
  'POST /api/match-advisories/import': {
    expect: (w) => (!w ? 401 : w.kind === 'ministry' && w.role !== 'viewer' ? 200 : 403),
    req: () => ({ url: '/api/match-advisories/import', payload: GO_ADVISORY }),
  },
  'GET /api/match-advisories/:advisoryId/affected': {
    expect: (w) => (!w ? 401 : ['ministry', 'provincial-regulator'].includes(w.kind) ? 200 : 403),
    // Advisories are public; the answer is filtered to the caller's scope (checked: no other tenant's names).
    foreign: 200,
    req: () => ({ url: '/api/match-advisories/GO-2023-2102/affected' }),
  },
  'POST /api/match-advisories/analyse': {
    expect: (w) => (!w ? 401 : w.kind === 'ministry' && w.role !== 'viewer' ? 200 : 403),
    req: () => ({ url: '/api/match-advisories/analyse' }),
  },
  'GET /api/vendor/affected-users': {
    expect: (w) => (!w ? 401 : w.kind === 'vendor' ? 200 : 403),
    req: () => ({ url: '/api/vendor/affected-users' }),
  },
  'GET /api/components/advisories': {
    expect: signedIn(200),
    req: () => ({ url: '/api/components/advisories?ecosystem=Go&name=golang.org/x/net&version=v0.13.0' }),
  },
});

/** Creates an asset with one exposure for the demo enterprise and for another tenant, through the API. */
export async function buildExposureFixtures(
  t: TestApp,
  tk: { enterprise: string; outsider: string; ministry: string },
) {
  const call = async (token: string, method: string, url: string, payload?: object) => {
    const res = await t.app.inject({
      method: method as 'POST',
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });
    if (res.statusCode >= 300) throw new Error(`fixture ${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const asset = async (token: string) => {
    const a = await call(token, 'POST', '/api/assets', { kind: 'system', name: '矩阵资产' });
    await call(token, 'PUT', `/api/assets/${a.id}/sbom`, TINY_SBOM);
    return a.id as string;
  };
  const own = await asset(tk.enterprise);
  const other = await asset(tk.outsider);
  await call(tk.ministry, 'POST', '/api/match-advisories/import', GO_ADVISORY);
  const exposureOf = async (token: string, assetId: string) =>
    (await call(token, 'GET', `/api/exposures?assetId=${assetId}`)).items[0].id as string;
  return {
    assetId: own,
    exposureId: await exposureOf(tk.enterprise, own),
    outsider: { assetId: other, exposureId: await exposureOf(tk.outsider, other) },
  };
}
