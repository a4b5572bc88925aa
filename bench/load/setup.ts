import { DEMO_PASSWORD } from '../../src/server/seed/demo';
import { type ActorName, type Credentials, type Fixtures, intakeBody, sbomBody } from './mix';

/** Who signs in, and how: machine clients with API tokens, the regulators' and enterprise's browsers with sessions. */
const ACTORS: Record<ActorName, { email: string; via: Credentials['via'] }> = {
  researcher: { email: 'researcher@bulwark.demo', via: 'token' },
  vendor: { email: 'vendor.admin@bulwark.demo', via: 'token' },
  enterprise: { email: 'ent.gd1@bulwark.demo', via: 'session' },
  ministry: { email: 'ministry.admin@bulwark.demo', via: 'session' },
  province: { email: 'gd.admin@bulwark.demo', via: 'token' },
};

/** lodash < 4.17.21, command injection in `template` (GHSA-35jh-r3h4-6jhm, CVE-2021-23337), as OSV. */
const LODASH_OSV = {
  schema_version: '1.6.0',
  id: 'GHSA-35jh-r3h4-6jhm',
  aliases: ['CVE-2021-23337'],
  modified: '2021-05-20T00:00:00Z',
  published: '2021-02-15T00:00:00Z',
  summary: 'Command Injection in lodash',
  affected: [
    {
      package: { ecosystem: 'npm', name: 'lodash' },
      ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '4.17.21' }] }],
    },
  ],
  database_specific: { severity: 'HIGH' },
};

/** Sizes of the fixtures setup creates through the API. */
export interface SetupSize {
  reports: number;
  assets: number;
  incidents: number;
}

/** Signs the actors in, then creates through the API what the writes of the mix act on. */
export async function prepare(base: string, province: string, size: SetupSize): Promise<Fixtures> {
  const call = async (c: Credentials | null, method: string, path: string, body?: unknown, type?: string) => {
    const headers: Record<string, string> = { ...(c?.headers ?? {}) };
    if (body !== undefined) headers['content-type'] = type ?? 'application/json';
    const res = await fetch(`${base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`setup: ${method} ${path} → ${res.status} ${text.slice(0, 300)}`);
    return { json: text ? (JSON.parse(text) as Record<string, unknown>) : {}, res };
  };

  const actors = {} as Record<ActorName, Credentials>;
  for (const [name, a] of Object.entries(ACTORS) as [ActorName, (typeof ACTORS)[ActorName]][]) {
    const { json, res } = await call(null, 'POST', '/api/auth/login', {
      email: a.email,
      password: DEMO_PASSWORD,
    });
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0] as string)
      .find((c) => c.startsWith('bulwark_session='));
    if (!cookie) throw new Error(`setup: no session cookie for ${a.email}`);
    const session: Credentials = {
      email: a.email,
      via: 'session',
      headers: { cookie, 'x-csrf-token': json.csrfToken as string },
    };
    if (a.via === 'session') actors[name] = session;
    else {
      const t = await call(session, 'POST', '/api/tokens', { name: 'load bench', expiresInDays: 1 });
      actors[name] = { email: a.email, via: 'token', headers: { authorization: `Bearer ${t.json.token}` } };
    }
  }

  const vendorOrg = (await call(actors.vendor, 'GET', '/api/auth/me')).json.org as { id: string };
  const products = (await call(null, 'GET', `/api/products?vendorOrgId=${vendorOrg.id}`)).json.items as {
    id: string;
  }[];
  const productId = products[0]!.id;

  await call(
    actors.ministry,
    'POST',
    '/api/match-advisories/import',
    JSON.stringify(LODASH_OSV),
    'application/json',
  );

  const submitted: string[] = [];
  for (let i = 0; i < size.reports; i++) {
    const r = await call(
      actors.researcher,
      'POST',
      '/api/vulnerabilities',
      intakeBody(productId, 1_000_000 + i),
    );
    submitted.push((r.json.report as { id: string }).id);
  }

  const assetIds: string[] = [];
  for (let i = 0; i < size.assets; i++) {
    const a = await call(actors.enterprise, 'POST', '/api/assets', {
      kind: 'system',
      name: `生产系统 ${i + 1}`,
    });
    const id = a.json.id as string;
    await call(
      actors.enterprise,
      'PUT',
      `/api/assets/${id}/sbom`,
      sbomBody(i),
      'application/vnd.cyclonedx+json',
    );
    assetIds.push(id);
  }

  const incidentIds: string[] = [];
  for (let i = 0; i < size.incidents; i++) {
    const inc = await call(actors.enterprise, 'POST', '/api/incidents', {
      title: `MES 服务器被勒索加密 ${i + 1}`,
      description: '凌晨发现 MES 服务器文件被加密，留有勒索信。',
      discoveredAt: new Date(Date.now() - 15 * 60_000).toISOString(),
      type: 'ransomware',
      sector: 'industry',
      dataLevels: ['general'],
      directLossYuan: 60_000_000,
    });
    incidentIds.push(inc.json.id as string);
  }

  return { base, actors, productId, submitted, readable: [...submitted], assetIds, incidentIds, province };
}
