import type { z } from 'zod';
import type {
  ClassifyBody,
  CreateDataAssetBody,
  DataAssetListQuery,
  LevelOverride,
  UpdateDataAssetBody,
} from '../../../contracts/data-catalog';
import { type RequestContext, requireActor } from '../../core/actor';
import { forbidden, notFound } from '../../core/errors';
import type { Db } from '../../db/client';
import { inTransaction } from '../../db/tx';
import { deriveLevel, resolveLevel, type WizardAnswers } from '../../programme-rules/classification';
import { orgScopeFor } from '../identity/identity.policy';
import { answerProblems, crossBorderWarnings } from './catalog-rules';
import type { CatalogDeps } from './data-catalog.deps';
import { catalogErrors } from './data-catalog.errors';
import { toAsset } from './data-catalog.mappers';
import { canWriteAssets } from './data-catalog.policy';
import { assetRepository } from './data-catalog.repository';
import { recomputeObligation } from './refiling';

type Override = z.infer<typeof LevelOverride>;

/** Data assets and the classification wizard (Measures 2022 grading; GB/T 43697-2024 grading elements). */
export function createAssetsService(deps: CatalogDeps) {
  const { db, audit, questions, measures } = deps;

  /**
   * Validates answers, derives the level (就高) and applies an override; 400 with field paths on any problem.
   * A preview accepts unanswered questions (it reports them); a stored classification needs every answer.
   */
  function classify(answers: WizardAnswers, override: Override | null | undefined, preview = false) {
    const problems = answerProblems(questions, answers).filter(
      (p) => !preview || p.code !== 'data_catalog.unanswered',
    );
    if (problems.length) throw catalogErrors.answers(problems);
    const derived = deriveLevel(questions, answers);
    const resolved = resolveLevel(questions, derived.level, override ?? undefined);
    if (!resolved.ok) throw catalogErrors.overrideReason(resolved.minLength);
    return { derived, resolved };
  }

  async function load(tx: Db, ctx: RequestContext, id: string) {
    const row = await assetRepository.findInScope(tx, orgScopeFor(requireActor(ctx)), id);
    if (!row) throw notFound('data asset');
    return row;
  }

  /** Loads an asset the actor may change: 404 outside the scope, 403 for readers, 409 once destroyed. */
  async function loadWritable(tx: Db, ctx: RequestContext, id: string) {
    const row = await load(tx, ctx, id);
    if (!canWriteAssets(requireActor(ctx), row.orgId)) throw forbidden();
    if (row.status === 'destroyed') throw catalogErrors.destroyed();
    return row;
  }

  const sharingOk = (shared: boolean, details: string | null | undefined) => !shared || !!details?.trim();

  return {
    /** The wizard's questions, both languages, each with its clause and status. */
    questions() {
      const q = questions;
      return {
        version: q.version,
        standard: { value: q.standard.value, clause: q.standard.clause, status: q.standard.status },
        mixedData: {
          clause: measures.classification.mixedData.clause,
          status: measures.classification.mixedData.status,
        },
        override: {
          reasonMinLength: q.override.value.reasonMinLength,
          clause: q.override.clause,
          status: q.override.status,
        },
        levels: measures.classification.levels.value.map((l) => ({ ...l, key: l.key as 'general' })),
        questions: q.questions.map((s) => ({
          ...s.value,
          clause: s.clause,
          status: s.status,
          note: s.note ?? null,
        })),
      };
    },

    /** The level some answers lead to, with the answers that set it; stores nothing. */
    classify(_ctx: RequestContext, body: z.infer<typeof ClassifyBody>) {
      const { derived, resolved } = classify(body.answers, body.override, true);
      return {
        derivedLevel: derived.level,
        level: resolved.level,
        overridden: resolved.overridden,
        direction: resolved.direction,
        reasons: derived.reasons,
        unanswered: derived.unanswered,
        complete: derived.complete,
        mixedData: {
          clause: measures.classification.mixedData.clause,
          status: measures.classification.mixedData.status,
        },
      };
    },

    /** Assets in the actor's scope (an enterprise its own; a province its enterprises'; the ministry all). */
    async list(ctx: RequestContext, q: z.infer<typeof DataAssetListQuery>) {
      const rows = await assetRepository.list(db, orgScopeFor(requireActor(ctx)), q);
      return rows.map(toAsset);
    },

    /** One asset, or 404 outside the scope. */
    async get(ctx: RequestContext, id: string) {
      return toAsset(await load(db, ctx, id));
    },

    /** Registers a data asset of the actor's enterprise, classified by the wizard. */
    async create(ctx: RequestContext, body: z.infer<typeof CreateDataAssetBody>) {
      const actor = requireActor(ctx);
      if (!canWriteAssets(actor, actor.orgId)) throw forbidden();
      const { answers, override, scale, ...fields } = body;
      const { derived, resolved } = classify(answers, override);
      if (!sharingOk(fields.externalSharing, fields.sharingDetails)) throw catalogErrors.sharingDetails();
      return inTransaction(db, async (tx) => {
        const row = await assetRepository.insert(tx, {
          ...fields,
          orgId: actor.orgId,
          description: fields.description ?? null,
          sharingDetails: fields.externalSharing ? (fields.sharingDetails ?? null) : null,
          carrierSystem: fields.carrierSystem ?? null,
          source: fields.source ?? null,
          records: scale.records,
          volumeMb: scale.volumeMb,
          level: resolved.level,
          derivedLevel: derived.level,
          overrideReason: resolved.reason ?? null,
          wizardAnswers: answers,
          questionsVersion: questions.version,
          createdBy: actor.userId,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
        await audit.append(tx, ctx, {
          action: 'data_asset.created',
          entityType: 'data_asset',
          entityId: row.id,
          data: {
            name: row.name,
            level: row.level,
            derivedLevel: row.derivedLevel,
            overridden: resolved.overridden,
          },
        });
        await recomputeObligation(deps, tx, ctx, actor.orgId);
        return {
          asset: toAsset(await load(tx, ctx, row.id)),
          warnings: crossBorderWarnings(measures, resolved.level, row.crossBorder),
        };
      });
    },

    /** Edits an asset; new answers or an override re-derive its level. */
    async update(ctx: RequestContext, id: string, body: z.infer<typeof UpdateDataAssetBody>) {
      return inTransaction(db, async (tx) => {
        const before = await loadWritable(tx, ctx, id);
        const { answers, override, scale, ...fields } = body;
        const given = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
        const values: Record<string, unknown> = { ...given };
        if (scale) Object.assign(values, { records: scale.records, volumeMb: scale.volumeMb });
        if (answers !== undefined || override !== undefined) {
          const kept: Override | undefined = before.overrideReason
            ? { level: before.level as Override['level'], reason: before.overrideReason }
            : undefined;
          const { derived, resolved } = classify(
            answers ?? before.wizardAnswers,
            override === undefined ? kept : override,
          );
          Object.assign(values, {
            level: resolved.level,
            derivedLevel: derived.level,
            overrideReason: resolved.reason ?? null,
            wizardAnswers: answers ?? before.wizardAnswers,
            questionsVersion: questions.version,
          });
        }
        const shared = (values.externalSharing as boolean | undefined) ?? before.externalSharing;
        const details =
          'sharingDetails' in values ? (values.sharingDetails as string | null) : before.sharingDetails;
        if (!sharingOk(shared, details)) throw catalogErrors.sharingDetails();
        if (!shared) values.sharingDetails = null;
        const changed = Object.keys(values);
        await assetRepository.update(tx, id, { ...values, version: before.version + 1, updatedAt: ctx.now });
        const after = await load(tx, ctx, id);
        await audit.append(tx, ctx, {
          action: 'data_asset.updated',
          entityType: 'data_asset',
          entityId: id,
          orgId: before.orgId,
          data: { changed, level: after.level, levelBefore: before.level },
        });
        await recomputeObligation(deps, tx, ctx, before.orgId);
        return {
          asset: toAsset(after),
          warnings: crossBorderWarnings(measures, after.level as 'general', after.crossBorder),
        };
      });
    },

    /** Marks an asset destroyed (kept for the filing history; destroying filed data updates the filing). */
    async destroy(ctx: RequestContext, id: string) {
      return inTransaction(db, async (tx) => {
        const before = await loadWritable(tx, ctx, id);
        await assetRepository.update(tx, id, {
          status: 'destroyed',
          destroyedAt: ctx.now,
          version: before.version + 1,
          updatedAt: ctx.now,
        });
        await audit.append(tx, ctx, {
          action: 'data_asset.destroyed',
          entityType: 'data_asset',
          entityId: id,
          orgId: before.orgId,
          data: { name: before.name, level: before.level },
        });
        await recomputeObligation(deps, tx, ctx, before.orgId);
        return { asset: toAsset(await load(tx, ctx, id)), warnings: [] };
      });
    },
  };
}
