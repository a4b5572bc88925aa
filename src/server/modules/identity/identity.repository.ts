import { and, asc, count, desc, eq, gt, ilike, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { escapeLike } from '../../db/like';
import { preparedOnce } from '../../db/prepared';
import type { OrgScope } from './identity.policy';
import {
  type ApiTokenRow,
  apiTokens,
  type InvitationRow,
  invitations,
  type OrgRow,
  orgs,
  type SessionRow,
  sessions,
  type UserRow,
  users,
} from './identity.table';

/** SQL predicate restricting `orgs` to a scope; every org query goes through it. */
export function orgScopeSql(scope: OrgScope): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  if (scope.kind === 'own') return eq(orgs.id, scope.orgId);
  return or(
    eq(orgs.id, scope.orgId),
    and(eq(orgs.kind, 'enterprise'), eq(orgs.provinceCode, scope.provinceCode)),
  );
}

/** Org list filter after scope. */
export interface OrgFilter {
  kind?: string;
  provinceCode?: string;
  q?: string;
  after?: [string, string];
  limit: number;
}

/** A session or token joined with its user and org, as the auth hook needs it. */
export interface Principal {
  user: UserRow;
  org: OrgRow;
  sessionId?: string;
  csrfToken?: string;
  lastSeenAt?: Date;
  tokenId?: string;
}

/** SQL for organisations. */
export const orgRepository = {
  /** One org inside the scope, or undefined (callers answer 404). */
  async findInScope(db: Db, scope: OrgScope, id: string): Promise<OrgRow | undefined> {
    const [row] = await db
      .select()
      .from(orgs)
      .where(and(eq(orgs.id, id), orgScopeSql(scope)));
    return row;
  },
  /** A page ordered by (name, id). */
  async list(db: Db, scope: OrgScope, f: OrgFilter): Promise<OrgRow[]> {
    const where: (SQL | undefined)[] = [orgScopeSql(scope)];
    if (f.kind) where.push(eq(orgs.kind, f.kind));
    if (f.provinceCode) where.push(eq(orgs.provinceCode, f.provinceCode));
    if (f.q) where.push(ilike(orgs.name, `%${escapeLike(f.q)}%`));
    if (f.after) where.push(sql`(${orgs.name}, ${orgs.id}) > (${f.after[0]}, ${f.after[1]}::uuid)`);
    return db
      .select()
      .from(orgs)
      .where(and(...where))
      .orderBy(asc(orgs.name), asc(orgs.id))
      .limit(f.limit);
  },
  /** Counts by kind, and enterprises by province, inside the scope. */
  async summary(db: Db, scope: OrgScope) {
    const byKind = await db
      .select({ kind: orgs.kind, n: count() })
      .from(orgs)
      .where(orgScopeSql(scope))
      .groupBy(orgs.kind);
    const byProvince = await db
      .select({ provinceCode: orgs.provinceCode, n: count() })
      .from(orgs)
      .where(and(orgScopeSql(scope), eq(orgs.kind, 'enterprise')))
      .groupBy(orgs.provinceCode);
    return { byKind, byProvince };
  },
  /** Inserts an org. */
  async insert(db: Db, values: typeof orgs.$inferInsert): Promise<OrgRow> {
    const [row] = await db.insert(orgs).values(values).returning();
    return row!;
  },
  /** Updates profile fields. */
  async update(db: Db, id: string, values: Partial<typeof orgs.$inferInsert>): Promise<OrgRow> {
    const [row] = await db.update(orgs).set(values).where(eq(orgs.id, id)).returning();
    return row!;
  },
  /** Ids of every org of a kind (e.g. the ministry), or of a kind in one province (its provincial regulators). */
  async idsOfKind(db: Db, kind: string, provinceCode?: string): Promise<string[]> {
    const where = provinceCode
      ? and(eq(orgs.kind, kind), eq(orgs.provinceCode, provinceCode))
      : eq(orgs.kind, kind);
    return (await db.select({ id: orgs.id }).from(orgs).where(where)).map((r) => r.id);
  },
  /** Whether any org of a kind exists (first-admin bootstrap). */
  async anyOfKind(db: Db, kind: string): Promise<boolean> {
    const [row] = await db.select({ id: orgs.id }).from(orgs).where(eq(orgs.kind, kind)).limit(1);
    return row !== undefined;
  },
};

