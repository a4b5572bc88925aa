import type { z } from 'zod';
import type { CreateWebhookBody, NotificationListQuery } from '../../../contracts/notifications';
import { deliverWebhook, type Mailer, type WebhookFormat } from '../../../lib/notify';
import { type RequestContext, requireActor } from '../../core/actor';
import { decodeCursor, encodeCursor } from '../../core/cursor';
import { forbidden, notFound } from '../../core/errors';
import type { Db } from '../../db/client';
import { inTransaction } from '../../db/tx';
import type { AuditService } from '../audit';
import type { Keyring } from '../keyring';
import { afterAttempt, retryDelayMs, subscribes } from './delivery-rules';
import { notificationRepository as repo } from './notifications.repository';
import type { NotificationRow, OutboxRow, WebhookRow } from './notifications.table';

/** What another module announces; recipients are the active users of `orgIds` (optionally some roles). */
export interface NotifyEvent {
  orgIds: string[];
  roles?: string[];
  /** Only these users among the orgs' recipients (e.g. the person a task was assigned to). */
  userIds?: string[];
  kind: string;
  title: string;
  body: string;
  link?: string;
  data?: Record<string, unknown>;
}

/** Outgoing channels; without a mailer, email is off and in-app plus webhooks still work. */
export interface NotificationDeps {
  db: Db;
  audit: AuditService;
  keyring: Keyring;
  mailer?: Mailer;
  publicUrl?: string;
  allowPrivateWebhooks: boolean;
}

/** One delivery attempt's outcome. */
interface Attempt {
  ok: boolean;
  refused: boolean;
  status: number;
  durationMs: number;
  error?: string;
}

// A claimed delivery is retried by another worker if its sender dies before settling it.
const LEASE_MS = 5 * 60_000;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const toNotification = (r: NotificationRow) => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  link: r.link,
  data: r.data,
  createdAt: r.createdAt.toISOString(),
  readAt: iso(r.readAt),
});
const toWebhook = (r: WebhookRow) => ({
  id: r.id,
  url: r.url,
  format: r.format as WebhookFormat,
  events: r.events,
  hasSecret: r.secretSealed !== null,
  enabled: r.enabled,
  lastStatus: r.lastStatus,
  lastDeliveredAt: iso(r.lastDeliveredAt),
  createdAt: r.createdAt.toISOString(),
});

const secretAad = (id: string) => `webhook:${id}:secret`;

