import { and, desc, eq, inArray, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../identity/identity.table';
import {
  type NotificationRow,
  notificationOutbox,
  notifications,
  type OutboxRow,
  type WebhookRow,
  webhooks,
} from './notifications.table';

/** SQL for in-app notifications, webhooks and the delivery outbox. */
export const notificationRepository = {
  /** Active users of the given orgs, optionally only some roles. */
  async recipients(db: Db, orgIds: string[], roles?: string[]) {
    if (!orgIds.length) return [];
    const where: SQL[] = [inArray(users.orgId, orgIds), eq(users.status, 'active')];
    if (roles?.length) where.push(inArray(users.role, roles));
    return db
      .select({ id: users.id, orgId: users.orgId, email: users.email })
      .from(users)
      .where(and(...where));
  },
  /** Inserts in-app notifications. */
  async insertMany(db: Db, rows: (typeof notifications.$inferInsert)[]) {
    if (rows.length) await db.insert(notifications).values(rows);
  },
  /** A user's notifications, newest first. */
  async listForUser(
    db: Db,
    userId: string,
    f: { unread?: boolean; before?: [string, string]; limit: number },
  ) {
    const where: (SQL | undefined)[] = [eq(notifications.userId, userId)];
    if (f.unread) where.push(isNull(notifications.readAt));
    if (f.before)
      where.push(
        sql`(${notifications.createdAt}, ${notifications.id}) < (${f.before[0]}::timestamptz, ${f.before[1]}::uuid)`,
      );
    return db
      .select()
      .from(notifications)
      .where(and(...where))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(f.limit);
  },
  /** Marks one of the user's notifications read. */
  async markRead(db: Db, userId: string, id: string, now: Date): Promise<NotificationRow | undefined> {
    const [r] = await db
      .update(notifications)
      .set({ readAt: sql`coalesce(${notifications.readAt}, ${now.toISOString()}::timestamptz)` })
      .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
      .returning();
    return r;
  },
  /** Marks all of the user's notifications read; returns how many changed. */
  async markAllRead(db: Db, userId: string, now: Date): Promise<number> {
    const rows = await db
      .update(notifications)
      .set({ readAt: now })
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    return rows.length;
  },
  /** Enabled webhooks of the given orgs. */
  async webhooksOf(db: Db, orgIds: string[]): Promise<WebhookRow[]> {
    if (!orgIds.length) return [];
    return db
      .select()
      .from(webhooks)
      .where(and(inArray(webhooks.orgId, orgIds), eq(webhooks.enabled, true)));
  },
  /** An org's webhooks. */
  async listWebhooks(db: Db, orgId: string): Promise<WebhookRow[]> {
    return db.select().from(webhooks).where(eq(webhooks.orgId, orgId)).orderBy(webhooks.createdAt);
  },
  /** One webhook, of one org or any. */
  async findWebhook(db: Db, id: string, orgId?: string): Promise<WebhookRow | undefined> {
    const [r] = await db
      .select()
      .from(webhooks)
      .where(and(eq(webhooks.id, id), orgId ? eq(webhooks.orgId, orgId) : undefined));
    return r;
  },
  /** Inserts a webhook. */
  async insertWebhook(db: Db, values: typeof webhooks.$inferInsert): Promise<WebhookRow> {
    const [r] = await db.insert(webhooks).values(values).returning();
    return r!;
  },
  /** Updates a webhook. */
  async updateWebhook(db: Db, id: string, values: Partial<typeof webhooks.$inferInsert>) {
    await db.update(webhooks).set(values).where(eq(webhooks.id, id));
  },
  /** Deletes a webhook. */
  async deleteWebhook(db: Db, id: string) {
    await db.delete(webhooks).where(eq(webhooks.id, id));
  },
  /** Queues deliveries. */
  async enqueue(db: Db, rows: (typeof notificationOutbox.$inferInsert)[]) {
    if (rows.length) await db.insert(notificationOutbox).values(rows);
  },
  /** Claims due deliveries (SKIP LOCKED, so several app nodes never send one twice). */
  async claimDue(db: Db, now: Date, limit: number): Promise<OutboxRow[]> {
    return db
      .select()
      .from(notificationOutbox)
      .where(and(eq(notificationOutbox.status, 'pending'), lte(notificationOutbox.nextAttemptAt, now)))
      .orderBy(notificationOutbox.nextAttemptAt)
      .limit(limit)
      .for('update', { skipLocked: true });
  },
  /** Records an attempt's outcome. */
  async settle(db: Db, id: string, values: Partial<typeof notificationOutbox.$inferInsert>) {
    await db.update(notificationOutbox).set(values).where(eq(notificationOutbox.id, id));
  },
};
