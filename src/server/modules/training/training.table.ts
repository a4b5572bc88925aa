import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns';
import { orgs } from '../identity/identity.table';

/**
 * A data-security training session (34号 training target): each attendee is one person-time. `province_code` is
 * the enterprise's at the time, so provincial roll-ups stay stable if an enterprise later moves.
 */
export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    provinceCode: text('province_code').notNull(),
    heldOn: date('held_on').notNull(),
    topic: text('topic').notNull(),
    trainer: text('trainer').notNull(),
    hours: integer('hours'),
    attendees: jsonb('attendees').$type<string[]>().notNull(),
    personTimes: integer('person_times').notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('training_sessions_org_idx').on(t.orgId, t.heldOn),
    index('training_sessions_province_idx').on(t.provinceCode, t.heldOn),
    check('training_sessions_person_times', sql`${t.personTimes} > 0`),
  ],
);

/** A certified data-security talent (34号 talent target) kept per enterprise and province. */
export const talents = pgTable(
  'talents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    provinceCode: text('province_code').notNull(),
    name: text('name').notNull(),
    certificate: text('certificate').notNull(),
    certificateNo: text('certificate_no').notNull(),
    issuer: text('issuer').notNull(),
    issuedOn: date('issued_on').notNull(),
    validUntil: date('valid_until'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('talents_org_idx').on(t.orgId), index('talents_province_idx').on(t.provinceCode, t.issuedOn)],
);

/** A training session row. */
export type TrainingSessionRow = typeof trainingSessions.$inferSelect;
/** A talent row. */
export type TalentRow = typeof talents.$inferSelect;
