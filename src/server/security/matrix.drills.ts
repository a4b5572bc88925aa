import type { TestApp } from '../testing/test-app';
import type { Case, Expect, Target, Who } from './matrix.support';

/** One enterprise's drills in each state, with factories for one-shot transitions. */
interface DrillSide {
  scenarioId: string;
  /** Scheduled, not started: participants can be replaced repeatedly. */
  scheduledId: string;
  /** Running in facilitator mode: advance, actions, verdicts and lessons repeat safely. */
  runningId: string;
  /** Completed and filed: what regulators read. */
  filedId: string;
  freshScenario: () => Promise<string>;
  freshScheduled: () => Promise<string>;
  freshRunning: () => Promise<string>;
  freshCompleted: () => Promise<string>;
}

/** Drills of the demo enterprise (ent.gd1, whose admin facilitates them) and of the Zhejiang outsider (ent.zj1). */
export interface DrillFixtures {
  outsiderOrgId: string;
  own: DrillSide;
  outsider: DrillSide;
}

let F: DrillFixtures | undefined;
const fixtures = () => {
  if (!F) throw new Error('buildDrillFixtures has not run');
  return F;
};

const inScope = (w: Exclude<Who, null>) =>
  ['ministry', 'provincial-regulator', 'enterprise'].includes(w.kind);
const readers: Expect = (w) => (!w ? 401 : inScope(w) ? 200 : 403);
const staff = (w: Exclude<Who, null>) => w.kind === 'enterprise' && w.role !== 'viewer';
const enterpriseStaff =
  (s: number): Expect =>
  (w) =>
    !w ? 401 : staff(w) ? s : 403;
/** The facilitator's steps: the enterprise admin (the fixtures' facilitator's role); a member is refused after lookup. */
const facilitator =
  (s: number): Expect =>
  (w) =>
    !w ? 401 : staff(w) ? (w.role === 'admin' ? s : 403) : 403;
/** Another tenant's drill is 404 to anyone who gets past the route's role check. */
const strangers: Expect = (w) => (!w ? 401 : staff(w) ? 404 : 403);

const SCHEDULE = { scenarioId: 'builtin-ransomware', scheduledFor: '2026-03-01T09:00:00+08:00' };

