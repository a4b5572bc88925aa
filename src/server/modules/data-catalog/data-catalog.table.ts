import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns';
import { orgs } from '../identity/identity.table';

/**
 * An enterprise's data assets (Measures 2022 catalog fields). The level is derived by the classification wizard from
 * `wizard_answers` (就高) unless a person overrode it with a reason. Destroyed assets stay for the filing history.
 */
export const dataAssets = pgTable(
  'data_assets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    category: text('category').notNull(),
    description: text('description'),
    level: text('level').notNull(),
    derivedLevel: text('derived_level').notNull(),
    overrideReason: text('override_reason'),
    wizardAnswers: jsonb('wizard_answers').$type<Record<string, string>>().notNull().default({}),
    questionsVersion: text('questions_version').notNull(),
    records: bigint('records', { mode: 'number' }).notNull(),
    volumeMb: bigint('volume_mb', { mode: 'number' }).notNull(),
    purpose: text('purpose').notNull(),
    processingMethod: text('processing_method').notNull(),
    scopeOfUse: text('scope_of_use').notNull(),
    responsiblePerson: text('responsible_person').notNull(),
    externalSharing: boolean('external_sharing').notNull(),
    sharingDetails: text('sharing_details'),
    crossBorder: boolean('cross_border').notNull(),
    carrierSystem: text('carrier_system'),
    source: text('source'),
    securityMeasures: text('security_measures').notNull(),
    status: text('status').notNull().default('active'),
    destroyedAt: ts('destroyed_at'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('data_assets_org_idx').on(t.orgId, t.status, t.level),
    check('data_assets_level', sql`${t.level} in ('general','important','core')`),
    check('data_assets_derived_level', sql`${t.derivedLevel} in ('general','important','core')`),
    check('data_assets_status', sql`${t.status} in ('active','destroyed')`),
    check('data_assets_scale', sql`${t.records} >= 0 and ${t.volumeMb} >= 0`),
    check(
      'data_assets_override_reason',
      sql`${t.level} = ${t.derivedLevel} or ${t.overrideReason} is not null`,
    ),
  ],
);

/**
 * A filing of the important/core catalog with the provincial regulator (Measures art. 12?, draft). `snapshot` is
 * the filed description of each asset (never the data itself); `categories` and `scale` are the baseline the ≥30 %
 * change rule compares against once approved. A returned filing is revised and resubmitted as the same row
 * (`revision` + 1); an approved one is superseded by the next approved filing.
 */
export const catalogFilings = pgTable(
  'catalog_filings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    provinceCode: text('province_code').notNull(),
    recipient: text('recipient').notNull(),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    revision: integer('revision').notNull().default(1),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>[]>().notNull(),
    categories: jsonb('categories').$type<Record<string, number>>().notNull(),
    scale: bigint('scale', { mode: 'number' }).notNull(),
    submittedAt: ts('submitted_at').notNull(),
    submittedBy: uuid('submitted_by'),
    reviewDueAt: ts('review_due_at').notNull(),
    decidedAt: ts('decided_at'),
    decidedBy: uuid('decided_by'),
    returnComment: text('return_comment'),
    certificateNo: text('certificate_no'),
    certificateIssuedOn: date('certificate_issued_on'),
    supersededAt: ts('superseded_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('catalog_filings_org_idx').on(t.orgId, t.submittedAt),
    index('catalog_filings_queue_idx').on(t.provinceCode, t.status, t.reviewDueAt),
    uniqueIndex('catalog_filings_certificate_uq').on(t.certificateNo),
    // One filing under review or returned at a time per enterprise.
    uniqueIndex('catalog_filings_open_uq').on(t.orgId).where(sql`${t.status} in ('submitted','returned')`),
    check('catalog_filings_status', sql`${t.status} in ('submitted','returned','approved','superseded')`),
    check('catalog_filings_kind', sql`${t.kind} in ('initial','change')`),
  ],
);

/** Every review step of a filing (submitted, returned with a comment, resubmitted, approved), oldest first. */
export const catalogFilingEvents = pgTable(
  'catalog_filing_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    filingId: uuid('filing_id')
      .notNull()
      .references(() => catalogFilings.id),
    kind: text('kind').notNull(),
    revision: integer('revision').notNull(),
    comment: text('comment'),
    actorUserId: uuid('actor_user_id'),
    actorOrgId: uuid('actor_org_id'),
    at: ts('at').notNull(),
  },
  (t) => [index('catalog_filing_events_filing_idx').on(t.filingId, t.at)],
);

/**
 * A change-filing obligation (Measures art. 12?, draft): opened when the catalog moves ≥30 % from the last approved
 * filing (or materially changes, or important/core data is destroyed), due 3 months after the change; fulfilled by
 * the next submission, or lapsed when the catalog returns within the threshold.
 */
export const refilingObligations = pgTable(
  'catalog_refiling_obligations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    baselineFilingId: uuid('baseline_filing_id')
      .notNull()
      .references(() => catalogFilings.id),
    status: text('status').notNull(),
    reasons: jsonb('reasons').$type<Record<string, unknown>[]>().notNull(),
    openedAt: ts('opened_at').notNull(),
    dueAt: ts('due_at').notNull(),
    closedAt: ts('closed_at'),
    fulfilledByFilingId: uuid('fulfilled_by_filing_id'),
  },
  (t) => [
    uniqueIndex('catalog_refiling_open_uq').on(t.orgId).where(sql`${t.status} = 'open'`),
    index('catalog_refiling_due_idx').on(t.status, t.dueAt),
    check('catalog_refiling_status', sql`${t.status} in ('open','fulfilled','lapsed')`),
  ],
);

/** A data asset row. */
export type DataAssetRow = typeof dataAssets.$inferSelect;
/** A catalog filing row. */
export type CatalogFilingRow = typeof catalogFilings.$inferSelect;
/** A refiling obligation row. */
export type RefilingObligationRow = typeof refilingObligations.$inferSelect;
