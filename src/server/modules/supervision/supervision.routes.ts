import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AreaQuery,
  DrillKind,
  DrillPage,
  DrillQuery,
  ExportQuery,
  RefreshResult,
  ReportQuery,
  SupervisionOverview,
  SupervisionTrends,
} from '../../../contracts/supervision';
import { serializeOnce } from '../../core/serialize-once';
import type { SupervisionService } from './supervision.service';

const tags = ['supervision'];
const REGULATORS = { orgKinds: ['ministry', 'provincial-regulator'] } as const;
const KindParam = z.object({ kind: DrillKind });

/** Supervision dashboards (issue 7): figures against the 34号 targets, the lists behind them and the monthly report. */
export const supervisionRoutes: FastifyPluginAsyncZod<{ supervision: SupervisionService }> = async (
  app,
  d,
) => {
  app.get('/api/supervision/overview', {
    serializerCompiler: serializeOnce,
    config: { access: REGULATORS },
    schema: { tags, querystring: AreaQuery, response: { 200: SupervisionOverview } },
    handler: (req) => d.supervision.overview(req.ctx, req.query),
  });
  app.get('/api/supervision/trends', {
    serializerCompiler: serializeOnce,
    config: { access: REGULATORS },
    schema: { tags, querystring: AreaQuery, response: { 200: SupervisionTrends } },
    handler: (req) => d.supervision.trends(req.ctx, req.query),
  });
  app.get('/api/supervision/lists/:kind', {
    config: { access: REGULATORS },
    schema: { tags, params: KindParam, querystring: DrillQuery, response: { 200: DrillPage } },
    handler: (req) => d.supervision.list(req.ctx, req.params.kind, req.query),
  });
  app.get('/api/supervision/lists/:kind/export', {
    config: { access: REGULATORS },
    schema: {
      tags,
      description: 'The whole list as CSV or XLSX.',
      params: KindParam,
      querystring: ExportQuery,
    },
    handler: async (req, reply) => {
      const file = await d.supervision.exportList(req.ctx, req.params.kind, req.query);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  });
  app.get('/api/supervision/report.pdf', {
    config: { access: REGULATORS },
    schema: { tags, description: 'The monthly supervision report as an A4 PDF.', querystring: ReportQuery },
    handler: async (req, reply) => {
      const { filename, pdf } = await d.supervision.reportPdf(req.ctx, req.query);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(pdf);
    },
  });
  app.post('/api/supervision/refresh', {
    config: { access: REGULATORS },
    schema: { tags, response: { 200: RefreshResult } },
    handler: (req) => d.supervision.refreshNow(req.ctx),
  });
};
