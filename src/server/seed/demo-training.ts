import type { RequestContext } from '../core/actor';
import type { Db } from '../db/client';
import { bundledProgrammePacks } from '../programme-rules/programme-pack';
import { addLocalDays, shanghaiDate } from '../regulations/working-days';
import type { Services } from '../services';

/** Resolves a demo login to a request context acting as that user. */
type ActingAs = (db: Db, ctx: RequestContext, email: string) => Promise<RequestContext>;

/** Each demo enterprise's sessions (days before today, topic, trainer, attendees) and certified talents. */
const DEMO_TRAINING: Record<
  string,
  {
    sessions: [number, string, string, string[]][];
    talents: [string, string, string, string, string][];
  }
> = {
  'ent.gd1@bulwark.demo': {
    sessions: [
      [
        400,
        '数据安全法与工业数据分类分级',
        '广东省工业信息安全中心',
        ['李文', '王工', '赵敏', '钱进', '孙浩', '周洁'],
      ],
      [120, '重要数据识别与目录备案实务', '省工信厅数据安全处', ['李文', '王工', '吴磊', '郑爽']],
      [20, '勒索病毒应急演练复盘', '华安网络设备有限公司', ['王工', '吴磊', '冯超', '陈晨', '褚楠']],
    ],
    talents: [
      ['李文', 'CISP-DSG 注册数据安全治理专业人员', 'DSG-2025-044001', '中国信息安全测评中心', '2025-04-18'],
      ['王工', '数据安全工程师 (DSE)', 'CAICT-DSE-2024-1187', '中国信息通信研究院', '2024-11-02'],
    ],
  },
  'ent.gd2@bulwark.demo': {
    sessions: [[60, '工业控制系统数据安全基础', '广州市工信局', ['陈涛', '蒋丽', '沈博']]],
    talents: [
      ['陈涛', 'CISP-DSG 注册数据安全治理专业人员', 'DSG-2025-051230', '中国信息安全测评中心', '2025-08-09'],
    ],
  },
  'ent.zj1@bulwark.demo': {
    sessions: [
      [200, '数据出境安全评估要点', '浙江省经济和信息化厅', ['周敏', '韩冰', '杨帆', '朱琳']],
      [
        35,
        '数据分类分级保护实施指南',
        '杭州市数据安全协会',
        ['周敏', '秦川', '许诺', '何静', '吕青', '施展', '张弛'],
      ],
    ],
    talents: [
      ['周敏', 'CISP-DSG 注册数据安全治理专业人员', 'DSG-2024-030877', '中国信息安全测评中心', '2024-06-21'],
    ],
  },
};

/**
 * Training sessions and certified talents of the demo enterprises in Guangdong and Zhejiang, so the training page,
 * the provincial roll-ups and the ministry's chart have something to show. Sessions are dated relative to today
 * and kept inside the programme period.
 */
export async function seedDemoTraining(
  db: Db,
  services: Pick<Services, 'training'>,
  ctx: RequestContext,
  actingAs: ActingAs,
) {
  const { periodFrom, periodTo } = bundledProgrammePacks().plan.enterpriseCovered.value;
  const today = shanghaiDate(ctx.now);
  const day = (before: number) => {
    const d = addLocalDays(today, -before);
    return d > periodTo ? periodTo : d < periodFrom ? periodFrom : d;
  };
  for (const [email, { sessions, talents }] of Object.entries(DEMO_TRAINING)) {
    const as = await actingAs(db, ctx, email);
    for (const [before, topic, trainer, attendees] of sessions) {
      await services.training.createSession(as, { heldOn: day(before), topic, trainer, hours: 3, attendees });
    }
    for (const [name, certificate, certificateNo, issuer, issuedOn] of talents) {
      await services.training.createTalent(as, {
        name,
        certificate,
        certificateNo,
        issuer,
        issuedOn,
        validUntil: null,
      });
    }
  }
}
