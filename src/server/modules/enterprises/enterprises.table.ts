import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns';
import { orgs } from '../identity/identity.table';

/**
 * The enterprise registry: one profile per enterprise org (the org holds the name and the tenancy province, kept
 * equal to `province_code` here by the service). `top_decile` is maintained by the 34号 top-10 % rule in the same
 * transaction as every change that can move it, so coverage queries read it through the partial index.
 */
export const enterpriseProfiles = pgTable(
  'enterprise_profiles',
  {
    orgId: uuid('org_id')
      .primaryKey()
      .references(() => orgs.id),
    uscc: text('uscc').notNull(),
    provinceCode: text('province_code').notNull(),
    cityCode: text('city_code').notNull(),
    industrySection: text('industry_section').notNull(),
    industryDivision: text('industry_division').notNull(),
    sector: text('sector').notNull(),
    aboveSize: boolean('above_size').notNull(),
    annualRevenueYuan: bigint('annual_revenue_yuan', { mode: 'number' }),
    revenueYear: integer('revenue_year'),
    officerName: text('officer_name'),
    officerTitle: text('officer_title'),
    officerPhone: text('officer_phone'),
    officerEmail: text('officer_email'),
    topDecile: boolean('top_decile').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enterprise_profiles_uscc_uq').on(t.uscc),
    index('enterprise_profiles_place_idx').on(t.provinceCode, t.cityCode),
    index('enterprise_profiles_industry_idx').on(t.industrySection, t.industryDivision),
    index('enterprise_profiles_top_decile_idx').on(t.provinceCode).where(sql`${t.topDecile}`),
    // Supervision's enterprise lists page by (revenue, org) within a province or nationally (keyset).
    index('enterprise_profiles_rank_idx').on(
      t.provinceCode,
      sql`coalesce(${t.annualRevenueYuan}, -1)`,
      t.orgId,
    ),
    index('enterprise_profiles_rank_national_idx').on(sql`coalesce(${t.annualRevenueYuan}, -1)`, t.orgId),
    check('enterprise_profiles_city_in_province', sql`left(${t.cityCode}, 2) = left(${t.provinceCode}, 2)`),
    check(
      'enterprise_profiles_revenue_pair',
      sql`(${t.annualRevenueYuan} is null) = (${t.revenueYear} is null) and coalesce(${t.annualRevenueYuan}, 0) >= 0`,
    ),
  ],
);

/** Each province's top-decile population and quota as of the last recomputation (34号). */
export const enterpriseTopDecile = pgTable('enterprise_top_decile', {
  provinceCode: text('province_code').primaryKey(),
  population: integer('population').notNull(),
  quota: integer('quota').notNull(),
  computedAt: ts('computed_at').notNull(),
});

/** A profile row. */
export type ProfileRow = typeof enterpriseProfiles.$inferSelect;
/** A province's top-decile summary row. */
export type TopDecileRow = typeof enterpriseTopDecile.$inferSelect;
