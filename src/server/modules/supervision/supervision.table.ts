import { date, index, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import type { AreaFigures } from '../../../contracts/supervision';
import { ts } from '../../db/columns';

/** Real incidents per Shanghai calendar month (YYYY-MM) and tier; kept for the nation and provinces. */
export type IncidentMonths = Record<string, AreaFigures['incidents']>;

/**
 * The supervision read model: every figure of an area (`CN`, a GB/T 2260 province or city code) as of the last
 * refresh, so a dashboard request reads a handful of rows by key instead of aggregating base tables.
 */
export const supervisionSnapshots = pgTable(
  'supervision_snapshots',
  {
    areaCode: text('area_code').primaryKey(),
    level: text('level').notNull(),
    parentCode: text('parent_code'),
    figures: jsonb('figures').$type<AreaFigures>().notNull(),
    incidentMonths: jsonb('incident_months').$type<IncidentMonths>(),
    refreshedAt: ts('refreshed_at').notNull(),
  },
  (t) => [index('supervision_snapshots_parent_idx').on(t.parentCode, t.areaCode)],
);

/** The figures of an area at the end of each Shanghai day a refresh ran (or a back-fill computed), for trends. */
export const supervisionHistory = pgTable(
  'supervision_history',
  {
    areaCode: text('area_code').notNull(),
    day: date('day').notNull(),
    figures: jsonb('figures').$type<AreaFigures>().notNull(),
    computedAt: ts('computed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.areaCode, t.day] })],
);

/** A snapshot row. */
export type SnapshotRow = typeof supervisionSnapshots.$inferSelect;
/** A history row. */
export type HistoryRow = typeof supervisionHistory.$inferSelect;
