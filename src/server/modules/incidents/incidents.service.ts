import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  AnnualSummaryQuery,
  CloseIncidentBody,
  ContainBody,
  IncidentCorrectiveBody,
  IncidentFactsBody,
  IncidentListQuery,
  MinistryReportBody,
  NotifyUsersBody,
  ReportIncidentBody,
  UpdateFactsBody,
} from '../../../contracts/incidents';
import { type RequestContext, requireActor } from '../../core/actor';
import { decodeCursor, encodeCursor } from '../../core/cursor';
import { forbidden, invalid, notFound } from '../../core/errors';
import type { Db } from '../../db/client';
import { inTransaction } from '../../db/tx';
import type { DataLevel } from '../../programme-rules/common-schema';
import { shanghaiYear } from '../../programme-rules/coverage';
import type { Tier } from '../../programme-rules/incident-plan-schema';
import { classifyIncident, reclassification, type TierResult } from '../../programme-rules/incident-tier';
import type { ProgrammePacks } from '../../programme-rules/programme-pack';
import type { CorrectiveActionsService } from '../assessments';
import type { AuditService } from '../audit';
import { orgRepository } from '../identity/identity.repository';
import type { Keyring } from '../keyring';
import type { NotificationsService } from '../notifications';
import { escalationsDue, incidentClocks, startsMinistryClock } from './incident-clocks';
import { incidentErrors } from './incidents.errors';
import { toIncident } from './incidents.mappers';
import { canActForEnterprise, canLogMinistryReport, incidentScopeFor } from './incidents.policy';
import { type IncidentWithOrg, incidentRepository as repo } from './incidents.repository';
import type { IncidentRow } from './incidents.table';

/** What the incidents service uses. */
export interface IncidentDeps {
  db: Db;
  audit: AuditService;
  keyring: Keyring;
  notifications: NotificationsService;
  programme: ProgrammePacks;
  /** The programme's corrective-action board: lessons of an incident become actions there. */
  corrective: Pick<CorrectiveActionsService, 'raise'>;
}

type Facts = z.infer<typeof IncidentFactsBody>;
const descriptionAad = (id: string) => `incident:${id}:description`;
const eventAad = (incidentId: string, eventId: string) => `incident:${incidentId}:event:${eventId}`;
const factColumns = (f: Facts, levels: DataLevel[]) => ({
  type: f.type,
  sector: f.sector,
  dataLevels: levels,
  dataAssetIds: f.dataAssetIds,
  harm: f.harm ?? null,
  piRecords: f.piRecords ?? null,
  sensitivePiRecords: f.sensitivePiRecords ?? null,
  directLossYuan: f.directLossYuan ?? null,
  outageHours: f.outageHours ?? null,
  productionImpact: f.productionImpact ?? null,
  systemsAffected: f.systemsAffected ?? null,
});
const tierOf = (row: { tier: string | null }) => row.tier as Tier | null;

