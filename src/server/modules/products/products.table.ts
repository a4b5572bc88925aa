import { index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns';
import { orgs } from '../identity/identity.table';

/** Network products registered by vendors (RMSV art. 7(2) needs name, model and version). */
export const products = pgTable(
  'products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    vendorOrgId: uuid('vendor_org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    model: text('model'),
    versions: jsonb('versions').$type<string[]>().notNull().default([]),
    versionRanges: jsonb('version_ranges')
      .$type<{ introduced?: string; fixed?: string; lastAffected?: string }[]>()
      .notNull()
      .default([]),
    purl: text('purl'),
    cpe: text('cpe'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('products_vendor_idx').on(t.vendorOrgId, t.name),
    index('products_name_idx').on(t.name, t.id),
  ],
);

/** Upstream components of a product (RMSV art. 7(1): their makers are notified at once). */
export const productComponents = pgTable(
  'product_components',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    purl: text('purl').notNull(),
    name: text('name').notNull(),
    version: text('version'),
    upstreamVendorOrgId: uuid('upstream_vendor_org_id').references(() => orgs.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('product_components_uq').on(t.productId, t.purl),
    index('product_components_vendor_idx').on(t.upstreamVendorOrgId),
  ],
);

/** A product row. */
export type ProductRow = typeof products.$inferSelect;
/** A component row. */
export type ComponentRow = typeof productComponents.$inferSelect;
