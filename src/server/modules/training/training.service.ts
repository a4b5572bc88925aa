import type { z } from 'zod';
import type {
  CreateTalentBody,
  CreateTrainingSessionBody,
  Talent,
  TrainingListQuery,
  TrainingSession,
  TrainingSummary,
  TrainingSummaryQuery,
} from '../../../contracts/training';
import { type Actor, type RequestContext, requireActor } from '../../core/actor';
import { decodeCursor, encodeCursor } from '../../core/cursor';
import { forbidden, notFound } from '../../core/errors';
import type { Db } from '../../db/client';
import { inTransaction } from '../../db/tx';
import { shanghaiYear } from '../../programme-rules/coverage';
import type { PlanPack, TargetKey } from '../../programme-rules/plan-schema';
import { shanghaiDate } from '../../regulations/working-days';
import type { AuditService } from '../audit';
import { type OrgScope, orgScopeFor } from '../identity/identity.policy';
import { trainingErrors } from './training.errors';
import { canRecord, summaryScope } from './training.policy';
import { type CountWindow, type Named, trainingRepository } from './training.repository';
import type { TalentRow, TrainingSessionRow } from './training.table';

const toSession = (r: Named<TrainingSessionRow>): TrainingSession => ({
  id: r.id,
  orgId: r.orgId,
  orgName: r.orgName,
  provinceCode: r.provinceCode,
  heldOn: r.heldOn,
  topic: r.topic,
  trainer: r.trainer,
  hours: r.hours,
  attendees: r.attendees,
  personTimes: r.personTimes,
  createdAt: r.createdAt.toISOString(),
});

const toTalent = (r: Named<TalentRow>): Talent => ({
  id: r.id,
  orgId: r.orgId,
  orgName: r.orgName,
  provinceCode: r.provinceCode,
  name: r.name,
  certificate: r.certificate,
  certificateNo: r.certificateNo,
  issuer: r.issuer,
  issuedOn: r.issuedOn,
  validUntil: r.validUntil,
  createdAt: r.createdAt.toISOString(),
});

/** A list query's narrowing, checked against the scope: another tenant's enterprise or province answers 404. */
function narrowed(actor: Actor, scope: OrgScope, q: z.infer<typeof TrainingListQuery>) {
  if (q.provinceCode && scope.kind === 'province' && q.provinceCode !== scope.provinceCode) {
    throw notFound('province');
  }
  if (q.provinceCode && scope.kind === 'own') throw notFound('province');
  return { orgId: q.orgId ?? (actor.orgKind === 'enterprise' ? actor.orgId : undefined) };
}

/**
 * Data-security training sessions and certified talents per enterprise (34号 targets: ≥ 30,000 person-times and
 * > 5,000 talents by the end of 2026), recorded by the enterprise and rolled up for its regulators.
 */
