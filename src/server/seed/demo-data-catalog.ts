import type { z } from 'zod';
import type { CreateDataAssetBody } from '../../contracts/data-catalog';
import type { RequestContext } from '../core/actor';
import type { Db } from '../db/client';
import type { Services } from '../services';

type AssetInput = z.infer<typeof CreateDataAssetBody>;
type Acting = (db: Db, ctx: RequestContext, email: string) => Promise<RequestContext>;

/** Wizard answers: the first (general) answer to every question, except those given. */
function answers(services: Pick<Services, 'dataCatalog'>, raised: Record<string, string> = {}) {
  const all = services.dataCatalog.questions().questions;
  return Object.fromEntries(all.map((q) => [q.id, raised[q.id] ?? q.answers[0]!.key]));
}

const base = {
  externalSharing: false,
  crossBorder: false,
  description: null,
  sharingDetails: null,
};

/** Realistic catalog entries of a precision-manufacturing enterprise (the description, never the data). */
function catalogOf(services: Pick<Services, 'dataCatalog'>): AssetInput[] {
  return [
    {
      ...base,
      name: '生产工艺参数',
      category: '研发设计数据',
      description: '精密注塑与数控加工的关键工艺参数库',
      scale: { records: 120_000, volumeMb: 850 },
      purpose: '工艺优化与质量追溯',
      processingMethod: '采集、存储、分析',
      scopeOfUse: '工艺研发部、质量部',
      responsiblePerson: '李文（数据安全负责人）',
      carrierSystem: 'MES 制造执行系统',
      source: '产线 PLC 与工艺工程师录入',
      securityMeasures: '分级访问控制、传输加密、操作审计、异地备份',
      answers: answers(services, { 'important-definition': 'yes', field: 'key-field', precision: 'high' }),
    },
    {
      ...base,
      name: '设备运行数据',
      category: '生产运行数据',
      scale: { records: 2_400_000, volumeMb: 12_000 },
      purpose: '设备预测性维护',
      processingMethod: '实时采集、汇聚分析',
      scopeOfUse: '设备部、生产部',
      responsiblePerson: '王工程师（设备部）',
      carrierSystem: '工业互联网平台',
      securityMeasures: '工控网络隔离、访问控制、日志审计',
      answers: answers(services, { depth: 'derived', coverage: 'broad' }),
    },
    {
      ...base,
      name: '客户订单',
      category: '经营管理数据',
      scale: { records: 35_000, volumeMb: 60 },
      purpose: '订单履约与结算',
      processingMethod: '存储、查询',
      scopeOfUse: '销售部、财务部',
      responsiblePerson: '销售部经理',
      carrierSystem: 'ERP 系统',
      securityMeasures: '账号权限管理、定期备份',
      answers: answers(services),
    },
  ];
}

/**
 * Demo data catalogs: 粤海精密 (ent.gd1) has assets and no filing yet (the e2e journey files it); 珠江智能
 * (ent.gd2) holds an approved filing with a certificate; 钱塘新材料 (ent.zj1) waits in the Zhejiang queue.
 */
export async function seedDemoDataCatalog(
  db: Db,
  services: Pick<Services, 'dataCatalog'>,
  ctx: RequestContext,
  actingAs: Acting,
) {
  const { dataCatalog } = services;
  const [craft, equipment, orders] = catalogOf(services);
  const gd1 = await actingAs(db, ctx, 'ent.gd1@bulwark.demo');
  for (const a of [craft!, equipment!, orders!]) await dataCatalog.create(gd1, a);

  const gd2 = await actingAs(db, ctx, 'ent.gd2@bulwark.demo');
  await dataCatalog.create(gd2, {
    ...craft!,
    name: '智能装备设计图纸',
    scale: { records: 8_600, volumeMb: 42_000 },
  });
  await dataCatalog.create(gd2, { ...equipment!, name: '装备远程运维数据' });
  const filing = await dataCatalog.submit(gd2);
  await dataCatalog.approve(await actingAs(db, ctx, 'gd.admin@bulwark.demo'), filing.id);

  const zj1 = await actingAs(db, ctx, 'ent.zj1@bulwark.demo');
  await dataCatalog.create(zj1, {
    ...craft!,
    name: '新材料配方数据',
    category: '研发设计数据',
    scale: { records: 4_200, volumeMb: 300 },
    carrierSystem: 'PLM 产品生命周期管理系统',
  });
  await dataCatalog.create(zj1, { ...orders!, name: '供应商与采购数据', category: '经营管理数据' });
  await dataCatalog.submit(zj1);
}
