import type { SeedOrg } from './context';
import type { IncidentDraft } from './incidents';
import type { Rng } from './random';

/** One timeline entry as the incidents service records it; `text` is sealed on write. */
export interface TimelineEntry {
  kind: string;
  at: Date;
  actor: { userId: string; orgId: string } | null;
  data: Record<string, unknown>;
  text?: string;
}

/**
 * The entries each step of an incident's handling would have recorded, oldest first: reported, the ministry clock,
 * the regulator's escalations (by the clock watch, no actor) and reports to the ministry, containment, telling the
 * individuals at risk, and closure with its summary.
 */
export function timelineOf(
  rng: Rng,
  d: IncidentDraft,
  regulator: SeedOrg,
  clock: Date | null,
): TimelineEntry[] {
  const enterprise = { userId: d.e.adminUserId, orgId: d.e.orgId };
  const province = { userId: regulator.userId, orgId: regulator.orgId };
  const tier = d.classification.tier;
  const out: TimelineEntry[] = [
    {
      kind: 'reported',
      at: d.reportedAt,
      actor: enterprise,
      data: { tier, fired: d.classification.fired.map((f) => f.criterion) },
    },
  ];
  if (clock) out.push({ kind: 'ministry-clock-started', at: clock, actor: enterprise, data: { tier } });
  for (const [duty, at] of [
    ['regulator-phone', d.phoneEscalatedAt],
    ['regulator-written', d.writtenEscalatedAt],
  ] as const) {
    if (at) out.push({ kind: 'escalated', at, actor: null, data: { duty } });
  }
  for (const [kind, at] of [
    ['ministry-phone', d.phoneReportedAt],
    ['ministry-written', d.writtenReportedAt],
  ] as const) {
    if (at) out.push({ kind, at, actor: province, data: { at: at.toISOString() } });
  }
  if (d.containedAt) out.push({ kind: 'contained', at: d.containedAt, actor: enterprise, data: {} });
  if (d.usersNotifiedAt) {
    out.push({
      kind: 'users-notified',
      at: d.usersNotifiedAt,
      actor: enterprise,
      data: {
        channel: rng.pick(['短信', '电子邮件', '公告']),
        recipients: d.facts.piRecords ?? d.facts.sensitivePiRecords ?? 0,
      },
    });
  }
  if (d.closedAt) {
    out.push({
      kind: 'closed',
      at: d.closedAt,
      actor: enterprise,
      data: {},
      text: d.drillId ? '演练结束，练习事件关闭。' : '事件已处置完毕，已完成溯源与整改，提交总结报告。',
    });
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}
