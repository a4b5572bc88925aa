import type {
  AnswersBody,
  EvidenceUpload,
  ExaminationDiff,
  ExaminationScore,
} from '../../../contracts/assessments';
import { type RequestContext, requireActor } from '../../core/actor';
import { forbidden, notFound } from '../../core/errors';
import type { Db } from '../../db/client';
import { inTransaction } from '../../db/tx';
import {
  diffExaminations,
  type ExaminationAnswers,
  scoreExamination,
} from '../../programme-rules/assessment-score';
import { SCENARIO_KEYS } from '../../programme-rules/controls-schema';
import { shanghaiYear } from '../../programme-rules/coverage';
import { orgScopeFor } from '../identity';
import { type AssessmentsDeps, EVIDENCE_KIND } from './assessments.deps';
import { assessmentErrors as errors } from './assessments.errors';
import { controlLibrary, toExamination, toSummary } from './assessments.mappers';
import { canWriteFor } from './assessments.policy';
import { assessmentsRepository as repo } from './assessments.repository';
import type { ExaminationAnswerRow, ExaminationRow } from './assessments.table';
import { correctiveDueOn } from './rules/corrective-due';

const answerMap = (rows: ExaminationAnswerRow[]): ExaminationAnswers =>
  Object.fromEntries(rows.map((a) => [a.controlId, a.answer as ExaminationAnswers[string]]));

