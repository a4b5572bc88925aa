import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParam, page } from '../../../contracts/common';
import {
  Advisory,
  ApprovalBody,
  ExternalIdsBody,
  FreezeWindow,
  FreezeWindowBody,
  IntakeBody,
  IntakeResult,
  NationalReport,
  NationalReportBody,
  NationalReportDecisionBody,
  PublicationRequestBody,
  Report,
  ReportDetail,
  ReportListQuery,
  TransitionBody,
} from '../../../contracts/vulnerabilities';
import { PUBLIC, SIGNED_IN } from '../../core/access';
import type { AdvisoriesService } from './advisories.service';
import type { AttachmentsService } from './attachments.service';
import type { DisclosureService } from './disclosure.service';
import type { IntakeService } from './intake.service';
import type { NationalReportsService } from './national.service';
import type { ReportsService } from './reports.service';

/** The services behind the vulnerability routes. */
export interface VulnRouteDeps {
  intake: IntakeService;
  reports: ReportsService;
  national: NationalReportsService;
  disclosure: DisclosureService;
  advisories: AdvisoriesService;
  attachments: AttachmentsService;
  intakeRatePerMinute: number;
}

const MINISTRY_STAFF = { orgKinds: ['ministry'], roles: ['admin', 'member'] } as const;
const ClaimParam = z.strictObject({ code: z.string().min(10).max(100) });
const AttachmentParams = z.strictObject({ id: z.uuid(), attachmentId: z.uuid() });
const AttachmentBody = z.strictObject({
  filename: z.string().trim().min(1).max(300),
  contentType: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[\w.+-]+\/[\w.+-]+$/, 'must be a MIME type'),
  contentBase64: z.string().min(1),
  exploitTool: z.boolean().default(false),
});
const AttachmentMeta = z.object({
  id: z.uuid(),
  filename: z.string(),
  size: z.number(),
  exploitTool: z.boolean(),
  public: z.boolean(),
  createdAt: z.string(),
});