/** In-app notifications, email and signed webhooks through a transactional outbox. */
export function createNotificationsService(deps: NotificationDeps) {
  const { db, audit, keyring } = deps;
  const link = (path?: string) => (path && deps.publicUrl ? new URL(path, deps.publicUrl).toString() : path);

  async function send(row: OutboxRow, now: Date): Promise<Attempt> {
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    if (row.channel === 'email') {
      if (!deps.mailer)
        return { ok: false, refused: true, status: 0, durationMs: 0, error: 'email is not configured' };
      const { title, text } = row.payload;
      try {
        await deps.mailer.send({ to: row.target, subject: `[Bulwark] ${title}`, text });
        return { ok: true, refused: false, status: 250, durationMs: ms() };
      } catch (e) {
        return { ok: false, refused: false, status: 0, durationMs: ms(), error: (e as Error).message };
      }
    }
    const hook = await repo.findWebhook(db, row.target);
    if (!hook?.enabled)
      return { ok: false, refused: true, status: 0, durationMs: 0, error: 'webhook removed or disabled' };
    const secret = hook.secretSealed
      ? (await keyring.open(db, hook.secretSealed, secretAad(hook.id))).toString()
      : undefined;
    const r = await deliverWebhook(
      { url: hook.url, format: hook.format as WebhookFormat, secret, ...row.payload },
      { allowPrivate: deps.allowPrivateWebhooks, now: () => now.getTime() },
    );
    await repo.updateWebhook(db, hook.id, {
      lastStatus: r.ok ? `ok ${r.status}` : `error ${r.error ?? r.status}`,
      lastDeliveredAt: now,
    });
    return {
      ok: r.ok,
      refused: r.refused ?? false,
      status: r.status,
      durationMs: r.durationMs,
      error: r.error,
    };
  }

  return {
    /** Announces an event inside the caller's transaction: in-app rows now, email and webhooks via the outbox. */
    async notify(tx: Db, ctx: RequestContext, e: NotifyEvent): Promise<number> {
      const people = (await repo.recipients(tx, [...new Set(e.orgIds)], e.roles)).filter(
        (p) => !e.userIds || e.userIds.includes(p.id),
      );
      await repo.insertMany(
        tx,
        people.map((p) => ({
          userId: p.id,
          orgId: p.orgId,
          kind: e.kind,
          title: e.title,
          body: e.body,
          link: e.link ?? null,
          data: e.data ?? {},
          createdAt: ctx.now,
        })),
      );
      const payload = {
        event: e.kind,
        title: e.title,
        text: [e.body, link(e.link)].filter(Boolean).join('\n\n'),
        data: e.data,
      };
      const hooks = (await repo.webhooksOf(tx, e.orgIds)).filter((h) => subscribes(h.events, e.kind));
      await repo.enqueue(tx, [
        ...(deps.mailer
          ? people.map((p) => ({ channel: 'email', target: p.email, payload, nextAttemptAt: ctx.now }))
          : []),
        ...hooks.map((h) => ({ channel: 'webhook', target: h.id, payload, nextAttemptAt: ctx.now })),
      ]);
      return people.length;
    },

    /** Sends due outbox items; returns how many were attempted. Safe to run on several nodes at once. */
    async deliverPending(now: Date, limit = 100): Promise<{ attempted: number; sent: number }> {
      const claimed = await inTransaction(db, async (tx) => {
        const rows = await repo.claimDue(tx, now, limit);
        for (const r of rows) {
          await repo.settle(tx, r.id, {
            attempts: r.attempts + 1,
            nextAttemptAt: new Date(now.getTime() + LEASE_MS),
          });
        }
        return rows.map((r) => ({ ...r, attempts: r.attempts + 1 }));
      });
      let sent = 0;
      for (const row of claimed) {
        const r = await send(row, now);
        const status = afterAttempt(r.ok, r.refused, row.attempts);
        if (status === 'sent') sent++;
        await repo.settle(db, row.id, {
          status,
          lastError: r.error ?? null,
          sentAt: r.ok ? now : null,
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(row.attempts)),
        });
      }
      return { attempted: claimed.length, sent };
    },

    /** The actor's notifications, newest first. */
    async list(ctx: RequestContext, q: z.infer<typeof NotificationListQuery>) {
      const actor = requireActor(ctx);
      const before = q.before ? (decodeCursor(q.before, 2) as [string, string]) : undefined;
      const rows = await repo.listForUser(db, actor.userId, {
        unread: q.unread === 'true',
        before,
        limit: q.limit,
      });
      const last = rows.at(-1);
      return {
        items: rows.map(toNotification),
        nextCursor:
          rows.length === q.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
      };
    },

    /** Marks one notification read (reading is the user's own bookkeeping, not audited). */
    async markRead(ctx: RequestContext, id: string) {
      const row = await repo.markRead(db, requireActor(ctx).userId, id, ctx.now);
      if (!row) throw notFound('notification');
      return toNotification(row);
    },

    /** Marks all of the actor's notifications read. */
    async markAllRead(ctx: RequestContext) {
      return { updated: await repo.markAllRead(db, requireActor(ctx).userId, ctx.now) };
    },

    /** The actor's org's webhooks. */
    async listWebhooks(ctx: RequestContext) {
      return (await repo.listWebhooks(db, requireActor(ctx).orgId)).map(toWebhook);
    },

    /** Adds a webhook for the actor's org; the secret is sealed at rest. */
    async createWebhook(ctx: RequestContext, body: z.infer<typeof CreateWebhookBody>) {
      const actor = requireActor(ctx);
      if (actor.role !== 'admin') throw forbidden();
      return inTransaction(db, async (tx) => {
        const row = await repo.insertWebhook(tx, {
          orgId: actor.orgId,
          url: body.url,
          format: body.format,
          events: body.events,
          createdBy: actor.userId,
          createdAt: ctx.now,
        });
        if (body.secret) {
          const sealed = await keyring.seal(tx, body.secret, secretAad(row.id), ctx.now);
          await repo.updateWebhook(tx, row.id, { secretSealed: sealed });
          row.secretSealed = sealed;
        }
        await audit.append(tx, ctx, {
          action: 'webhook.created',
          entityType: 'webhook',
          entityId: row.id,
          data: { url: body.url, format: body.format, events: body.events },
        });
        return toWebhook(row);
      });
    },

    /** Removes one of the actor's org's webhooks. */
    async deleteWebhook(ctx: RequestContext, id: string) {
      const actor = requireActor(ctx);
      await inTransaction(db, async (tx) => {
        const row = await repo.findWebhook(tx, id, actor.orgId);
        if (!row) throw notFound('webhook');
        await repo.deleteWebhook(tx, id);
        await audit.append(tx, ctx, {
          action: 'webhook.deleted',
          entityType: 'webhook',
          entityId: id,
          data: { url: row.url },
        });
      });
    },

    /** Sends a test event to one webhook now and reports the outcome. */
    async testWebhook(ctx: RequestContext, id: string) {
      const actor = requireActor(ctx);
      const row = await repo.findWebhook(db, id, actor.orgId);
      if (!row) throw notFound('webhook');
      const r = await send(
        {
          id: row.id,
          channel: 'webhook',
          target: row.id,
          payload: {
            event: 'webhook.test',
            title: 'Bulwark 测试消息 / test event',
            text: 'Webhook 配置成功。',
          },
          status: 'pending',
          attempts: 0,
          nextAttemptAt: ctx.now,
          lastError: null,
          createdAt: ctx.now,
          sentAt: null,
        },
        ctx.now,
      );
      await inTransaction(db, (tx) =>
        audit.append(tx, ctx, {
          action: 'webhook.tested',
          entityType: 'webhook',
          entityId: id,
          data: { ok: r.ok },
        }),
      );
      return { ok: r.ok, status: r.status, durationMs: r.durationMs, ...(r.error ? { error: r.error } : {}) };
    },
  };
}

/** The notifications service's public type. */
export type NotificationsService = ReturnType<typeof createNotificationsService>;
