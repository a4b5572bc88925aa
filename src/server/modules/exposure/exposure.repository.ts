import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { OrgScope } from '../identity';
import { orgScopeSql } from '../identity/identity.repository';
import { orgs } from '../identity/identity.table';
import {
  type AssetRow,
  assets,
  components,
  type ExposureRow,
  exposureGeneration,
  exposures,
  type MatchAdvisoryRow,
  matchAdvisories,
} from './exposure.table';

/** A component instance as the matcher and the exposure writer need it. */
export interface Instance {
  id: number;
  assetId: string;
  orgId: string;
  ecosystem: string;
  name: string;
  version: string;
}

/** An exposure to write: found by (asset, advisory, package). */
export interface Hit {
  orgId: string;
  assetId: string;
  advisoryId: string;
  ecosystem: string;
  name: string;
  version: string;
  severity: string | null;
  severityRank: number;
}

/** SQL for assets, component instances, matchable advisories and exposures. */
export const exposureRepository = {
  /** Assets of the orgs inside the scope. */
  async listAssets(db: Db, scope: OrgScope, orgId?: string): Promise<AssetRow[]> {
    return db
      .select({ a: assets })
      .from(assets)
      .innerJoin(orgs, eq(orgs.id, assets.orgId))
      .where(and(orgScopeSql(scope), orgId ? eq(assets.orgId, orgId) : undefined))
      .orderBy(desc(assets.createdAt))
      .limit(500)
      .then((rows) => rows.map((r) => r.a));
  },
  /** One asset inside the scope. */
  async findAsset(db: Db, scope: OrgScope, id: string): Promise<AssetRow | undefined> {
    const [r] = await db
      .select({ a: assets })
      .from(assets)
      .innerJoin(orgs, eq(orgs.id, assets.orgId))
      .where(and(eq(assets.id, id), orgScopeSql(scope)));
    return r?.a;
  },
  /** Inserts an asset. */
  async insertAsset(db: Db, values: typeof assets.$inferInsert): Promise<AssetRow> {
    const [r] = await db.insert(assets).values(values).returning();
    return r!;
  },
  /** Updates an asset. */
  async updateAsset(db: Db, id: string, values: Partial<typeof assets.$inferInsert>): Promise<void> {
    await db.update(assets).set(values).where(eq(assets.id, id));
  },
  /** Open exposures per asset. */
  async openCounts(db: Db, assetIds: string[]): Promise<Map<string, number>> {
    if (!assetIds.length) return new Map();
    const rows = await db
      .select({ assetId: exposures.assetId, n: count() })
      .from(exposures)
      .where(and(inArray(exposures.assetId, assetIds), isNull(exposures.resolvedAt)))
      .groupBy(exposures.assetId);
    return new Map(rows.map((r) => [r.assetId, r.n]));
  },

  /** Replaces an asset's component set; returns the new matchable instances with their ids. */
  async replaceComponents(
    db: Db,
    asset: { id: string; orgId: string },
    list: readonly { ecosystem: string | null; name: string; version: string | null; purl: string | null }[],
  ): Promise<{ removed: number[]; added: Instance[] }> {
    const removed = await db
      .delete(components)
      .where(eq(components.assetId, asset.id))
      .returning({ id: components.id });
    const added: Instance[] = [];
    // 5 parameters a row; PostgreSQL allows 65,535 parameters a statement.
    for (let i = 0; i < list.length; i += 5000) {
      const rows = await db
        .insert(components)
        .values(list.slice(i, i + 5000).map((c) => ({ assetId: asset.id, orgId: asset.orgId, ...c })))
        .returning({
          id: components.id,
          ecosystem: components.ecosystem,
          name: components.name,
          version: components.version,
        });
      for (const r of rows) {
        if (r.ecosystem && r.version) {
          added.push({
            id: r.id,
            assetId: asset.id,
            orgId: asset.orgId,
            ecosystem: r.ecosystem,
            name: r.name,
            version: r.version,
          });
        }
      }
    }
    return { removed: removed.map((r) => r.id), added };
  },
  /** Matchable instances in id order after `afterId`, a batch at a time (index rebuild). */
  async instancesAfter(db: Db, afterId: number, limit: number) {
    return db
      .select({
        id: components.id,
        ecosystem: components.ecosystem,
        name: components.name,
        version: components.version,
      })
      .from(components)
      .where(and(gt(components.id, afterId), isNotNull(components.ecosystem), isNotNull(components.version)))
      .orderBy(asc(components.id))
      .limit(limit);
  },
  /** Instances by id, with their asset and org. */
  async instances(db: Db, ids: number[]): Promise<Instance[]> {
    const out: Instance[] = [];
    for (let i = 0; i < ids.length; i += 10_000) {
      const rows = await db
        .select({
          id: components.id,
          assetId: components.assetId,
          orgId: components.orgId,
          ecosystem: components.ecosystem,
          name: components.name,
          version: components.version,
        })
        .from(components)
        .where(inArray(components.id, ids.slice(i, i + 10_000)));
      for (const r of rows)
        if (r.ecosystem && r.version) out.push({ ...r, ecosystem: r.ecosystem, version: r.version });
    }
    return out;
  },

  /** Inserts or replaces matchable advisories. */
  async upsertAdvisories(db: Db, rows: (typeof matchAdvisories.$inferInsert)[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 1000) {
      await db
        .insert(matchAdvisories)
        .values(rows.slice(i, i + 1000))
        .onConflictDoUpdate({
          target: matchAdvisories.id,
          set: {
            source: sql`excluded.source`,
            modified: sql`excluded.modified`,
            summary: sql`excluded.summary`,
            aliases: sql`excluded.aliases`,
            severity: sql`excluded.severity`,
            record: sql`excluded.record`,
            importedAt: sql`excluded.imported_at`,
          },
        });
    }
  },
  /** Matchable advisories in id order after `afterId` (index rebuild). */
  async advisoriesAfter(db: Db, afterId: string, limit: number): Promise<MatchAdvisoryRow[]> {
    return db
      .select()
      .from(matchAdvisories)
      .where(gt(matchAdvisories.id, afterId))
      .orderBy(asc(matchAdvisories.id))
      .limit(limit);
  },
  /** One matchable advisory. */
  async advisory(db: Db, id: string): Promise<MatchAdvisoryRow | undefined> {
    const [r] = await db.select().from(matchAdvisories).where(eq(matchAdvisories.id, id));
    return r;
  },
  /** Summaries of advisories by id. */
  async advisorySummaries(db: Db, ids: string[]) {
    if (!ids.length) return new Map<string, string | null>();
    const rows = await db
      .select({ id: matchAdvisories.id, summary: matchAdvisories.summary })
      .from(matchAdvisories)
      .where(inArray(matchAdvisories.id, ids));
    return new Map(rows.map((r) => [r.id, r.summary]));
  },

  /**
   * Writes hits: new exposures open as `affected`; existing ones keep their triage and move to the new version
   * (the decision survives a version change inside the range); auto-resolved ones reopen. Returns new ones.
   */
  async upsertHits(db: Db, hits: Hit[], now: Date): Promise<{ created: number; byOrg: Map<string, number> }> {
    let created = 0;
    const byOrg = new Map<string, number>();
    for (let i = 0; i < hits.length; i += 2000) {
      const rows = await db
        .insert(exposures)
        .values(
          hits
            .slice(i, i + 2000)
            .map((h) => ({ ...h, state: 'affected', firstSeenAt: now, lastSeenAt: now })),
        )
        .onConflictDoUpdate({
          target: [exposures.assetId, exposures.advisoryId, exposures.ecosystem, exposures.name],
          set: {
            version: sql`excluded.version`,
            lastSeenAt: sql`excluded.last_seen_at`,
            severity: sql`excluded.severity`,
            severityRank: sql`excluded.severity_rank`,
            // Reopen only what was closed automatically because the version had left the range.
            state: sql`case when ${exposures.resolvedAt} is not null and ${exposures.triagedAt} is null then 'affected' else ${exposures.state} end`,
            resolvedAt: sql`null`,
          },
        })
        .returning({ orgId: exposures.orgId, inserted: sql<boolean>`(xmax = 0)` });
      for (const r of rows) {
        // xmax is 0 on a freshly inserted row and set when ON CONFLICT updated an existing one.
        if (r.inserted) {
          created++;
          byOrg.set(r.orgId, (byOrg.get(r.orgId) ?? 0) + 1);
        }
      }
    }
    return { created, byOrg };
  },
  /** Resolves an asset's open exposures that the latest match no longer finds (the version left the range). */
  async resolveMissing(db: Db, assetId: string, stillOpen: Set<string>, now: Date): Promise<number> {
    const open = await db
      .select({
        id: exposures.id,
        advisoryId: exposures.advisoryId,
        ecosystem: exposures.ecosystem,
        name: exposures.name,
        state: exposures.state,
      })
      .from(exposures)
      .where(and(eq(exposures.assetId, assetId), isNull(exposures.resolvedAt)));
    const gone = open.filter((e) => !stillOpen.has(`${e.advisoryId}|${e.ecosystem}|${e.name}`));
    for (const e of gone) {
      await db
        .update(exposures)
        .set({ resolvedAt: now, state: e.state === 'affected' ? 'fixed' : e.state })
        .where(eq(exposures.id, e.id));
    }
    return gone.length;
  },
  /** A page of exposures inside the scope, most severe first. */
  async listExposures(
    db: Db,
    scope: OrgScope,
    f: { state?: string; open?: boolean; assetId?: string; after?: [number, string]; limit: number },
  ) {
    const where: (SQL | undefined)[] = [orgScopeSql(scope)];
    if (f.state) where.push(eq(exposures.state, f.state));
    if (f.open !== undefined)
      where.push(f.open ? isNull(exposures.resolvedAt) : isNotNull(exposures.resolvedAt));
    if (f.assetId) where.push(eq(exposures.assetId, f.assetId));
    if (f.after)
      where.push(sql`(${exposures.severityRank}, ${exposures.id}) < (${f.after[0]}, ${f.after[1]}::uuid)`);
    return db
      .select({ e: exposures, assetName: assets.name })
      .from(exposures)
      .innerJoin(assets, eq(assets.id, exposures.assetId))
      .innerJoin(orgs, eq(orgs.id, exposures.orgId))
      .where(and(...where))
      .orderBy(desc(exposures.severityRank), desc(exposures.id))
      .limit(f.limit);
  },
  /** One exposure inside the scope. */
  async findExposure(
    db: Db,
    scope: OrgScope,
    id: string,
  ): Promise<(ExposureRow & { assetName: string }) | undefined> {
    const [r] = await db
      .select({ e: exposures, assetName: assets.name })
      .from(exposures)
      .innerJoin(assets, eq(assets.id, exposures.assetId))
      .innerJoin(orgs, eq(orgs.id, exposures.orgId))
      .where(and(eq(exposures.id, id), orgScopeSql(scope)));
    return r ? { ...r.e, assetName: r.assetName } : undefined;
  },
  /** Records a triage decision. */
  async triage(db: Db, id: string, values: Partial<typeof exposures.$inferInsert>): Promise<void> {
    await db.update(exposures).set(values).where(eq(exposures.id, id));
  },
  /** All exposures of an asset (VEX export). */
  async exposuresOfAsset(db: Db, assetId: string): Promise<ExposureRow[]> {
    return db
      .select()
      .from(exposures)
      .where(eq(exposures.assetId, assetId))
      .orderBy(asc(exposures.advisoryId));
  },
  /** Affected orgs of an advisory inside the scope, with their province (regulators' view). */
  async affectedOrgs(db: Db, scope: OrgScope, advisoryId: string) {
    return db
      .select({
        orgId: orgs.id,
        name: orgs.name,
        kind: orgs.kind,
        provinceCode: orgs.provinceCode,
        exposures: count(),
      })
      .from(exposures)
      .innerJoin(orgs, eq(orgs.id, exposures.orgId))
      .where(and(eq(exposures.advisoryId, advisoryId), isNull(exposures.resolvedAt), orgScopeSql(scope)))
      .groupBy(orgs.id, orgs.name, orgs.kind, orgs.provinceCode)
      .orderBy(asc(orgs.name));
  },

  /** Distinct orgs with open exposures, per advisory id. */
  async openOrgCounts(db: Db, advisoryIds: string[]): Promise<Map<string, number>> {
    if (!advisoryIds.length) return new Map();
    const rows = await db
      .select({ advisoryId: exposures.advisoryId, n: sql<number>`count(distinct ${exposures.orgId})::int` })
      .from(exposures)
      .where(and(inArray(exposures.advisoryId, advisoryIds), isNull(exposures.resolvedAt)))
      .groupBy(exposures.advisoryId);
    return new Map(rows.map((r) => [r.advisoryId, r.n]));
  },
  /** Bumps the exposure generation (call in the writing transaction). */
  async bumpGeneration(db: Db): Promise<number> {
    const [r] = await db
      .update(exposureGeneration)
      .set({ generation: sql`${exposureGeneration.generation} + 1` })
      .where(eq(exposureGeneration.id, 1))
      .returning({ g: exposureGeneration.generation });
    return r!.g;
  },
  /** The current exposure generation. */
  async generation(db: Db): Promise<number> {
    const [r] = await db
      .select({ g: exposureGeneration.generation })
      .from(exposureGeneration)
      .where(eq(exposureGeneration.id, 1));
    return r?.g ?? 0;
  },
};
