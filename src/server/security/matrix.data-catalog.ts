import { usccCheckCharacter } from '../../lib/china/uscc';
import { systemContext } from '../core/actor';
import { bundledProgrammePacks } from '../programme-rules/programme-pack';
import { DEMO_PASSWORD } from '../seed/demo';
import type { TestApp } from '../testing/test-app';
import type { Case, Expect, Target, Who } from './matrix.support';

/** Data-catalog objects of the demo enterprise (ent.gd1) and of the Zhejiang outsider (ent.zj1). */
export interface DataCatalogFixtures {
  outsiderOrgId: string;
  own: Objects;
  outsider: Objects;
}

interface Objects {
  /** An active data asset. */
  assetId: string;
  /** A fresh active data asset, for one-shot writes (destroy). */
  freshAsset: () => Promise<string>;
  /** An approved filing (ent.gd1) or the seeded submitted one (ent.zj1). */
  filingId: string;
  /** A filing of the org returned for revision, for resubmit. */
  returnedFiling: () => Promise<string>;
  /** A submitted Guangdong filing awaiting review (a fresh enterprise each time), for approve and return. */
  submittedFiling: () => Promise<string>;
}

const READERS = ['ministry', 'provincial-regulator', 'enterprise'];
const readers: Expect = (w) => (!w ? 401 : READERS.includes(w.kind) ? 200 : 403);
const isStaff = (w: Exclude<Who, null>, kind: string) => w.kind === kind && w.role !== 'viewer';
const only =
  (test: (w: Exclude<Who, null>) => boolean, s: number): Expect =>
  (w) =>
    !w ? 401 : test(w) ? s : 403;

const answers = () =>
  Object.fromEntries(
    bundledProgrammePacks().questions.questions.map((q) => [q.value.id, q.value.answers[0]!.key]),
  );
const IMPORTANT = { ...answers(), 'important-definition': 'yes' };

/** A data asset body; general unless `important`. */
const assetBody = (name: string, important = false) => ({
  name,
  category: '矩阵数据',
  scale: { records: 10, volumeMb: 1 },
  purpose: '矩阵',
  processingMethod: '存储',
  scopeOfUse: '矩阵',
  responsiblePerson: '矩阵',
  externalSharing: false,
  crossBorder: false,
  securityMeasures: '访问控制',
  answers: important ? IMPORTANT : answers(),
});

/** The matrix rows of every data-catalog route; `f` is read when a case runs, after the fixtures exist. */
export const dataCatalogCases = (f: () => DataCatalogFixtures): Record<string, Case> => {
  const of = (o: Target) => (o.enterpriseId === f().outsiderOrgId ? f().outsider : f().own);
  const enterpriseStaff = (s: number) => only((w) => isStaff(w, 'enterprise'), s);
  const enterpriseAdmins = (s: number) => only((w) => w.kind === 'enterprise' && w.role === 'admin', s);
  return {
    'GET /api/data-catalog/questions': {
      expect: readers,
      req: () => ({ url: '/api/data-catalog/questions' }),
    },
    'POST /api/data-catalog/classify': {
      expect: readers,
      req: () => ({ url: '/api/data-catalog/classify', payload: { answers: IMPORTANT } }),
    },
    'GET /api/data-catalog/overview': {
      expect: only((w) => w.kind === 'enterprise', 200),
      req: () => ({ url: '/api/data-catalog/overview' }),
    },
    'GET /api/data-catalog/assets': { expect: readers, req: () => ({ url: '/api/data-catalog/assets' }) },
    'GET /api/data-catalog/assets/:id': {
      expect: readers,
      req: (o) => ({ url: `/api/data-catalog/assets/${of(o).assetId}` }),
    },
    'POST /api/data-catalog/assets': {
      expect: enterpriseStaff(201),
      req: (_o, n) => ({ url: '/api/data-catalog/assets', payload: assetBody(`矩阵数据${n}`) }),
    },
    'PATCH /api/data-catalog/assets/:id': {
      expect: enterpriseStaff(200),
      req: (o) => ({ url: `/api/data-catalog/assets/${of(o).assetId}`, payload: { scopeOfUse: '矩阵范围' } }),
    },
    'POST /api/data-catalog/assets/:id/destroy': {
      expect: enterpriseStaff(200),
      req: async (o) => ({ url: `/api/data-catalog/assets/${await of(o).freshAsset()}/destroy` }),
    },
    'GET /api/data-catalog/filings': { expect: readers, req: () => ({ url: '/api/data-catalog/filings' }) },
    'POST /api/data-catalog/filings': {
      // ent.gd1's filing is approved by then, so its admin files a change filing.
      expect: enterpriseAdmins(201),
      req: () => ({ url: '/api/data-catalog/filings' }),
    },
    'GET /api/data-catalog/filings/:id': {
      expect: readers,
      req: (o) => ({ url: `/api/data-catalog/filings/${of(o).filingId}` }),
    },
    'GET /api/data-catalog/filings/:id/certificate': {
      expect: readers,
      req: (o) => ({ url: `/api/data-catalog/filings/${of(o).filingId}/certificate` }),
    },
    'POST /api/data-catalog/filings/:id/resubmit': {
      expect: enterpriseAdmins(200),
      req: async (o) => ({ url: `/api/data-catalog/filings/${await of(o).returnedFiling()}/resubmit` }),
    },
    'POST /api/data-catalog/filings/:id/return': {
      expect: only((w) => isStaff(w, 'provincial-regulator'), 200),
      req: async (o) => ({
        url: `/api/data-catalog/filings/${await of(o).submittedFiling()}/return`,
        payload: { comment: '矩阵退回' },
      }),
    },
    'POST /api/data-catalog/filings/:id/approve': {
      expect: only((w) => isStaff(w, 'provincial-regulator'), 200),
      req: async (o) => ({ url: `/api/data-catalog/filings/${await of(o).submittedFiling()}/approve` }),
    },
  };
};

