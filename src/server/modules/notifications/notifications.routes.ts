import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParam, page } from '../../../contracts/common';
import {
  CreateWebhookBody,
  Notification,
  NotificationListQuery,
  Webhook,
  WebhookTestResult,
} from '../../../contracts/notifications';
import { ADMINS, SIGNED_IN } from '../../core/access';
import type { NotificationsService } from './notifications.service';

/** In-app notifications and webhook subscriptions. */
export const notificationsRoutes: FastifyPluginAsyncZod<{ notifications: NotificationsService }> = async (
  app,
  { notifications: n },
) => {
  const tags = ['notifications'];
  app.get('/api/notifications', {
    config: { access: SIGNED_IN },
    schema: { tags, querystring: NotificationListQuery, response: { 200: page(Notification) } },
    handler: (req) => n.list(req.ctx, req.query),
  });
  app.post('/api/notifications/:id/read', {
    config: { access: SIGNED_IN },
    schema: { tags, params: IdParam, response: { 200: Notification } },
    handler: (req) => n.markRead(req.ctx, req.params.id),
  });
  app.post('/api/notifications/read-all', {
    config: { access: SIGNED_IN },
    schema: { tags, response: { 200: z.object({ updated: z.number().int() }) } },
    handler: (req) => n.markAllRead(req.ctx),
  });
  app.get('/api/webhooks', {
    config: { access: ADMINS },
    schema: { tags, response: { 200: z.array(Webhook) } },
    handler: (req) => n.listWebhooks(req.ctx),
  });
  app.post('/api/webhooks', {
    config: { access: ADMINS },
    schema: { tags, body: CreateWebhookBody, response: { 201: Webhook } },
    handler: async (req, reply) => reply.code(201).send(await n.createWebhook(req.ctx, req.body)),
  });
  app.delete('/api/webhooks/:id', {
    config: { access: ADMINS },
    schema: { tags, params: IdParam, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await n.deleteWebhook(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  });
  app.post('/api/webhooks/:id/test', {
    config: { access: ADMINS },
    schema: { tags, params: IdParam, response: { 200: WebhookTestResult } },
    handler: (req) => n.testWebhook(req.ctx, req.params.id),
  });
};
