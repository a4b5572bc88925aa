import { createHash } from 'node:crypto';
import { PassThrough, type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { z } from 'zod';
import type { CreateAssetBody, ExposureListQuery, TriageBody } from '../../../contracts/exposure';
import { ingestSbom, SbomError } from '../../../lib/sbom';
import { type RequestContext, requireActor } from '../../core/actor';
import { decodeCursor, encodeCursor } from '../../core/cursor';
import { AppError, forbidden, invalid, notFound } from '../../core/errors';
import type { Db } from '../../db/client';
import { inTransaction } from '../../db/tx';
import type { AuditService } from '../audit';
import { orgScopeFor } from '../identity';
import type { NotificationsService } from '../notifications';
import { productRepository } from '../products/products.repository';
import type { ExposureEngine } from './exposure.engine';
import { canManageAsset, kindAllowed } from './exposure.policy';
import { type Hit, exposureRepository as repo } from './exposure.repository';
import type { AssetRow, ExposureRow } from './exposure.table';
import { advisorySeverity } from './severity';
import { cyclonedxVex } from './vex';

/** What the exposure service is built from. */
export interface ExposureDeps {
  db: Db;
  audit: AuditService;
  notifications: NotificationsService;
  engine: ExposureEngine;
  /** A vendor's published advisories (from the vulnerabilities module). */
  vendorAdvisories: (db: Db, vendorOrgId: string) => Promise<{ ref: string; title: string }[]>;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const toAsset = (a: AssetRow, open: number) => ({
  id: a.id,
  orgId: a.orgId,
  kind: a.kind as 'system' | 'device' | 'product-release',
  name: a.name,
  description: a.description,
  productId: a.productId,
  releaseVersion: a.releaseVersion,
  sbom: a.sbomFormat
    ? {
        format: a.sbomFormat,
        specVersion: a.sbomSpecVersion ?? '',
        sha256: a.sbomSha256 ?? '',
        uploadedAt: a.sbomUploadedAt!.toISOString(),
      }
    : null,
  componentCount: a.componentCount,
  unsupportedCount: a.unsupportedCount,
  openExposures: open,
  createdAt: a.createdAt.toISOString(),
});
const toExposure = (e: ExposureRow & { assetName: string }, summary: string | null) => ({
  id: e.id,
  orgId: e.orgId,
  assetId: e.assetId,
  assetName: e.assetName,
  advisoryId: e.advisoryId,
  summary,
  ecosystem: e.ecosystem,
  name: e.name,
  version: e.version,
  severity: e.severity,
  state: e.state as 'affected' | 'not-affected' | 'fixed' | 'false-positive',
  justification: e.justification,
  detail: e.detail,
  firstSeenAt: e.firstSeenAt.toISOString(),
  lastSeenAt: e.lastSeenAt.toISOString(),
  resolvedAt: iso(e.resolvedAt),
});

/** Assets, SBOM ingest with incremental matching, exposures and their triage, VEX export. */
export function createExposureService(deps: ExposureDeps) {
  const { db, audit, notifications, engine } = deps;

  return {
    /** Assets the actor may see. */
    async listAssets(ctx: RequestContext) {
      const rows = await repo.listAssets(db, orgScopeFor(requireActor(ctx)));
      const open = await repo.openCounts(
        db,
        rows.map((r) => r.id),
      );
      return rows.map((a) => toAsset(a, open.get(a.id) ?? 0));
    },

    /** One asset. */
    async getAsset(ctx: RequestContext, id: string) {
      const a = await repo.findAsset(db, orgScopeFor(requireActor(ctx)), id);
      if (!a) throw notFound('asset');
      return toAsset(a, (await repo.openCounts(db, [a.id])).get(a.id) ?? 0);
    },

    /** Registers an asset for the actor's org: systems and devices for enterprises, product releases for vendors. */
    async createAsset(ctx: RequestContext, body: z.infer<typeof CreateAssetBody>) {
      const actor = requireActor(ctx);
      if (!kindAllowed(actor, body.kind))
        throw forbidden('Enterprises register systems and devices; vendors register product releases.');
      if (body.kind === 'product-release') {
        const p = body.productId ? await productRepository.find(db, body.productId) : undefined;
        if (!p || p.vendorOrgId !== actor.orgId)
          throw invalid('body.productId', 'A product release names one of your own products.');
      } else if (body.productId && !(await productRepository.find(db, body.productId))) {
        // A system or device may name the product it runs; an unknown id would break the foreign key (a 500).
        throw invalid('body.productId', 'No product has this id.');
      }
      return inTransaction(db, async (tx) => {
        const a = await repo.insertAsset(tx, {
          ...body,
          orgId: actor.orgId,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
        await audit.append(tx, ctx, {
          action: 'asset.created',
          entityType: 'asset',
          entityId: a.id,
          data: { kind: a.kind, name: a.name },
        });
        return toAsset(a, 0);
      });
    },

    /**
     * Ingests an SBOM (streamed, validated; a malformed one stores nothing), replaces the asset's component set
     * atomically, matches the new components against the advisory index, and records exposures. A triage
     * decision survives when the new version of a package is still inside the same advisory's range.
     */
    async uploadSbom(ctx: RequestContext, assetId: string, body: Readable) {
      const actor = requireActor(ctx);
      const asset = await repo.findAsset(db, orgScopeFor(actor), assetId);
      if (!asset) throw notFound('asset');
      if (!canManageAsset(actor, asset)) throw forbidden();
      const hash = createHash('sha256');
      const tee = new PassThrough();
      const hashing = new Transform({
        transform(chunk: Buffer, _enc, cb) {
          hash.update(chunk);
          cb(null, chunk);
        },
      });
      // pipeline (not pipe) hands the upload cap's 413 to the reader, also when it fired before this handler ran.
      pipeline(body, hashing, tee).catch(() => undefined);
      const sbom = await ingestSbom(tee).catch((e: unknown) => {
        if (e instanceof SbomError) {
          throw new AppError(
            400,
            'sbom.invalid',
            'The SBOM is not valid CycloneDX 1.2–1.7 or SPDX 2.2/2.3 JSON; nothing was stored.',
            e.errors.map((x) => ({
              path: `body${x.path === '/' ? '' : x.path.replace(/\//g, '.')}`,
              message: x.message,
              code: 'sbom.schema',
            })),
          );
        }
        throw e;
      });
      await engine.ready();
      const list = sbom.components.map((c) => ({
        ecosystem: c.ecosystem,
        name: c.name,
        version: c.version,
        purl: c.purl,
      }));
      const result = await inTransaction(db, async (tx) => {
        const { removed, added } = await repo.replaceComponents(tx, asset, list);
        const hits = engine.matchComponents(added).map((h): Hit => {
          const c = added[h.component]!;
          const sev = advisorySeverity(h.advisory.severity);
          return {
            orgId: asset.orgId,
            assetId: asset.id,
            advisoryId: h.advisory.id,
            ecosystem: c.ecosystem,
            name: c.name,
            version: c.version,
            severity: sev.label,
            severityRank: sev.rank,
          };
        });
        const written = await repo.upsertHits(tx, hits, ctx.now);
        const resolved = await repo.resolveMissing(
          tx,
          asset.id,
          new Set(hits.map((h) => `${h.advisoryId}|${h.ecosystem}|${h.name}`)),
          ctx.now,
        );
        await repo.updateAsset(tx, asset.id, {
          sbomFormat: sbom.format,
          sbomSpecVersion: sbom.specVersion,
          sbomSha256: hash.digest('hex'),
          sbomUploadedAt: ctx.now,
          componentCount: sbom.counts.components,
          unsupportedCount: sbom.counts.components - sbom.counts.matchable,
          updatedAt: ctx.now,
        });
        const generation = await repo.bumpGeneration(tx);
        if (written.created) {
          await notifications.notify(tx, ctx, {
            orgIds: [asset.orgId],
            kind: 'exposure.new',
            title: `${asset.name}: ${written.created} 个新暴露 / new exposures`,
            body: 'Components in this SBOM fall inside published vulnerability ranges.',
            link: `/exposures?assetId=${asset.id}`,
            data: { assetId: asset.id, created: written.created },
          });
        }
        await audit.append(tx, ctx, {
          action: 'asset.sbom_uploaded',
          entityType: 'asset',
          entityId: asset.id,
          orgId: asset.orgId,
          data: {
            format: sbom.format,
            specVersion: sbom.specVersion,
            components: sbom.counts.components,
            exposures: hits.length,
            created: written.created,
            resolved,
          },
        });
        return { removed, added, generation, created: written.created, resolved, hits: hits.length };
      });
      engine.applied(result.generation, () => engine.replaceInstances(result.removed, result.added));
      return {
        format: sbom.format,
        specVersion: sbom.specVersion,
        counts: sbom.counts,
        exposures: result.hits,
        newExposures: result.created,
        resolvedExposures: result.resolved,
      };
    },

    /** Exposures in the actor's scope, most severe first. */
    async listExposures(ctx: RequestContext, q: z.infer<typeof ExposureListQuery>) {
      const actor = requireActor(ctx);
      const after = q.cursor ? (decodeCursor(q.cursor, 2) as [string, string]) : undefined;
      const rows = await repo.listExposures(db, orgScopeFor(actor), {
        state: q.state,
        open: q.open === undefined ? undefined : q.open === 'true',
        assetId: q.assetId,
        after: after ? [Number(after[0]), after[1]] : undefined,
        limit: q.limit,
      });
      const summaries = await repo.advisorySummaries(db, [...new Set(rows.map((r) => r.e.advisoryId))]);
      const last = rows.at(-1);
      return {
        items: rows.map((r) =>
          toExposure({ ...r.e, assetName: r.assetName }, summaries.get(r.e.advisoryId) ?? null),
        ),
        nextCursor:
          rows.length === q.limit && last ? encodeCursor([String(last.e.severityRank), last.e.id]) : null,
      };
    },

    /** Records a triage decision (VEX analysis) by the asset's org. */
    async triage(ctx: RequestContext, id: string, body: z.infer<typeof TriageBody>) {
      const actor = requireActor(ctx);
      return inTransaction(db, async (tx) => {
        const e = await repo.findExposure(tx, orgScopeFor(actor), id);
        if (!e) throw notFound('exposure');
        if (actor.orgId !== e.orgId || actor.role === 'viewer')
          throw forbidden('Only the asset\u2019s own organisation triages its exposures.');
        await repo.triage(tx, id, {
          state: body.state,
          justification: body.state === 'not-affected' ? (body.justification ?? null) : null,
          detail: body.detail ?? null,
          triagedBy: actor.userId,
          triagedAt: ctx.now,
        });
        await audit.append(tx, ctx, {
          action: 'exposure.triaged',
          entityType: 'exposure',
          entityId: id,
          data: { state: body.state, justification: body.justification ?? null },
        });
        const fresh = (await repo.findExposure(tx, orgScopeFor(actor), id))!;
        return toExposure(
          fresh,
          (await repo.advisorySummaries(tx, [fresh.advisoryId])).get(fresh.advisoryId) ?? null,
        );
      });
    },

    /** The asset's exposures as a CycloneDX 1.6 VEX document. */
    async vex(ctx: RequestContext, assetId: string) {
      const asset = await repo.findAsset(db, orgScopeFor(requireActor(ctx)), assetId);
      if (!asset) throw notFound('asset');
      const rows = await repo.exposuresOfAsset(db, asset.id);
      return cyclonedxVex(
        asset,
        rows.map((e) => ({ ...e, purl: null, resolved: e.resolvedAt !== null })),
        ctx.now,
      );
    },

    /** Orgs with open exposures to one advisory in the actor's scope, with counts by province (regulators). */
    async affectedBy(ctx: RequestContext, advisoryId: string) {
      const actor = requireActor(ctx);
      const rows = await repo.affectedOrgs(db, orgScopeFor(actor), advisoryId);
      const byProvince = new Map<string, number>();
      for (const r of rows)
        if (r.provinceCode) byProvince.set(r.provinceCode, (byProvince.get(r.provinceCode) ?? 0) + 1);
      return {
        advisoryId,
        orgs: rows,
        byProvince: [...byProvince]
          .map(([provinceCode, orgs]) => ({ provinceCode, orgs }))
          .sort((a, b) => b.orgs - a.orgs),
      };
    },

    /** RMSV art. 7(3): how many organisations run each of the vendor's published vulnerabilities. */
    async vendorAffectedUsers(ctx: RequestContext) {
      const actor = requireActor(ctx);
      const list = await deps.vendorAdvisories(db, actor.orgId);
      // Bulwark advisories enter the matcher as OSV records with the `x_` prefix (unregistered database).
      const counts = await repo.openOrgCounts(
        db,
        list.map((a) => `x_${a.ref}`),
      );
      return list.map((a) => ({ ref: a.ref, title: a.title, affectedOrgs: counts.get(`x_${a.ref}`) ?? 0 }));
    },

    /** The advisories that hit one package version (per-component view). */
    async advisoriesFor(ecosystem: string, name: string, version: string) {
      await engine.ready();
      return engine.matchComponents([{ ecosystem, name, version }]).map((h) => ({
        id: h.advisory.id,
        aliases: [...h.advisory.aliases],
        summary: h.advisory.summary,
        severity: advisorySeverity(h.advisory.severity).label,
      }));
    },
  };
}

/** The exposure service's public type. */
export type ExposureService = ReturnType<typeof createExposureService>;
