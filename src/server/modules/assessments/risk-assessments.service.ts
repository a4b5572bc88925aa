import type { RiskAssessmentBody, RiskAssessmentStatus } from '../../../contracts/assessments';
import { type RequestContext, requireActor } from '../../core/actor';
import { forbidden, notFound } from '../../core/errors';
import type { Db } from '../../db/client';
import { inTransaction } from '../../db/tx';
import { orgScopeFor } from '../identity';
import type { AssessmentsDeps } from './assessments.deps';
import { assessmentErrors as errors } from './assessments.errors';
import { toRisk } from './assessments.mappers';
import { canReceive, canWriteFor } from './assessments.policy';
import { assessmentsRepository as repo } from './assessments.repository';
import type { RiskAssessmentRow } from './assessments.table';
import { daysLeft, isExpired, validUntil } from './rules/risk-validity';

/**
 * The annual data-security risk assessment (Measures art. 31; 82号): a report with the 82号 sections, performed by
 * the processor or a third party, valid 12 months from issue, submitted to the provincial regulator.
 */
export function createRiskAssessmentsService(deps: AssessmentsDeps) {
  const { db, audit, notifications, packs } = deps;
  const rules = () => packs.measures.riskAssessment;
  const sectionKeys = () => rules().reportContents.value.map((s) => s.key);

  const load = async (ctx: RequestContext, id: string, tx: Db = db) => {
    const r = await repo.findRisk(tx, orgScopeFor(requireActor(ctx)), id);
    if (!r) throw notFound('risk assessment');
    return r;
  };

  /** Unknown section keys are refused with their path; the pack lists the 82号 contents. */
  const checkBody = (body: RiskAssessmentBody) => {
    const keys = sectionKeys();
    for (const k of Object.keys(body.sections))
      if (!keys.includes(k)) throw errors.unknownSection(`body.sections.${k}`);
  };

  const fields = (body: RiskAssessmentBody, now: Date) => ({
    performedBy: body.performedBy,
    assessorName: body.performedBy === 'third-party' ? (body.assessorName ?? null) : null,
    sections: Object.fromEntries(Object.entries(body.sections).filter(([, v]) => v.trim() !== '')),
    issuedOn: body.issuedOn ?? null,
    validUntil: body.issuedOn ? validUntil(body.issuedOn, rules().resultValidMonths.value) : null,
    updatedAt: now,
  });

  /** Loads a draft the actor may change, locked. */
  const editableDraft = async (ctx: RequestContext, tx: Db, id: string): Promise<RiskAssessmentRow> => {
    const r = await load(ctx, id, tx);
    if (!canWriteFor(requireActor(ctx), r.orgId)) throw forbidden();
    const locked = (await repo.lockRisk(tx, r.id))!;
    if (locked.status !== 'draft') throw errors.riskNotDraft();
    return locked;
  };

  return {
    /** The 82号 report sections and the validity rule, from the pack. */
    template: () => ({
      sections: rules().reportContents.value,
      resultValidMonths: rules().resultValidMonths.value,
      reminderDaysBefore: rules().reminderDaysBefore.value,
      clause: `${rules().resultValidMonths.clause}; ${rules().reportContents.clause}`,
    }),

    /** Whether the enterprise must assess (it has active important or core data) and its latest result's validity. */
    async status(ctx: RequestContext): Promise<RiskAssessmentStatus> {
      const actor = requireActor(ctx);
      const current = await repo.currentRisk(db, actor.orgId);
      const until = current?.validUntil ?? null;
      return {
        required: await repo.processesImportantData(db, actor.orgId, rules().levels.value),
        currentId: current?.id ?? null,
        validUntil: until,
        daysLeft: until ? daysLeft(until, ctx.now) : null,
        expired: until ? isExpired(until, ctx.now) : false,
      };
    },

    /** An enterprise's own reports; a regulator's queue of submitted reports in its scope. */
    async list(ctx: RequestContext) {
      return (await repo.listRisks(db, orgScopeFor(requireActor(ctx)))).map(toRisk);
    },

    /** One report. */
    get: async (ctx: RequestContext, id: string) => toRisk(await load(ctx, id)),

    /** Starts a draft for the actor's enterprise, addressed to the regulator of its registered province. */
    async create(ctx: RequestContext, body: RiskAssessmentBody) {
      const actor = requireActor(ctx);
      if (!canWriteFor(actor, actor.orgId)) throw forbidden();
      checkBody(body);
      return inTransaction(db, async (tx) => {
        const provinceCode = await repo.profileProvince(tx, actor.orgId);
        if (!provinceCode) throw errors.noProfile();
        const r = await repo.insertRisk(tx, {
          orgId: actor.orgId,
          provinceCode,
          status: 'draft',
          createdAt: ctx.now,
          ...fields(body, ctx.now),
        });
        await audit.append(tx, ctx, {
          action: 'risk_assessment.drafted',
          entityType: 'risk_assessment',
          entityId: r.id,
          data: { performedBy: r.performedBy },
        });
        return toRisk((await repo.findRisk(tx, orgScopeFor(actor), r.id))!);
      });
    },

    /** Replaces a draft's fields. */
    async update(ctx: RequestContext, id: string, body: RiskAssessmentBody) {
      checkBody(body);
      return inTransaction(db, async (tx) => {
        const r = await editableDraft(ctx, tx, id);
        await repo.updateRisk(tx, r.id, fields(body, ctx.now));
        await audit.append(tx, ctx, {
          action: 'risk_assessment.updated',
          entityType: 'risk_assessment',
          entityId: r.id,
          orgId: r.orgId,
          data: { performedBy: body.performedBy, sections: Object.keys(body.sections) },
        });
        return toRisk(await load(ctx, r.id, tx));
      });
    },

    /**
     * Submits the report to the provincial regulator (Measures art. 31: report to the local regulator): every 82号
     * section, the issue date and, for a third-party assessment, the assessor are required.
     */
    async submit(ctx: RequestContext, id: string) {
      return inTransaction(db, async (tx) => {
        const r = await editableDraft(ctx, tx, id);
        const missing = sectionKeys()
          .filter((k) => !r.sections[k]?.trim())
          .map((k) => ({ path: `sections.${k}`, message: 'required' }));
        if (!r.issuedOn) missing.push({ path: 'issuedOn', message: 'required' });
        if (r.performedBy === 'third-party' && !r.assessorName)
          missing.push({ path: 'assessorName', message: 'required for a third-party assessment' });
        if (missing.length) throw errors.riskIncomplete(missing);
        await repo.updateRisk(tx, r.id, {
          status: 'submitted',
          submittedAt: ctx.now,
          submittedBy: ctx.actor?.userId ?? null,
          updatedAt: ctx.now,
        });
        const orgName = (await load(ctx, r.id, tx)).orgName;
        await notifications.notify(tx, ctx, {
          orgIds: await repo.regulatorsOf(tx, r.provinceCode),
          kind: 'risk_assessment.submitted',
          title: `${orgName} 提交数据安全风险评估报告 / risk assessment submitted`,
          body: `Measures art. 31: issued ${r.issuedOn}, valid until ${r.validUntil}.`,
          link: `/risk-assessments?id=${r.id}`,
          data: { riskAssessmentId: r.id, orgId: r.orgId },
        });
        await audit.append(tx, ctx, {
          action: 'risk_assessment.submitted',
          entityType: 'risk_assessment',
          entityId: r.id,
          orgId: r.orgId,
          data: { provinceCode: r.provinceCode, issuedOn: r.issuedOn, validUntil: r.validUntil },
        });
        return toRisk(await load(ctx, r.id, tx));
      });
    },

    /** The provincial regulator acknowledges receipt. */
    async receive(ctx: RequestContext, id: string) {
      const actor = requireActor(ctx);
      return inTransaction(db, async (tx) => {
        const r = await load(ctx, id, tx);
        if (!canReceive(actor, r)) throw forbidden();
        const locked = (await repo.lockRisk(tx, r.id))!;
        if (locked.status !== 'submitted') throw errors.riskNotSubmitted();
        await repo.updateRisk(tx, r.id, {
          status: 'received',
          receivedAt: ctx.now,
          receivedBy: actor.userId,
          updatedAt: ctx.now,
        });
        await notifications.notify(tx, ctx, {
          orgIds: [r.orgId],
          kind: 'risk_assessment.received',
          title: '监管机构已接收风险评估报告 / Risk assessment received',
          body: `The provincial regulator received the report issued ${r.issuedOn}.`,
          link: `/risk-assessments?id=${r.id}`,
          data: { riskAssessmentId: r.id },
        });
        await audit.append(tx, ctx, {
          action: 'risk_assessment.received',
          entityType: 'risk_assessment',
          entityId: r.id,
          orgId: r.orgId,
          data: {},
        });
        return toRisk(await load(ctx, r.id, tx));
      });
    },
  };
}

/** The risk-assessments service's public type. */
export type RiskAssessmentsService = ReturnType<typeof createRiskAssessmentsService>;