/** Intake, inboxes, lifecycle, national reports, disclosure and public advisories. */
export const vulnerabilitiesRoutes: FastifyPluginAsyncZod<VulnRouteDeps> = async (app, d) => {
  const tags = ['vulnerabilities'];
  const meta = (req: { ip: string; headers: Record<string, string | string[] | undefined> }) => ({
    ip: req.ip,
    userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : null,
  });

  app.post('/api/vulnerabilities', {
    config: {
      access: { orgKinds: ['researcher', 'collection-platform', 'vendor'], roles: ['admin', 'member'] },
    },
    schema: { tags, body: IntakeBody, response: { 201: IntakeResult } },
    handler: async (req, reply) => reply.code(201).send(await d.intake.submit(req.ctx, req.body, meta(req))),
  });
  app.post('/api/intake/anonymous', {
    config: { access: PUBLIC, rateLimit: { max: d.intakeRatePerMinute, timeWindow: '1 minute' } },
    schema: { tags, body: IntakeBody, response: { 201: IntakeResult } },
    handler: async (req, reply) =>
      reply.code(201).send(await d.intake.submit({ ...req.ctx, actor: null }, req.body, meta(req))),
  });
  app.get('/api/intake/claims/:code', {
    config: { access: PUBLIC, rateLimit: { max: d.intakeRatePerMinute, timeWindow: '1 minute' } },
    schema: { tags, params: ClaimParam, response: { 200: ReportDetail } },
    handler: (req) => d.reports.claimView(req.ctx, req.params.code),
  });
  app.post('/api/intake/claims/:code/info', {
    config: { access: PUBLIC, rateLimit: { max: d.intakeRatePerMinute, timeWindow: '1 minute' } },
    schema: {
      tags,
      params: ClaimParam,
      body: z.strictObject({ note: z.string().trim().min(1).max(100_000) }),
      response: { 200: ReportDetail },
    },
    handler: (req) => d.reports.claimProvideInfo({ ...req.ctx, actor: null }, req.params.code, req.body.note),
  });

  app.get('/api/vulnerabilities', {
    config: { access: SIGNED_IN },
    schema: { tags, querystring: ReportListQuery, response: { 200: page(Report) } },
    handler: (req) => d.reports.list(req.ctx, req.query),
  });
  app.get('/api/vulnerabilities/:id', {
    config: { access: SIGNED_IN },
    schema: { tags, params: IdParam, response: { 200: ReportDetail } },
    handler: (req) => d.reports.get(req.ctx, req.params.id),
  });
  app.post('/api/vulnerabilities/:id/transitions', {
    config: { access: SIGNED_IN },
    schema: { tags, params: IdParam, body: TransitionBody, response: { 200: ReportDetail } },
    handler: (req) => d.reports.act(req.ctx, req.params.id, req.body),
  });
  app.post('/api/vulnerabilities/:id/assign', {
    config: { access: MINISTRY_STAFF },
    schema: {
      tags,
      params: IdParam,
      body: z.strictObject({ vendorOrgId: z.uuid() }),
      response: { 200: Report },
    },
    handler: (req) => d.reports.assignVendor(req.ctx, req.params.id, req.body.vendorOrgId),
  });
  app.put('/api/vulnerabilities/:id/external-ids', {
    config: { access: SIGNED_IN },
    schema: { tags, params: IdParam, body: ExternalIdsBody, response: { 200: Report } },
    handler: (req) => d.reports.setExternalIds(req.ctx, req.params.id, req.body),
  });
  app.post('/api/vulnerabilities/:id/attachments', {
    config: { access: SIGNED_IN },
    bodyLimit: 16 * 1024 * 1024,
    schema: { tags, params: IdParam, body: AttachmentBody, response: { 201: AttachmentMeta } },
    handler: async (req, reply) =>
      reply.code(201).send(await d.attachments.upload(req.ctx, req.params.id, req.body)),
  });
  app.get('/api/vulnerabilities/:id/attachments/:attachmentId', {
    config: { access: SIGNED_IN },
    schema: { tags, params: AttachmentParams },
    handler: async (req, reply) => {
      const f = await d.attachments.download(req.ctx, req.params.id, req.params.attachmentId);
      return reply
        .type('application/octet-stream')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.filename)}`)
        .header('x-content-type-options', 'nosniff')
        .send(f.bytes);
    },
  });
  app.post('/api/vulnerabilities/:id/national-report', {
    config: { access: { orgKinds: ['vendor'], roles: ['admin', 'member'] } },
    schema: { tags, params: IdParam, body: NationalReportBody, response: { 200: NationalReport } },
    handler: (req) => d.national.file(req.ctx, req.params.id, req.body),
  });
  app.post('/api/vulnerabilities/:id/publication', {
    config: { access: SIGNED_IN },
    schema: { tags, params: IdParam, body: PublicationRequestBody, response: { 200: Advisory } },
    handler: (req) => d.disclosure.requestPublication(req.ctx, req.params.id, req.body),
  });
  app.post('/api/vulnerabilities/:id/approvals', {
    config: { access: MINISTRY_STAFF },
    schema: {
      tags,
      params: IdParam,
      body: ApprovalBody,
      response: { 200: z.object({ approvals: z.array(z.string()) }) },
    },
    handler: (req) => d.disclosure.recordApproval(req.ctx, req.params.id, req.body),
  });

  app.get('/api/national-reports', {
    config: { access: { orgKinds: ['ministry', 'vendor'] } },
    schema: {
      tags,
      querystring: z.strictObject({
        status: z.enum(['filed', 'acknowledged', 'more-info-requested']).optional(),
      }),
      response: { 200: z.array(NationalReport) },
    },
    handler: (req) => d.national.list(req.ctx, req.query.status),
  });
  app.get('/api/national-reports/:id', {
    config: { access: { orgKinds: ['ministry', 'vendor'] } },
    schema: { tags, params: IdParam, response: { 200: NationalReport } },
    handler: (req) => d.national.get(req.ctx, req.params.id),
  });
  app.post('/api/national-reports/:id/decision', {
    config: { access: MINISTRY_STAFF },
    schema: { tags, params: IdParam, body: NationalReportDecisionBody, response: { 200: NationalReport } },
    handler: (req) => d.national.decide(req.ctx, req.params.id, req.body),
  });

  app.get('/api/freeze-windows', {
    config: { access: SIGNED_IN },
    schema: { tags, response: { 200: z.array(FreezeWindow) } },
    handler: () => d.disclosure.listFreezeWindows(),
  });
  app.post('/api/freeze-windows', {
    config: { access: { orgKinds: ['ministry'], roles: ['admin'] } },
    schema: { tags, body: FreezeWindowBody, response: { 201: FreezeWindow } },
    handler: async (req, reply) =>
      reply.code(201).send(await d.disclosure.addFreezeWindow(req.ctx, req.body)),
  });
  app.delete('/api/freeze-windows/:id', {
    config: { access: { orgKinds: ['ministry'], roles: ['admin'] } },
    schema: { tags, params: IdParam, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await d.disclosure.deleteFreezeWindow(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  });

  app.get('/api/advisories', {
    config: { access: PUBLIC },
    schema: {
      tags: ['advisories'],
      querystring: z.strictObject({
        before: z.iso.datetime({ offset: true }).optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
      response: { 200: z.array(Advisory) },
    },
    handler: (req) => d.advisories.list(req.query.limit, req.query.before),
  });
  app.get('/api/advisories/feed.atom', {
    config: { access: PUBLIC },
    schema: { tags: ['advisories'] },
    handler: async (req, reply) =>
      reply.type('application/atom+xml; charset=utf-8').send(await d.advisories.feed(req.ctx.now)),
  });
  app.get('/api/advisories/:ref/:format', {
    config: { access: PUBLIC },
    schema: {
      tags: ['advisories'],
      params: z.strictObject({
        ref: z.string().regex(/^BWK-\d{4}-\d{5,}$/),
        format: z.enum(['csaf', 'cve', 'osv']),
      }),
    },
    handler: async (req) => d.advisories.document(req.params.ref, req.params.format),
  });
  app.get('/api/advisories/:ref', {
    config: { access: PUBLIC },
    schema: {
      tags: ['advisories'],
      params: z.strictObject({ ref: z.string().regex(/^BWK-\d{4}-\d{5,}$/) }),
      response: { 200: Advisory },
    },
    handler: (req) => d.advisories.get(req.params.ref),
  });
};
