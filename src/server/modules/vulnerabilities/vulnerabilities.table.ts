import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea, ts } from '../../db/columns';
import { orgs, users } from '../identity/identity.table';
import { products } from '../products/products.table';

/** Vulnerability reports under RMSV. The description is sealed at rest (architecture principle 6). */
export const vulnerabilityReports = pgTable(
  'vulnerability_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ref: text('ref').notNull(),
    state: text('state').notNull(),
    productId: uuid('product_id').references(() => products.id),
    productText: jsonb('product_text').$type<{ vendorName: string; productName: string; model?: string }>(),
    vendorOrgId: uuid('vendor_org_id').references(() => orgs.id),
    reporterKind: text('reporter_kind').notNull(),
    reporterOrgId: uuid('reporter_org_id').references(() => orgs.id),
    reporterUserId: uuid('reporter_user_id').references(() => users.id),
    onBehalfOf: text('on_behalf_of'),
    claimCodeHash: text('claim_code_hash'),
    contactEmail: text('contact_email'),
    title: text('title').notNull(),
    affectedVersions: jsonb('affected_versions').$type<string[]>().notNull(),
    cwe: text('cwe'),
    descriptionSealed: bytea('description_sealed').notNull(),
    cvss: jsonb('cvss')
      .$type<{ vector: string; version: string; baseScore: number; severity: string }[]>()
      .notNull(),
    gbtIndicators: jsonb('gbt_indicators').$type<Record<string, unknown>>(),
    gbtGrade: text('gbt_grade'),
    externalIds: jsonb('external_ids').$type<Record<string, string>>().notNull().default({}),
    assessment: jsonb('assessment').$type<{ harm: string; scope: string; upstreamAffected: boolean }>(),
    fix: jsonb('fix').$type<{
      kind: 'fix' | 'mitigation';
      description: string;
      url: string | null;
      fixedVersions: string[];
    }>(),
    approvals: jsonb('approvals')
      .$type<{ authority: 'MIIT' | 'MPS'; note: string; at: string; by: string }[]>()
      .notNull()
      .default([]),
    duplicateOf: uuid('duplicate_of'),
    duplicateCandidates: jsonb('duplicate_candidates')
      .$type<{ id: string; score: number }[]>()
      .notNull()
      .default([]),
    parentReportId: uuid('parent_report_id'),
    awareAt: ts('aware_at'),
    verifyDueAt: ts('verify_due_at'),
    upstreamNotifyDueAt: ts('upstream_notify_due_at'),
    nationalReportDueAt: ts('national_report_due_at'),
    escalateAt: ts('escalate_at'),
    verifiedAt: ts('verified_at'),
    upstreamNotifiedAt: ts('upstream_notified_at'),
    nationalReportedAt: ts('national_reported_at'),
    usersNotifiedAt: ts('users_notified_at'),
    publishedAt: ts('published_at'),
    escalatedAt: ts('escalated_at'),
    remindersSent: jsonb('reminders_sent').$type<string[]>().notNull().default([]),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('vuln_ref_uq').on(t.ref),
    index('vuln_vendor_idx').on(t.vendorOrgId, t.createdAt),
    // The ministry's queue pages all reports newest first: without it every page sorts the whole table.
    index('vuln_created_idx').on(t.createdAt, t.id),
    index('vuln_reporter_idx').on(t.reporterOrgId, t.createdAt),
    index('vuln_state_due_idx').on(t.state, t.nationalReportDueAt),
    index('vuln_product_idx').on(t.productId),
    uniqueIndex('vuln_claim_uq').on(t.claimCodeHash),
  ],
);

/** The timeline: every transition, note, reminder and escalation. Notes are sealed (they may hold details). */
export const vulnerabilityEvents = pgTable(
  'vulnerability_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Insertion order: entries written in one action share `at` and must keep their order. */
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => vulnerabilityReports.id),
    at: ts('at').notNull(),
    kind: text('kind').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    actorUserId: uuid('actor_user_id'),
    actorOrgId: uuid('actor_org_id'),
    noteSealed: bytea('note_sealed'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    /** Visible to the reporter (and anonymous claimant) as well as the vendor and ministry. */
    reporterVisible: boolean('reporter_visible').notNull().default(true),
  },
  (t) => [index('vuln_events_report_idx').on(t.reportId, t.at)],
);

/** Proof-of-concept and other attachments, sealed at rest. */
export const vulnerabilityAttachments = pgTable(
  'vulnerability_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => vulnerabilityReports.id),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    sealed: bytea('sealed').notNull(),
    exploitTool: boolean('exploit_tool').notNull().default(false),
    public: boolean('public').notNull().default(false),
    uploadedBy: uuid('uploaded_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('vuln_attachments_report_idx').on(t.reportId)],
);

/** RMSV art. 5 intake log: every intake event, append-only (trigger in migration), kept at least 6 months. */
export const intakeLog = pgTable(
  'intake_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    at: ts('at').notNull(),
    event: text('event').notNull(),
    channel: text('channel').notNull(),
    reportId: uuid('report_id'),
    reportRef: text('report_ref'),
    reporterKind: text('reporter_kind'),
    reporterOrgId: uuid('reporter_org_id'),
    reporterUserId: uuid('reporter_user_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('intake_log_at_idx').on(t.at), index('intake_log_report_idx').on(t.reportId)],
);

/** RMSV art. 7(2) reports filed to MIIT's national platform (the ministry's inbox here). */
export const nationalReports = pgTable(
  'national_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => vulnerabilityReports.id),
    vendorOrgId: uuid('vendor_org_id')
      .notNull()
      .references(() => orgs.id),
    fields: jsonb('fields').$type<Record<string, string>>().notNull(),
    status: text('status').notNull(),
    late: boolean('late').notNull(),
    dueAt: ts('due_at'),
    submittedAt: ts('submitted_at').notNull(),
    submittedBy: uuid('submitted_by'),
    ministryNote: text('ministry_note'),
    acknowledgedAt: ts('acknowledged_at'),
  },
  (t) => [
    uniqueIndex('national_reports_report_uq').on(t.reportId),
    index('national_reports_status_idx').on(t.status, t.submittedAt),
  ],
);

/** Published advisories: the public snapshot, immutable per revision. */
export const advisories = pgTable(
  'advisories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => vulnerabilityReports.id),
    ref: text('ref').notNull(),
    revision: integer('revision').notNull().default(1),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    publishedAt: ts('published_at').notNull(),
  },
  (t) => [uniqueIndex('advisories_ref_uq').on(t.ref), index('advisories_published_idx').on(t.publishedAt)],
);

/** Major-event freeze windows the ministry configures (RMSV art. 9(6)?, unconfirmed). */
export const freezeWindows = pgTable('freeze_windows', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  fromAt: ts('from_at').notNull(),
  toAt: ts('to_at').notNull(),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** Row types. */
export type ReportRow = typeof vulnerabilityReports.$inferSelect;
/** A timeline row. */
export type EventRow = typeof vulnerabilityEvents.$inferSelect;
/** An attachment row. */
export type AttachmentRow = typeof vulnerabilityAttachments.$inferSelect;
/** A national report row. */
export type NationalReportRow = typeof nationalReports.$inferSelect;
/** An advisory row. */
export type AdvisoryRow = typeof advisories.$inferSelect;