/** SQL for users. */
export const userRepository = {
  /** By email, case-insensitive. */
  async findByEmail(db: Db, email: string): Promise<UserRow | undefined> {
    const [row] = await db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`);
    return row;
  },
  /** By id within one org (tenancy: a user of another org is not found). */
  async findInOrg(db: Db, orgId: string, id: string): Promise<UserRow | undefined> {
    const [row] = await db
      .select()
      .from(users)
      .where(and(eq(users.id, id), eq(users.orgId, orgId)));
    return row;
  },
  /** By id, for the signed-in user themself. */
  async findById(db: Db, id: string): Promise<UserRow | undefined> {
    const [row] = await db.select().from(users).where(eq(users.id, id));
    return row;
  },
  /** All users of an org by email. */
  async listByOrg(db: Db, orgId: string): Promise<UserRow[]> {
    return db.select().from(users).where(eq(users.orgId, orgId)).orderBy(asc(users.email));
  },
  /** Inserts a user. */
  async insert(db: Db, values: typeof users.$inferInsert): Promise<UserRow> {
    const [row] = await db.insert(users).values(values).returning();
    return row!;
  },
  /** Updates a user. */
  async update(db: Db, id: string, values: Partial<typeof users.$inferInsert>): Promise<UserRow> {
    const [row] = await db.update(users).set(values).where(eq(users.id, id)).returning();
    return row!;
  },
  /**
   * Records a TOTP counter as used, with other changes, only if it is newer than the last one; undefined when a
   * concurrent request used it first (the replay guard holds under races, not just in the read-then-check).
   */
  async consumeTotpCounter(
    db: Db,
    id: string,
    counter: number,
    values: Partial<typeof users.$inferInsert> = {},
  ): Promise<UserRow | undefined> {
    const [row] = await db
      .update(users)
      .set({ ...values, totpLastCounter: counter })
      .where(and(eq(users.id, id), or(isNull(users.totpLastCounter), lt(users.totpLastCounter, counter))))
      .returning();
    return row;
  },
};

// Every request resolves its credential with one of these two lookups, so they are built once (db/prepared.ts).
const liveSession = preparedOnce((db) =>
  db
    .select({ s: sessions, user: users, org: orgs })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('hash')),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql.placeholder('now')),
        eq(users.status, 'active'),
      ),
    )
    .prepare('identity_live_session'),
);
const liveToken = preparedOnce((db) =>
  db
    .select({ t: apiTokens, user: users, org: orgs })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(
      and(
        eq(apiTokens.tokenHash, sql.placeholder('hash')),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql.placeholder('now'))),
        eq(users.status, 'active'),
      ),
    )
    .prepare('identity_live_token'),
);

/** SQL for browser sessions. */
export const sessionRepository = {
  /** Stores a new session. */
  async insert(db: Db, values: typeof sessions.$inferInsert) {
    const [row] = await db.insert(sessions).values(values).returning();
    return row!;
  },
  /** A live session by token hash, with its active user and org. */
  async findLive(db: Db, hash: string, now: Date): Promise<Principal | undefined> {
    const [row] = await liveSession(db).execute({ hash, now: now.toISOString() });
    if (!row) return undefined;
    return {
      user: row.user,
      org: row.org,
      sessionId: row.s.id,
      csrfToken: row.s.csrfToken,
      lastSeenAt: row.s.lastSeenAt,
    };
  },
  /** A user's live sessions, most recently active first. */
  async listLive(db: Db, userId: string, now: Date): Promise<SessionRow[]> {
    return db
      .select()
      .from(sessions)
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
      .orderBy(desc(sessions.lastSeenAt), desc(sessions.id));
  },
  /** One of a user's sessions, live or not (another user's is not found). */
  async findOfUser(db: Db, userId: string, id: string): Promise<SessionRow | undefined> {
    const [row] = await db
      .select()
      .from(sessions)
      .where(and(eq(sessions.id, id), eq(sessions.userId, userId)));
    return row;
  },
  /** Records activity (bookkeeping, not audited). */
  async touch(db: Db, id: string, now: Date) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  },
  /** Revokes one session. */
  async revoke(db: Db, id: string, now: Date) {
    await db
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
  },
  /** Deletes sessions that expired or were revoked before `before`; returns how many. */
  async purgeBefore(db: Db, before: Date): Promise<number> {
    const rows = await db
      .delete(sessions)
      .where(or(lt(sessions.expiresAt, before), lt(sessions.revokedAt, before)))
      .returning({ id: sessions.id });
    return rows.length;
  },
  /** Revokes all live sessions of a user, optionally but one; returns how many. */
  async revokeAllForUser(db: Db, userId: string, now: Date, except?: string): Promise<number> {
    const rows = await db
      .update(sessions)
      .set({ revokedAt: now })
      .where(
        and(
          eq(sessions.userId, userId),
          isNull(sessions.revokedAt),
          except ? sql`${sessions.id} <> ${except}::uuid` : undefined,
        ),
      )
      .returning({ id: sessions.id });
    return rows.length;
  },
};

/** SQL for API tokens. */
export const apiTokenRepository = {
  /** Stores a token (hash only). */
  async insert(db: Db, values: typeof apiTokens.$inferInsert): Promise<ApiTokenRow> {
    const [row] = await db.insert(apiTokens).values(values).returning();
    return row!;
  },
  /** A user's tokens, newest first. */
  async listByUser(db: Db, userId: string): Promise<ApiTokenRow[]> {
    return db
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.userId, userId))
      .orderBy(sql`${apiTokens.createdAt} desc`);
  },
  /** One of the user's own tokens. */
  async findOwn(db: Db, userId: string, id: string): Promise<ApiTokenRow | undefined> {
    const [row] = await db
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId)));
    return row;
  },
  /** A live token by hash with its active user and org. */
  async findLive(db: Db, hash: string, now: Date): Promise<Principal | undefined> {
    const [row] = await liveToken(db).execute({ hash, now: now.toISOString() });
    return row
      ? { user: row.user, org: row.org, tokenId: row.t.id, lastSeenAt: row.t.lastUsedAt ?? undefined }
      : undefined;
  },
  /** Records use (bookkeeping, not audited). */
  async touch(db: Db, id: string, now: Date) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, id));
  },
  /** Revokes a token. */
  async revoke(db: Db, id: string, now: Date): Promise<ApiTokenRow> {
    const [row] = await db.update(apiTokens).set({ revokedAt: now }).where(eq(apiTokens.id, id)).returning();
    return row!;
  },
};

/** SQL for invitations. */
export const invitationRepository = {
  /** Stores an invitation (token hash only). */
  async insert(db: Db, values: typeof invitations.$inferInsert): Promise<InvitationRow> {
    const [row] = await db.insert(invitations).values(values).returning();
    return row!;
  },
  /** An org's invitations, newest first. */
  async listByOrg(db: Db, orgId: string): Promise<InvitationRow[]> {
    return db
      .select()
      .from(invitations)
      .where(eq(invitations.orgId, orgId))
      .orderBy(sql`${invitations.createdAt} desc`);
  },
  /** One invitation of an org. */
  async findInOrg(db: Db, orgId: string, id: string): Promise<InvitationRow | undefined> {
    const [row] = await db
      .select()
      .from(invitations)
      .where(and(eq(invitations.id, id), eq(invitations.orgId, orgId)));
    return row;
  },
  /** By token hash, locked for update so it is accepted once. */
  async findByHashForUpdate(db: Db, hash: string): Promise<InvitationRow | undefined> {
    const [row] = await db.select().from(invitations).where(eq(invitations.tokenHash, hash)).for('update');
    return row;
  },
  /** Updates an invitation. */
  async update(db: Db, id: string, values: Partial<typeof invitations.$inferInsert>): Promise<InvitationRow> {
    const [row] = await db.update(invitations).set(values).where(eq(invitations.id, id)).returning();
    return row!;
  },
};
