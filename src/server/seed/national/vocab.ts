import type { Rng } from './random';

// Word lists for generated names. Invented combinations; any likeness to a real company or person is chance.

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '高',
  '林',
  '罗',
  '郑',
  '梁',
  '谢',
  '宋',
  '唐',
  '许',
  '韩',
  '冯',
  '邓',
  '曹',
  '彭',
  '曾',
  '肖',
  '田',
  '董',
  '袁',
  '潘',
  '于',
  '蒋',
  '蔡',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀',
  '霞',
  '平',
  '刚',
  '桂',
  '文',
  '华',
  '建',
  '国',
  '晨',
  '宇',
  '欣',
  '浩',
  '婷',
  '鑫',
  '博',
  '佳',
  '帆',
  '琳',
  '昊',
  '悦',
  '然',
  '峰',
];
const TRADE = [
  '华',
  '中',
  '泰',
  '恒',
  '鑫',
  '瑞',
  '达',
  '昌',
  '盛',
  '宏',
  '兴',
  '源',
  '通',
  '新',
  '安',
  '创',
  '力',
  '信',
  '德',
  '航',
  '远',
  '海',
  '天',
  '金',
  '联',
  '科',
  '精',
  '博',
  '正',
  '永',
  '辰',
  '宇',
  '嘉',
  '汇',
  '立',
  '凯',
  '腾',
  '弘',
  '佳',
  '锐',
];

/** A made-up person's name: surname and one or two given characters. */
export const personName = (rng: Rng) =>
  rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.6) ? rng.pick(GIVEN) : '');

/** A two-character trade name (字号). */
export const tradeName = (rng: Rng) => rng.pick(TRADE) + rng.pick(TRADE);

/** What an enterprise of a GB/T 4754 division calls itself, by division (default: 科技). */
const INDUSTRY_WORDS: Record<string, readonly string[]> = {
  '06': ['煤业', '矿业'],
  '07': ['石油', '油气'],
  '08': ['矿业', '铁矿'],
  '09': ['有色矿业', '矿业'],
  '10': ['建材矿业', '石材'],
  '13': ['农产品加工', '饲料'],
  '14': ['食品', '乳业'],
  '15': ['酒业', '饮品'],
  '17': ['纺织', '织造'],
  '18': ['服饰', '制衣'],
  '22': ['纸业', '包装'],
  '25': ['石化', '能源化工'],
  '26': ['化工', '新材料'],
  '27': ['制药', '生物医药'],
  '29': ['塑胶', '橡塑'],
  '30': ['建材', '玻璃'],
  '31': ['钢铁', '特钢'],
  '32': ['铝业', '铜业'],
  '33': ['五金', '金属制品'],
  '34': ['机械', '通用设备'],
  '35': ['装备', '专用设备'],
  '36': ['汽车', '汽车零部件'],
  '37': ['船舶', '轨道交通装备'],
  '38': ['电气', '电器'],
  '39': ['电子', '通信设备'],
  '40': ['仪器仪表', '自动化'],
  '44': ['电力', '热电'],
  '45': ['燃气', '能源'],
  '46': ['水务', '供水'],
  '63': ['通信', '信息网络'],
  '64': ['网络科技', '互联网'],
  '65': ['软件', '信息技术'],
};

/** A company name: place, trade name, industry word and legal form. */
export function companyName(rng: Rng, place: string, division: string) {
  const word = rng.pick(INDUSTRY_WORDS[division] ?? ['科技', '实业']);
  const form = rng.chance(0.82) ? '有限公司' : '股份有限公司';
  return `${place}${tradeName(rng)}${word}${form}`;
}

/** Officer titles (数据安全负责人). */
export const OFFICER_TITLES = [
  '数据安全负责人',
  '数据安全负责人（副总经理）',
  '首席信息官',
  '信息中心主任',
  '安全生产与信息化部部长',
  '首席信息安全官',
];

/** Training topics of 34号 data-security training. */
export const TRAINING_TOPICS = [
  '数据安全法与工业数据分类分级',
  '重要数据识别与目录备案实务',
  '工业数据安全风险自查自纠',
  '勒索病毒防范与应急处置',
  '工业控制系统数据安全防护',
  '数据出境安全评估要点',
  '个人信息保护合规',
  '数据安全事件报告（214号）解读',
  '供应链与远程运维安全',
  '数据安全风险评估方法',
];

/** Who gives training, by how often. */
export const TRAINERS = {
  provincial: '省工业和信息化主管部门',
  caict: '中国信息通信研究院',
  cics: '国家工业信息安全发展研究中心',
  association: '地方数据安全协会',
  inHouse: '企业内部讲师',
  vendor: '安全服务商',
} as const;

