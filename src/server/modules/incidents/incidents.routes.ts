import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParam, page } from '../../../contracts/common';
import {
  AnnualSummary,
  AnnualSummaryQuery,
  ClassifyBody,
  ClassifyResult,
  CloseIncidentBody,
  ContainBody,
  FollowUpBody,
  Incident,
  IncidentCorrectiveBody,
  IncidentDetail,
  IncidentListQuery,
  MinistryReportBody,
  NotifyUsersBody,
  ReportIncidentBody,
  UpdateFactsBody,
} from '../../../contracts/incidents';
import type { IncidentsService } from './incidents.service';

const tags = ['incidents'];
const IN_SCOPE = { orgKinds: ['ministry', 'provincial-regulator', 'enterprise'] } as const;
const ENTERPRISE_STAFF = { orgKinds: ['enterprise'], roles: ['admin', 'member'] } as const;
const LOGGERS = { orgKinds: ['provincial-regulator', 'enterprise'], roles: ['admin', 'member'] } as const;
const Inbox = page(Incident).extend({ openByTier: AnnualSummary.shape.byTier });

/** Data-security incidents (214号): reports, tiering, reporting clocks, follow-ups and closure. */
export const incidentsRoutes: FastifyPluginAsyncZod<{ incidents: IncidentsService }> = async (app, d) => {
  app.post('/api/incidents/classify', {
    config: { access: IN_SCOPE },
    schema: {
      tags,
      description: 'The tier the facts would get and which criteria fired; saves nothing.',
      body: ClassifyBody,
      response: { 200: ClassifyResult },
    },
    handler: (req) => d.incidents.preview(req.body),
  });
  app.post('/api/incidents', {
    config: { access: ENTERPRISE_STAFF },
    schema: { tags, body: ReportIncidentBody, response: { 201: IncidentDetail } },
    handler: async (req, reply) => reply.code(201).send(await d.incidents.report(req.ctx, req.body)),
  });
  app.get('/api/incidents', {
    config: { access: IN_SCOPE },
    schema: { tags, querystring: IncidentListQuery, response: { 200: Inbox } },
    handler: (req) => d.incidents.list(req.ctx, req.query),
  });
  app.get('/api/incidents/annual-summary', {
    config: { access: IN_SCOPE },
    schema: { tags, querystring: AnnualSummaryQuery, response: { 200: AnnualSummary } },
    handler: (req) => d.incidents.annualSummary(req.ctx, req.query),
  });
  app.get('/api/incidents/:id', {
    config: { access: IN_SCOPE },
    schema: { tags, params: IdParam, response: { 200: IncidentDetail } },
    handler: (req) => d.incidents.get(req.ctx, req.params.id),
  });
  app.put('/api/incidents/:id/facts', {
    config: { access: ENTERPRISE_STAFF },
    schema: { tags, params: IdParam, body: UpdateFactsBody, response: { 200: IncidentDetail } },
    handler: (req) => d.incidents.updateFacts(req.ctx, req.params.id, req.body),
  });
  app.post('/api/incidents/:id/follow-ups', {
    config: { access: ENTERPRISE_STAFF },
    schema: { tags, params: IdParam, body: FollowUpBody, response: { 200: IncidentDetail } },
    handler: (req) => d.incidents.followUp(req.ctx, req.params.id, req.body.text),
  });
  app.post('/api/incidents/:id/contain', {
    config: { access: ENTERPRISE_STAFF },
    schema: { tags, params: IdParam, body: ContainBody, response: { 200: IncidentDetail } },
    handler: (req) => d.incidents.contain(req.ctx, req.params.id, req.body),
  });
  app.post('/api/incidents/:id/ministry-reports', {
    config: { access: LOGGERS },
    schema: {
      tags,
      description:
        "The provincial regulator's phone call or written report to the ministry (drills: the facilitator).",
      params: IdParam,
      body: MinistryReportBody,
      response: { 200: IncidentDetail },
    },
    handler: (req) => d.incidents.logMinistryReport(req.ctx, req.params.id, req.body),
  });
  app.post('/api/incidents/:id/user-notifications', {
    config: { access: ENTERPRISE_STAFF },
    schema: { tags, params: IdParam, body: NotifyUsersBody, response: { 200: IncidentDetail } },
    handler: (req) => d.incidents.notifyUsers(req.ctx, req.params.id, req.body),
  });
  app.post('/api/incidents/:id/corrective-actions', {
    config: { access: ENTERPRISE_STAFF },
    schema: {
      tags,
      description: "Raises a corrective action on the programme's board, linked to this incident.",
      params: IdParam,
      body: IncidentCorrectiveBody,
      response: { 200: IncidentDetail },
    },
    handler: (req) => d.incidents.raiseCorrectiveAction(req.ctx, req.params.id, req.body),
  });
  app.post('/api/incidents/:id/close', {
    config: { access: ENTERPRISE_STAFF },
    schema: { tags, params: IdParam, body: CloseIncidentBody, response: { 200: IncidentDetail } },
    handler: (req) => d.incidents.close(req.ctx, req.params.id, req.body),
  });
};
