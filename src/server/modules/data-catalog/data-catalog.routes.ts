import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParam } from '../../../contracts/common';
import {
  CatalogFiling,
  CatalogFilingDetail,
  CatalogOverview,
  Classification,
  ClassifyBody,
  CreateDataAssetBody,
  DataAsset,
  DataAssetListQuery,
  DataAssetWrite,
  FilingCertificate,
  FilingListQuery,
  ReturnFilingBody,
  UpdateDataAssetBody,
  WizardQuestions,
} from '../../../contracts/data-catalog';
import type { DataCatalogService } from './index';

const tags = ['data-catalog'];
/** The enterprise and its regulators (its province's and the ministry) read the catalog. */
const READERS = { orgKinds: ['enterprise', 'provincial-regulator', 'ministry'] } as const;
const ENTERPRISE = { orgKinds: ['enterprise'] } as const;
const ENTERPRISE_STAFF = { orgKinds: ['enterprise'], roles: ['admin', 'member'] } as const;
const ENTERPRISE_ADMINS = { orgKinds: ['enterprise'], roles: ['admin'] } as const;
const PROVINCIAL_STAFF = { orgKinds: ['provincial-regulator'], roles: ['admin', 'member'] } as const;

/** Data assets, the classification wizard, catalog filings and their provincial review. */
export const dataCatalogRoutes: FastifyPluginAsyncZod<{ dataCatalog: DataCatalogService }> = async (
  app,
  d,
) => {
  const s = d.dataCatalog;

  app.get('/api/data-catalog/questions', {
    config: { access: READERS },
    schema: { tags, response: { 200: WizardQuestions } },
    handler: () => s.questions(),
  });
  app.post('/api/data-catalog/classify', {
    config: { access: READERS },
    schema: { tags, body: ClassifyBody, response: { 200: Classification } },
    handler: (req) => s.classify(req.ctx, req.body),
  });
  app.get('/api/data-catalog/overview', {
    config: { access: ENTERPRISE },
    schema: { tags, response: { 200: CatalogOverview } },
    handler: (req) => s.overview(req.ctx),
  });

  app.get('/api/data-catalog/assets', {
    config: { access: READERS },
    schema: { tags, querystring: DataAssetListQuery, response: { 200: z.array(DataAsset) } },
    handler: (req) => s.list(req.ctx, req.query),
  });
  app.get('/api/data-catalog/assets/:id', {
    config: { access: READERS },
    schema: { tags, params: IdParam, response: { 200: DataAsset } },
    handler: (req) => s.get(req.ctx, req.params.id),
  });
  app.post('/api/data-catalog/assets', {
    config: { access: ENTERPRISE_STAFF },
    schema: { tags, body: CreateDataAssetBody, response: { 201: DataAssetWrite } },
    handler: async (req, reply) => reply.code(201).send(await s.create(req.ctx, req.body)),
  });
  app.patch('/api/data-catalog/assets/:id', {
    config: { access: ENTERPRISE_STAFF },
    schema: { tags, params: IdParam, body: UpdateDataAssetBody, response: { 200: DataAssetWrite } },
    handler: (req) => s.update(req.ctx, req.params.id, req.body),
  });
  app.post('/api/data-catalog/assets/:id/destroy', {
    config: { access: ENTERPRISE_STAFF },
    schema: { tags, params: IdParam, response: { 200: DataAssetWrite } },
    handler: (req) => s.destroy(req.ctx, req.params.id),
  });

  app.get('/api/data-catalog/filings', {
    config: { access: READERS },
    schema: { tags, querystring: FilingListQuery, response: { 200: z.array(CatalogFiling) } },
    handler: (req) => s.listFilings(req.ctx, req.query),
  });
  app.post('/api/data-catalog/filings', {
    config: { access: ENTERPRISE_ADMINS },
    schema: { tags, response: { 201: CatalogFiling } },
    handler: async (req, reply) => reply.code(201).send(await s.submit(req.ctx)),
  });
  app.get('/api/data-catalog/filings/:id', {
    config: { access: READERS },
    schema: { tags, params: IdParam, response: { 200: CatalogFilingDetail } },
    handler: (req) => s.getFiling(req.ctx, req.params.id),
  });
  app.post('/api/data-catalog/filings/:id/resubmit', {
    config: { access: ENTERPRISE_ADMINS },
    schema: { tags, params: IdParam, response: { 200: CatalogFiling } },
    handler: (req) => s.resubmit(req.ctx, req.params.id),
  });
  app.post('/api/data-catalog/filings/:id/return', {
    config: { access: PROVINCIAL_STAFF },
    schema: { tags, params: IdParam, body: ReturnFilingBody, response: { 200: CatalogFiling } },
    handler: (req) => s.returnFiling(req.ctx, req.params.id, req.body.comment),
  });
  app.post('/api/data-catalog/filings/:id/approve', {
    config: { access: PROVINCIAL_STAFF },
    schema: { tags, params: IdParam, response: { 200: CatalogFiling } },
    handler: (req) => s.approve(req.ctx, req.params.id),
  });
  app.get('/api/data-catalog/filings/:id/certificate', {
    config: { access: READERS },
    schema: { tags, params: IdParam, response: { 200: FilingCertificate } },
    handler: (req) => s.certificate(req.ctx, req.params.id),
  });
};