/**
 * Builds the fixtures through the API: ent.gd1's filing approved by gd.admin (so the ent.gd1 admin can file a change),
 * the outsider's asset and its seeded submitted filing, and factories for one-shot writes.
 */
export async function buildDataCatalogFixtures(
  t: TestApp,
  tk: { enterprise: string; outsider: string; regulator: string },
  outsiderOrgId: string,
): Promise<DataCatalogFixtures> {
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
  let n = 0;
  const freshAsset = (token: string) => async () =>
    (await call(token, 'POST', '/api/data-catalog/assets', assetBody(`矩阵待销毁${n++}`))).asset.id as string;
  const openFiling = async (token: string) =>
    ((await call(token, 'GET', '/api/data-catalog/overview')).openFiling ?? null) as {
      id: string;
      status: string;
    } | null;

  const own = (await call(tk.enterprise, 'GET', '/api/data-catalog/assets?status=active'))[0].id as string;
  const first = await call(tk.enterprise, 'POST', '/api/data-catalog/filings');
  await call(tk.regulator, 'POST', `/api/data-catalog/filings/${first.id}/approve`);

  /** ent.gd1's open filing, returned by gd.admin (filed first when none is open). */
  const returnedFiling = async () => {
    let open = await openFiling(tk.enterprise);
    open ??= await call(tk.enterprise, 'POST', '/api/data-catalog/filings');
    if (open!.status === 'submitted') {
      await call(tk.regulator, 'POST', `/api/data-catalog/filings/${open!.id}/return`, { comment: '矩阵' });
    }
    return open!.id;
  };

  /** A new Guangdong enterprise, registered by gd.admin, that files one important asset. */
  let m = 0;
  const submittedFiling = async () => {
    const i = m++;
    const email = `matrix.catalog.${i}@bulwark.test`;
    const { org } = await t.app.services.users.createOrgWithAdmin(
      systemContext(),
      { kind: 'enterprise', name: `矩阵备案企业${i}`, provinceCode: '440000' },
      { email, name: 'm', password: DEMO_PASSWORD },
    );
    const first17 = `91440300MA5M${String(i).padStart(4, '0')}X`;
    await call(tk.regulator, 'POST', '/api/enterprises', {
      uscc: `${first17}${usccCheckCharacter(first17)}`,
      name: `矩阵备案企业${i}`,
      provinceCode: '440000',
      cityCode: '440300',
      industryDivision: '34',
      sector: 'industry',
      aboveSize: false,
      orgId: org.id,
    });
    const login = await t.login(email);
    const headers = login.headers;
    const post = async (url: string, payload?: object) =>
      (await t.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) })).json();
    await post('/api/data-catalog/assets', assetBody('矩阵重要数据', true));
    return (await post('/api/data-catalog/filings')).id as string;
  };

  const zjAsset = (await call(tk.outsider, 'GET', '/api/data-catalog/assets?status=active'))[0].id as string;
  const zjFiling = (await call(tk.outsider, 'GET', '/api/data-catalog/filings'))[0].id as string;
  return {
    outsiderOrgId,
    own: {
      assetId: own,
      freshAsset: freshAsset(tk.enterprise),
      filingId: first.id,
      returnedFiling,
      submittedFiling,
    },
    outsider: {
      assetId: zjAsset,
      freshAsset: async () => zjAsset,
      filingId: zjFiling,
      returnedFiling: async () => zjFiling,
      submittedFiling: async () => zjFiling,
    },
  };
}
