import { index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns';
import { orgs } from '../identity/identity.table';

/** Collection-platform filings with MIIT (RMSV art. 10; 146号). One per platform org. */
export const platformFilings = pgTable(
  'platform_filings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    status: text('status').notNull(),
    fields: jsonb('fields').$type<Record<string, unknown>>().notNull(),
    filingNumber: text('filing_number'),
    submittedAt: ts('submitted_at'),
    decidedAt: ts('decided_at'),
    decidedBy: uuid('decided_by'),
    decisionReason: text('decision_reason'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('platform_filings_org_uq').on(t.orgId),
    index('platform_filings_status_idx').on(t.status),
  ],
);

/** A filing row. */
export type FilingRow = typeof platformFilings.$inferSelect;
