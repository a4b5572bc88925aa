import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParam, page } from '../../../contracts/common';
import {
  AdvanceBody,
  AfterActionReport,
  CopyScenarioBody,
  Drill,
  DrillCorrectiveBody,
  DrillDetail,
  DrillListQuery,
  FiledCount,
  FiledCountQuery,
  LessonsBody,
  MarkExpectationBody,
  ParticipantsBody,
  RecordActionBody,
  Scenario,
  ScenarioDefinition,
  ScenarioIdParam,
  ScheduleDrillBody,
} from '../../../contracts/drills';
import type { DrillsService } from './drills.service';

const tags = ['drills'];
const IN_SCOPE = { orgKinds: ['ministry', 'provincial-regulator', 'enterprise'] } as const;
const ENTERPRISE = { orgKinds: ['enterprise'] } as const;
const ENTERPRISE_STAFF = { orgKinds: ['enterprise'], roles: ['admin', 'member'] } as const;
const REGULATORS = { orgKinds: ['ministry', 'provincial-regulator'] } as const;

/** Emergency drills (34号): scenario library, drill console, after-action report and filing. */
export const drillsRoutes: FastifyPluginAsyncZod<{ drills: DrillsService }> = async (app, d) => {
  app.get('/api/drills/scenarios', {
    config: { access: ENTERPRISE },
    schema: { tags, response: { 200: z.array(Scenario) } },
    handler: (req) => d.drills.listScenarios(req.ctx),
  });
  app.post('/api/drills/scenarios', {
    config: { access: ENTERPRISE_STAFF },
    schema: {
      tags,
      description: 'Copies a scenario into an editable one.',
      body: CopyScenarioBody,
      response: { 201: Scenario },
    },
    handler: async (req, reply) => reply.code(201).send(await d.drills.copyScenario(req.ctx, req.body)),
  });
  app.get('/api/drills/scenarios/:id', {
    config: { access: ENTERPRISE },
    schema: { tags, params: ScenarioIdParam, response: { 200: Scenario } },
    handler: (req) => d.drills.getScenario(req.ctx, req.params.id),
  });
  app.put('/api/drills/scenarios/:id', {
    config: { access: ENTERPRISE_STAFF },
    schema: { tags, params: ScenarioIdParam, body: ScenarioDefinition, response: { 200: Scenario } },
    handler: (req) => d.drills.updateScenario(req.ctx, req.params.id, req.body),
  });
  app.delete('/api/drills/scenarios/:id', {
    config: { access: ENTERPRISE_STAFF },
    schema: { tags, params: ScenarioIdParam },
    handler: async (req, reply) => {
      await d.drills.deleteScenario(req.ctx, req.params.id);
      return reply.code(204).send();
    },
  });
  app.get('/api/drills', {
    config: { access: IN_SCOPE },
    schema: { tags, querystring: DrillListQuery, response: { 200: page(Drill) } },
    handler: (req) => d.drills.list(req.ctx, req.query),
  });
  app.post('/api/drills', {
    config: { access: ENTERPRISE_STAFF },
    schema: { tags, body: ScheduleDrillBody, response: { 201: DrillDetail } },
    handler: async (req, reply) => reply.code(201).send(await d.drills.schedule(req.ctx, req.body)),
  });
  app.get('/api/drills/filed-count', {
    config: { access: REGULATORS },
    schema: {
      tags,
      description: 'Filed drills per province in a period.',
      querystring: FiledCountQuery,
      response: { 200: FiledCount },
    },
    handler: (req) => d.drills.filedCount(req.ctx, req.query),
  });
  app.get('/api/drills/:id', {
    config: { access: IN_SCOPE },
    schema: { tags, params: IdParam, response: { 200: DrillDetail } },
    handler: (req) => d.drills.get(req.ctx, req.params.id),
  });
  app.put('/api/drills/:id/participants', {
    config: { access: ENTERPRISE_STAFF },
    schema: { tags, params: IdParam, body: ParticipantsBody, response: { 200: DrillDetail } },
    handler: (req) => d.drills.setParticipants(req.ctx, req.params.id, req.body.userIds),
  });
  app.post('/api/drills/:id/start', {
    config: { access: ENTERPRISE_STAFF },
    schema: { tags, params: IdParam, response: { 200: DrillDetail } },
    handler: (req) => d.drills.start(req.ctx, req.params.id),
  });
  app.post('/api/drills/:id/advance', {
    config: { access: ENTERPRISE_STAFF },
    schema: { tags, params: IdParam, body: AdvanceBody, response: { 200: DrillDetail } },
    handler: (req) => d.drills.advance(req.ctx, req.params.id, req.body),
  });
  app.post('/api/drills/:id/sync', {
    config: { access: ENTERPRISE_STAFF },
    schema: {
      tags,
      description: 'Real-time mode: delivers injects the wall clock made due.',
      params: IdParam,
      response: { 200: DrillDetail },
    },
    handler: (req) => d.drills.sync(req.ctx, req.params.id),
  });
  app.post('/api/drills/:id/actions', {
    config: { access: ENTERPRISE_STAFF },
    schema: { tags, params: IdParam, body: RecordActionBody, response: { 200: DrillDetail } },
    handler: (req) => d.drills.recordAction(req.ctx, req.params.id, req.body),
  });
  app.post('/api/drills/:id/expectations', {
    config: { access: ENTERPRISE_STAFF },
    schema: { tags, params: IdParam, body: MarkExpectationBody, response: { 200: DrillDetail } },
    handler: (req) => d.drills.markExpectation(req.ctx, req.params.id, req.body),
  });
  app.post('/api/drills/:id/complete', {
    config: { access: ENTERPRISE_STAFF },
    schema: { tags, params: IdParam, response: { 200: DrillDetail } },
    handler: (req) => d.drills.complete(req.ctx, req.params.id),
  });
  app.put('/api/drills/:id/lessons', {
    config: { access: ENTERPRISE_STAFF },
    schema: { tags, params: IdParam, body: LessonsBody, response: { 200: DrillDetail } },
    handler: (req) => d.drills.setLessons(req.ctx, req.params.id, req.body),
  });
  app.post('/api/drills/:id/corrective-actions', {
    config: { access: ENTERPRISE_STAFF },
    schema: { tags, params: IdParam, body: DrillCorrectiveBody, response: { 200: DrillDetail } },
    handler: (req) => d.drills.raiseCorrectiveAction(req.ctx, req.params.id, req.body),
  });
  app.post('/api/drills/:id/file', {
    config: { access: ENTERPRISE_STAFF },
    schema: {
      tags,
      description: 'Files the completed drill with the provincial regulator.',
      params: IdParam,
      response: { 200: DrillDetail },
    },
    handler: (req) => d.drills.file(req.ctx, req.params.id),
  });
  app.get('/api/drills/:id/report', {
    config: { access: IN_SCOPE },
    schema: { tags, params: IdParam, response: { 200: AfterActionReport } },
    handler: (req) => d.drills.report(req.ctx, req.params.id),
  });
  app.get('/api/drills/:id/report.pdf', {
    config: { access: IN_SCOPE },
    schema: { tags, description: 'The after-action report as an A4 PDF.', params: IdParam },
    handler: async (req, reply) => {
      const { filename, pdf } = await d.drills.reportPdf(req.ctx, req.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(pdf);
    },
  });
};
