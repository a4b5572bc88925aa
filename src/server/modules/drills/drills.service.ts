import type { z } from 'zod';
import type {
  AdvanceBody,
  AfterActionReport,
  CopyScenarioBody,
  DrillCorrectiveBody,
  DrillDetail,
  DrillListQuery,
  ExpectationKey,
  FiledCountQuery,
  LessonsBody,
  MarkExpectationBody,
  RecordActionBody,
  ScenarioDefinition,
  ScheduleDrillBody,
} from '../../../contracts/drills';
import { type RequestContext, requireActor } from '../../core/actor';
import { decodeCursor, encodeCursor } from '../../core/cursor';
import { forbidden, notFound } from '../../core/errors';
import { resolvePdfFont } from '../../core/pdf';
import type { Db } from '../../db/client';
import { inTransaction } from '../../db/tx';
import { shanghaiDate } from '../../regulations/working-days';
import type { AuditService } from '../audit';
import { orgRepository } from '../identity/identity.repository';
import type { IncidentsService } from '../incidents';
import type { NotificationsService } from '../notifications';
import {
  advancedMinute,
  currentMinute,
  dueInjects,
  expectationResults,
  measure,
  nextInjectMinute,
  satisfiedMinute,
  verdictKey,
} from './drill-rules';
import { drillErrors as errors } from './drills.errors';
import { builtInScenario, clockOf, ownScenario, toDrill } from './drills.mappers';
import { renderAfterActionPdf } from './drills.pdf';
import { canFacilitate, canParticipate, canPlan, drillScopeFor } from './drills.policy';
import { type DrillWithOrg, drillsRepository as repo } from './drills.repository';
import type { Delivery, DrillRow, IncidentSnapshot } from './drills.table';
import { BUILT_IN_SCENARIOS } from './scenario-library';

/** A corrective action raised from a drill lesson, as the drill shows it. */
export interface DrillCorrectiveAction {
  id: string;
  title: string;
  status: string;
  dueOn: string;
}

/** What drills need of the corrective-action board (the assessments module owns it; source_kind 'drill'). */
export interface DrillCorrectivePort {
  /** Raises an action from a lesson inside the caller's transaction. */
  raise(
    tx: Db,
    ctx: RequestContext,
    input: {
      orgId: string;
      drillId: string;
      title: string;
      detail: string;
      dueOn: string;
      ownerUserId?: string;
    },
  ): Promise<{ id: string }>;
  /** The actions raised from one drill, as the actor may see them, read over the caller's handle. */
  ofDrill(tx: Db, ctx: RequestContext, drillId: string): Promise<DrillCorrectiveAction[]>;
}

/** What the drills service uses. */
export interface DrillsDeps {
  db: Db;
  audit: AuditService;
  notifications: NotificationsService;
  /** The incidents service over a given handle, so a practice incident commits with the drill step that raised it. */
  incidentsFor: (db: Db) => IncidentsService;
  correctiveActions: DrillCorrectivePort;
  /** BULWARK_PDF_FONT: a CJK font file (optionally `path#PostScriptName` for a collection). */
  pdfFont?: string;
}

const MINUTE = 60_000;

/**
 * Emergency drills (34号: drills simulating ransomware; OpenBAS-style injects and scored expectations): a scenario
 * library, drills run by a facilitator or by the wall clock, a practice incident through the real 214号 tiering
 * and clocks, measured times and score, lessons with corrective actions, and filing with the provincial regulator.
 */
