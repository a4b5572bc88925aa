import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { ScenarioDefinition } from '../../../contracts/drills';
import { ts } from '../../db/columns';
import { orgs, users } from '../identity/identity.table';
import type { Verdict } from './drill-rules';

/** An enterprise's own editable drill scenario, copied from a built-in or another of its own. */
export const drillScenarios = pgTable(
  'drill_scenarios',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    basedOn: text('based_on'),
    definition: jsonb('definition').$type<ScenarioDefinition>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('drill_scenarios_org_idx').on(t.orgId, t.createdAt)],
);

/** One delivered inject: its drill minute and when (wall clock) it was delivered. */
export interface Delivery {
  key: string;
  minute: number;
  deliveredAt: string;
}

/** The practice incident a drill raised, as recorded when it was raised (regulators read this, not the incident). */
export interface IncidentSnapshot {
  id: string;
  ref: string;
  tier: 'I' | 'II' | 'III' | 'IV' | null;
  fired: { criterion: string; tier: 'I' | 'II' | 'III' | 'IV'; threshold: string; clause: string }[];
  decisive: string[];
}

/**
 * An emergency drill (34号: drills simulating ransomware) run from a snapshot of a scenario. Drill time is virtual in
 * facilitator mode (`offset_minutes`) and the wall clock from `started_at` in real-time mode. Verdicts are keyed
 * `<inject>:<expectation>`. `province_code` is the enterprise's when scheduled, the regulator it is filed with.
 */
export const drills = pgTable(
  'drills',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    provinceCode: text('province_code').notNull(),
    scenarioId: text('scenario_id'),
    title: text('title').notNull(),
    scenario: jsonb('scenario').$type<ScenarioDefinition>().notNull(),
    mode: text('mode').notNull(),
    status: text('status').notNull(),
    scheduledFor: ts('scheduled_for').notNull(),
    startedAt: ts('started_at'),
    completedAt: ts('completed_at'),
    offsetMinutes: integer('offset_minutes').notNull().default(0),
    completedMinute: integer('completed_minute'),
    facilitatorUserId: uuid('facilitator_user_id')
      .notNull()
      .references(() => users.id),
    participantUserIds: jsonb('participant_user_ids').$type<string[]>().notNull().default([]),
    delivered: jsonb('delivered').$type<Delivery[]>().notNull().default([]),
    verdicts: jsonb('verdicts').$type<Record<string, Verdict>>().notNull().default({}),
    incident: jsonb('incident').$type<IncidentSnapshot>(),
    score: integer('score'),
    lessons: jsonb('lessons').$type<string[]>().notNull().default([]),
    filedAt: ts('filed_at'),
    filedBy: uuid('filed_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('drills_org_idx').on(t.orgId, t.scheduledFor),
    index('drills_filed_idx').on(t.provinceCode, t.filedAt).where(sql`${t.filedAt} is not null`),
    check('drills_mode', sql`${t.mode} in ('facilitator','real-time')`),
    check('drills_status', sql`${t.status} in ('scheduled','running','completed')`),
    check('drills_filed_completed', sql`${t.filedAt} is null or ${t.status} = 'completed'`),
  ],
);

/** A participant's action or decision against a delivered inject, at a drill minute. */
export const drillActions = pgTable(
  'drill_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    drillId: uuid('drill_id')
      .notNull()
      .references(() => drills.id),
    injectKey: text('inject_key').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    minute: integer('minute').notNull(),
    at: ts('at').notNull(),
    text: text('text').notNull(),
    claim: text('claim'),
  },
  (t) => [index('drill_actions_drill_idx').on(t.drillId, t.minute)],
);

/** A scenario row. */
export type DrillScenarioRow = typeof drillScenarios.$inferSelect;
/** A drill row. */
export type DrillRow = typeof drills.$inferSelect;
/** A drill action row. */
export type DrillActionRow = typeof drillActions.$inferSelect;
