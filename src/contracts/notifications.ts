import { z } from 'zod';
import { Timestamp } from './common';

/** An in-app notification for the signed-in user. */
export const Notification = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  createdAt: Timestamp,
  readAt: Timestamp.nullable(),
});

/** Filters for the notification list (newest first, keyset by `before`). */
export const NotificationListQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  before: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Webhook payload formats: Bulwark's signed JSON, a DingTalk (钉钉) robot or a WeCom (企业微信) robot. */
export const WebhookFormat = z.enum(['bulwark', 'dingtalk', 'wecom']);

/** An org's webhook subscription (the secret is never returned). */
export const Webhook = z.object({
  id: z.uuid(),
  url: z.string(),
  format: WebhookFormat,
  events: z.array(z.string()),
  hasSecret: z.boolean(),
  enabled: z.boolean(),
  lastStatus: z.string().nullable(),
  lastDeliveredAt: Timestamp.nullable(),
  createdAt: Timestamp,
});

/** Creates a webhook; `events` are notification kinds or prefixes like `vulnerability.*`, or `*`. */
export const CreateWebhookBody = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).max(1000),
  format: WebhookFormat.default('bulwark'),
  secret: z.string().min(8).max(200).optional(),
  events: z.array(z.string().min(1).max(100)).min(1).max(50).default(['*']),
});

/** Result of a test delivery. */
export const WebhookTestResult = z.object({
  ok: z.boolean(),
  status: z.number().int(),
  durationMs: z.number().int(),
  error: z.string().optional(),
});