export function createTrainingService(deps: { db: Db; audit: AuditService; plan: PlanPack }) {
  const { db, audit, plan } = deps;
  const period = plan.enterpriseCovered.value;

  /** The enterprise a write is for: the actor's own, in scope, and writable by its role. */
  async function writable(tx: Db, actor: Actor) {
    const org = await trainingRepository.enterprise(tx, orgScopeFor(actor), actor.orgId);
    if (!org || !canRecord(actor, org.id)) throw forbidden('Only the enterprise records its training.');
    if (!org.provinceCode) throw notFound('enterprise');
    return { ...org, provinceCode: org.provinceCode };
  }

  /** 400 unless `day` is on or before today (Shanghai). */
  function notAfterToday(day: string, now: Date, path: string) {
    if (day > shanghaiDate(now)) throw trainingErrors.future(path);
  }

  const window = (now: Date): CountWindow => ({
    from: period.periodFrom,
    to: period.periodTo,
    yearStart: `${shanghaiYear(now)}-01-01`,
    today: shanghaiDate(now),
  });

  const target = (key: TargetKey) => {
    const t = plan.targets[key];
    return { ...t.value, clause: t.clause, status: t.status, note: t.note ?? null };
  };

  /** Keyset paging for both lists. */
  const cursorOf = (q: { cursor?: string }) =>
    q.cursor ? (decodeCursor(q.cursor, 2) as [string, string]) : undefined;

  return {
    /** Records a session for the actor's enterprise; its province comes from the registry profile. */
    async createSession(ctx: RequestContext, body: z.infer<typeof CreateTrainingSessionBody>) {
      const actor = requireActor(ctx);
      notAfterToday(body.heldOn, ctx.now, 'body.heldOn');
      if (body.heldOn < period.periodFrom || body.heldOn > period.periodTo) {
        throw trainingErrors.outsidePeriod('body.heldOn', period.periodFrom, period.periodTo);
      }
      const seen = new Map<string, number>();
      body.attendees.forEach((name, i) => {
        const first = seen.get(name);
        if (first !== undefined) throw trainingErrors.duplicateAttendee(i, first);
        seen.set(name, i);
      });
      return inTransaction(db, async (tx) => {
        const org = await writable(tx, actor);
        const row = await trainingRepository.insertSession(tx, {
          orgId: org.id,
          provinceCode: org.provinceCode,
          heldOn: body.heldOn,
          topic: body.topic,
          trainer: body.trainer,
          hours: body.hours,
          attendees: body.attendees,
          personTimes: body.attendees.length,
          createdBy: actor.userId,
          createdAt: ctx.now,
        });
        await audit.append(tx, ctx, {
          action: 'training.session_recorded',
          entityType: 'training_session',
          entityId: row.id,
          orgId: org.id,
          data: { heldOn: row.heldOn, topic: row.topic, personTimes: row.personTimes },
        });
        return toSession({ ...row, orgName: org.name });
      });
    },

    /** Records a certified talent for the actor's enterprise. */
    async createTalent(ctx: RequestContext, body: z.infer<typeof CreateTalentBody>) {
      const actor = requireActor(ctx);
      notAfterToday(body.issuedOn, ctx.now, 'body.issuedOn');
      if (body.validUntil && body.validUntil < body.issuedOn) throw trainingErrors.expiresBeforeIssue();
      return inTransaction(db, async (tx) => {
        const org = await writable(tx, actor);
        if (await trainingRepository.talentExists(tx, org.id, body.certificate, body.certificateNo)) {
          throw trainingErrors.duplicateCertificate();
        }
        const row = await trainingRepository.insertTalent(tx, {
          orgId: org.id,
          provinceCode: org.provinceCode,
          ...body,
          createdBy: actor.userId,
          createdAt: ctx.now,
        });
        await audit.append(tx, ctx, {
          action: 'training.talent_recorded',
          entityType: 'talent',
          entityId: row.id,
          orgId: org.id,
          data: { name: row.name, certificate: row.certificate, certificateNo: row.certificateNo },
        });
        return toTalent({ ...row, orgName: org.name });
      });
    },

    /** A page of sessions in scope, newest first. */
    async listSessions(ctx: RequestContext, q: z.infer<typeof TrainingListQuery>) {
      const actor = requireActor(ctx);
      const scope = orgScopeFor(actor);
      const { orgId } = narrowed(actor, scope, q);
      const rows = await trainingRepository.listSessions(db, scope, {
        orgId,
        provinceCode: q.provinceCode,
        after: cursorOf(q),
        limit: q.limit,
      });
      const last = rows.at(-1);
      return {
        items: rows.map(toSession),
        nextCursor: rows.length === q.limit && last ? encodeCursor([last.heldOn, last.id]) : null,
      };
    },

    /** A page of talents in scope, by name. */
    async listTalents(ctx: RequestContext, q: z.infer<typeof TrainingListQuery>) {
      const actor = requireActor(ctx);
      const scope = orgScopeFor(actor);
      const { orgId } = narrowed(actor, scope, q);
      const rows = await trainingRepository.listTalents(db, scope, {
        orgId,
        provinceCode: q.provinceCode,
        after: cursorOf(q),
        limit: q.limit,
      });
      const last = rows.at(-1);
      return {
        items: rows.map(toTalent),
        nextCursor: rows.length === q.limit && last ? encodeCursor([last.name, last.id]) : null,
      };
    },

    /** One session in scope. */
    async getSession(ctx: RequestContext, id: string) {
      const row = await trainingRepository.findSession(db, orgScopeFor(requireActor(ctx)), id);
      if (!row) throw notFound('training session');
      return toSession(row);
    },

    /** One talent in scope. */
    async getTalent(ctx: RequestContext, id: string) {
      const row = await trainingRepository.findTalent(db, orgScopeFor(requireActor(ctx)), id);
      if (!row) throw notFound('talent');
      return toTalent(row);
    },

    /** Removes a session recorded by mistake (the enterprise's admins and members). */
    async deleteSession(ctx: RequestContext, id: string) {
      const actor = requireActor(ctx);
      return inTransaction(db, async (tx) => {
        const row = await trainingRepository.findSession(tx, orgScopeFor(actor), id);
        if (!row) throw notFound('training session');
        if (!canRecord(actor, row.orgId))
          throw forbidden('Only the enterprise corrects its training records.');
        await trainingRepository.deleteSession(tx, id);
        await audit.append(tx, ctx, {
          action: 'training.session_deleted',
          entityType: 'training_session',
          entityId: id,
          orgId: row.orgId,
          data: { heldOn: row.heldOn, topic: row.topic, personTimes: row.personTimes },
        });
      });
    },

    /** Removes a talent recorded by mistake (the enterprise's admins and members). */
    async deleteTalent(ctx: RequestContext, id: string) {
      const actor = requireActor(ctx);
      return inTransaction(db, async (tx) => {
        const row = await trainingRepository.findTalent(tx, orgScopeFor(actor), id);
        if (!row) throw notFound('talent');
        if (!canRecord(actor, row.orgId)) throw forbidden('Only the enterprise corrects its talent records.');
        await trainingRepository.deleteTalent(tx, id);
        await audit.append(tx, ctx, {
          action: 'training.talent_deleted',
          entityType: 'talent',
          entityId: id,
          orgId: row.orgId,
          data: { name: row.name, certificateNo: row.certificateNo },
        });
      });
    },

    /**
     * Person-times and talents against the 34号 targets: an enterprise its own, a province per enterprise, the
     * ministry per province (or one province's enterprises when it names one).
     */
    async summary(ctx: RequestContext, q: z.infer<typeof TrainingSummaryQuery>): Promise<TrainingSummary> {
      const actor = requireActor(ctx);
      const scope = orgScopeFor(actor);
      const kind = summaryScope(actor);
      const w = window(ctx.now);
      if (q.provinceCode && kind !== 'national' && q.provinceCode !== actor.provinceCode) {
        throw notFound('province');
      }
      const base = {
        periodFrom: period.periodFrom,
        periodTo: period.periodTo,
        targets: { trainingPersonTimes: target('trainingPersonTimes'), talents: target('talents') },
      };
      const sum = (
        rows: readonly {
          sessions: number;
          personTimes: number;
          personTimesThisYear: number;
          talents: number;
        }[],
      ) => ({
        sessions: rows.reduce((a, r) => a + r.sessions, 0),
        personTimes: rows.reduce((a, r) => a + r.personTimes, 0),
        personTimesThisYear: rows.reduce((a, r) => a + r.personTimesThisYear, 0),
        talents: rows.reduce((a, r) => a + r.talents, 0),
      });
      if (kind === 'national' && !q.provinceCode) {
        const byProvince = await trainingRepository.countsByProvince(db, w);
        return {
          ...base,
          scope: 'national',
          provinceCode: null,
          totals: sum(byProvince),
          byEnterprise: [],
          byProvince,
        };
      }
      const byEnterprise = (await trainingRepository.countsByEnterprise(db, scope, w, q.provinceCode)).map(
        (e) => ({ ...e, provinceCode: e.provinceCode ?? '' }),
      );
      if (kind === 'enterprise') {
        const totals = sum(byEnterprise);
        return {
          ...base,
          scope: 'enterprise',
          provinceCode: actor.provinceCode,
          totals,
          byEnterprise,
          byProvince: [],
        };
      }
      const provinceCode = q.provinceCode ?? actor.provinceCode ?? '';
      const [own] = await trainingRepository.countsByProvince(db, w, provinceCode);
      const totals = own ?? { sessions: 0, personTimes: 0, personTimesThisYear: 0, talents: 0 };
      return { ...base, scope: 'province', provinceCode, totals, byEnterprise, byProvince: [] };
    },
  };
}

/** The training service's public type. */
export type TrainingService = ReturnType<typeof createTrainingService>;
