import { and, desc, eq, gt, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { type AuditRow, auditLog } from './audit.table';

// Any constant works; it serialises appends so `seq` = head + 1 and the hash links to the true head.
const CHAIN_LOCK = 727_402;

/** Which audit rows an actor may read. */
export type AuditScope = { kind: 'all' } | { kind: 'org'; orgId: string };

/** Filters for a page of audit rows. */
export interface AuditFilter {
  action?: string;
  entityType?: string;
  orgId?: string;
  before?: number;
  limit: number;
}

/** SQL for the audit chain. */
export const auditRepository = {
  /** Locks the chain for this transaction and returns its head. */
  async lockHead(tx: Db): Promise<{ seq: number; hash: string } | null> {
    await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
    const [head] = await tx
      .select({ seq: auditLog.seq, hash: auditLog.hash })
      .from(auditLog)
      .orderBy(desc(auditLog.seq))
      .limit(1);
    return head ?? null;
  },

  /** Inserts chained rows in order, a chunk per statement (13 columns a row stays under the parameter cap). */
  async insertMany(tx: Db, rows: readonly AuditRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 2000) await tx.insert(auditLog).values(rows.slice(i, i + 2000));
  },

  /** A page, newest first, inside the scope. */
  async list(db: Db, scope: AuditScope, f: AuditFilter): Promise<AuditRow[]> {
    const where: SQL[] = [];
    if (scope.kind === 'org') where.push(eq(auditLog.orgId, scope.orgId));
    if (f.orgId) where.push(eq(auditLog.orgId, f.orgId));
    if (f.action) where.push(eq(auditLog.action, f.action));
    if (f.entityType) where.push(eq(auditLog.entityType, f.entityType));
    if (f.before) where.push(lt(auditLog.seq, f.before));
    return db
      .select()
      .from(auditLog)
      .where(and(...where))
      .orderBy(desc(auditLog.seq))
      .limit(f.limit);
  },

  /** Rows after `seq` in chain order, a batch at a time, for verification. */
  async batchAfter(db: Db, seq: number, size: number): Promise<AuditRow[]> {
    return db.select().from(auditLog).where(gt(auditLog.seq, seq)).orderBy(auditLog.seq).limit(size);
  },
};
