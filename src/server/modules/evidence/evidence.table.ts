import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { bytea, ts } from '../../db/columns';
import { orgs } from '../identity/identity.table';

/**
 * Evidence files an enterprise attaches to its programme records (a self-examination answer, a corrective action's
 * verification, later incidents and drills), sealed at rest like vulnerability attachments. `subject_kind` and
 * `subject_id` name what the file proves; the owning module checks the subject belongs to `org_id`.
 */
export const evidenceFiles = pgTable(
  'evidence_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    subjectKind: text('subject_kind').notNull(),
    subjectId: uuid('subject_id').notNull(),
    subjectPart: text('subject_part'),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    sealed: bytea('sealed').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('evidence_files_subject_idx').on(t.subjectKind, t.subjectId, t.subjectPart)],
);

/** An evidence file row. */
export type EvidenceFileRow = typeof evidenceFiles.$inferSelect;
