import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { type LoginChallengeRow, loginChallenges } from './identity.table';

/** SQL for pending second-factor logins. */
export const loginChallengeRepository = {
  /** Stores a challenge (token hash only). */
  async insert(db: Db, values: typeof loginChallenges.$inferInsert): Promise<LoginChallengeRow> {
    const [row] = await db.insert(loginChallenges).values(values).returning();
    return row!;
  },
  /** An unexpired challenge by token hash, locked so two code submissions settle one after the other. */
  async findLiveForUpdate(db: Db, hash: string, now: Date): Promise<LoginChallengeRow | undefined> {
    const [row] = await db
      .select()
      .from(loginChallenges)
      .where(and(eq(loginChallenges.tokenHash, hash), gt(loginChallenges.expiresAt, now)))
      .for('update');
    return row;
  },
  /** Drops every pending challenge of a user (signed in, locked, or TOTP reset). */
  async deleteForUser(db: Db, userId: string): Promise<void> {
    await db.delete(loginChallenges).where(eq(loginChallenges.userId, userId));
  },
  /** Deletes challenges that expired before `before`; returns how many. */
  async purgeBefore(db: Db, before: Date): Promise<number> {
    const rows = await db
      .delete(loginChallenges)
      .where(lt(loginChallenges.expiresAt, before))
      .returning({ id: loginChallenges.id });
    return rows.length;
  },
};
