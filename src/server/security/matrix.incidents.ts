import { shanghaiYear } from '../programme-rules/coverage';
import type { TestApp } from '../testing/test-app';
import type { Case, Expect, Target, Who } from './matrix.support';

/** An incident of the demo enterprise and one of the Zhejiang outsider, with factories for one-shot writes. */
export interface IncidentFixtures {
  outsiderOrgId: string;
  own: { id: string; fresh: () => Promise<string> };
  outsider: { id: string; fresh: () => Promise<string> };
}

const inScope = (w: Exclude<Who, null>) =>
  ['ministry', 'provincial-regulator', 'enterprise'].includes(w.kind);
const readers: Expect = (w) => (!w ? 401 : inScope(w) ? 200 : 403);
const staff = (w: Exclude<Who, null>) => w.kind === 'enterprise' && w.role !== 'viewer';
const enterpriseStaff =
  (s: number): Expect =>
  (w) =>
    !w ? 401 : staff(w) ? s : 403;
const loggers = (w: Exclude<Who, null>) =>
  (w.kind === 'provincial-regulator' || w.kind === 'enterprise') && w.role !== 'viewer';

/** A tier II ransomware report: the regulator's 10 / 30-minute ministry clocks start at once. */
const FACTS = {
  type: 'ransomware',
  sector: 'industry',
  dataLevels: ['important'],
  harm: 'serious',
};
const REPORT = { ...FACTS, title: '矩阵事件', description: '矩阵测试' };

/** The matrix rows of every incident route; `f` is read when a case runs, after the fixtures exist. */
export const incidentCases = (f: () => IncidentFixtures): Record<string, Case> => {
  const of = (o: Target) => (o.enterpriseId === f().outsiderOrgId ? f().outsider : f().own);
  return {
    'POST /api/incidents/classify': {
      expect: readers,
      req: () => ({
        url: '/api/incidents/classify',
        payload: { type: 'leak', sector: 'industry', piRecords: 10 },
      }),
    },
    'POST /api/incidents': {
      expect: enterpriseStaff(201),
      req: () => ({
        url: '/api/incidents',
        payload: { ...REPORT, discoveredAt: '2026-01-05T08:00:00+08:00' },
      }),
    },
    'GET /api/incidents': { expect: readers, req: () => ({ url: '/api/incidents' }) },
    'GET /api/incidents/annual-summary': {
      expect: readers,
      req: (o) => ({
        url: `/api/incidents/annual-summary?year=${shanghaiYear(new Date())}&orgId=${o.enterpriseId}`,
      }),
    },
    'GET /api/incidents/:id': { expect: readers, req: (o) => ({ url: `/api/incidents/${of(o).id}` }) },
    'PUT /api/incidents/:id/facts': {
      expect: enterpriseStaff(200),
      req: (o) => ({ url: `/api/incidents/${of(o).id}/facts`, payload: { ...FACTS, note: '矩阵' } }),
    },
    'POST /api/incidents/:id/follow-ups': {
      expect: enterpriseStaff(200),
      req: (o) => ({ url: `/api/incidents/${of(o).id}/follow-ups`, payload: { text: '矩阵进展' } }),
    },
    'POST /api/incidents/:id/contain': {
      expect: enterpriseStaff(200),
      req: async (o) => ({ url: `/api/incidents/${await of(o).fresh()}/contain`, payload: { note: '矩阵' } }),
    },
    'POST /api/incidents/:id/ministry-reports': {
      // Only the province's staff log reports on a real incident; the enterprise's staff are refused after lookup.
      expect: (w) => (!w ? 401 : loggers(w) ? (w.kind === 'provincial-regulator' ? 200 : 403) : 403),
      foreign: (w) => (!w ? 401 : loggers(w) ? 404 : 403),
      req: async (o) => ({
        url: `/api/incidents/${await of(o).fresh()}/ministry-reports`,
        payload: { channel: 'phone' },
      }),
    },
    'POST /api/incidents/:id/user-notifications': {
      expect: enterpriseStaff(200),
      req: (o) => ({
        url: `/api/incidents/${of(o).id}/user-notifications`,
        payload: { channel: '短信', recipients: 1, message: '矩阵' },
      }),
    },
    'POST /api/incidents/:id/corrective-actions': {
      expect: enterpriseStaff(200),
      req: (o) => ({ url: `/api/incidents/${of(o).id}/corrective-actions`, payload: { title: '矩阵整改' } }),
    },
    'POST /api/incidents/:id/close': {
      expect: enterpriseStaff(200),
      req: async (o) => ({
        url: `/api/incidents/${await of(o).fresh()}/close`,
        payload: { summary: '矩阵' },
      }),
    },
  };
};

/** Reports incidents through the API as the demo enterprise and as the Zhejiang outsider (tokens). */
export async function buildIncidentFixtures(
  t: TestApp,
  tk: { enterprise: string; outsider: string },
  outsiderOrgId: string,
): Promise<IncidentFixtures> {
  const fresh = (token: string) => async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/incidents',
      headers: { authorization: `Bearer ${token}` },
      payload: { ...REPORT, discoveredAt: t.clock.now().toISOString() },
    });
    if (res.statusCode !== 201) throw new Error(`incident fixture: ${res.statusCode} ${res.body}`);
    return res.json().id as string;
  };
  const own = fresh(tk.enterprise);
  const outsider = fresh(tk.outsider);
  return {
    outsiderOrgId,
    own: { id: await own(), fresh: own },
    outsider: { id: await outsider(), fresh: outsider },
  };
}
