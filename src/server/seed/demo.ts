import type { OrgKind, Role } from '../../contracts/identity';
import { type RequestContext, systemContext } from '../core/actor';
import type { Db } from '../db/client';
import type { UsersService } from '../modules/identity';
import { orgRepository, userRepository } from '../modules/identity/identity.repository';
import type { ProductsService } from '../modules/products';

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

/** The demo vendor's product line, with upstream open-source components. */
export const DEMO_PRODUCT = {
  name: '华安下一代防火墙',
  model: 'HA-NGFW-3000',
  versions: ['5.0.1', '5.1.0', '5.2.3'],
  versionRanges: [{ introduced: '5.0.0' }],
  purl: 'pkg:generic/huaan/ha-ngfw-3000@5.2.3',
  components: ['pkg:generic/openssl@1.1.1k', 'pkg:generic/busybox@1.31.1', 'pkg:npm/lodash@4.17.20'],
};

/** Seeds the demo dataset once; returns false when the database already holds a ministry. */
export async function seedDemo(
  db: Db,
  services: DemoServices,
  ctx: RequestContext = systemContext('seed-demo'),
) {
  const { users } = services;
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
    if (o.kind === 'vendor') await seedProduct(services, ctx, org.id, first.email, db);
  }
  return true;
}

async function seedProduct(
  services: DemoServices,
  ctx: RequestContext,
  vendorOrgId: string,
  adminEmail: string,
  db: Db,
) {
  const admin = await userRepository.findByEmail(db, adminEmail);
  const actorCtx: RequestContext = {
    ...ctx,
    actor: {
      userId: admin!.id,
      orgId: vendorOrgId,
      orgKind: 'vendor',
      role: 'admin',
      provinceCode: '440000',
      via: 'session',
    },
  };
  const { components, ...product } = DEMO_PRODUCT;
  const p = await services.products.create(actorCtx, product);
  for (const purl of components) await services.products.addComponent(actorCtx, p.id, { purl });
}

/** The services the demo seed writes through (so every row is audited like any other write). */
export interface DemoServices {
  users: UsersService;
  products: ProductsService;
}

/** The demo logins as printed at start-up. */
export const demoLogins = () =>
  DEMO_ORGS.flatMap((o) => o.users.map((u) => ({ kind: o.kind, org: o.name, email: u.email, role: u.role })));
