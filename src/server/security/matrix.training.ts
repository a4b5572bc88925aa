import type { TestApp } from '../testing/test-app';
import type { Case, Expect, Target, Who } from './matrix.support';

/** One enterprise's training records, with factories for one-shot deletes. */
interface TrainingSide {
  sessionId: string;
  talentId: string;
  freshSession: () => Promise<string>;
  freshTalent: () => Promise<string>;
}

/** Training records of the demo enterprise (ent.gd1) and of the Zhejiang outsider (ent.zj1). */
export interface TrainingFixtures {
  outsiderOrgId: string;
  own: TrainingSide;
  outsider: TrainingSide;
}

const inScope = (w: Exclude<Who, null>) =>
  ['ministry', 'provincial-regulator', 'enterprise'].includes(w.kind);
const readers: Expect = (w) => (!w ? 401 : inScope(w) ? 200 : 403);
const regulators: Expect = (w) =>
  !w ? 401 : ['ministry', 'provincial-regulator'].includes(w.kind) ? 200 : 403;
const enterpriseStaff =
  (s: number): Expect =>
  (w) =>
    !w ? 401 : w.kind === 'enterprise' && w.role !== 'viewer' ? s : 403;

const SESSION = { heldOn: '2025-06-01', topic: '矩阵培训', trainer: '矩阵讲师', attendees: ['甲', '乙'] };
let certificates = 0;
const talent = () => ({
  name: '矩阵人才',
  certificate: 'CISP-DSG',
  certificateNo: `MATRIX-${++certificates}`,
  issuer: '中国信息安全测评中心',
  issuedOn: '2025-01-01',
});

/** The matrix rows of every training and programme route; `f` is read when a case runs. */
export const trainingCases = (f: () => TrainingFixtures): Record<string, Case> => {
  const of = (o: Target) => (o.enterpriseId === f().outsiderOrgId ? f().outsider : f().own);
  return {
    'GET /api/training/sessions': { expect: readers, req: () => ({ url: '/api/training/sessions' }) },
    'POST /api/training/sessions': {
      expect: enterpriseStaff(201),
      req: () => ({ url: '/api/training/sessions', payload: SESSION }),
    },
    'GET /api/training/sessions/:id': {
      expect: readers,
      req: (o) => ({ url: `/api/training/sessions/${of(o).sessionId}` }),
    },
    'DELETE /api/training/sessions/:id': {
      expect: enterpriseStaff(204),
      req: async (o) => ({ url: `/api/training/sessions/${await of(o).freshSession()}` }),
    },
    'GET /api/training/talents': { expect: readers, req: () => ({ url: '/api/training/talents' }) },
    'POST /api/training/talents': {
      expect: enterpriseStaff(201),
      req: () => ({ url: '/api/training/talents', payload: talent() }),
    },
    'GET /api/training/talents/:id': {
      expect: readers,
      req: (o) => ({ url: `/api/training/talents/${of(o).talentId}` }),
    },
    'DELETE /api/training/talents/:id': {
      expect: enterpriseStaff(204),
      req: async (o) => ({ url: `/api/training/talents/${await of(o).freshTalent()}` }),
    },
    'GET /api/training/summary': { expect: readers, req: () => ({ url: '/api/training/summary' }) },
    'GET /api/programme/overview': {
      expect: (w) => (!w ? 401 : w.kind === 'enterprise' ? 200 : 403),
      req: () => ({ url: '/api/programme/overview' }),
    },
    'GET /api/programme/enterprises/:id/overview': {
      expect: regulators,
      // A Zhejiang enterprise is outside the Guangdong regulator's scope: 404, never its name.
      req: (o) => ({ url: `/api/programme/enterprises/${o.enterpriseId}/overview` }),
    },
    'GET /api/programme/coverage': { expect: regulators, req: () => ({ url: '/api/programme/coverage' }) },
  };
};

/** Records a session and a talent for each side, through the API as each enterprise's admin. */
export async function buildTrainingFixtures(
  t: TestApp,
  tokens: { enterprise: string; outsider: string },
  outsiderOrgId: string,
): Promise<TrainingFixtures> {
  const side = async (token: string): Promise<TrainingSide> => {
    const post = async (url: string, payload: object) => {
      const res = await t.app.inject({
        method: 'POST',
        url,
        headers: { authorization: `Bearer ${token}` },
        payload,
      });
      if (res.statusCode !== 201) throw new Error(`fixture ${url}: ${res.statusCode} ${res.body}`);
      return res.json().id as string;
    };
    return {
      sessionId: await post('/api/training/sessions', SESSION),
      talentId: await post('/api/training/talents', talent()),
      freshSession: () => post('/api/training/sessions', SESSION),
      freshTalent: () => post('/api/training/talents', talent()),
    };
  };
  return { outsiderOrgId, own: await side(tokens.enterprise), outsider: await side(tokens.outsider) };
}
