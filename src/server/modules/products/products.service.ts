import type { z } from 'zod';
import type {
  ComponentBody,
  ProductBody,
  ProductListQuery,
  UpdateProductBody,
} from '../../../contracts/products';
import { normalizePurl, PurlError, parsePurl } from '../../../lib/purl';
import { type Actor, type RequestContext, requireActor } from '../../core/actor';
import { decodeCursor, encodeCursor } from '../../core/cursor';
import { conflict, forbidden, invalid, notFound } from '../../core/errors';
import type { Db } from '../../db/client';
import { inTransaction } from '../../db/tx';
import type { AuditService } from '../audit';
import { canManageProducts, canSeeComponents } from './products.policy';
import { productRepository } from './products.repository';
import type { ComponentRow, ProductRow } from './products.table';

/** Canonical purl, or a 400 naming the field. */
function canonicalPurl(purl: string, path: string): string {
  try {
    return normalizePurl(purl);
  } catch (e) {
    if (e instanceof PurlError) throw invalid(path, `Not a valid purl: ${e.message}`, 'validation.purl');
    throw e;
  }
}

/**
 * The canonical purl without version, qualifiers or subpath: the package identity, cut as the repository's
 * `vendorOfPackage` cuts stored purls. (Rebuilding it with buildPurl threw for types whose rules require a
 * qualifier, such as julia's uuid.)
 */
const packageBase = (canonical: string) => canonical.split(/[?#]/)[0]!.split('@')[0]!;

const toProduct = (r: ProductRow & { vendorName: string }) => ({
  id: r.id,
  vendorOrgId: r.vendorOrgId,
  vendorName: r.vendorName,
  name: r.name,
  model: r.model,
  versions: r.versions,
  versionRanges: r.versionRanges,
  purl: r.purl,
  cpe: r.cpe,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

const toComponent = (r: ComponentRow) => ({
  id: r.id,
  productId: r.productId,
  purl: r.purl,
  name: r.name,
  version: r.version,
  upstreamVendorOrgId: r.upstreamVendorOrgId,
  createdAt: r.createdAt.toISOString(),
});

/** Vendors' network products and their upstream components. */
export function createProductsService(deps: { db: Db; audit: AuditService }) {
  const { db, audit } = deps;

  async function ownProduct(tx: Db, actor: Actor, id: string) {
    const p = await productRepository.find(tx, id);
    if (!p) throw notFound('product');
    if (!canManageProducts(actor, p.vendorOrgId)) {
      // Other vendors' products are public in the catalogue, so refusing is 403, not 404.
      throw forbidden('Only the product\u2019s own vendor staff may change it.');
    }
    return p;
  }

  return {
    /** The public product catalogue (researchers pick the product they report on). */
    async list(q: z.infer<typeof ProductListQuery>) {
      const after = q.cursor ? (decodeCursor(q.cursor, 2) as [string, string]) : undefined;
      const rows = await productRepository.list(db, { ...q, after });
      const last = rows.at(-1);
      return {
        items: rows.map(toProduct),
        nextCursor: rows.length === q.limit && last ? encodeCursor([last.name, last.id]) : null,
      };
    },

    /** One product of the catalogue. */
    async get(id: string) {
      const p = await productRepository.find(db, id);
      if (!p) throw notFound('product');
      return toProduct(p);
    },

    /** Registers a product for the actor's vendor org. */
    async create(ctx: RequestContext, body: z.infer<typeof ProductBody>) {
      const actor = requireActor(ctx);
      if (!canManageProducts(actor, actor.orgId)) throw forbidden('Only vendor staff register products.');
      const purl = body.purl ? canonicalPurl(body.purl, 'body.purl') : null;
      return inTransaction(db, async (tx) => {
        const row = await productRepository.insert(tx, {
          ...body,
          model: body.model ?? null,
          purl,
          cpe: body.cpe ?? null,
          vendorOrgId: actor.orgId,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
        await audit.append(tx, ctx, {
          action: 'product.created',
          entityType: 'product',
          entityId: row.id,
          data: { name: row.name, model: row.model, versions: row.versions.length },
        });
        return toProduct({ ...row, vendorName: (await productRepository.find(tx, row.id))!.vendorName });
      });
    },

    /** Updates a product of the actor's vendor org. */
    async update(ctx: RequestContext, id: string, body: z.infer<typeof UpdateProductBody>) {
      const actor = requireActor(ctx);
      const purl = body.purl ? canonicalPurl(body.purl, 'body.purl') : body.purl;
      return inTransaction(db, async (tx) => {
        const p = await ownProduct(tx, actor, id);
        const row = await productRepository.update(tx, id, { ...body, purl, updatedAt: ctx.now });
        await audit.append(tx, ctx, {
          action: 'product.updated',
          entityType: 'product',
          entityId: id,
          data: { changed: Object.keys(body) },
        });
        return toProduct({ ...row, vendorName: p.vendorName });
      });
    },

    /** Upstream components: the vendor's own staff and the ministry. */
    async components(ctx: RequestContext, productId: string) {
      const actor = requireActor(ctx);
      const p = await productRepository.find(db, productId);
      if (!p || !canSeeComponents(actor, p.vendorOrgId)) throw notFound('product components');
      return (await productRepository.components(db, productId)).map(toComponent);
    },

    /** Adds an upstream component; its maker is linked when another vendor on the platform ships that package. */
    async addComponent(ctx: RequestContext, productId: string, body: z.infer<typeof ComponentBody>) {
      const actor = requireActor(ctx);
      const purl = canonicalPurl(body.purl, 'body.purl');
      const parsed = parsePurl(purl);
      return inTransaction(db, async (tx) => {
        const p = await ownProduct(tx, actor, productId);
        if (body.upstreamVendorOrgId && !(await productRepository.isVendor(tx, body.upstreamVendorOrgId))) {
          throw invalid('body.upstreamVendorOrgId', 'Not a vendor organisation on this platform.');
        }
        const existing = (await productRepository.components(tx, productId)).find((c) => c.purl === purl);
        if (existing) throw conflict('product.component_exists', 'This component is already listed.');
        const upstream =
          body.upstreamVendorOrgId ??
          (await productRepository.vendorOfPackage(tx, packageBase(purl), p.vendorOrgId)) ??
          null;
        const row = await productRepository.insertComponent(tx, {
          productId,
          purl,
          name: parsed.namespace ? `${parsed.namespace}/${parsed.name}` : parsed.name,
          version: parsed.version ?? null,
          upstreamVendorOrgId: upstream,
          createdAt: ctx.now,
        });
        await audit.append(tx, ctx, {
          action: 'product.component_added',
          entityType: 'product',
          entityId: productId,
          data: { purl, upstreamVendorOrgId: upstream },
        });
        return toComponent(row);
      });
    },

    /** Removes an upstream component. */
    async removeComponent(ctx: RequestContext, productId: string, componentId: string) {
      const actor = requireActor(ctx);
      await inTransaction(db, async (tx) => {
        await ownProduct(tx, actor, productId);
        const c = await productRepository.findComponent(tx, productId, componentId);
        if (!c) throw notFound('component');
        await productRepository.deleteComponent(tx, componentId);
        await audit.append(tx, ctx, {
          action: 'product.component_removed',
          entityType: 'product',
          entityId: productId,
          data: { purl: c.purl },
        });
      });
    },
  };
}

/** The products service's public type. */
export type ProductsService = ReturnType<typeof createProductsService>;