/** The matrix rows of every drill route; fixtures are read when a case runs. */
export const drillCases = (): Record<string, Case> => {
  const of = (o: Target) =>
    o.enterpriseId === fixtures().outsiderOrgId ? fixtures().outsider : fixtures().own;
  const step = (s = 200) => ({ expect: facilitator(s), foreign: strangers });
  return {
    'GET /api/drills/scenarios': {
      expect: (w) => (!w ? 401 : w.kind === 'enterprise' ? 200 : 403),
      req: () => ({ url: '/api/drills/scenarios' }),
    },
    'POST /api/drills/scenarios': {
      expect: enterpriseStaff(201),
      req: () => ({ url: '/api/drills/scenarios', payload: { copyOf: 'builtin-insider-misuse' } }),
    },
    'GET /api/drills/scenarios/:id': {
      expect: (w) => (!w ? 401 : w.kind === 'enterprise' ? 200 : 403),
      req: (o) => ({ url: `/api/drills/scenarios/${of(o).scenarioId}` }),
    },
    'PUT /api/drills/scenarios/:id': {
      expect: enterpriseStaff(200),
      req: (o, n) => ({
        url: `/api/drills/scenarios/${of(o).scenarioId}`,
        payload: { ...SCENARIO, title: { zh: `矩阵${n}`, en: `Matrix ${n}` } },
      }),
    },
    'DELETE /api/drills/scenarios/:id': {
      expect: enterpriseStaff(204),
      req: async (o) => ({ url: `/api/drills/scenarios/${await of(o).freshScenario()}` }),
    },
    'GET /api/drills': { expect: readers, req: () => ({ url: '/api/drills' }) },
    'POST /api/drills': {
      expect: enterpriseStaff(201),
      req: () => ({ url: '/api/drills', payload: SCHEDULE }),
    },
    'GET /api/drills/filed-count': {
      expect: (w) => (!w ? 401 : ['ministry', 'provincial-regulator'].includes(w.kind) ? 200 : 403),
      req: () => ({ url: '/api/drills/filed-count?from=2026-01-01&to=2026-12-31' }),
    },
    'GET /api/drills/:id': { expect: readers, req: (o) => ({ url: `/api/drills/${of(o).filedId}` }) },
    'GET /api/drills/:id/report': {
      expect: readers,
      req: (o) => ({ url: `/api/drills/${of(o).filedId}/report` }),
    },
    'GET /api/drills/:id/report.pdf': {
      expect: readers,
      req: (o) => ({ url: `/api/drills/${of(o).filedId}/report.pdf` }),
    },
    'PUT /api/drills/:id/participants': {
      ...step(),
      req: (o) => ({ url: `/api/drills/${of(o).scheduledId}/participants`, payload: { userIds: [] } }),
    },
    'POST /api/drills/:id/start': {
      ...step(),
      req: async (o) => ({ url: `/api/drills/${await of(o).freshScheduled()}/start` }),
    },
    'POST /api/drills/:id/advance': {
      ...step(),
      req: (o) => ({ url: `/api/drills/${of(o).runningId}/advance`, payload: { minutes: 1 } }),
    },
    'POST /api/drills/:id/sync': {
      ...step(),
      req: (o) => ({ url: `/api/drills/${of(o).runningId}/sync` }),
    },
    'POST /api/drills/:id/actions': {
      ...step(),
      req: (o) => ({
        url: `/api/drills/${of(o).runningId}/actions`,
        payload: { injectKey: 'initial-access', text: '矩阵动作', claim: 'detected' },
      }),
    },
    'POST /api/drills/:id/expectations': {
      ...step(),
      req: (o) => ({
        url: `/api/drills/${of(o).runningId}/expectations`,
        payload: { injectKey: 'initial-access', expectation: 'detected', status: 'met' },
      }),
    },
    'POST /api/drills/:id/complete': {
      ...step(),
      req: async (o) => ({ url: `/api/drills/${await of(o).freshRunning()}/complete` }),
    },
    'PUT /api/drills/:id/lessons': {
      ...step(),
      req: (o) => ({ url: `/api/drills/${of(o).runningId}/lessons`, payload: { lessons: ['矩阵教训'] } }),
    },
    'POST /api/drills/:id/corrective-actions': {
      ...step(),
      req: async (o) => ({
        url: `/api/drills/${await of(o).freshCompleted()}/corrective-actions`,
        payload: { lesson: 0, dueOn: '2099-12-31' },
      }),
    },
    'POST /api/drills/:id/file': {
      ...step(),
      req: async (o) => ({ url: `/api/drills/${await of(o).freshCompleted()}/file` }),
    },
  };
};

/** A scenario definition to PUT (the built-in ransomware one, read when fixtures are built). */
let SCENARIO: Record<string, unknown> | undefined;

/** Builds each side's drills through the API as each enterprise's admin; `drillCases` reads them. */
export async function buildDrillFixtures(
  t: TestApp,
  tokens: { enterprise: string; outsider: string },
  outsiderOrgId: string,
): Promise<DrillFixtures> {
  const side = async (token: string): Promise<DrillSide> => {
    const call = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, want = 200) => {
      const res = await t.app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${token}` },
        ...(payload ? { payload } : {}),
      });
      if (res.statusCode !== want) throw new Error(`fixture ${method} ${url}: ${res.statusCode} ${res.body}`);
      return res.json();
    };
    SCENARIO ??= (await call('GET', '/api/drills/scenarios/builtin-ransomware')).definition;
    const freshScenario = async () =>
      (await call('POST', '/api/drills/scenarios', { copyOf: 'builtin-ransomware' }, 201)).id as string;
    const freshScheduled = async () => (await call('POST', '/api/drills', SCHEDULE, 201)).id as string;
    const freshRunning = async () => {
      const id = await freshScheduled();
      await call('POST', `/api/drills/${id}/start`);
      return id;
    };
    const freshCompleted = async () => {
      const id = await freshRunning();
      await call('PUT', `/api/drills/${id}/lessons`, { lessons: ['矩阵教训'] });
      await call('POST', `/api/drills/${id}/complete`);
      return id;
    };
    const filedId = await freshCompleted();
    await call('POST', `/api/drills/${filedId}/file`);
    return {
      scenarioId: await freshScenario(),
      scheduledId: await freshScheduled(),
      runningId: await freshRunning(),
      filedId,
      freshScenario,
      freshScheduled,
      freshRunning,
      freshCompleted,
    };
  };
  F = { outsiderOrgId, own: await side(tokens.enterprise), outsider: await side(tokens.outsider) };
  return F;
}
