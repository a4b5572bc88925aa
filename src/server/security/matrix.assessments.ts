import { assessmentsRepository } from '../modules/assessments';
import { addLocalDays, shanghaiDate } from '../regulations/working-days';
import type { TestApp } from '../testing/test-app';
import type { Case, Expect, Target, Who } from './matrix.support';

/** One enterprise's assessment records, with factories for one-shot moves. */
interface AssessmentSide {
  examinationId: string;
  evidenceId: string;
  actionId: string;
  riskId: string;
  draftRiskId: string;
  /** A fresh corrective action resolved by someone who is not a matrix actor, ready to verify. */
  freshResolvedAction: () => Promise<string>;
  /** A fresh report submitted to the Guangdong regulator, ready to be marked received. */
  freshSubmittedRisk: () => Promise<string>;
}

/** Assessment records of the demo enterprise (ent.gd1) and of the Zhejiang outsider (ent.zj1). */
export interface AssessmentFixtures {
  outsiderOrgId: string;
  own: AssessmentSide;
  outsider: AssessmentSide;
}

const isReader = (w: Exclude<Who, null>) =>
  ['ministry', 'provincial-regulator', 'enterprise'].includes(w.kind);
const readers: Expect = (w) => (!w ? 401 : isReader(w) ? 200 : 403);
const staff =
  (s: number): Expect =>
  (w) =>
    !w ? 401 : w.kind === 'enterprise' && w.role !== 'viewer' ? s : 403;
/** Evidence downloads are open to any signed-in user at the route and scoped by the file's org. */
const evidenceReaders: Expect = (w) => (!w ? 401 : isReader(w) ? 200 : 404);

/** A cross-tenant probe past the role check: staff meet 404 before the completeness rule. */
const strangerStaff: Expect = (w) => (!w ? 401 : w.kind === 'enterprise' && w.role !== 'viewer' ? 404 : 403);

const FILE = {
  filename: '矩阵证据.txt',
  contentType: 'text/plain',
  contentBase64: Buffer.from('m').toString('base64'),
};

/** The matrix rows of every assessments and evidence route; `f` is read when a case runs. */
export const assessmentsCases = (f: () => AssessmentFixtures): Record<string, Case> => {
  const of = (o: Target) => (o.enterpriseId === f().outsiderOrgId ? f().outsider : f().own);
  return {
    'GET /api/controls': { expect: (w) => (w ? 200 : 401), req: () => ({ url: '/api/controls' }) },
    'GET /api/examinations': { expect: readers, req: () => ({ url: '/api/examinations' }) },
    // The demo enterprise already has one in progress: its staff pass authorization and meet the one-at-a-time rule.
    'POST /api/examinations': { expect: staff(409), req: () => ({ url: '/api/examinations' }) },
    'GET /api/examinations/:id': {
      expect: readers,
      req: (o) => ({ url: `/api/examinations/${of(o).examinationId}` }),
    },
    'PATCH /api/examinations/:id/answers': {
      expect: staff(200),
      req: (o) => ({
        url: `/api/examinations/${of(o).examinationId}/answers`,
        payload: { answers: [{ controlId: 'RW-01', answer: 'partial' }] },
      }),
    },
    'POST /api/examinations/:id/answers/:controlId/evidence': {
      expect: staff(201),
      req: (o) => ({ url: `/api/examinations/${of(o).examinationId}/answers/RW-01/evidence`, payload: FILE }),
    },
    // Still incomplete: staff get past authorization to the every-control rule.
    'POST /api/examinations/:id/complete': {
      expect: staff(400),
      foreign: strangerStaff,
      req: (o) => ({ url: `/api/examinations/${of(o).examinationId}/complete` }),
    },
    'GET /api/examinations/:id/diff': {
      expect: readers,
      req: (o) => ({ url: `/api/examinations/${of(o).examinationId}/diff` }),
    },
    'GET /api/evidence/:id': {
      expect: evidenceReaders,
      req: (o) => ({ url: `/api/evidence/${of(o).evidenceId}` }),
    },
    'GET /api/corrective-actions': {
      expect: readers,
      req: () => ({ url: '/api/corrective-actions?overdue=true' }),
    },
    'GET /api/corrective-actions/:id': {
      expect: readers,
      req: (o) => ({ url: `/api/corrective-actions/${of(o).actionId}` }),
    },
    'PATCH /api/corrective-actions/:id': {
      expect: staff(200),
      req: (o) => ({ url: `/api/corrective-actions/${of(o).actionId}`, payload: { detail: '矩阵' } }),
    },
    'POST /api/corrective-actions/:id/transitions': {
      expect: staff(200),
      req: async (o) => ({
        url: `/api/corrective-actions/${await of(o).freshResolvedAction()}/transitions`,
        payload: { action: 'verify', note: '矩阵复核' },
      }),
    },
    'POST /api/corrective-actions/:id/evidence': {
      expect: staff(201),
      req: (o) => ({ url: `/api/corrective-actions/${of(o).actionId}/evidence`, payload: FILE }),
    },
    'GET /api/risk-assessments/template': {
      expect: (w) => (w ? 200 : 401),
      req: () => ({ url: '/api/risk-assessments/template' }),
    },
    'GET /api/risk-assessments/status': {
      expect: (w) => (!w ? 401 : w.kind === 'enterprise' ? 200 : 403),
      req: () => ({ url: '/api/risk-assessments/status' }),
    },
    'GET /api/risk-assessments': { expect: readers, req: () => ({ url: '/api/risk-assessments' }) },
    'POST /api/risk-assessments': {
      expect: staff(201),
      req: () => ({ url: '/api/risk-assessments', payload: { performedBy: 'self' } }),
    },
    'GET /api/risk-assessments/:id': {
      expect: readers,
      req: (o) => ({ url: `/api/risk-assessments/${of(o).riskId}` }),
    },
    'PUT /api/risk-assessments/:id': {
      expect: staff(200),
      req: (o) => ({
        url: `/api/risk-assessments/${of(o).draftRiskId}`,
        payload: { performedBy: 'self', sections: { processorProfile: '矩阵' } },
      }),
    },
    // The draft lacks sections: staff get past authorization to the completeness rule.
    'POST /api/risk-assessments/:id/submit': {
      expect: staff(400),
      foreign: strangerStaff,
      req: (o) => ({ url: `/api/risk-assessments/${of(o).draftRiskId}/submit` }),
    },
    'POST /api/risk-assessments/:id/receive': {
      expect: (w) => (!w ? 401 : w.kind === 'provincial-regulator' && w.role !== 'viewer' ? 200 : 403),
      req: async (o) => ({ url: `/api/risk-assessments/${await of(o).freshSubmittedRisk()}/receive` }),
    },
  };
};

