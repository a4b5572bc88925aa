import { and, asc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { escapeLike } from '../../db/like';
import { orgs } from '../identity/identity.table';
import { type ComponentRow, type ProductRow, productComponents, products } from './products.table';

/** A product row with its vendor's name. */
export type ProductWithVendor = ProductRow & { vendorName: string };

/** SQL for products and their upstream components. */
export const productRepository = {
  /** A page of the catalogue ordered by (name, id). */
  async list(db: Db, f: { q?: string; vendorOrgId?: string; after?: [string, string]; limit: number }) {
    const where: (SQL | undefined)[] = [];
    if (f.vendorOrgId) where.push(eq(products.vendorOrgId, f.vendorOrgId));
    if (f.q) {
      const like = `%${escapeLike(f.q)}%`;
      where.push(or(ilike(products.name, like), ilike(products.model, like), ilike(orgs.name, like)));
    }
    if (f.after) where.push(sql`(${products.name}, ${products.id}) > (${f.after[0]}, ${f.after[1]}::uuid)`);
    const rows = await db
      .select({ p: products, vendorName: orgs.name })
      .from(products)
      .innerJoin(orgs, eq(orgs.id, products.vendorOrgId))
      .where(and(...where))
      .orderBy(asc(products.name), asc(products.id))
      .limit(f.limit);
    return rows.map((r) => ({ ...r.p, vendorName: r.vendorName }));
  },
  /** One product with its vendor name. */
  async find(db: Db, id: string): Promise<ProductWithVendor | undefined> {
    const [r] = await db
      .select({ p: products, vendorName: orgs.name })
      .from(products)
      .innerJoin(orgs, eq(orgs.id, products.vendorOrgId))
      .where(eq(products.id, id));
    return r ? { ...r.p, vendorName: r.vendorName } : undefined;
  },
  /** Inserts a product. */
  async insert(db: Db, values: typeof products.$inferInsert): Promise<ProductRow> {
    const [row] = await db.insert(products).values(values).returning();
    return row!;
  },
  /** Updates a product. */
  async update(db: Db, id: string, values: Partial<typeof products.$inferInsert>): Promise<ProductRow> {
    const [row] = await db.update(products).set(values).where(eq(products.id, id)).returning();
    return row!;
  },
  /** A product's components. */
  async components(db: Db, productId: string): Promise<ComponentRow[]> {
    return db
      .select()
      .from(productComponents)
      .where(eq(productComponents.productId, productId))
      .orderBy(asc(productComponents.purl));
  },
  /** Adds a component (unique per product and purl). */
  async insertComponent(db: Db, values: typeof productComponents.$inferInsert): Promise<ComponentRow> {
    const [row] = await db.insert(productComponents).values(values).returning();
    return row!;
  },
  /** One component of a product. */
  async findComponent(db: Db, productId: string, id: string): Promise<ComponentRow | undefined> {
    const [row] = await db
      .select()
      .from(productComponents)
      .where(and(eq(productComponents.id, id), eq(productComponents.productId, productId)));
    return row;
  },
  /** The vendor of another product whose purl has the same package identity (type/namespace/name). */
  async vendorOfPackage(db: Db, purlBase: string, exceptVendor: string): Promise<string | undefined> {
    const [r] = await db
      .select({ vendorOrgId: products.vendorOrgId })
      .from(products)
      .where(
        and(
          sql`split_part(split_part(${products.purl}, '?', 1), '@', 1) = ${purlBase}`,
          sql`${products.vendorOrgId} <> ${exceptVendor}::uuid`,
        ),
      )
      .limit(1);
    return r?.vendorOrgId;
  },
  /** Whether an org exists and is a vendor. */
  async isVendor(db: Db, orgId: string): Promise<boolean> {
    const [r] = await db
      .select({ id: orgs.id })
      .from(orgs)
      .where(and(eq(orgs.id, orgId), eq(orgs.kind, 'vendor')));
    return r !== undefined;
  },
  /** Vendors whose products list a component made by `vendorOrgId` (downstream users, RMSV art. 7(3)). */
  async downstreamVendors(db: Db, vendorOrgId: string): Promise<string[]> {
    const rows = await db
      .selectDistinct({ vendorOrgId: products.vendorOrgId })
      .from(productComponents)
      .innerJoin(products, eq(products.id, productComponents.productId))
      .where(eq(productComponents.upstreamVendorOrgId, vendorOrgId));
    return rows.map((r) => r.vendorOrgId).filter((id) => id !== vendorOrgId);
  },
  /** Removes a component. */
  async deleteComponent(db: Db, id: string): Promise<void> {
    await db.delete(productComponents).where(eq(productComponents.id, id));
  },
};
