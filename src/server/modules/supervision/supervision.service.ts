import type { z } from 'zod';
import type {
  AreaQuery,
  DrillKind,
  DrillPage,
  DrillQuery,
  ExportQuery,
  ReportQuery,
  SupervisionOverview,
  SupervisionTrends,
} from '../../../contracts/supervision';
import { type ExportCell, toCsv, toXlsx } from '../../../lib/tabular/write';
import { type RequestContext, requireActor } from '../../core/actor';
import { decodeCursor, encodeCursor } from '../../core/cursor';
import { AppError, forbidden, invalid, notFound } from '../../core/errors';
import { resolvePdfFont } from '../../core/pdf';
import type { Db } from '../../db/client';
import { inTransaction } from '../../db/tx';
import { coverageWindows } from '../../programme-rules/coverage';
import type { ProgrammePacks } from '../../programme-rules/programme-pack';
import type { SeriesPoint } from '../../programme-rules/targets';
import { addLocalDays, endOfShanghaiDay, shanghaiDate } from '../../regulations/working-days';
import type { AuditService } from '../audit';
import type { CoverageSpec } from '../programme/programme.repository';
import { type Area, emptyFigures } from './rules/area-rollup';
import { HEADLINE_KEYS, headlines } from './rules/headlines';
import { monthEnds, monthRange, trendMonths } from './rules/months';
import { COLUMN_LABELS, LIST_TITLES } from './supervision.labels';
import { type ListFilter, type ListRow, supervisionLists } from './supervision.lists';
import { renderMonthlyReportPdf } from './supervision.pdf';
import { type AreaScope, areaFor, canOpenList, canRefresh, SUPERVISED_PROVINCES } from './supervision.policy';
import { supervisionRepository as repo } from './supervision.repository';
import type { SnapshotRow } from './supervision.table';

/** What the supervision service needs. */
export interface SupervisionDeps {
  db: Db;
  audit: AuditService;
  packs: Pick<ProgrammePacks, 'plan'>;
  /** BULWARK_PDF_FONT, as for drill reports. */
  pdfFont?: string;
}

/** Rows an export holds at most; beyond it the caller narrows the filters (a 50k-enterprise province fits). */
export const EXPORT_ROW_CAP = 100_000;
const KEY_FORMS = {
  bigint: /^-?\d{1,19}$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  timestamptz: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/,
} as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Supervision (issue 7, 34号 targets): dashboards read the snapshot the refresh job keeps (supervision_snapshots),
 * history points give trends and the pace, and the lists behind each figure query base tables by keyset.
 */
