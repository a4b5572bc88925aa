import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParam, page } from '../../../contracts/common';
import {
  Component,
  ComponentBody,
  Product,
  ProductBody,
  ProductListQuery,
  UpdateProductBody,
} from '../../../contracts/products';
import { PUBLIC, SIGNED_IN } from '../../core/access';
import type { ProductsService } from './products.service';

const VENDOR_STAFF = { orgKinds: ['vendor'], roles: ['admin', 'member'] } as const;
const ComponentParams = z.strictObject({ id: z.uuid(), componentId: z.uuid() });

/** Product catalogue and vendors' product management. */
export const productsRoutes: FastifyPluginAsyncZod<{ products: ProductsService }> = async (
  app,
  { products },
) => {
  const tags = ['products'];
  app.get('/api/products', {
    config: { access: PUBLIC },
    schema: { tags, querystring: ProductListQuery, response: { 200: page(Product) } },
    handler: (req) => products.list(req.query),
  });
  app.get('/api/products/:id', {
    config: { access: PUBLIC },
    schema: { tags, params: IdParam, response: { 200: Product } },
    handler: (req) => products.get(req.params.id),
  });
  app.post('/api/products', {
    config: { access: VENDOR_STAFF },
    schema: { tags, body: ProductBody, response: { 201: Product } },
    handler: async (req, reply) => reply.code(201).send(await products.create(req.ctx, req.body)),
  });
  app.patch('/api/products/:id', {
    config: { access: VENDOR_STAFF },
    schema: { tags, params: IdParam, body: UpdateProductBody, response: { 200: Product } },
    handler: (req) => products.update(req.ctx, req.params.id, req.body),
  });
  app.get('/api/products/:id/components', {
    config: { access: SIGNED_IN },
    schema: { tags, params: IdParam, response: { 200: z.array(Component) } },
    handler: (req) => products.components(req.ctx, req.params.id),
  });
  app.post('/api/products/:id/components', {
    config: { access: VENDOR_STAFF },
    schema: { tags, params: IdParam, body: ComponentBody, response: { 201: Component } },
    handler: async (req, reply) =>
      reply.code(201).send(await products.addComponent(req.ctx, req.params.id, req.body)),
  });
  app.delete('/api/products/:id/components/:componentId', {
    config: { access: VENDOR_STAFF },
    schema: { tags, params: ComponentParams, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await products.removeComponent(req.ctx, req.params.id, req.params.componentId);
      return reply.code(204).send(null);
    },
  });
};