/** Data-security certificates counted as talents (34号 talent target). */
export const CERTIFICATES = [
  { name: 'CISP-DSG 注册数据安全治理专业人员', prefix: 'DSG', issuer: '中国信息安全测评中心' },
  { name: '数据安全工程师 (DSE)', prefix: 'CAICT-DSE', issuer: '中国信息通信研究院' },
  { name: '工业数据安全评估师', prefix: 'CICS-IDS', issuer: '国家工业信息安全发展研究中心' },
  { name: 'CCSP 数据安全官', prefix: 'CCSP-DSO', issuer: '中国网络安全审查认证和市场监管大数据中心' },
] as const;

/** Data-asset catalog entries (description only, never the data), by category. */
export const ASSET_TEMPLATES = [
  {
    name: '生产工艺参数',
    category: '研发设计数据',
    carrier: 'MES 制造执行系统',
    purpose: '工艺优化与质量追溯',
  },
  {
    name: '产品设计图纸',
    category: '研发设计数据',
    carrier: 'PLM 产品生命周期管理系统',
    purpose: '产品研发',
  },
  { name: '设备运行数据', category: '生产运行数据', carrier: '工业互联网平台', purpose: '设备预测性维护' },
  { name: '能耗监测数据', category: '生产运行数据', carrier: 'SCADA 监控系统', purpose: '能效管理' },
  { name: '质量检测记录', category: '生产运行数据', carrier: 'QMS 质量管理系统', purpose: '质量追溯' },
  { name: '客户订单', category: '经营管理数据', carrier: 'ERP 系统', purpose: '订单履约与结算' },
  { name: '供应商与采购数据', category: '经营管理数据', carrier: 'SRM 供应商管理系统', purpose: '采购管理' },
  { name: '员工信息', category: '经营管理数据', carrier: 'HR 人力资源系统', purpose: '人事管理' },
  { name: '远程运维日志', category: '运维数据', carrier: '运维审计系统', purpose: '远程运维与审计' },
  { name: '网络拓扑与配置', category: '运维数据', carrier: 'CMDB 配置管理库', purpose: '网络运维' },
  { name: '用户使用数据', category: '外部数据', carrier: '产品云平台', purpose: '产品服务改进' },
] as const;

/** Security measures as an enterprise describes them in its catalog. */
export const SECURITY_MEASURES = [
  '分级访问控制、传输加密、操作审计、异地备份',
  '工控网络隔离、访问控制、日志审计',
  '账号权限管理、定期备份',
  '数据脱敏、最小授权、离线备份',
  '加密存储、双人审批、审计留痕',
];

/** Incident titles by 214号 incident type. */
export const INCIDENT_TITLES: Record<string, readonly string[]> = {
  leak: ['客户订单数据疑似外泄', '设计图纸经邮件外发', '员工信息在暗网出现'],
  tampering: ['MES 工艺参数被篡改', '质量检测记录遭非授权修改'],
  destruction: ['存储阵列故障导致生产数据丢失', '误操作删除历史运行数据'],
  'illegal-use': ['离职人员违规下载工艺数据', '第三方运维违规留存数据'],
  ransomware: ['勒索软件加密生产服务器', '勒索攻击导致 ERP 停摆'],
  unavailability: ['数据中心断电致数据处理中断', '工业互联网平台服务中断'],
  other: ['可疑数据访问行为', '数据接口异常调用'],
};

/** Vulnerability titles by CWE, for vendors' network products. */
export const VULN_KINDS = [
  { cwe: 'CWE-78', title: 'Web 管理界面命令注入' },
  { cwe: 'CWE-787', title: '报文解析越界写' },
  { cwe: 'CWE-287', title: '远程管理接口认证绕过' },
  { cwe: 'CWE-798', title: '固件硬编码凭据' },
  { cwe: 'CWE-22', title: '文件下载路径遍历' },
  { cwe: 'CWE-79', title: '日志页面存储型跨站脚本' },
  { cwe: 'CWE-352', title: '配置接口跨站请求伪造' },
  { cwe: 'CWE-400', title: '畸形报文导致拒绝服务' },
  { cwe: 'CWE-89', title: '报表查询 SQL 注入' },
  { cwe: 'CWE-306', title: '调试接口缺少认证' },
] as const;

/** Vendors' product lines: name and model prefix. */
export const PRODUCT_LINES = [
  { name: '工业防火墙', model: 'IFW' },
  { name: '工业交换机', model: 'ISW' },
  { name: '可编程逻辑控制器', model: 'PLC' },
  { name: '工业网关', model: 'IGW' },
  { name: '数据采集终端', model: 'DTU' },
  { name: '安全审计系统', model: 'SAS' },
  { name: '视频监控平台', model: 'VMS' },
  { name: 'SCADA 组态软件', model: 'SCD' },
] as const;
