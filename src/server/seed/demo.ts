import type { EnterpriseFields } from '../../contracts/enterprises';
import type { OrgKind, Role } from '../../contracts/identity';
import { type RequestContext, systemContext } from '../core/actor';
import type { Db } from '../db/client';
import { orgRepository, userRepository } from '../modules/identity/identity.repository';
import type { Services } from '../services';
import { seedDemoAssessments } from './demo-assessments';
import { seedDemoDataCatalog } from './demo-data-catalog';
import { seedDemoDrills } from './demo-drills';
import { seedDemoTraining } from './demo-training';

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

/**
 * Registry profiles of the demo enterprises by org name: GB 32100-2015 codes (check characters from uscc.ts),
 * Guangdong and Zhejiang prefectures, GB/T 4754-2017 manufacturing divisions, revenue for 2025.
 */
export const DEMO_PROFILES: Record<string, EnterpriseFields> = {
  粤海精密制造有限公司: {
    uscc: '91441900MA4WFY3K2M',
    name: '粤海精密制造有限公司',
    provinceCode: '440000',
    cityCode: '441900',
    industryDivision: '34',
    sector: 'industry',
    aboveSize: true,
    annualRevenueYuan: 1_860_000_000,
    revenueYear: 2025,
    officer: {
      name: '李文',
      title: '数据安全负责人（副总经理）',
      phone: '0769-22881234',
      email: 'ent.gd1@bulwark.demo',
    },
  },
  珠江智能装备股份有限公司: {
    uscc: '91440106MA59C8LX70',
    name: '珠江智能装备股份有限公司',
    provinceCode: '440000',
    cityCode: '440100',
    industryDivision: '35',
    sector: 'industry',
    aboveSize: true,
    annualRevenueYuan: 3_250_000_000,
    revenueYear: 2025,
    officer: { name: '陈涛', title: '首席信息安全官', phone: '020-38765432', email: 'ent.gd2@bulwark.demo' },
  },
  钱塘新材料科技有限公司: {
    uscc: '91330110MA2H7QN41U',
    name: '钱塘新材料科技有限公司',
    provinceCode: '330000',
    cityCode: '330100',
    industryDivision: '26',
    sector: 'industry',
    aboveSize: true,
    annualRevenueYuan: 920_000_000,
    revenueYear: 2025,
    officer: { name: '周敏', title: '数据安全负责人', phone: '0571-86541234', email: 'ent.zj1@bulwark.demo' },
  },
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
    if (o.kind === 'vendor') await seedProduct(services, ctx, first.email, db);
    if (o.kind === 'collection-platform') await seedFiling(services, ctx, first.email, db);
    const profile = DEMO_PROFILES[o.name];
    if (profile) await seedProfile(services, ctx, db, org.id, profile);
  }
  await seedDemoDataCatalog(db, services, ctx, actingAs);
  await seedDemoAssessments(db, services, ctx, actingAs);
  await seedDemoTraining(db, services, ctx, actingAs);
  await seedDemoDrills(db, services, ctx, actingAs);
  return true;
}

/** A context acting as a seeded user, so seed writes go through services and the audit chain. */
async function actingAs(db: Db, ctx: RequestContext, email: string): Promise<RequestContext> {
  const u = await userRepository.findByEmail(db, email);
  const o = await orgRepository.findInScope(db, { kind: 'all' }, u!.orgId);
  return {
    ...ctx,
    actor: {
      userId: u!.id,
      orgId: o!.id,
      orgKind: o!.kind as OrgKind,
      role: u!.role as Role,
      provinceCode: o!.provinceCode,
      via: 'session',
    },
  };
}

/** The demo collection platform, filed with MIIT (RMSV art. 10) so it may submit on behalf of researchers. */
export const DEMO_FILING = {
  platformName: '补天漏洞响应平台（演示）',
  url: 'https://butian.demo.example',
  icpNumber: '京ICP备00000000号',
  publicationChannels: ['平台公告页'],
  hostName: '北京演示网络安全技术有限公司',
  hostUscc: '91110000802100433B',
  responsiblePerson: { name: '平台负责人', phone: '010-12345678', email: 'platform.admin@bulwark.demo' },
  contacts: [],
  registeredCapital: '1000万元',
  shareholding: '演示股东 100%',
  collectionScope: '通用网络产品安全漏洞',
  collectionMethods: '白帽子在线提交，人工审核',
  verificationRules: '三级审核：初审、复现、定级',
  notificationRules: '确认后 24 小时内通知产品提供者',
  publicationRules: '修复后经提供者同意方可公开，不公开利用工具',
  userIdentityRules: '实名认证，分级管理',
  mlpsLevel3FilingNumber: '11010000000-00001',
  commitmentLetterSigned: true,
};

async function seedFiling(services: DemoServices, ctx: RequestContext, adminEmail: string, db: Db) {
  const platform = await actingAs(db, ctx, adminEmail);
  const f = await services.platforms.save(platform, DEMO_FILING);
  await services.platforms.submit(platform, f.id);
  const ministry = await actingAs(db, ctx, 'ministry.admin@bulwark.demo');
  await services.platforms.decide(ministry, f.id, { decision: 'approve' });
}

async function seedProduct(services: DemoServices, ctx: RequestContext, adminEmail: string, db: Db) {
  const actorCtx = await actingAs(db, ctx, adminEmail);
  const { components, ...product } = DEMO_PRODUCT;
  const p = await services.products.create(actorCtx, product);
  for (const purl of components) await services.products.addComponent(actorCtx, p.id, { purl });
}

/** The province's regulator registers its enterprise, as it would through the API. */
async function seedProfile(
  services: DemoServices,
  ctx: RequestContext,
  db: Db,
  orgId: string,
  f: EnterpriseFields,
) {
  const regulator = DEMO_ORGS.find(
    (o) => o.kind === 'provincial-regulator' && o.provinceCode === f.provinceCode,
  );
  const actor = await actingAs(db, ctx, regulator!.users[0]!.email);
  await services.enterprises.create(actor, { ...f, orgId }, 'seed');
}

/** The services the demo seed writes through (so every row is audited like any other write). */
export type DemoServices = Pick<
  Services,
  | 'users'
  | 'products'
  | 'platforms'
  | 'enterprises'
  | 'dataCatalog'
  | 'examinations'
  | 'correctiveActions'
  | 'riskAssessments'
  | 'training'
  | 'drills'
  | 'incidents'
>;

/** The demo logins as printed at start-up. */
export const demoLogins = () =>
  DEMO_ORGS.flatMap((o) => o.users.map((u) => ({ kind: o.kind, org: o.name, email: u.email, role: u.role })));
