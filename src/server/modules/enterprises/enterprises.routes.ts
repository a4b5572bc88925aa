import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParam, page } from '../../../contracts/common';
import {
  CreateEnterpriseBody,
  Enterprise,
  EnterpriseListQuery,
  ImportQuery,
  ImportResult,
  TopDecileList,
  TopDecileQuery,
  UpdateEnterpriseBody,
} from '../../../contracts/enterprises';
import { checkAccess } from '../../core/access';
import { AppError, forbidden, unauthenticated } from '../../core/errors';
import type { EnterprisesService } from './enterprises.service';
import type { EnterpriseImportService, ImportFormat } from './import.service';

/** Services and limits behind the registry routes. */
export interface EnterpriseRouteDeps {
  enterprises: EnterprisesService;
  enterpriseImport: EnterpriseImportService;
  uploadLimitBytes: number;
}

/** A spreadsheet is read whole (XLSX is a zip), so imports get a smaller cap than streamed uploads. */
export const IMPORT_LIMIT_BYTES = 16 * 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const tags = ['enterprises'];
const REGULATORS = { orgKinds: ['ministry', 'provincial-regulator'] } as const;
const IN_REGISTRY = { orgKinds: ['ministry', 'provincial-regulator', 'enterprise'] } as const;
const REGULATOR_ADMINS = { orgKinds: ['ministry', 'provincial-regulator'], roles: ['admin'] } as const;

/** The upload's format and CSV charset from its Content-Type (the parser only admits the two formats). */
function uploadFormat(contentType: string | undefined): { format: ImportFormat; charset?: string } {
  const [essence = '', ...params] = (contentType ?? '').split(';').map((s) => s.trim());
  const charset = params
    .find((p) => p.toLowerCase().startsWith('charset='))
    ?.slice(8)
    .replace(/"/g, '');
  return essence.toLowerCase() === XLSX ? { format: 'xlsx' } : { format: 'csv', charset };
}

/** The import route, with its own body parsers: raw CSV or XLSX bytes, capped, and only after the access check. */
const importPlugin: FastifyPluginAsyncZod<EnterpriseRouteDeps> = async (app, d) => {
  app.removeAllContentTypeParsers();
  const bodyLimit = Math.min(d.uploadLimitBytes, IMPORT_LIMIT_BYTES);
  app.addContentTypeParser(['text/csv', XLSX], { parseAs: 'buffer', bodyLimit }, (_req, body, done) =>
    done(null, body),
  );
  app.addContentTypeParser('*', (_req, _payload, done) =>
    done(new AppError(415, 'request.unsupported_media_type', `Send text/csv or ${XLSX}.`), undefined),
  );
  // Reading up to 16 MiB before the preHandler's access check would let anyone make the server buffer it.
  app.addHook('preParsing', async (req) => {
    const access = req.routeOptions.config.access;
    const verdict = access ? checkAccess(access, req.ctx.actor) : 'ok';
    if (verdict === 401) throw unauthenticated();
    if (verdict === 403) throw forbidden();
  });

  app.post('/api/enterprises/import', {
    config: { access: REGULATOR_ADMINS },
    schema: {
      tags,
      description:
        'CSV (UTF-8, with or without BOM, or GB 18030) or XLSX (first worksheet), Chinese or English headers. ' +
        'Rows are keyed by USCC. With invalid rows nothing is written and the answer is 400 with a `rows` report, ' +
        'unless skipInvalid=true; preview=true writes nothing and reports what would happen.',
      querystring: ImportQuery,
      body: z.custom<Buffer>((v) => Buffer.isBuffer(v), 'Send the spreadsheet as the request body'),
      response: { 200: ImportResult },
    },
    handler: (req) => {
      const { format, charset } = uploadFormat(req.headers['content-type']);
      return d.enterpriseImport.importFile(req.ctx, req.body, format, {
        preview: req.query.preview === 'true',
        skipInvalid: req.query.skipInvalid === 'true',
        charset,
      });
    },
  });
};

/** The enterprise registry: profiles in scope, registration, edits, bulk import and each province's top 10 %. */
export const enterprisesRoutes: FastifyPluginAsyncZod<EnterpriseRouteDeps> = async (app, d) => {
  await app.register(importPlugin, d);

  app.get('/api/enterprises', {
    config: { access: IN_REGISTRY },
    schema: { tags, querystring: EnterpriseListQuery, response: { 200: page(Enterprise) } },
    handler: (req) => d.enterprises.list(req.ctx, req.query),
  });
  app.get('/api/enterprises/top-decile', {
    config: { access: REGULATORS },
    schema: { tags, querystring: TopDecileQuery, response: { 200: TopDecileList } },
    handler: (req) => d.enterprises.topDecile(req.ctx, req.query),
  });
  app.get('/api/enterprises/:id', {
    config: { access: IN_REGISTRY },
    schema: { tags, params: IdParam, response: { 200: Enterprise } },
    handler: (req) => d.enterprises.get(req.ctx, req.params.id),
  });
  app.post('/api/enterprises', {
    config: { access: REGULATOR_ADMINS },
    schema: { tags, body: CreateEnterpriseBody, response: { 201: Enterprise } },
    handler: async (req, reply) => reply.code(201).send(await d.enterprises.create(req.ctx, req.body)),
  });
  app.patch('/api/enterprises/:id', {
    config: { access: { orgKinds: IN_REGISTRY.orgKinds, roles: ['admin', 'member'] } },
    schema: { tags, params: IdParam, body: UpdateEnterpriseBody, response: { 200: Enterprise } },
    handler: (req) => d.enterprises.update(req.ctx, req.params.id, req.body),
  });
};