export function createDrillsService(deps: DrillsDeps) {
  const { db, audit, notifications, incidentsFor, correctiveActions } = deps;

  const enterpriseActor = (ctx: RequestContext) => {
    const actor = requireActor(ctx);
    if (actor.orgKind !== 'enterprise') throw forbidden();
    return actor;
  };

  /** A scenario definition the actor's enterprise can use: a built-in or its own. */
  async function definitionOf(tx: Db, orgId: string, id: string) {
    const builtIn = BUILT_IN_SCENARIOS.get(id);
    if (builtIn) return builtIn;
    if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
    return (await repo.scenario(tx, orgId, id))?.definition;
  }

  async function load(tx: Db, ctx: RequestContext, id: string, lock = false) {
    const scope = drillScopeFor(requireActor(ctx));
    const row = scope ? await repo.find(tx, scope, id, lock) : undefined;
    if (!row) throw notFound('drill');
    return row;
  }

  const auditOf = (row: DrillRow, action: string, data: Record<string, unknown> = {}) => ({
    action,
    entityType: 'drill',
    entityId: row.id,
    orgId: row.orgId,
    data: { title: row.title, ...data },
  });

  /** Participants must be distinct active users of the enterprise. */
  async function checkParticipants(tx: Db, orgId: string, ids: readonly string[], path: string) {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) throw errors.duplicateParticipant(`${path}.${i}`);
      seen.add(id);
    });
    const found = new Set((await repo.activeUsers(tx, orgId, ids)).map((u) => u.userId));
    const bad = ids.findIndex((id) => !found.has(id));
    if (bad >= 0) throw errors.notMember(`${path}.${bad}`);
  }

  /**
   * Delivers every inject due at the drill's current minute; the inject that raises an incident reports the
   * practice incident through the incidents service in the same transaction (214号 tiering and clocks, 演练 label).
   */
  async function deliver(tx: Db, ctx: RequestContext, row: DrillWithOrg): Promise<DrillWithOrg> {
    const minute = currentMinute(clockOf(row), ctx.now);
    const done = new Set(row.delivered.map((d) => d.key));
    const fresh = dueInjects(row.scenario.injects, minute, row.startedAt !== null).filter(
      (i) => !done.has(i.key),
    );
    if (!fresh.length) return row;
    const delivered: Delivery[] = [
      ...row.delivered,
      ...fresh.map((i) => ({ key: i.key, minute: i.minute, deliveredAt: ctx.now.toISOString() })),
    ];
    let incident: IncidentSnapshot | null = row.incident;
    const raising = fresh.find((i) => i.raisesIncident)?.raisesIncident;
    if (raising && !incident) {
      const raised = await incidentsFor(tx).report(
        ctx,
        {
          ...raising.facts,
          dataLevels: raising.facts.dataLevels,
          dataAssetIds: [],
          title: raising.title,
          description: `${raising.description}\n\n演练 / drill: ${row.title}`,
          discoveredAt: ctx.now.toISOString(),
        },
        { drillId: row.id },
      );
      incident = {
        id: raised.id,
        ref: raised.ref,
        tier: raised.tier,
        fired: raised.classification.fired.map((f) => ({
          criterion: f.criterion,
          tier: f.tier,
          threshold: f.threshold,
          clause: f.clause,
        })),
        decisive: raised.classification.decisive.map((f) => f.criterion),
      };
    }
    const next = await repo.update(tx, row.id, { delivered, incident, updatedAt: ctx.now });
    return { ...next, orgName: row.orgName };
  }

  async function detail(tx: Db, ctx: RequestContext, row: DrillWithOrg): Promise<DrillDetail> {
    const actor = requireActor(ctx);
    const minute = currentMinute(clockOf(row), ctx.now);
    const actions = await repo.actions(tx, row.id);
    const results = expectationResults(row.scenario, row.verdicts);
    const persisted = new Map(row.delivered.map((d) => [d.key, d.deliveredAt]));
    const started = row.startedAt;
    const delivered = dueInjects(row.scenario.injects, minute, started !== null).map((i) => ({
      key: i.key,
      minute: i.minute,
      deliveredAt:
        persisted.get(i.key) ??
        (row.mode === 'real-time' && started
          ? new Date(started.getTime() + i.minute * MINUTE)
          : ctx.now
        ).toISOString(),
    }));
    const people = await repo.people(tx, row.participantUserIds);
    const byId = new Map(people.map((p) => [p.userId, p]));
    let incident: DrillDetail['incident'] = null;
    if (row.incident) {
      // The clocks are live for the enterprise; regulators never see a practice incident, only what was recorded.
      const clocks =
        actor.orgKind === 'enterprise'
          ? (await incidentsFor(tx).get(ctx, row.incident.id)).clocks.map((c) => ({
              duty: c.duty,
              minutes: c.minutes,
              startedAt: c.startedAt,
              dueAt: c.dueAt,
              doneAt: c.doneAt,
              state: c.state,
              remainingMs: c.doneAt ? null : Date.parse(c.dueAt) - ctx.now.getTime(),
            }))
          : [];
      incident = { ...row.incident, practice: true, clocks };
    }
    return {
      ...toDrill(row, ctx.now),
      scenario: row.scenario,
      participants: row.participantUserIds.flatMap((id) => {
        const p = byId.get(id);
        return p ? [p] : [];
      }),
      nextInjectMinute: row.status === 'completed' ? null : nextInjectMinute(row.scenario.injects, minute),
      delivered,
      actions: actions.map((a) => ({
        id: a.id,
        injectKey: a.injectKey,
        userId: a.userId,
        userName: a.userName,
        minute: a.minute,
        at: a.at.toISOString(),
        text: a.text,
        claim: a.claim as DrillDetail['actions'][number]['claim'],
      })),
      expectations: results,
      incident,
      measures: measure(row.scenario, results),
      lessons: row.lessons,
      correctiveActions: await correctiveActions.ofDrill(tx, ctx, row.id),
      canFacilitate: canFacilitate(actor, row) && row.filedAt === null,
      canParticipate: canParticipate(actor, row) && row.status === 'running',
    };
  }

  /** Runs one write on a locked drill the actor may act on, in the states allowed, then answers its detail. */
  async function act(
    ctx: RequestContext,
    id: string,
    opts: { may: 'facilitate' | 'participate'; states: DrillRow['status'][] },
    write: (tx: Db, row: DrillWithOrg) => Promise<void>,
  ) {
    const actor = requireActor(ctx);
    return inTransaction(db, async (tx) => {
      const row = await load(tx, ctx, id, true);
      const may = opts.may === 'facilitate' ? canFacilitate(actor, row) : canParticipate(actor, row);
      if (!may) throw forbidden();
      if (row.filedAt) throw errors.filed();
      if (!opts.states.includes(row.status)) throw errors.wrongState(row.status, opts.states.join(' or '));
      await write(tx, row);
      return detail(tx, ctx, await load(tx, ctx, id));
    });
  }

  async function report(tx: Db, ctx: RequestContext, id: string): Promise<AfterActionReport> {
    const d = await detail(tx, ctx, await load(tx, ctx, id));
    return {
      drill: toDrill(await load(tx, ctx, id), ctx.now),
      scenarioTitle: d.scenario.title,
      injects: d.scenario.injects.map((i) => ({ key: i.key, minute: i.minute, title: i.title })),
      measures: d.measures,
      expectations: d.expectations,
      incident: d.incident,
      lessons: d.lessons,
      correctiveActions: d.correctiveActions,
      participants: d.participants,
      generatedAt: ctx.now.toISOString(),
    };
  }

  return {
    /** The library: built-ins first, then the enterprise's own copies. */
    async listScenarios(ctx: RequestContext) {
      const actor = enterpriseActor(ctx);
      return [
        ...[...BUILT_IN_SCENARIOS].map(([id, def]) => builtInScenario(id, def)),
        ...(await repo.scenarios(db, actor.orgId)).map(ownScenario),
      ];
    },

    /** One scenario of the library. */
    async getScenario(ctx: RequestContext, id: string) {
      const actor = enterpriseActor(ctx);
      const builtIn = BUILT_IN_SCENARIOS.get(id);
      if (builtIn) return builtInScenario(id, builtIn);
      const row = id.startsWith('builtin-') ? undefined : await repo.scenario(db, actor.orgId, id);
      if (!row) throw notFound('scenario');
      return ownScenario(row);
    },

    /** Copies a built-in (or an own scenario) into a new editable scenario of the enterprise. */
    async copyScenario(ctx: RequestContext, body: z.infer<typeof CopyScenarioBody>) {
      const actor = enterpriseActor(ctx);
      if (!canPlan(actor, actor.orgId)) throw forbidden();
      return inTransaction(db, async (tx) => {
        const def = await definitionOf(tx, actor.orgId, body.copyOf);
        if (!def) throw errors.unknownScenario();
        const row = await repo.insertScenario(tx, {
          orgId: actor.orgId,
          basedOn: body.copyOf,
          definition: def,
          createdBy: actor.userId,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
        await audit.append(tx, ctx, {
          action: 'drill.scenario_copied',
          entityType: 'drill_scenario',
          entityId: row.id,
          orgId: actor.orgId,
          data: { copyOf: body.copyOf, title: def.title.zh },
        });
        return ownScenario(row);
      });
    },

    /** Replaces an own scenario's definition (validated by the contract); built-ins are read-only. */
    async updateScenario(ctx: RequestContext, id: string, def: ScenarioDefinition) {
      const actor = enterpriseActor(ctx);
      if (BUILT_IN_SCENARIOS.has(id)) throw errors.builtInReadOnly();
      return inTransaction(db, async (tx) => {
        const row = id.startsWith('builtin-') ? undefined : await repo.scenario(tx, actor.orgId, id);
        if (!row) throw notFound('scenario');
        if (!canPlan(actor, row.orgId)) throw forbidden();
        const next = await repo.updateScenario(tx, id, { definition: def, updatedAt: ctx.now });
        await audit.append(tx, ctx, {
          action: 'drill.scenario_updated',
          entityType: 'drill_scenario',
          entityId: id,
          orgId: row.orgId,
          data: { title: def.title.zh, injects: def.injects.length },
        });
        return ownScenario(next);
      });
    },

    /** Deletes an own scenario; drills scheduled from it keep their snapshot. */
    async deleteScenario(ctx: RequestContext, id: string) {
      const actor = enterpriseActor(ctx);
      if (BUILT_IN_SCENARIOS.has(id)) throw errors.builtInReadOnly();
      return inTransaction(db, async (tx) => {
        const row = id.startsWith('builtin-') ? undefined : await repo.scenario(tx, actor.orgId, id);
        if (!row) throw notFound('scenario');
        if (!canPlan(actor, row.orgId)) throw forbidden();
        await repo.deleteScenario(tx, id);
        await audit.append(tx, ctx, {
          action: 'drill.scenario_deleted',
          entityType: 'drill_scenario',
          entityId: id,
          orgId: row.orgId,
          data: { title: row.definition.title.zh },
        });
      });
    },

    /** Schedules a drill from a scenario; the scheduler facilitates it. */
    async schedule(ctx: RequestContext, body: z.infer<typeof ScheduleDrillBody>) {
      const actor = enterpriseActor(ctx);
      if (!canPlan(actor, actor.orgId)) throw forbidden();
      return inTransaction(db, async (tx) => {
        const org = await repo.enterprise(tx, actor.orgId);
        if (!org?.provinceCode) throw forbidden('The enterprise has no province.');
        const def = await definitionOf(tx, org.id, body.scenarioId);
        if (!def) throw errors.unknownScenario();
        await checkParticipants(tx, org.id, body.participantUserIds, 'body.participantUserIds');
        const row = await repo.insertDrill(tx, {
          orgId: org.id,
          provinceCode: org.provinceCode,
          scenarioId: body.scenarioId,
          title: body.title ?? def.title.zh,
          scenario: def,
          mode: body.mode,
          status: 'scheduled',
          scheduledFor: new Date(body.scheduledFor),
          facilitatorUserId: actor.userId,
          participantUserIds: body.participantUserIds,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
        await audit.append(
          tx,
          ctx,
          auditOf(row, 'drill.scheduled', {
            scenarioId: body.scenarioId,
            mode: body.mode,
            participants: body.participantUserIds.length,
          }),
        );
        return detail(tx, ctx, { ...row, orgName: org.name });
      });
    },

    /** Replaces the participants (before completion). */
    setParticipants(ctx: RequestContext, id: string, userIds: string[]) {
      return act(ctx, id, { may: 'facilitate', states: ['scheduled', 'running'] }, async (tx, row) => {
        await checkParticipants(tx, row.orgId, userIds, 'body.userIds');
        const next = await repo.update(tx, id, { participantUserIds: userIds, updatedAt: ctx.now });
        await audit.append(
          tx,
          ctx,
          auditOf(next, 'drill.participants_set', { participants: userIds.length }),
        );
      });
    },

    /** Starts the drill: minute 0 injects are delivered and the participants told. */
    start(ctx: RequestContext, id: string) {
      return act(ctx, id, { may: 'facilitate', states: ['scheduled'] }, async (tx, row) => {
        const started = await repo.update(tx, id, {
          status: 'running',
          startedAt: ctx.now,
          offsetMinutes: 0,
          updatedAt: ctx.now,
        });
        const next = await deliver(tx, ctx, { ...started, orgName: row.orgName });
        await notifications.notify(tx, ctx, {
          orgIds: [row.orgId],
          userIds: [...new Set([...row.participantUserIds, row.facilitatorUserId])],
          kind: 'drill.started',
          title: `演练开始 / Drill started: ${row.title}`,
          body: 'Open the drill console to follow the injects and record your actions.',
          link: `/drills/${id}`,
          data: { drillId: id },
        });
        await audit.append(tx, ctx, auditOf(next, 'drill.started', { mode: row.mode }));
      });
    },

    /** Facilitator mode: moves drill time to the next inject or by N minutes, delivering what falls due. */
    advance(ctx: RequestContext, id: string, body: z.infer<typeof AdvanceBody>) {
      return act(ctx, id, { may: 'facilitate', states: ['running'] }, async (tx, row) => {
        if (row.mode !== 'facilitator') throw errors.realTime();
        const from = row.offsetMinutes;
        const to = advancedMinute(row.scenario.injects, from, body);
        if (to === null) throw errors.noNextInject();
        const moved = await repo.update(tx, id, { offsetMinutes: to, updatedAt: ctx.now });
        const next = await deliver(tx, ctx, { ...moved, orgName: row.orgName });
        await audit.append(
          tx,
          ctx,
          auditOf(next, 'drill.advanced', {
            from,
            to,
            delivered: next.delivered.slice(row.delivered.length).map((d) => d.key),
            incidentId: next.incident?.id ?? null,
          }),
        );
      });
    },

    /** Real-time mode: delivers the injects the wall clock has made due (the console calls this as it polls). */
    sync(ctx: RequestContext, id: string) {
      return act(ctx, id, { may: 'participate', states: ['running'] }, async (tx, row) => {
        const next = await deliver(tx, ctx, row);
        const fresh = next.delivered.slice(row.delivered.length).map((d) => d.key);
        if (fresh.length) await audit.append(tx, ctx, auditOf(next, 'drill.injects_delivered', { fresh }));
      });
    },

    /** A participant records an action or decision against a delivered inject, at the current drill minute. */
    recordAction(ctx: RequestContext, id: string, body: z.infer<typeof RecordActionBody>) {
      return act(ctx, id, { may: 'participate', states: ['running'] }, async (tx, row) => {
        const current = await deliver(tx, ctx, row);
        const minute = currentMinute(clockOf(current), ctx.now);
        if (!dueInjects(current.scenario.injects, minute, true).some((i) => i.key === body.injectKey))
          throw errors.injectNotDelivered('body.injectKey');
        const a = await repo.insertAction(tx, {
          drillId: id,
          injectKey: body.injectKey,
          userId: requireActor(ctx).userId,
          minute,
          at: ctx.now,
          text: body.text,
          claim: body.claim ?? null,
        });
        await audit.append(
          tx,
          ctx,
          auditOf(current, 'drill.action_recorded', {
            actionId: a.id,
            injectKey: a.injectKey,
            minute,
            claim: a.claim,
          }),
        );
      });
    },

    /** The facilitator marks an expectation of a delivered inject met (dated by the action) or missed. */
    markExpectation(ctx: RequestContext, id: string, body: z.infer<typeof MarkExpectationBody>) {
      return act(ctx, id, { may: 'facilitate', states: ['running', 'completed'] }, async (tx, row) => {
        const minute = currentMinute(clockOf(row), ctx.now);
        const inject = dueInjects(row.scenario.injects, minute, true).find((i) => i.key === body.injectKey);
        if (!inject) throw errors.injectNotDelivered('body.injectKey');
        if (!inject.expectations.some((e) => e.key === body.expectation)) throw errors.noSuchExpectation();
        const actions = (await repo.actions(tx, id)).map((a) => ({
          id: a.id,
          injectKey: a.injectKey,
          minute: a.minute,
          claim: a.claim as ExpectationKey | null,
        }));
        if (body.actionId && !actions.some((a) => a.id === body.actionId && a.injectKey === inject.key))
          throw errors.noSuchAction();
        const verdict =
          body.status === 'met'
            ? {
                status: 'met' as const,
                ...satisfiedMinute(actions, inject.key, body.expectation, body.actionId, minute),
              }
            : { status: 'missed' as const, minute: null, actionId: null };
        const verdicts = { ...row.verdicts, [verdictKey(inject.key, body.expectation)]: verdict };
        const score =
          row.status === 'completed'
            ? measure(row.scenario, expectationResults(row.scenario, verdicts)).score
            : row.score;
        const next = await repo.update(tx, id, { verdicts, score, updatedAt: ctx.now });
        await audit.append(
          tx,
          ctx,
          auditOf(next, 'drill.expectation_marked', {
            injectKey: inject.key,
            expectation: body.expectation,
            ...verdict,
          }),
        );
      });
    },

    /** Ends the drill: drill time freezes and the score is kept for lists and the regulator. */
    complete(ctx: RequestContext, id: string) {
      return act(ctx, id, { may: 'facilitate', states: ['running'] }, async (tx, row) => {
        const current = await deliver(tx, ctx, row);
        const minute = currentMinute(clockOf(current), ctx.now);
        const { score } = measure(row.scenario, expectationResults(row.scenario, row.verdicts));
        const next = await repo.update(tx, id, {
          status: 'completed',
          completedAt: ctx.now,
          completedMinute: minute,
          score,
          updatedAt: ctx.now,
        });
        await audit.append(tx, ctx, auditOf(next, 'drill.completed', { minute, score }));
      });
    },

    /** Replaces the lessons learned. */
    setLessons(ctx: RequestContext, id: string, body: z.infer<typeof LessonsBody>) {
      return act(ctx, id, { may: 'facilitate', states: ['running', 'completed'] }, async (tx) => {
        const next = await repo.update(tx, id, { lessons: body.lessons, updatedAt: ctx.now });
        await audit.append(tx, ctx, auditOf(next, 'drill.lessons_set', { lessons: body.lessons.length }));
      });
    },

    /** Raises a corrective action from a lesson onto the programme's corrective-action board. */
    raiseCorrectiveAction(ctx: RequestContext, id: string, body: z.infer<typeof DrillCorrectiveBody>) {
      return act(ctx, id, { may: 'facilitate', states: ['completed'] }, async (tx, row) => {
        const lesson = row.lessons[body.lesson];
        if (lesson === undefined) throw errors.noSuchLesson();
        if (body.dueOn < shanghaiDate(ctx.now)) throw errors.dueInPast();
        if (body.ownerUserId) {
          const owner = await repo.activeUsers(tx, row.orgId, [body.ownerUserId]);
          if (!owner.length) throw errors.notMember('body.ownerUserId');
        }
        const a = await correctiveActions.raise(tx, ctx, {
          orgId: row.orgId,
          drillId: row.id,
          title: lesson.length > 200 ? `${lesson.slice(0, 199)}…` : lesson,
          detail: `演练 / drill: ${row.title}`,
          dueOn: body.dueOn,
          ownerUserId: body.ownerUserId,
        });
        await audit.append(
          tx,
          ctx,
          auditOf(row, 'drill.corrective_action_raised', { correctiveActionId: a.id, lesson: body.lesson }),
        );
      });
    },

    /** Files the completed drill with the enterprise's provincial regulator, who is told. */
    file(ctx: RequestContext, id: string) {
      return act(ctx, id, { may: 'facilitate', states: ['completed'] }, async (tx, row) => {
        const next = await repo.update(tx, id, {
          filedAt: ctx.now,
          filedBy: requireActor(ctx).userId,
          updatedAt: ctx.now,
        });
        await notifications.notify(tx, ctx, {
          orgIds: await orgRepository.idsOfKind(tx, 'provincial-regulator', row.provinceCode),
          kind: 'drill.filed',
          title: `演练备案 / Drill filed: ${row.orgName} ${row.title}`,
          body: `34号: ${row.orgName} filed a completed emergency drill (score ${row.score ?? '—'}).`,
          link: `/drills/${id}/report`,
          data: { drillId: id, score: row.score },
        });
        await audit.append(
          tx,
          ctx,
          auditOf(next, 'drill.filed', { provinceCode: row.provinceCode, score: row.score }),
        );
      });
    },

    /** One drill with everything the console shows. */
    get(ctx: RequestContext, id: string) {
      return inTransaction(db, async (tx) => detail(tx, ctx, await load(tx, ctx, id)));
    },

    /** A page of drills in scope (regulators: filed ones), newest first. */
    async list(ctx: RequestContext, q: z.infer<typeof DrillListQuery>) {
      const scope = drillScopeFor(requireActor(ctx));
      if (!scope) throw forbidden();
      const rows = await repo.list(db, scope, {
        status: q.status,
        filed: q.filed === undefined ? undefined : q.filed === 'true',
        after: q.cursor ? (decodeCursor(q.cursor, 2) as [string, string]) : undefined,
        limit: q.limit,
      });
      const last = rows.at(-1);
      return {
        items: rows.map((r) => toDrill(r, ctx.now)),
        nextCursor:
          rows.length === q.limit && last ? encodeCursor([last.scheduledFor.toISOString(), last.id]) : null,
      };
    },

    /** The after-action report as JSON. */
    report(ctx: RequestContext, id: string) {
      return inTransaction(db, (tx) => report(tx, ctx, id));
    },

    /** The after-action report as an A4 PDF with a CJK font; 503 when the server has none. */
    async reportPdf(ctx: RequestContext, id: string) {
      const r = await inTransaction(db, (tx) => report(tx, ctx, id));
      const font = resolvePdfFont(deps.pdfFont);
      if (!font) throw errors.noFont();
      return {
        filename: `drill-${r.drill.id.slice(0, 8)}-after-action.pdf`,
        pdf: await renderAfterActionPdf(r, font),
      };
    },

    /** Filed drills per province in a period (Shanghai days, inclusive): a province its own, the ministry all. */
    async filedCount(ctx: RequestContext, q: z.infer<typeof FiledCountQuery>) {
      const actor = requireActor(ctx);
      if (q.to < q.from) throw errors.badPeriod();
      const scope = drillScopeFor(actor);
      if (!scope || scope.kind === 'own') throw forbidden();
      const from = new Date(`${q.from}T00:00:00+08:00`);
      const to = new Date(new Date(`${q.to}T00:00:00+08:00`).getTime() + 24 * 60 * MINUTE);
      const byProvince = await repo.filedByProvince(
        db,
        from,
        to,
        scope.kind === 'province' ? scope.provinceCode : undefined,
      );
      return { from: q.from, to: q.to, byProvince };
    },
  };
}

/** The drills service's public type. */
export type DrillsService = ReturnType<typeof createDrillsService>;