/** Data-security incidents (214号): reports, tiering with fired criteria, reporting clocks and escalation. */
export function createIncidentsService(deps: IncidentDeps) {
  const { db, audit, keyring, notifications, programme, corrective } = deps;
  const pack = programme.incidentPlan;
  const clocksOf = (r: IncidentRow, now: Date) => incidentClocks(pack, { ...r, tier: tierOf(r) }, now);

  const classify = (f: Facts, levels: DataLevel[]) =>
    classifyIncident(pack, {
      type: f.type,
      sector: f.sector,
      dataLevels: levels,
      harm: f.harm,
      piRecords: f.piRecords,
      sensitivePiRecords: f.sensitivePiRecords,
      directLossYuan: f.directLossYuan,
      outageHours: f.outageHours,
      productionImpact: f.productionImpact,
    });

  /** The levels involved: those declared plus those of the catalogued assets named (就高 is the classifier's). */
  async function levelsOf(tx: Db, orgId: string, f: Facts): Promise<DataLevel[]> {
    const assets = await repo.assetLevels(tx, orgId, f.dataAssetIds);
    const missing = f.dataAssetIds.findIndex((id) => !assets.has(id));
    if (missing >= 0)
      throw invalid(`body.dataAssetIds.${missing}`, 'Not a data asset of yours.', 'incident.unknown_asset');
    const levels = new Set<DataLevel>([...f.dataLevels, ...assets.values()]);
    return (['general', 'important', 'core'] as const).filter((l) => levels.has(l));
  }

  async function load(tx: Db, ctx: RequestContext, id: string, lock = false) {
    const scope = incidentScopeFor(requireActor(ctx));
    const row = scope ? await repo.find(tx, scope, id, lock) : undefined;
    if (!row) throw notFound('incident');
    return row;
  }

  async function event(
    tx: Db,
    ctx: RequestContext,
    incidentId: string,
    kind: string,
    data: Record<string, unknown> = {},
    text?: string,
  ) {
    const id = randomUUID();
    await repo.addEvent(tx, {
      id,
      incidentId,
      kind,
      at: ctx.now,
      actorUserId: ctx.actor?.userId ?? null,
      actorOrgId: ctx.actor?.orgId ?? null,
      data,
      sealedText: text === undefined ? null : await keyring.seal(tx, text, eventAad(incidentId, id), ctx.now),
    });
  }

  /** Who hears about an incident: a real one its province's regulator (and the ministry), a practice one only its enterprise. */
  async function tell(
    tx: Db,
    ctx: RequestContext,
    row: IncidentRow,
    kind: string,
    body: string,
    opts: { ministry?: boolean; enterprise?: boolean } = {},
  ) {
    const orgIds = row.practice
      ? [row.orgId]
      : [
          ...(await orgRepository.idsOfKind(tx, 'provincial-regulator', row.provinceCode)),
          ...(opts.ministry ? await orgRepository.idsOfKind(tx, 'ministry') : []),
          ...(opts.enterprise ? [row.orgId] : []),
        ];
    await notifications.notify(tx, ctx, {
      orgIds,
      kind,
      title: `${row.practice ? '[演练 practice] ' : ''}${row.ref} ${row.title}${row.tier ? ` (${row.tier})` : ''}`,
      body,
      link: `/incidents/${row.id}`,
      data: { incidentId: row.id, tier: row.tier, practice: row.practice },
    });
  }

  const auditEvent = (row: IncidentRow, action: string, data: Record<string, unknown> = {}) => ({
    action,
    entityType: 'incident',
    entityId: row.id,
    orgId: row.orgId,
    data: { ref: row.ref, tier: row.tier, practice: row.practice, ...data },
  });

  async function detail(tx: Db, ctx: RequestContext, row: IncidentWithOrg) {
    const events = await repo.events(tx, row.id);
    const clocks = clocksOf(row, ctx.now);
    return {
      ...toIncident(row, clocks, ctx.now),
      asOf: ctx.now.toISOString(),
      description: (await keyring.open(tx, row.sealedDescription, descriptionAad(row.id))).toString('utf8'),
      classification: row.classification as unknown as TierResult,
      unknownDuties: clocks.unknown,
      timeline: await Promise.all(
        events.map(async (e) => ({
          id: e.id,
          kind: e.kind,
          at: e.at.toISOString(),
          actorOrgId: e.actorOrgId,
          data: e.data,
          text: e.sealedText
            ? (await keyring.open(tx, e.sealedText, eventAad(row.id, e.id))).toString('utf8')
            : null,
        })),
      ),
    };
  }

  /** Runs one write on a locked incident the actor may act on, then answers with its detail. */
  async function act(
    ctx: RequestContext,
    id: string,
    may: (row: IncidentWithOrg) => boolean,
    write: (tx: Db, row: IncidentWithOrg) => Promise<void>,
  ) {
    return inTransaction(db, async (tx) => {
      const row = await load(tx, ctx, id, true);
      if (!may(row)) throw forbidden();
      await write(tx, row);
      return detail(tx, ctx, await load(tx, ctx, id));
    });
  }
  const enterprise = (ctx: RequestContext) => (row: IncidentWithOrg) =>
    canActForEnterprise(requireActor(ctx), row);
  const notClosed = (row: IncidentRow) => {
    if (row.status === 'closed') throw incidentErrors.closed();
  };

  return {
    /** The tier the facts would get, with the criteria that fired: the report wizard's live preview. */
    preview(body: Facts) {
      return { classification: classify(body, body.dataLevels) };
    },

    /** An enterprise reports an incident (214号 信息报告): tiered at once, the regulator told, clocks started. */
    async report(ctx: RequestContext, body: z.infer<typeof ReportIncidentBody>, drill?: { drillId: string }) {
      const actor = requireActor(ctx);
      if (actor.orgKind !== 'enterprise' || actor.role === 'viewer') throw forbidden();
      const discoveredAt = new Date(body.discoveredAt);
      if (discoveredAt > ctx.now)
        throw invalid(
          'body.discoveredAt',
          'Discovery cannot be in the future.',
          'incident.discovered_in_future',
        );
      return inTransaction(db, async (tx) => {
        const org = await orgRepository.findInScope(tx, { kind: 'all' }, actor.orgId);
        if (!org?.provinceCode) throw forbidden('The enterprise has no province.');
        const levels = await levelsOf(tx, actor.orgId, body);
        const classification = classify(body, levels);
        const id = randomUUID();
        const row = await repo.insert(tx, {
          id,
          ref: await repo.nextRef(tx, shanghaiYear(ctx.now)),
          orgId: actor.orgId,
          provinceCode: org.provinceCode,
          practice: drill !== undefined,
          drillId: drill?.drillId ?? null,
          title: body.title,
          ...factColumns(body, levels),
          sealedDescription: await keyring.seal(tx, body.description, descriptionAad(id), ctx.now),
          tier: classification.tier,
          classification: classification as unknown as Record<string, unknown>,
          status: 'open',
          discoveredAt,
          reportedAt: ctx.now,
          reportedBy: actor.userId,
          ministryClockStartedAt: startsMinistryClock(pack, classification.tier) ? ctx.now : null,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
        await event(tx, ctx, id, 'reported', {
          tier: row.tier,
          fired: classification.fired.map((f) => f.criterion),
        });
        if (row.ministryClockStartedAt)
          await event(tx, ctx, id, 'ministry-clock-started', { tier: row.tier });
        await tell(
          tx,
          ctx,
          row,
          'incident.reported',
          `214号: ${row.ref} reported at tier ${row.tier ?? '—'}.`,
          {
            ministry: row.ministryClockStartedAt !== null,
          },
        );
        await audit.append(tx, ctx, auditEvent(row, 'incident.reported'));
        return detail(tx, ctx, { ...row, orgName: org.name });
      });
    },

    /** A page of the inbox in the actor's scope, newest first. */
    async list(ctx: RequestContext, q: z.infer<typeof IncidentListQuery>) {
      const scope = incidentScopeFor(requireActor(ctx));
      if (!scope) throw forbidden();
      const after = q.cursor ? (decodeCursor(q.cursor, 2) as [string, string]) : undefined;
      const rows = await repo.list(db, scope, {
        ...q,
        practice: q.practice === undefined ? undefined : q.practice === 'true',
        after,
      });
      const last = rows.at(-1);
      return {
        items: rows.map((r) => toIncident(r, clocksOf(r, ctx.now), ctx.now)),
        openByTier: await repo.openByTier(db, scope),
        nextCursor:
          rows.length === q.limit && last ? encodeCursor([last.reportedAt.toISOString(), last.id]) : null,
      };
    },

    /** One incident with its description, classification and timeline. */
    async get(ctx: RequestContext, id: string) {
      return inTransaction(db, async (tx) => detail(tx, ctx, await load(tx, ctx, id)));
    },

    /** New facts reclassify the incident; reaching tier II or above starts the regulator's ministry clocks. */
    async updateFacts(ctx: RequestContext, id: string, body: z.infer<typeof UpdateFactsBody>) {
      return act(ctx, id, enterprise(ctx), async (tx, row) => {
        notClosed(row);
        const levels = await levelsOf(tx, row.orgId, body);
        const after = classify(body, levels);
        const change = reclassification(row.classification as unknown as TierResult, after);
        const startClock = !row.ministryClockStartedAt && startsMinistryClock(pack, after.tier);
        const next = await repo.update(tx, id, {
          ...factColumns(body, levels),
          tier: after.tier,
          classification: after as unknown as Record<string, unknown>,
          ...(startClock ? { ministryClockStartedAt: ctx.now } : {}),
          updatedAt: ctx.now,
        });
        const moved = change.direction !== 'unchanged';
        await event(
          tx,
          ctx,
          id,
          moved ? 'reclassified' : 'facts-updated',
          {
            from: change.from,
            to: change.to,
            direction: change.direction,
            added: change.added.map((f) => f.criterion),
            removed: change.removed.map((f) => f.criterion),
            changed: change.changed,
          },
          body.note,
        );
        if (startClock) await event(tx, ctx, id, 'ministry-clock-started', { tier: after.tier });
        if (moved || startClock) {
          await tell(
            tx,
            ctx,
            next,
            'incident.reclassified',
            `214号: ${row.ref} moved from tier ${change.from ?? '—'} to ${change.to ?? '—'}.`,
            {
              ministry: startClock,
            },
          );
        }
        await audit.append(
          tx,
          ctx,
          auditEvent(next, moved ? 'incident.reclassified' : 'incident.facts_updated', { from: change.from }),
        );
      });
    },

    /** A follow-up report (进展报告) to the regulator. */
    async followUp(ctx: RequestContext, id: string, text: string) {
      return act(ctx, id, enterprise(ctx), async (tx, row) => {
        notClosed(row);
        await event(tx, ctx, id, 'follow-up', {}, text);
        await tell(tx, ctx, row, 'incident.follow_up', `214号: follow-up report on ${row.ref}.`);
        await audit.append(tx, ctx, auditEvent(row, 'incident.followed_up'));
      });
    },

    /** Containment: the incident is under control but not closed. */
    async contain(ctx: RequestContext, id: string, body: z.infer<typeof ContainBody>) {
      return act(ctx, id, enterprise(ctx), async (tx, row) => {
        if (row.status !== 'open') throw incidentErrors.notOpen();
        const next = await repo.update(tx, id, { status: 'contained', updatedAt: ctx.now });
        await event(tx, ctx, id, 'contained', {}, body.note);
        await audit.append(tx, ctx, auditEvent(next, 'incident.contained'));
      });
    },

    /** The regulator logs its phone call or written report to the ministry (10 / 30 minutes, draft). */
    async logMinistryReport(ctx: RequestContext, id: string, body: z.infer<typeof MinistryReportBody>) {
      const actor = requireActor(ctx);
      return act(
        ctx,
        id,
        (row) => canLogMinistryReport(actor, row),
        async (tx, row) => {
          if (!row.ministryClockStartedAt || !startsMinistryClock(pack, tierOf(row)))
            throw incidentErrors.noMinistryDuty();
          const at = body.at ? new Date(body.at) : ctx.now;
          if (at > ctx.now || at < row.ministryClockStartedAt) {
            throw invalid(
              'body.at',
              'Between the start of the ministry clock and now.',
              'incident.report_time_out_of_range',
            );
          }
          const done = body.channel === 'phone' ? row.phoneReportedAt : row.writtenReportedAt;
          if (done) throw incidentErrors.alreadyLogged(body.channel);
          const next = await repo.update(
            tx,
            id,
            body.channel === 'phone'
              ? { phoneReportedAt: at, phoneReportedBy: actor.userId, updatedAt: ctx.now }
              : { writtenReportedAt: at, writtenReportedBy: actor.userId, updatedAt: ctx.now },
          );
          await event(tx, ctx, id, `ministry-${body.channel}`, { at: at.toISOString() }, body.note);
          if (!row.practice) {
            await notifications.notify(tx, ctx, {
              orgIds: await orgRepository.idsOfKind(tx, 'ministry'),
              kind: 'incident.ministry_report',
              title: `${row.ref} ${row.title} (${row.tier})`,
              body: `214号: ${body.channel === 'phone' ? 'phone' : 'written'} report logged by the provincial regulator.`,
              link: `/incidents/${row.id}`,
              data: { incidentId: row.id, channel: body.channel },
            });
          }
          await audit.append(
            tx,
            ctx,
            auditEvent(next, `incident.ministry_${body.channel}`, { at: at.toISOString() }),
          );
        },
      );
    },

    /** Raises a corrective action on the programme's board from what the incident taught (整改). */
    async raiseCorrectiveAction(
      ctx: RequestContext,
      id: string,
      body: z.infer<typeof IncidentCorrectiveBody>,
    ) {
      return act(ctx, id, enterprise(ctx), async (tx, row) => {
        const { id: actionId } = await corrective.raise(tx, ctx, {
          orgId: row.orgId,
          sourceKind: 'incident',
          sourceId: row.id,
          title: body.title,
          detail: body.detail ?? null,
          dueOn: body.dueOn,
          ownerUserId: body.ownerUserId ?? null,
        });
        await event(tx, ctx, id, 'corrective-action', { actionId, title: body.title });
        await audit.append(tx, ctx, auditEvent(row, 'incident.corrective_action_raised', { actionId }));
      });
    },

    /** Records that affected individuals were told (Measures 2022: notify users when their rights may be harmed). */
    async notifyUsers(ctx: RequestContext, id: string, body: z.infer<typeof NotifyUsersBody>) {
      return act(ctx, id, enterprise(ctx), async (tx) => {
        const next = await repo.update(tx, id, { usersNotifiedAt: ctx.now, updatedAt: ctx.now });
        await event(
          tx,
          ctx,
          id,
          'users-notified',
          { channel: body.channel, recipients: body.recipients },
          body.message,
        );
        await audit.append(
          tx,
          ctx,
          auditEvent(next, 'incident.users_notified', { recipients: body.recipients }),
        );
      });
    },

    /** Closes with a summary report; individuals at risk must have been told first. */
    async close(ctx: RequestContext, id: string, body: z.infer<typeof CloseIncidentBody>) {
      return act(ctx, id, enterprise(ctx), async (tx, row) => {
        notClosed(row);
        if (atRisk(row) && !row.usersNotifiedAt) throw incidentErrors.usersNotNotified();
        const next = await repo.update(tx, id, { status: 'closed', closedAt: ctx.now, updatedAt: ctx.now });
        await event(tx, ctx, id, 'closed', {}, body.summary);
        await tell(tx, ctx, next, 'incident.closed', `214号: ${row.ref} closed with a summary report.`);
        await audit.append(tx, ctx, auditEvent(next, 'incident.closed'));
      });
    },

    /** An enterprise's incidents of one year (Measures 2022 annual reporting), practice incidents excluded. */
    async annualSummary(ctx: RequestContext, q: z.infer<typeof AnnualSummaryQuery>) {
      const actor = requireActor(ctx);
      const orgId = q.orgId ?? actor.orgId;
      const scope = incidentScopeFor(actor);
      const org = await orgRepository.findInScope(db, { kind: 'all' }, orgId);
      const visible =
        org?.kind === 'enterprise' &&
        scope !== null &&
        (scope.kind === 'all' ||
          (scope.kind === 'own' && scope.orgId === orgId) ||
          (scope.kind === 'province' && scope.provinceCode === org.provinceCode));
      if (!visible) throw notFound('enterprise');
      const from = new Date(`${q.year}-01-01T00:00:00+08:00`);
      const to = new Date(`${q.year + 1}-01-01T00:00:00+08:00`);
      const rows = await repo.ofOrgBetween(db, orgId, from, to);
      const tally = (key: (r: IncidentRow) => string) => {
        const m: Record<string, number> = {};
        for (const r of rows) m[key(r)] = (m[key(r)] ?? 0) + 1;
        return m;
      };
      const sum = (f: (r: IncidentRow) => number | null) => rows.reduce((s, r) => s + (f(r) ?? 0), 0);
      return {
        orgId,
        year: q.year,
        total: rows.length,
        byTier: tally((r) => r.tier ?? 'none'),
        byType: tally((r) => r.type),
        closed: rows.filter((r) => r.status === 'closed').length,
        piRecords: sum((r) => r.piRecords),
        sensitivePiRecords: sum((r) => r.sensitivePiRecords),
        directLossYuan: sum((r) => r.directLossYuan),
        reportedLate: rows.filter(
          (r) => clocksOf(r, ctx.now).clocks.find((c) => c.duty === 'processor-report')?.state === 'late',
        ).length,
        ministryEscalations: rows.filter((r) => r.phoneEscalatedAt || r.writtenEscalatedAt).length,
      };
    },

    /** The clock watch: escalates each missed 10 / 30-minute ministry clock once, to the ministry and the province. */
    async watch(now: Date) {
      let escalations = 0;
      for (const row of await repo.withRunningMinistryClocks(db, 1000)) {
        const due = escalationsDue(clocksOf(row, now));
        if (!due.length) continue;
        await inTransaction(db, async (tx) => {
          const ctx = { actor: null, requestId: 'incident-clock-watch', ip: null, now };
          const locked = await repo.findAny(tx, row.id);
          if (!locked) return;
          const still = escalationsDue(clocksOf(locked, now));
          for (const c of still) {
            await event(tx, ctx, row.id, 'escalated', { duty: c.duty, dueAt: c.dueAt.toISOString() });
            escalations++;
          }
          if (!still.length) return;
          const next = await repo.update(tx, row.id, {
            ...(still.some((c) => c.duty === 'regulator-phone') ? { phoneEscalatedAt: now } : {}),
            ...(still.some((c) => c.duty === 'regulator-written') ? { writtenEscalatedAt: now } : {}),
          });
          await tell(
            tx,
            ctx,
            next,
            'incident.escalated',
            `214号 (draft): the provincial regulator's ${still.map((c) => (c.duty === 'regulator-phone' ? '10-minute phone' : '30-minute written')).join(' and ')} report to the ministry is overdue.`,
            { ministry: true, enterprise: false },
          );
          await audit.append(
            tx,
            ctx,
            auditEvent(next, 'incident.escalated', { duties: still.map((c) => c.duty) }),
          );
        });
      }
      return { escalations };
    },
  };
}

const atRisk = (r: { piRecords: number | null; sensitivePiRecords: number | null }) =>
  (r.piRecords ?? 0) > 0 || (r.sensitivePiRecords ?? 0) > 0;

/** The incidents service's public type. */
export type IncidentsService = ReturnType<typeof createIncidentsService>;
