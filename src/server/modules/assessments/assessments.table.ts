import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns';
import { orgs, users } from '../identity/identity.table';

/**
 * A risk self-examination (34号 自查自纠) against one version of the control library. `year` is the Shanghai calendar
 * year it counts for; `score` is frozen at completion so later library versions do not rewrite history.
 */
export const examinations = pgTable(
  'examinations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    year: integer('year').notNull(),
    libraryVersion: text('library_version').notNull(),
    status: text('status').notNull(),
    previousId: uuid('previous_id'),
    score: jsonb('score').$type<Record<string, unknown>>(),
    startedAt: ts('started_at').notNull(),
    startedBy: uuid('started_by'),
    completedAt: ts('completed_at'),
    completedBy: uuid('completed_by'),
  },
  (t) => [
    index('examinations_org_idx').on(t.orgId, t.startedAt),
    uniqueIndex('examinations_open_uq').on(t.orgId).where(sql`${t.status} = 'in-progress'`),
    check('examinations_status', sql`${t.status} in ('in-progress','completed')`),
  ],
);

/** One answer of a self-examination, with the examiner's note; evidence files hang off (examination, control). */
export const examinationAnswers = pgTable(
  'examination_answers',
  {
    examinationId: uuid('examination_id')
      .notNull()
      .references(() => examinations.id),
    controlId: text('control_id').notNull(),
    answer: text('answer').notNull(),
    note: text('note'),
    answeredBy: uuid('answered_by'),
    answeredAt: ts('answered_at').notNull(),
  },
  (t) => [
    uniqueIndex('examination_answers_pk').on(t.examinationId, t.controlId),
    check('examination_answers_answer', sql`${t.answer} in ('yes','partial','no','not-applicable')`),
  ],
);

/**
 * A corrective action (整改): raised from a finding of a self-examination (or, later, an incident or a drill), with an
 * owner, a due date, and a verification by someone other than the closer.
 */
export const correctiveActions = pgTable(
  'corrective_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    sourceKind: text('source_kind').notNull(),
    sourceId: uuid('source_id').notNull(),
    controlId: text('control_id'),
    scenarios: jsonb('scenarios').$type<string[]>().notNull().default([]),
    title: text('title').notNull(),
    detail: text('detail'),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    dueOn: date('due_on').notNull(),
    status: text('status').notNull(),
    resolution: text('resolution'),
    resolvedAt: ts('resolved_at'),
    resolvedBy: uuid('resolved_by'),
    verificationNote: text('verification_note'),
    verifiedAt: ts('verified_at'),
    verifiedBy: uuid('verified_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('corrective_actions_org_idx').on(t.orgId, t.status, t.dueOn),
    index('corrective_actions_source_idx').on(t.sourceKind, t.sourceId),
    check('corrective_actions_status', sql`${t.status} in ('open','in-progress','resolved','verified')`),
    check('corrective_actions_source', sql`${t.sourceKind} in ('examination','incident','drill')`),
  ],
);

/**
 * The annual data-security risk assessment of a processor of important or core data (Measures art. 31; 82号):
 * the report's contents by section, valid 12 months from issue, submitted to the provincial regulator.
 */
export const riskAssessments = pgTable(
  'risk_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    provinceCode: text('province_code').notNull(),
    performedBy: text('performed_by').notNull(),
    assessorName: text('assessor_name'),
    sections: jsonb('sections').$type<Record<string, string>>().notNull(),
    status: text('status').notNull(),
    issuedOn: date('issued_on'),
    validUntil: date('valid_until'),
    submittedAt: ts('submitted_at'),
    submittedBy: uuid('submitted_by'),
    receivedAt: ts('received_at'),
    receivedBy: uuid('received_by'),
    lastReminderAt: ts('last_reminder_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('risk_assessments_org_idx').on(t.orgId, t.validUntil),
    index('risk_assessments_queue_idx').on(t.provinceCode, t.status),
    check('risk_assessments_status', sql`${t.status} in ('draft','submitted','received')`),
    check('risk_assessments_performed_by', sql`${t.performedBy} in ('self','third-party')`),
  ],
);

/** An examination row. */
export type ExaminationRow = typeof examinations.$inferSelect;
/** An examination answer row. */
export type ExaminationAnswerRow = typeof examinationAnswers.$inferSelect;
/** A corrective action row. */
export type CorrectiveActionRow = typeof correctiveActions.$inferSelect;
/** A risk assessment row. */
export type RiskAssessmentRow = typeof riskAssessments.$inferSelect;
