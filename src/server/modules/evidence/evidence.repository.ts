import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { OrgScope } from '../identity/identity.policy';
import { orgScopeSql } from '../identity/identity.repository';
import { orgs } from '../identity/identity.table';
import { type EvidenceFileRow, evidenceFiles as e } from './evidence.table';

/** What is stored for one evidence file. */
export type NewEvidence = typeof e.$inferInsert;

/** An evidence row without its sealed bytes, as listings need it. */
export type EvidenceMeta = Omit<EvidenceFileRow, 'sealed'>;
const { sealed: _sealed, ...META } = getTableColumns(e);

/** SQL for evidence files. */
export const evidenceRepository = {
  /** Stores one sealed file. */
  async insert(db: Db, row: NewEvidence): Promise<EvidenceFileRow> {
    const [r] = await db.insert(e).values(row).returning();
    return r!;
  },
  /** Files of some subjects of one kind, oldest first; metadata only (the sealed bytes can be megabytes each). */
  async ofSubjects(db: Db, kind: string, subjectIds: readonly string[]): Promise<EvidenceMeta[]> {
    if (!subjectIds.length) return [];
    return db
      .select(META)
      .from(e)
      .where(and(eq(e.subjectKind, kind), inArray(e.subjectId, [...subjectIds])))
      .orderBy(asc(e.createdAt), asc(e.id));
  },
  /** How many files a subject has. */
  async count(db: Db, kind: string, subjectId: string): Promise<number> {
    const [r] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(e)
      .where(and(eq(e.subjectKind, kind), eq(e.subjectId, subjectId)));
    return r?.n ?? 0;
  },
  /** One file whose org lies inside the scope, or undefined (callers answer 404). */
  async findInScope(db: Db, scope: OrgScope, id: string): Promise<EvidenceFileRow | undefined> {
    const [r] = await db
      .select({ file: e })
      .from(e)
      .innerJoin(orgs, eq(orgs.id, e.orgId))
      .where(and(eq(e.id, id), orgScopeSql(scope)));
    return r?.file;
  },
};
