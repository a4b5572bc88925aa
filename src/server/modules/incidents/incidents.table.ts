import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea, ts } from '../../db/columns';
import { orgs } from '../identity/identity.table';

/**
 * A data-security incident reported by an enterprise to its provincial regulator (214号). The facts it is tiered on
 * are columns; `classification` is the last TierResult, recomputed on every change of facts. The description and
 * follow-ups are sealed like vulnerability details. A practice incident (raised by a drill) runs the same rules and
 * clocks but never reaches a regulator's inbox and never escalates outside the enterprise.
 */
export const incidents = pgTable(
  'incidents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ref: text('ref').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    provinceCode: text('province_code').notNull(),
    practice: boolean('practice').notNull().default(false),
    drillId: uuid('drill_id'),
    title: text('title').notNull(),
    type: text('type').notNull(),
    sector: text('sector').notNull(),
    dataLevels: jsonb('data_levels').$type<string[]>().notNull().default([]),
    dataAssetIds: jsonb('data_asset_ids').$type<string[]>().notNull().default([]),
    harm: text('harm'),
    piRecords: bigint('pi_records', { mode: 'number' }),
    sensitivePiRecords: bigint('sensitive_pi_records', { mode: 'number' }),
    directLossYuan: bigint('direct_loss_yuan', { mode: 'number' }),
    outageHours: integer('outage_hours'),
    productionImpact: text('production_impact'),
    systemsAffected: text('systems_affected'),
    sealedDescription: bytea('sealed_description').notNull(),
    tier: text('tier'),
    classification: jsonb('classification').$type<Record<string, unknown>>().notNull(),
    status: text('status').notNull(),
    discoveredAt: ts('discovered_at').notNull(),
    reportedAt: ts('reported_at').notNull(),
    reportedBy: uuid('reported_by'),
    ministryClockStartedAt: ts('ministry_clock_started_at'),
    phoneReportedAt: ts('phone_reported_at'),
    phoneReportedBy: uuid('phone_reported_by'),
    writtenReportedAt: ts('written_reported_at'),
    writtenReportedBy: uuid('written_reported_by'),
    phoneEscalatedAt: ts('phone_escalated_at'),
    writtenEscalatedAt: ts('written_escalated_at'),
    usersNotifiedAt: ts('users_notified_at'),
    closedAt: ts('closed_at'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('incidents_ref_uq').on(t.ref),
    index('incidents_org_idx').on(t.orgId, t.reportedAt),
    index('incidents_inbox_idx').on(t.provinceCode, t.status, t.tier).where(sql`not ${t.practice}`),
    // Supervision's incident lists: newest first, nationally by tier or all (keyset on reported_at, id).
    index('incidents_tier_recent_idx').on(t.tier, t.reportedAt, t.id).where(sql`not ${t.practice}`),
    index('incidents_recent_idx').on(t.reportedAt, t.id).where(sql`not ${t.practice}`),
    index('incidents_clock_idx')
      .on(t.ministryClockStartedAt)
      .where(
        sql`${t.status} <> 'closed' and (${t.phoneReportedAt} is null or ${t.writtenReportedAt} is null)`,
      ),
    check('incidents_status', sql`${t.status} in ('open','contained','closed')`),
    check('incidents_tier', sql`${t.tier} is null or ${t.tier} in ('I','II','III','IV')`),
    check('incidents_sector', sql`${t.sector} in ('industry','telecom','radio')`),
    check('incidents_discovered', sql`${t.discoveredAt} <= ${t.reportedAt}`),
  ],
);

/**
 * The incident's timeline: reported, reclassified (before/after), follow-up reports, the regulator's phone call
 * and written report to the ministry, escalations, user notification and closure. Sealed text where people wrote it.
 */
export const incidentEvents = pgTable(
  'incident_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id),
    kind: text('kind').notNull(),
    at: ts('at').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorOrgId: uuid('actor_org_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    sealedText: bytea('sealed_text'),
  },
  (t) => [index('incident_events_incident_idx').on(t.incidentId, t.seq)],
);

/** An incident row. */
export type IncidentRow = typeof incidents.$inferSelect;
/** An incident timeline row. */
export type IncidentEventRow = typeof incidentEvents.$inferSelect;
