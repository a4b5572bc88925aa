import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParam } from '../../../contracts/common';
import {
  FiledPlatform,
  Filing,
  FilingDecisionBody,
  FilingFields,
  FilingListQuery,
} from '../../../contracts/platforms';
import { PUBLIC } from '../../core/access';
import type { PlatformsService } from './platforms.service';

/** Collection-platform filings and the public list of filed platforms. */
export const platformsRoutes: FastifyPluginAsyncZod<{ platforms: PlatformsService }> = async (
  app,
  { platforms },
) => {
  const tags = ['platforms'];
  const both = { orgKinds: ['ministry', 'collection-platform'] } as const;
  app.get('/api/platforms/filed', {
    config: { access: PUBLIC },
    schema: { tags, response: { 200: z.array(FiledPlatform) } },
    handler: () => platforms.filed(),
  });
  app.get('/api/platform-filings', {
    config: { access: both },
    schema: { tags, querystring: FilingListQuery, response: { 200: z.array(Filing) } },
    handler: (req) => platforms.list(req.ctx, req.query.status),
  });
  app.get('/api/platform-filings/:id', {
    config: { access: both },
    schema: { tags, params: IdParam, response: { 200: Filing } },
    handler: (req) => platforms.get(req.ctx, req.params.id),
  });
  app.put('/api/platform-filings/mine', {
    config: { access: { orgKinds: ['collection-platform'], roles: ['admin'] } },
    schema: { tags, body: FilingFields, response: { 200: Filing } },
    handler: (req) => platforms.save(req.ctx, req.body),
  });
  app.post('/api/platform-filings/:id/submit', {
    config: { access: { orgKinds: ['collection-platform'], roles: ['admin'] } },
    schema: { tags, params: IdParam, response: { 200: Filing } },
    handler: (req) => platforms.submit(req.ctx, req.params.id),
  });
  app.post('/api/platform-filings/:id/decision', {
    config: { access: { orgKinds: ['ministry'], roles: ['admin', 'member'] } },
    schema: { tags, params: IdParam, body: FilingDecisionBody, response: { 200: Filing } },
    handler: (req) => platforms.decide(req.ctx, req.params.id, req.body),
  });
};
