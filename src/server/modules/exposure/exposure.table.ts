import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns';
import { orgs } from '../identity/identity.table';
import { products } from '../products/products.table';

/** What an SBOM describes: an enterprise's system or device, or a vendor's product release. */
export const assets = pgTable(
  'assets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    productId: uuid('product_id').references(() => products.id),
    releaseVersion: text('release_version'),
    sbomFormat: text('sbom_format'),
    sbomSpecVersion: text('sbom_spec_version'),
    sbomSha256: text('sbom_sha256'),
    sbomUploadedAt: ts('sbom_uploaded_at'),
    componentCount: integer('component_count').notNull().default(0),
    unsupportedCount: integer('unsupported_count').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('assets_org_idx').on(t.orgId, t.createdAt)],
);

/** Component instances of assets, replaced as a set when a new SBOM is uploaded. */
export const components = pgTable(
  'components',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').notNull(),
    ecosystem: text('ecosystem'),
    name: text('name').notNull(),
    version: text('version'),
    purl: text('purl'),
  },
  (t) => [index('components_pkg_idx').on(t.ecosystem, t.name), index('components_asset_idx').on(t.assetId)],
);

/** Advisories to match: imported OSV/CSAF records and Bulwark's own published ones, kept as normalized OSV. */
export const matchAdvisories = pgTable(
  'match_advisories',
  {
    id: text('id').primaryKey(),
    source: text('source').notNull(),
    modified: ts('modified').notNull(),
    summary: text('summary'),
    aliases: jsonb('aliases').$type<string[]>().notNull().default([]),
    severity: text('severity'),
    record: jsonb('record').$type<Record<string, unknown>>().notNull(),
    importedAt: ts('imported_at').notNull().defaultNow(),
  },
  (t) => [index('match_advisories_source_idx').on(t.source)],
);

/**
 * Exposures: an advisory hitting a package of an asset. Keyed by (asset, advisory, package) rather than by
 * component version, so a triage decision survives a version change that stays inside the advisory's range.
 */
export const exposures = pgTable(
  'exposures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
    advisoryId: text('advisory_id').notNull(),
    ecosystem: text('ecosystem').notNull(),
    name: text('name').notNull(),
    version: text('version').notNull(),
    severity: text('severity'),
    severityRank: integer('severity_rank').notNull().default(0),
    state: text('state').notNull(),
    justification: text('justification'),
    detail: text('detail'),
    triagedBy: uuid('triaged_by'),
    triagedAt: ts('triaged_at'),
    firstSeenAt: ts('first_seen_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
    resolvedAt: ts('resolved_at'),
  },
  (t) => [
    uniqueIndex('exposures_key_uq').on(t.assetId, t.advisoryId, t.ecosystem, t.name),
    index('exposures_org_sev_idx').on(t.orgId, t.severityRank, t.id),
    index('exposures_advisory_idx').on(t.advisoryId),
    index('exposures_open_idx').on(t.state).where(sql`resolved_at is null`),
  ],
);

/** Row types. */
export type AssetRow = typeof assets.$inferSelect;
/** A component instance row. */
export type InstanceRow = typeof components.$inferSelect;
/** A matchable advisory row. */
export type MatchAdvisoryRow = typeof matchAdvisories.$inferSelect;
/** An exposure row. */
export type ExposureRow = typeof exposures.$inferSelect;

/**
 * One row whose `generation` is bumped by every change to components or matchable advisories, so an app node
 * can tell that its in-memory index is stale (another node wrote) and rebuild it.
 */
export const exposureGeneration = pgTable('exposure_generation', {
  id: integer('id').primaryKey(),
  generation: bigint('generation', { mode: 'number' }).notNull(),
});
