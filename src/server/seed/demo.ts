import type { OrgKind, Role } from '../../contracts/identity';
import { type RequestContext, systemContext } from '../core/actor';
import type { Db } from '../db/client';
import type { UsersService } from '../modules/identity';
import { orgRepository, userRepository } from '../modules/identity/identity.repository';

/** The one password every demo login uses; printed at start-up. */
export const DEMO_PASSWORD = 'Bulwark-Demo-2026';

interface DemoOrg {
  kind: OrgKind;
  name: string;
  provinceCode?: string;
  users: { email: string; name: string; role: Role }[];
}

/** The small demo dataset: one ministry, two provincial regulators, enterprises in both, a vendor, a platform, a researcher. */
export const DEMO_ORGS: DemoOrg[] = [
  {
    kind: 'ministry',
    name: '工业和信息化部网络安全管理局',
    users: [
      { email: 'ministry.admin@bulwark.demo', name: '部级管理员', role: 'admin' },
      { email: 'ministry.viewer@bulwark.demo', name: '部级观察员', role: 'viewer' },
    ],
  },
  {
    kind: 'provincial-regulator',
    name: '广东省通信管理局',
    provinceCode: '440000',
    users: [{ email: 'gd.admin@bulwark.demo', name: '广东监管员', role: 'admin' }],
  },
  {
    kind: 'provincial-regulator',
    name: '浙江省经济和信息化厅',
    provinceCode: '330000',
    users: [{ email: 'zj.admin@bulwark.demo', name: '浙江监管员', role: 'admin' }],
  },
  {
    kind: 'enterprise',
    name: '粤海精密制造有限公司',
    provinceCode: '440000',
    users: [
      { email: 'ent.gd1@bulwark.demo', name: '李数据安全官', role: 'admin' },
      { email: 'ent.gd1.member@bulwark.demo', name: '王工程师', role: 'member' },
    ],
  },
  {
    kind: 'enterprise',
    name: '珠江智能装备股份有限公司',
    provinceCode: '440000',
    users: [{ email: 'ent.gd2@bulwark.demo', name: '陈安全主管', role: 'admin' }],
  },
  {
    kind: 'enterprise',
    name: '钱塘新材料科技有限公司',
    provinceCode: '330000',
    users: [{ email: 'ent.zj1@bulwark.demo', name: '周数据安全官', role: 'admin' }],
  },
  {
    kind: 'vendor',
    name: '华安网络设备有限公司',
    provinceCode: '440000',
    users: [
      { email: 'vendor.admin@bulwark.demo', name: '赵PSIRT负责人', role: 'admin' },
      { email: 'vendor.member@bulwark.demo', name: '孙漏洞分析师', role: 'member' },
    ],
  },
  {
    kind: 'collection-platform',
    name: '补天漏洞响应平台（演示）',
    users: [{ email: 'platform.admin@bulwark.demo', name: '平台运营', role: 'admin' }],
  },
  {
    kind: 'researcher',
    name: '独立安全研究员 刘明',
    users: [{ email: 'researcher@bulwark.demo', name: '刘明', role: 'admin' }],
  },
];

/** Seeds the demo dataset once; returns false when the database already holds a ministry. */
export async function seedDemo(
  db: Db,
  users: UsersService,
  ctx: RequestContext = systemContext('seed-demo'),
) {
  if (await orgRepository.anyOfKind(db, 'ministry')) return false;
  for (const o of DEMO_ORGS) {
    const [first, ...rest] = o.users;
    if (!first) continue;
    const { org } = await users.createOrgWithAdmin(
      ctx,
      { kind: o.kind, name: o.name, provinceCode: o.provinceCode },
      { ...first, password: DEMO_PASSWORD },
    );
    for (const u of rest) {
      if (!(await userRepository.findByEmail(db, u.email))) {
        await users.addUser(ctx, org.id, { ...u, password: DEMO_PASSWORD });
      }
    }
  }
  return true;
}

/** The demo logins as printed at start-up. */
export const demoLogins = () =>
  DEMO_ORGS.flatMap((o) => o.users.map((u) => ({ kind: o.kind, org: o.name, email: u.email, role: u.role })));
