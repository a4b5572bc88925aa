import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Advisory, AdvisoryTally, normalizeAdvisory, readSource } from '../../../lib/advisories';
import type { RequestContext } from '../../core/actor';
import type { Db } from '../../db/client';
import { inTransaction } from '../../db/tx';
import type { AuditService } from '../audit';
import type { NotificationsService } from '../notifications';
import type { ExposureEngine } from './exposure.engine';
import { type Hit, exposureRepository as repo } from './exposure.repository';
import { advisorySeverity } from './severity';

/** What an import brought in and what it found. */
export interface ImportResult {
  counts: ReturnType<AdvisoryTally['counts']>;
  problems: { source: string; reason: string }[];
  exposures: number;
  newExposures: number;
  affectedOrgs: number;
}

/**
 * Advisory ingest for matching: OSV (file, folder, zip, JSON Lines), CSAF 2.0 and Node.js WG records, plus
 * Bulwark's own published advisories. Each new or changed advisory is matched at once against the index.
 */
export function createAdvisoryImportService(deps: {
  db: Db;
  audit: AuditService;
  notifications: NotificationsService;
  engine: ExposureEngine;
}) {
  const { db, audit, notifications, engine } = deps;

  /** Stores advisories with their source documents, matches them, and records exposures in one transaction. */
  async function store(ctx: RequestContext, items: { advisory: Advisory; doc: unknown; source: string }[]) {
    await engine.ready();
    const hits: Hit[] = [];
    for (const { advisory } of items) {
      const sev = advisorySeverity(advisory.severity);
      for (const inst of await repo.instances(db, engine.matchAdvisory(advisory))) {
        hits.push({
          orgId: inst.orgId,
          assetId: inst.assetId,
          advisoryId: advisory.id,
          ecosystem: inst.ecosystem,
          name: inst.name,
          version: inst.version,
          severity: sev.label,
          severityRank: sev.rank,
        });
      }
    }
    const r = await inTransaction(db, async (tx) => {
      await repo.upsertAdvisories(
        tx,
        items.map(({ advisory, doc, source }) => ({
          id: advisory.id,
          source,
          modified: advisory.modified ? new Date(advisory.modified) : ctx.now,
          summary: advisory.summary.slice(0, 1000),
          aliases: [...advisory.aliases],
          severity: advisorySeverity(advisory.severity).label,
          record: doc as Record<string, unknown>,
          importedAt: ctx.now,
        })),
      );
      const written = await repo.upsertHits(tx, hits, ctx.now);
      for (const [orgId, n] of written.byOrg) {
        await notifications.notify(tx, ctx, {
          orgIds: [orgId],
          kind: 'exposure.new',
          title: `${n} 个新暴露 / new exposures`,
          body: 'A newly published vulnerability affects components you run.',
          link: '/exposures?open=true',
          data: { created: n },
        });
      }
      const generation = await repo.bumpGeneration(tx);
      await audit.append(tx, ctx, {
        action: 'advisories.imported',
        entityType: 'advisory_set',
        entityId: null,
        data: { advisories: items.length, exposures: hits.length, created: written.created },
      });
      return { generation, created: written.created, orgs: written.byOrg.size };
    });
    engine.applied(r.generation, () => engine.putAdvisories(items.map((i) => i.advisory)));
    return { exposures: hits.length, newExposures: r.created, affectedOrgs: r.orgs };
  }

  return {
    /** Imports an advisory set from an uploaded body (saved to a temporary file first, since zips need seeking). */
    async importUpload(
      ctx: RequestContext,
      body: Readable,
      kind: 'json' | 'jsonl' | 'zip',
    ): Promise<ImportResult> {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-advisories-'));
      const file = path.join(dir, `upload.${kind}`);
      try {
        const out = fs.createWriteStream(file);
        // Opened before piping: an upload that fails at once must not leave the open racing the folder's removal.
        await once(out, 'open');
        await pipeline(body, out);
        const result = await this.importPath(ctx, file);
        // Name problems by the upload, not by the server's temporary path.
        return {
          ...result,
          problems: result.problems.map((p) => ({ ...p, source: p.source.replace(file, 'upload') })),
        };
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },

    /** Imports an advisory set from a file or folder on the server (CLI and seed use). */
    async importPath(ctx: RequestContext, source: string): Promise<ImportResult> {
      const tally = new AdvisoryTally();
      const problems: ImportResult['problems'] = [];
      const items: { advisory: Advisory; doc: unknown; source: string }[] = [];
      for await (const item of readSource(source)) {
        if ('problem' in item) {
          tally.addProblem();
          if (problems.length < 100) problems.push({ source: item.source, reason: item.problem });
          continue;
        }
        const n = normalizeAdvisory(item.doc);
        tally.add(n);
        for (const p of n.problems)
          if (problems.length < 100) problems.push({ source: item.source, reason: p });
        for (const a of n.advisories) items.push({ advisory: a, doc: item.doc, source: a.source });
      }
      const matched = await store(ctx, items);
      return { counts: tally.counts(), problems, ...matched };
    },

    /**
     * Full-portfolio analysis: every advisory against every component instance, persisted like incremental
     * matches (new exposures open, triage decisions kept). Run after a bulk change or on a schedule.
     */
    async analysePortfolio(ctx: RequestContext) {
      await engine.ready();
      const hits: Hit[] = [];
      let advisories = 0;
      for (const advisory of engine.allAdvisories()) {
        const ids = engine.matchAdvisory(advisory);
        advisories++;
        if (!ids.length) continue;
        const sev = advisorySeverity(advisory.severity);
        for (const inst of await repo.instances(db, ids)) {
          hits.push({
            orgId: inst.orgId,
            assetId: inst.assetId,
            advisoryId: advisory.id,
            ecosystem: inst.ecosystem,
            name: inst.name,
            version: inst.version,
            severity: sev.label,
            severityRank: sev.rank,
          });
        }
      }
      const written = await inTransaction(db, async (tx) => {
        const w = await repo.upsertHits(tx, hits, ctx.now);
        await audit.append(tx, ctx, {
          action: 'exposure.portfolio_analysed',
          entityType: 'portfolio',
          entityId: null,
          data: { advisories, hits: hits.length, created: w.created },
        });
        return w;
      });
      return {
        advisories,
        exposures: hits.length,
        newExposures: written.created,
        affectedOrgs: new Set(hits.map((h) => h.orgId)).size,
      };
    },

    /** Adds one OSV record (e.g. a Bulwark advisory just published) to the matching set. */
    async importRecord(ctx: RequestContext, record: unknown, source: string) {
      const items = normalizeAdvisory(record).advisories.map((advisory) => ({
        advisory,
        doc: record,
        source,
      }));
      return store(ctx, items);
    },
  };
}

/** The advisory-import service's public type. */
export type AdvisoryImportService = ReturnType<typeof createAdvisoryImportService>;
