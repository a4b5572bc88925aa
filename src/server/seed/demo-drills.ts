import type { RequestContext } from '../core/actor';
import type { Db } from '../db/client';
import type { Services } from '../services';

/** Resolves a demo login to a request context acting as that user. */
type ActingAs = (db: Db, ctx: RequestContext, email: string) => Promise<RequestContext>;

const MINUTE = 60_000;

/**
 * One completed ransomware drill of ent.gd2, filed with Guangdong two weeks ago: actions, verdicts, the tier II
 * practice incident and lessons learned. No corrective action: ent.gd2's board is the self-examination's demo.
 * Each step runs at its drill minute so the report's times are realistic.
 */
export async function seedDemoDrills(
  db: Db,
  services: Pick<Services, 'drills' | 'incidents'>,
  ctx: RequestContext,
  actingAs: ActingAs,
) {
  const base = await actingAs(db, ctx, 'ent.gd2@bulwark.demo');
  const t0 = new Date(ctx.now.getTime() - 14 * 24 * 60 * MINUTE);
  const at = (minute: number): RequestContext => ({ ...base, now: new Date(t0.getTime() + minute * MINUTE) });
  const s = services.drills;
  const d = await s.schedule(at(-24 * 60), {
    scenarioId: 'builtin-ransomware',
    mode: 'facilitator',
    scheduledFor: t0.toISOString(),
    participantUserIds: [],
  });
  await s.start(at(0), d.id);
  const act = async (
    minute: number,
    injectKey: string,
    text: string,
    claim?: 'detected' | 'contained' | 'restored',
  ) => {
    await s.advance(at(minute), d.id, { minutes: minute - (await s.get(at(minute), d.id)).currentMinute });
    await s.recordAction(at(minute), d.id, { injectKey, text, claim });
  };
  const mark = (
    minute: number,
    injectKey: string,
    expectation: 'detected' | 'contained' | 'reported-in-time' | 'restored',
    status: 'met' | 'missed' = 'met',
  ) => s.markExpectation(at(minute), d.id, { injectKey, expectation, status });
  await act(
    8,
    'initial-access',
    '值班人员确认境外 IP 登录为异常，关闭远程运维端口并上报安全负责人。',
    'detected',
  );
  await mark(8, 'initial-access', 'detected');
  await act(24, 'encryption-detected', '拔除 MES 与 HMI 网线，隔离生产网段，保全内存镜像。', 'contained');
  await mark(24, 'encryption-detected', 'contained');
  await act(41, 'data-leak-threat', '按应急预案电话报告广州市工信局，准备书面报告。');
  // The facilitators play the regulator's calls to the ministry: phone in time, the written report late.
  const incidentId = (await s.get(at(41), d.id)).incident?.id;
  if (incidentId) {
    await services.incidents.logMinistryReport(at(47), incidentId, { channel: 'phone' });
    await services.incidents.logMinistryReport(at(75), incidentId, { channel: 'written' });
  }
  await mark(55, 'data-leak-threat', 'reported-in-time', 'missed');
  await act(150, 'recovery', '从离线备份分批恢复 MES，核对工单数据完整性。', 'restored');
  await mark(150, 'recovery', 'restored');
  await s.setLessons(at(160), d.id, {
    lessons: [
      '厂商远程运维通道须经堡垒机并按需开通，禁止直接暴露在互联网。',
      '书面报告模板需预先准备，以满足 30 分钟书面报告要求。',
      '在线备份服务器须与生产域隔离，离线备份每日校验。',
    ],
  });
  await s.complete(at(160), d.id);
  await s.file(at(24 * 60), d.id);
}