/**
 * Builds each side through the API (an examination in progress with evidence, a corrective action, a submitted
 * report and a draft); one-shot targets (a resolved action, a submitted report) are inserted by factories so every
 * matrix actor gets its own.
 */
export async function buildAssessmentsFixtures(
  t: TestApp,
  tokens: { enterprise: string; outsider: string },
  outsiderOrgId: string,
): Promise<AssessmentFixtures> {
  const db = t.database.db;
  const resolver = (
    await t.database.raw.query<{ id: string }>(
      "select id from users where email = 'ent.gd1.member@bulwark.demo'",
    )
  ).rows[0]!.id;
  const side = async (token: string): Promise<AssessmentSide> => {
    const call = async (method: string, url: string, payload?: object) => {
      const res = await t.app.inject({
        method: method as 'POST',
        url,
        headers: { authorization: `Bearer ${token}` },
        ...(payload ? { payload } : {}),
      });
      if (res.statusCode >= 300) throw new Error(`fixture ${method} ${url}: ${res.statusCode} ${res.body}`);
      return res.json();
    };
    const library = await call('GET', '/api/controls');
    const all: string[] = library.groups.flatMap((g: { controls: { id: string }[] }) =>
      g.controls.map((c) => c.id),
    );
    // A completed examination raises a corrective action; then the one in progress that the cases act on.
    const done = await call('POST', '/api/examinations');
    await call('PATCH', `/api/examinations/${done.id}/answers`, {
      answers: all.map((c) => ({ controlId: c, answer: c === 'RW-01' ? 'no' : 'yes' })),
    });
    await call('POST', `/api/examinations/${done.id}/complete`);
    const actions = await call('GET', `/api/corrective-actions?sourceId=${done.id}`);
    const exam = await call('POST', '/api/examinations');
    const evidence = await call('POST', `/api/examinations/${exam.id}/answers/RW-01/evidence`, FILE);
    const template = await call('GET', '/api/risk-assessments/template');
    const report = await call('POST', '/api/risk-assessments', {
      performedBy: 'self',
      issuedOn: shanghaiDate(t.clock.now()),
      sections: Object.fromEntries(template.sections.map((s: { key: string }) => [s.key, '矩阵'])),
    });
    await call('POST', `/api/risk-assessments/${report.id}/submit`);
    const draft = await call('POST', '/api/risk-assessments', { performedBy: 'self' });
    const action = actions[0];
    return {
      examinationId: exam.id,
      evidenceId: evidence.id,
      actionId: action.id,
      riskId: report.id,
      draftRiskId: draft.id,
      freshResolvedAction: async () => {
        const [a] = await assessmentsRepository.insertActions(db, [
          {
            orgId: action.orgId,
            sourceKind: 'examination',
            sourceId: done.id,
            controlId: 'RW-01',
            title: action.title,
            dueOn: addLocalDays(shanghaiDate(t.clock.now()), 30),
            status: 'resolved',
            resolution: '矩阵',
            resolvedAt: t.clock.now(),
            resolvedBy: resolver,
          },
        ]);
        return a!.id;
      },
      freshSubmittedRisk: async () => {
        const row = await assessmentsRepository.insertRisk(db, {
          orgId: action.orgId,
          provinceCode: report.provinceCode,
          performedBy: 'self',
          sections: report.sections,
          status: 'submitted',
          issuedOn: report.issuedOn,
          validUntil: report.validUntil,
          submittedAt: t.clock.now(),
        });
        return row.id;
      },
    };
  };
  return { outsiderOrgId, own: await side(tokens.enterprise), outsider: await side(tokens.outsider) };
}
