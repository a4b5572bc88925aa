import { boolean, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { bytea, ts } from '../../db/columns';
import { orgs, users } from '../identity/identity.table';

/** In-app notifications, fanned out to each recipient user. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: ts('created_at').notNull().defaultNow(),
    readAt: ts('read_at'),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt, t.id)],
);

/** Webhook subscriptions of an org; the signing secret is sealed by the keyring. */
export const webhooks = pgTable(
  'webhooks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    url: text('url').notNull(),
    format: text('format').notNull(),
    events: jsonb('events').$type<string[]>().notNull(),
    secretSealed: bytea('secret_sealed'),
    enabled: boolean('enabled').notNull().default(true),
    lastStatus: text('last_status'),
    lastDeliveredAt: ts('last_delivered_at'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('webhooks_org_idx').on(t.orgId)],
);

/** Transactional outbox: written with the event, drained by the delivery job, retried with back-off. */
export const notificationOutbox = pgTable(
  'notification_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channel: text('channel').notNull(),
    target: text('target').notNull(),
    payload: jsonb('payload')
      .$type<{ event: string; title: string; text: string; data?: unknown }>()
      .notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: ts('created_at').notNull().defaultNow(),
    sentAt: ts('sent_at'),
  },
  (t) => [index('notification_outbox_due_idx').on(t.status, t.nextAttemptAt)],
);

/** Row types. */
export type NotificationRow = typeof notifications.$inferSelect;
/** A webhook row. */
export type WebhookRow = typeof webhooks.$inferSelect;
/** An outbox row. */
export type OutboxRow = typeof notificationOutbox.$inferSelect;