export function createSupervisionService(deps: SupervisionDeps) {
  const { db, audit, packs } = deps;
  const plan = packs.plan;
  const deadline = endOfShanghaiDay(plan.targetDate.value);
  const specAt = (now: Date): CoverageSpec => ({
    allOf: plan.enterpriseCovered.value.allOf,
    windows: coverageWindows(plan, now),
  });

  const areaOf = (ctx: RequestContext, province: string | undefined): AreaScope => {
    const area = areaFor(requireActor(ctx), province);
    if (!area) throw notFound('province');
    return area;
  };

  async function computeAt(now: Date) {
    return repo.compute(db, now, shanghaiDate(now), specAt(now), SUPERVISED_PROVINCES);
  }

  /** Recomputes every area's figures and records the day's history point; overlapping runs queue on a lock. */
  async function refresh(now: Date) {
    const started = performance.now();
    const { areas, months } = await computeAt(now);
    await inTransaction(db, async (tx) => {
      await repo.lock(tx);
      await repo.save(tx, areas, months, shanghaiDate(now), now);
    });
    return { asOf: now.toISOString(), areas: areas.length, ms: Math.round(performance.now() - started) };
  }

  /** History at every Shanghai month end from the programme's start to `now`, then a refresh (after bulk loads). */
  async function rebuild(now: Date) {
    for (const end of monthEnds(plan.issuedOn.value, now)) {
      const { areas } = await computeAt(end);
      await inTransaction(db, (tx) =>
        repo.saveHistory(
          tx,
          areas.filter((a: Area) => a.level !== 'city'),
          shanghaiDate(end),
          now,
        ),
      );
    }
    return refresh(now);
  }

  /** At start-up: back-fill the month ends once on a database that has no history yet, else just refresh. */
  async function ensureFresh(now: Date) {
    return (await repo.hasHistory(db)) ? refresh(now) : rebuild(now);
  }

  // Dashboard answers per area and kind. The read model only moves at a refresh, so an answer is reused while the
  // area's refreshed_at and the Shanghai day (history windows and month lists move by day) stay the same; the check
  // is one primary-key read, and another server's refresh is seen at once.
  const memo = new Map<string, { stamp: string; value: unknown }>();
  async function memoized<T>(kind: string, area: AreaScope, now: Date, build: () => Promise<T>): Promise<T> {
    const refreshedAt = await repo.refreshedAt(db, area.code);
    if (!refreshedAt) return build();
    const stamp = `${refreshedAt.toISOString()}|${shanghaiDate(now)}`;
    const key = `${kind}:${area.code}`;
    const hit = memo.get(key);
    if (hit?.stamp === stamp) return hit.value as T;
    const value = await build();
    memo.set(key, { stamp, value });
    return value;
  }

  const figuresOf = (row: SnapshotRow | undefined, level: AreaScope['level']) =>
    row?.figures ?? emptyFigures(level);

  async function overview(ctx: RequestContext, q: z.infer<typeof AreaQuery>): Promise<SupervisionOverview> {
    const area = areaOf(ctx, q.province);
    return memoized('overview', area, ctx.now, () => computeOverview(area, ctx.now));
  }

  async function computeOverview(area: AreaScope, at: Date): Promise<SupervisionOverview> {
    const row = await repo.snapshot(db, area.code);
    const figures = figuresOf(row, area.level);
    const windowDays = plan.projection.value.windowDays;
    const since = addLocalDays(shanghaiDate(at), -windowDays);
    const points = await repo.history(db, area.code, since);
    const series = Object.fromEntries(
      HEADLINE_KEYS.map((k) => [
        k,
        points.map((h) => ({ at: endOfShanghaiDay(h.day), value: h.figures[k] })),
      ]),
    ) as Record<(typeof HEADLINE_KEYS)[number], SeriesPoint[]>;
    const now = row?.refreshedAt ?? at;
    const children = await repo.children(db, area.code);
    const c = plan.enterpriseCovered;
    return {
      scope: area,
      asOf: row?.refreshedAt.toISOString() ?? null,
      deadline: deadline.toISOString(),
      figures,
      headlines: headlines(plan, area.level, figures, series, now, deadline),
      breakdown: children.map((r) => ({ code: r.areaCode, figures: r.figures })),
      definition: { ...c.value, clause: c.clause, source: c.source, status: c.status, note: c.note ?? null },
      projection: { windowDays, clause: plan.projection.clause, status: plan.projection.status },
    };
  }

  async function trends(ctx: RequestContext, q: z.infer<typeof AreaQuery>): Promise<SupervisionTrends> {
    const area = areaOf(ctx, q.province);
    return memoized('trends', area, ctx.now, () => computeTrends(area, ctx.now));
  }

  async function computeTrends(area: AreaScope, at: Date): Promise<SupervisionTrends> {
    const row = await repo.snapshot(db, area.code);
    const months = trendMonths(plan.issuedOn.value, at);
    const lastOfMonth = new Map<string, SnapshotRow['figures']>();
    for (const h of await repo.history(db, area.code, `${months[0]}-01`))
      lastOfMonth.set(h.day.slice(0, 7), h.figures);
    if (row) lastOfMonth.set(shanghaiDate(row.refreshedAt).slice(0, 7), row.figures);
    const pick = (k: (typeof HEADLINE_KEYS)[number]) => months.map((m) => lastOfMonth.get(m)?.[k] ?? null);
    const tiers = row?.incidentMonths ?? {};
    const tier = (t: 'I' | 'II' | 'III' | 'IV') => months.map((m) => tiers[m]?.[t] ?? 0);
    return {
      scope: area,
      months,
      enterprisesRegistered: pick('enterprisesRegistered'),
      enterprisesCovered: pick('enterprisesCovered'),
      topDecileCovered: pick('topDecileCovered'),
      trainingPersonTimes: pick('trainingPersonTimes'),
      talents: pick('talents'),
      drillsCompleted: pick('drillsCompleted'),
      incidents: { I: tier('I'), II: tier('II'), III: tier('III'), IV: tier('IV') },
    };
  }

  /** Checks the caller may open the list and turns the query into a filter inside its area. */
  function filterFor(
    ctx: RequestContext,
    kind: DrillKind,
    q: z.infer<typeof ExportQuery> | DrillQuery,
  ): ListFilter {
    const actor = requireActor(ctx);
    const area = areaOf(ctx, q.province);
    if (!canOpenList(actor, kind)) {
      throw forbidden(
        'Vulnerability reports go to the ministry (RMSV art. 7); provinces see only their count.',
      );
    }
    if (q.city && (area.level !== 'province' || q.city.slice(0, 2) !== area.code.slice(0, 2))) {
      throw invalid(
        'querystring.city',
        'The city is not in the province being viewed.',
        'supervision.city_outside_area',
      );
    }
    return {
      province: area.level === 'province' ? area.code : undefined,
      city: q.city,
      covered: q.covered === undefined ? undefined : q.covered === 'true',
      topDecile: q.topDecile === undefined ? undefined : q.topDecile === 'true',
      industrySection: q.industrySection,
      tier: q.tier,
      month: q.month ? monthRange(q.month) : undefined,
      severityRank: q.severity
        ? { unknown: 0, low: 1, medium: 2, high: 3, critical: 4 }[q.severity]
        : undefined,
      status: q.status,
      q: q.q,
      now: ctx.now,
      today: shanghaiDate(ctx.now),
      spec: specAt(ctx.now),
    };
  }

  const cursorOf = (kind: DrillKind, cursor: string | undefined) => {
    if (!cursor) return null;
    const [first = '', id = ''] = decodeCursor(cursor, 2);
    if (!KEY_FORMS[supervisionLists[kind].keyCast].test(first) || !UUID.test(id)) {
      throw invalid('querystring.cursor', 'The cursor is not one this API issued.', 'validation.bad_cursor');
    }
    return [first, id];
  };

  async function list(ctx: RequestContext, kind: DrillKind, q: DrillQuery): Promise<DrillPage> {
    const f = filterFor(ctx, kind, q);
    const def = supervisionLists[kind];
    const rows = await def.page(db, f, cursorOf(kind, q.cursor), q.limit + 1);
    const page = rows.slice(0, q.limit);
    return {
      kind,
      columns: [...def.columns],
      rows: page.map(({ id, cells }) => ({ id, cells })),
      nextCursor: rows.length > q.limit ? encodeCursor(page.at(-1)?.key ?? []) : null,
    };
  }

  async function exportList(ctx: RequestContext, kind: DrillKind, q: z.infer<typeof ExportQuery>) {
    const f = filterFor(ctx, kind, q);
    const def = supervisionLists[kind];
    const all: ListRow[] = [];
    let after: string[] | null = null;
    for (;;) {
      const rows = await def.page(db, f, after, 5000);
      all.push(...rows);
      if (all.length > EXPORT_ROW_CAP) {
        throw new AppError(
          413,
          'supervision.export_too_large',
          `The list holds more than ${EXPORT_ROW_CAP} rows; narrow it with filters (province, city, month).`,
        );
      }
      if (rows.length < 5000) break;
      after = rows.at(-1)?.key ?? null;
    }
    const header = def.columns.map((c) => COLUMN_LABELS[c] ?? c);
    const cells: ExportCell[][] = all.map((r) => def.columns.map((c) => r.cells[c] ?? null));
    const stem = `bulwark-${LIST_TITLES[kind]}-${f.province ?? 'CN'}-${shanghaiDate(ctx.now)}`;
    // The chain's head lock is transaction-scoped: outside a transaction two appends can take the same `seq`.
    await inTransaction(db, (tx) =>
      audit.append(tx, ctx, {
        action: 'supervision.exported',
        entityType: 'supervision_list',
        entityId: kind,
        orgId: requireActor(ctx).orgId,
        data: { kind, format: q.format, rows: all.length, province: f.province ?? null },
      }),
    );
    return q.format === 'csv'
      ? { filename: `${stem}.csv`, contentType: 'text/csv; charset=utf-8', body: toCsv(header, cells) }
      : {
          filename: `${stem}.xlsx`,
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          body: await toXlsx(LIST_TITLES[kind], header, cells),
        };
  }

  /** On-demand refresh by a regulator's admin, audited. */
  async function refreshNow(ctx: RequestContext) {
    const actor = requireActor(ctx);
    if (!canRefresh(actor)) throw forbidden('Only regulators’ admins refresh the supervision figures.');
    const result = await refresh(ctx.now);
    await inTransaction(db, (tx) =>
      audit.append(tx, ctx, {
        action: 'supervision.refreshed',
        entityType: 'supervision_snapshot',
        entityId: 'all',
        orgId: actor.orgId,
        data: { areas: result.areas, ms: result.ms },
      }),
    );
    return result;
  }

  /** The monthly report's content: the area's figures at the month's end (or now, for the current month). */
  async function reportData(ctx: RequestContext, q: z.infer<typeof ReportQuery>) {
    const area = areaOf(ctx, q.province);
    const month = q.month ?? shanghaiDate(ctx.now).slice(0, 7);
    const range = monthRange(month);
    if (range.fromAt > ctx.now) {
      throw invalid('querystring.month', 'The month has not started yet.', 'supervision.month_in_future');
    }
    const current = range.toAt > ctx.now;
    const ov = await overview(ctx, { province: area.level === 'province' ? area.code : undefined });
    const tr = await trends(ctx, { province: area.level === 'province' ? area.code : undefined });
    if (current) return { overview: ov, trends: tr, month };
    // A past month prints its last history point; cities have no history, so a province's past month has no breakdown.
    const [end] = await repo.historyBefore(db, [area.code], range.to);
    if (!end || end.day < range.from) throw notFound('supervision history for that month');
    const children =
      area.level === 'nation' ? await repo.historyBefore(db, SUPERVISED_PROVINCES, range.to) : [];
    return {
      overview: {
        ...ov,
        figures: end.figures,
        asOf: endOfShanghaiDay(end.day).toISOString(),
        breakdown: children
          .filter((c) => c.day >= range.from)
          .map((c) => ({ code: c.areaCode, figures: c.figures })),
      },
      trends: tr,
      month,
    };
  }

  /** The monthly report as an A4 PDF with a CJK font; 503 when the server has none. */
  async function reportPdf(ctx: RequestContext, q: z.infer<typeof ReportQuery>) {
    const font = resolvePdfFont(deps.pdfFont);
    if (!font) {
      throw new AppError(
        503,
        'supervision.pdf_font_missing',
        'No CJK font is installed for the PDF report; set BULWARK_PDF_FONT to a Noto Sans CJK or WenQuanYi font file.',
      );
    }
    const data = await reportData(ctx, q);
    const pdf = await renderMonthlyReportPdf({ ...data, generatedAt: ctx.now.toISOString() }, font);
    return { filename: `bulwark-supervision-${data.overview.scope.code}-${data.month}.pdf`, pdf };
  }

  return {
    refresh,
    rebuild,
    ensureFresh,
    overview,
    trends,
    list,
    exportList,
    refreshNow,
    reportData,
    reportPdf,
  };
}

/** The supervision service. */
export type SupervisionService = ReturnType<typeof createSupervisionService>;
