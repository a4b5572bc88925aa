import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AnswersBody,
  ControlLibrary,
  CorrectiveAction,
  CorrectiveListQuery,
  CorrectiveTransitionBody,
  CorrectiveUpdateBody,
  EvidenceFile,
  EvidenceUpload,
  Examination,
  ExaminationControlParams,
  ExaminationDiff,
  ExaminationSummary,
  RiskAssessment,
  RiskAssessmentBody,
  RiskAssessmentStatus,
  RiskAssessmentTemplate,
} from '../../../contracts/assessments';
import { IdParam } from '../../../contracts/common';
import { SIGNED_IN } from '../../core/access';
import type { CorrectiveActionsService } from './corrective-actions.service';
import type { ExaminationsService } from './examinations.service';
import type { RiskAssessmentsService } from './risk-assessments.service';

/** The services behind the assessments routes. */
export interface AssessmentsRouteDeps {
  examinations: ExaminationsService;
  correctiveActions: CorrectiveActionsService;
  riskAssessments: RiskAssessmentsService;
}

/** Enterprises and their regulators read; the enterprise's own staff act (the services re-check the org). */
const READERS = { orgKinds: ['enterprise', 'provincial-regulator', 'ministry'] } as const;
const STAFF = { orgKinds: ['enterprise'], roles: ['admin', 'member'] } as const;
const REGULATOR_STAFF = { orgKinds: ['provincial-regulator'], roles: ['admin', 'member'] } as const;
const UPLOAD_LIMIT = 16 * 1024 * 1024;

/** Self-examinations, the corrective-action board, and annual risk assessments. */
export const assessmentsRoutes: FastifyPluginAsyncZod<AssessmentsRouteDeps> = async (app, d) => {
  const tags = ['assessments'];

  app.get('/api/controls', {
    config: { access: SIGNED_IN },
    schema: {
      tags,
      description: 'The versioned self-examination control library',
      response: { 200: ControlLibrary },
    },
    handler: () => d.examinations.library(),
  });

  app.get('/api/examinations', {
    config: { access: READERS },
    schema: {
      tags,
      querystring: z.strictObject({ orgId: z.uuid().optional() }),
      response: { 200: z.array(ExaminationSummary) },
    },
    handler: (req) => d.examinations.list(req.ctx, req.query.orgId),
  });
  app.post('/api/examinations', {
    config: { access: STAFF },
    schema: { tags, response: { 201: Examination } },
    handler: async (req, reply) => reply.code(201).send(await d.examinations.start(req.ctx)),
  });
  app.get('/api/examinations/:id', {
    config: { access: READERS },
    schema: { tags, params: IdParam, response: { 200: Examination } },
    handler: (req) => d.examinations.get(req.ctx, req.params.id),
  });
  app.patch('/api/examinations/:id/answers', {
    config: { access: STAFF },
    schema: { tags, params: IdParam, body: AnswersBody, response: { 200: Examination } },
    handler: (req) => d.examinations.answer(req.ctx, req.params.id, req.body),
  });
  app.post('/api/examinations/:id/answers/:controlId/evidence', {
    config: { access: STAFF },
    bodyLimit: UPLOAD_LIMIT,
    schema: { tags, params: ExaminationControlParams, body: EvidenceUpload, response: { 201: EvidenceFile } },
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(await d.examinations.attachEvidence(req.ctx, req.params.id, req.params.controlId, req.body)),
  });
  app.post('/api/examinations/:id/complete', {
    config: { access: STAFF },
    schema: { tags, params: IdParam, response: { 200: Examination } },
    handler: (req) => d.examinations.complete(req.ctx, req.params.id),
  });
  app.get('/api/examinations/:id/diff', {
    config: { access: READERS },
    schema: { tags, params: IdParam, response: { 200: ExaminationDiff } },
    handler: (req) => d.examinations.diff(req.ctx, req.params.id),
  });

  app.get('/api/corrective-actions', {
    config: { access: READERS },
    schema: { tags, querystring: CorrectiveListQuery, response: { 200: z.array(CorrectiveAction) } },
    handler: (req) => d.correctiveActions.list(req.ctx, req.query),
  });
  app.get('/api/corrective-actions/:id', {
    config: { access: READERS },
    schema: { tags, params: IdParam, response: { 200: CorrectiveAction } },
    handler: (req) => d.correctiveActions.get(req.ctx, req.params.id),
  });
  app.patch('/api/corrective-actions/:id', {
    config: { access: STAFF },
    schema: { tags, params: IdParam, body: CorrectiveUpdateBody, response: { 200: CorrectiveAction } },
    handler: (req) => d.correctiveActions.update(req.ctx, req.params.id, req.body),
  });
  app.post('/api/corrective-actions/:id/transitions', {
    config: { access: STAFF },
    schema: { tags, params: IdParam, body: CorrectiveTransitionBody, response: { 200: CorrectiveAction } },
    handler: (req) => d.correctiveActions.transition(req.ctx, req.params.id, req.body),
  });
  app.post('/api/corrective-actions/:id/evidence', {
    config: { access: STAFF },
    bodyLimit: UPLOAD_LIMIT,
    schema: { tags, params: IdParam, body: EvidenceUpload, response: { 201: EvidenceFile } },
    handler: async (req, reply) =>
      reply.code(201).send(await d.correctiveActions.attachEvidence(req.ctx, req.params.id, req.body)),
  });

  app.get('/api/risk-assessments/template', {
    config: { access: SIGNED_IN },
    schema: { tags, response: { 200: RiskAssessmentTemplate } },
    handler: () => d.riskAssessments.template(),
  });
  app.get('/api/risk-assessments/status', {
    config: { access: { orgKinds: ['enterprise'] } },
    schema: { tags, response: { 200: RiskAssessmentStatus } },
    handler: (req) => d.riskAssessments.status(req.ctx),
  });
  app.get('/api/risk-assessments', {
    config: { access: READERS },
    schema: { tags, response: { 200: z.array(RiskAssessment) } },
    handler: (req) => d.riskAssessments.list(req.ctx),
  });
  app.post('/api/risk-assessments', {
    config: { access: STAFF },
    schema: { tags, body: RiskAssessmentBody, response: { 201: RiskAssessment } },
    handler: async (req, reply) => reply.code(201).send(await d.riskAssessments.create(req.ctx, req.body)),
  });
  app.get('/api/risk-assessments/:id', {
    config: { access: READERS },
    schema: { tags, params: IdParam, response: { 200: RiskAssessment } },
    handler: (req) => d.riskAssessments.get(req.ctx, req.params.id),
  });
  app.put('/api/risk-assessments/:id', {
    config: { access: STAFF },
    schema: { tags, params: IdParam, body: RiskAssessmentBody, response: { 200: RiskAssessment } },
    handler: (req) => d.riskAssessments.update(req.ctx, req.params.id, req.body),
  });
  app.post('/api/risk-assessments/:id/submit', {
    config: { access: STAFF },
    schema: { tags, params: IdParam, response: { 200: RiskAssessment } },
    handler: (req) => d.riskAssessments.submit(req.ctx, req.params.id),
  });
  app.post('/api/risk-assessments/:id/receive', {
    config: { access: REGULATOR_STAFF },
    schema: { tags, params: IdParam, response: { 200: RiskAssessment } },
    handler: (req) => d.riskAssessments.receive(req.ctx, req.params.id),
  });
};