/** Risk self-examinations (34号 自查自纠): start, answer, attach evidence, score, complete, compare. */
export function createExaminationsService(deps: AssessmentsDeps) {
  const { db, audit, evidence, packs } = deps;
  const controls = () => new Map(packs.controls.controls.map((c) => [c.value.id, c.value]));

  /** The frozen score of a completed examination, else the live score of its answers. */
  const scoreOf = (e: ExaminationRow, answers: ExaminationAnswerRow[]): ExaminationScore =>
    e.status === 'completed' && e.score
      ? (e.score as unknown as ExaminationScore)
      : scoreExamination(packs.controls, answerMap(answers));

  const load = async (ctx: RequestContext, id: string, tx: Db = db) => {
    const e = await repo.findExamination(tx, orgScopeFor(requireActor(ctx)), id);
    if (!e) throw notFound('self-examination');
    return e;
  };

  const view = async (ctx: RequestContext, id: string, tx: Db = db) => {
    const e = await load(ctx, id, tx);
    const answers = await repo.answers(tx, e.id);
    return toExamination(
      e,
      answers,
      (await evidence.of(tx, EVIDENCE_KIND.answer, [e.id])).get(e.id) ?? [],
      scoreOf(e, answers),
      e.status === 'in-progress' && canWriteFor(requireActor(ctx), e.orgId),
    );
  };

  /** Loads an examination the actor may change, locked, still in progress. */
  const editable = async (ctx: RequestContext, tx: Db, id: string) => {
    const e = await load(ctx, id, tx);
    if (!canWriteFor(requireActor(ctx), e.orgId)) throw forbidden();
    const locked = await repo.lockExamination(tx, e.id);
    if (locked?.status !== 'in-progress') throw errors.examinationCompleted();
    return e;
  };

  return {
    /** The versioned control library, grouped by scenario. */
    library: () => controlLibrary(packs),

    /** Examinations the actor may see (an enterprise its own; regulators those of their scope). */
    async list(ctx: RequestContext, orgId?: string) {
      const rows = await repo.listExaminations(db, orgScopeFor(requireActor(ctx)), orgId);
      const live = await Promise.all(
        rows.map(async (e) => scoreOf(e, e.status === 'completed' ? [] : await repo.answers(db, e.id))),
      );
      return rows.map((e, i) => toSummary(e, live[i]!.overall.score));
    },

    /** One examination with answers, evidence and score. */
    get: (ctx: RequestContext, id: string) => view(ctx, id),

    /** Starts the enterprise's examination for the current Shanghai year, linked to its last completed one. */
    async start(ctx: RequestContext) {
      const actor = requireActor(ctx);
      if (!canWriteFor(actor, actor.orgId)) throw forbidden();
      return inTransaction(db, async (tx) => {
        if (await repo.openExamination(tx, actor.orgId)) throw errors.examinationOpen();
        const previous = await repo.lastCompleted(tx, actor.orgId);
        const e = await repo
          .insertExamination(tx, {
            orgId: actor.orgId,
            year: shanghaiYear(ctx.now),
            libraryVersion: packs.controls.version,
            status: 'in-progress',
            previousId: previous?.id ?? null,
            startedAt: ctx.now,
            startedBy: actor.userId,
          })
          .catch((err: unknown) => {
            // Two starts racing: the partial unique index keeps one in progress.
            if (String((err as { cause?: unknown })?.cause ?? err).includes('examinations_open_uq'))
              throw errors.examinationOpen();
            throw err;
          });
        await audit.append(tx, ctx, {
          action: 'examination.started',
          entityType: 'examination',
          entityId: e.id,
          data: { year: e.year, libraryVersion: e.libraryVersion, previousId: e.previousId },
        });
        return view(ctx, e.id, tx);
      });
    },

    /** Records answers; every control must be in the library. */
    async answer(ctx: RequestContext, id: string, body: AnswersBody) {
      const library = controls();
      body.answers.forEach((a, i) => {
        if (!library.has(a.controlId))
          throw errors.unknownControl(`body.answers.${i}.controlId`, a.controlId);
      });
      return inTransaction(db, async (tx) => {
        const e = await editable(ctx, tx, id);
        await repo.upsertAnswers(
          tx,
          body.answers.map((a) => ({
            examinationId: e.id,
            controlId: a.controlId,
            answer: a.answer,
            note: a.note ?? null,
            answeredBy: ctx.actor?.userId ?? null,
            answeredAt: ctx.now,
          })),
        );
        await audit.append(tx, ctx, {
          action: 'examination.answered',
          entityType: 'examination',
          entityId: e.id,
          orgId: e.orgId,
          data: { answers: body.answers.map((a) => `${a.controlId}=${a.answer}`) },
        });
        return view(ctx, e.id, tx);
      });
    },

    /** Attaches a sealed evidence file to one control's answer. */
    async attachEvidence(ctx: RequestContext, id: string, controlId: string, body: EvidenceUpload) {
      if (!controls().has(controlId)) throw errors.unknownControl('params.controlId', controlId);
      return inTransaction(db, async (tx) => {
        const e = await editable(ctx, tx, id);
        const f = await evidence.attach(
          tx,
          ctx,
          { orgId: e.orgId, kind: EVIDENCE_KIND.answer, id: e.id, part: controlId },
          body,
        );
        await audit.append(tx, ctx, {
          action: 'examination.evidence_added',
          entityType: 'examination',
          entityId: e.id,
          orgId: e.orgId,
          data: { evidenceId: f.id, controlId, sha256: f.sha256, size: f.size },
        });
        return f;
      });
    },

    /**
     * Completes the examination: every control answered, the score frozen, and every `no` or `partial` raised as a
     * corrective action (自查自纠: self-examination, then self-correction) owned by the completer.
     */
    async complete(ctx: RequestContext, id: string) {
      const actor = requireActor(ctx);
      return inTransaction(db, async (tx) => {
        const e = await editable(ctx, tx, id);
        const answers = await repo.answers(tx, e.id);
        const score = scoreExamination(packs.controls, answerMap(answers));
        if (!score.complete) throw errors.incomplete(score.unanswered);
        await repo.updateExamination(tx, e.id, {
          status: 'completed',
          score: score as unknown as Record<string, unknown>,
          libraryVersion: packs.controls.version,
          completedAt: ctx.now,
          completedBy: actor.userId,
        });
        const library = controls();
        const findings = answers.filter(
          (a) => (a.answer === 'no' || a.answer === 'partial') && library.has(a.controlId),
        );
        const raised = await repo.insertActions(
          tx,
          findings.map((a) => {
            const c = library.get(a.controlId)!;
            return {
              orgId: e.orgId,
              sourceKind: 'examination',
              sourceId: e.id,
              controlId: c.id,
              scenarios: c.scenarios,
              title: c.question.zh,
              detail: a.note,
              ownerUserId: actor.userId,
              dueOn: correctiveDueOn(ctx.now),
              status: 'open',
              createdAt: ctx.now,
              updatedAt: ctx.now,
            };
          }),
        );
        await audit.append(tx, ctx, {
          action: 'examination.completed',
          entityType: 'examination',
          entityId: e.id,
          orgId: e.orgId,
          data: {
            year: e.year,
            overall: score.overall.score,
            correctiveActions: raised.map((r) => r.id),
          },
        });
        return view(ctx, e.id, tx);
      });
    },

    /** Compares the examination with the previous completed one, both scored with the current library. */
    async diff(ctx: RequestContext, id: string): Promise<ExaminationDiff> {
      const e = await load(ctx, id);
      const previous = e.previousId
        ? await repo.findExamination(db, orgScopeFor(requireActor(ctx)), e.previousId)
        : undefined;
      if (!previous) {
        const none = Object.fromEntries(SCENARIO_KEYS.map((k) => [k, null])) as ExaminationDiff['byScenario'];
        const empty = { improved: [], regressed: [], changed: [], retired: [] };
        return { previousId: null, previousYear: null, overallDelta: null, byScenario: none, ...empty };
      }
      const d = diffExaminations(
        packs.controls,
        answerMap(await repo.answers(db, previous.id)),
        answerMap(await repo.answers(db, e.id)),
      );
      const { improved, regressed, changed, retired, overallDelta, byScenario } = d;
      return {
        previousId: previous.id,
        previousYear: previous.year,
        overallDelta,
        byScenario,
        improved,
        regressed,
        changed,
        retired,
      };
    },
  };
}

/** The examinations service's public type. */
export type ExaminationsService = ReturnType<typeof createExaminationsService>;
