/** Facts about the seeded demo data the write bodies need, read once per run. */
export interface Fixtures {
  /** The demo vendor's product, so intake routes the report to a vendor inbox (clocks, notifications). */
  productId: string;
  /** Every classification-wizard question answered (general answer, importance raised). */
  answers: Record<string, string>;
}

/** One kind of multi-row write the crash test drives, with how to find and check it afterwards. */
export interface WriteKind {
  name: 'vulnerability' | 'incident' | 'training' | 'data-asset' | 'product';
  /** The demo user who writes it (one concurrent client each). */
  email: string;
  path: string;
  body: (nonce: string, f: Fixtures) => unknown;
  idOf: (reply: unknown) => string | undefined;
  detailPath: (id: string) => string;
  /** A problem with the detail of an acknowledged write (a missing part), or null when whole. */
  checkDetail: (detail: unknown, nonce: string) => string | null;
  /** Where the row lives, and the text column that carries the nonce. */
  table: string;
  nonceColumn: string;
}

const DESCRIPTION = '崩溃测试：在写入过程中强制终止服务器进程，检查已确认的写入在重启后仍然完整存在。';
type Timeline = { timeline?: { kind: string }[]; description?: string };

const whole = (d: unknown, nonce: string, firstEvent: string): string | null => {
  const t = d as Timeline;
  if (!t.timeline?.some((e) => e.kind === firstEvent)) return `no '${firstEvent}' timeline entry`;
  // The description is sealed at rest: reading it back proves the data key it was sealed with survived too.
  if (t.description !== `${DESCRIPTION} ${nonce}`) return 'sealed description does not open to what was sent';
  return null;
};

const field = (reply: unknown, ...keys: string[]) => {
  let v: unknown = reply;
  for (const k of keys) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return typeof v === 'string' ? v : undefined;
};

/** The five write kinds: each spans several tables and appends to the audit chain in one transaction. */
export const WRITE_KINDS: readonly WriteKind[] = [
  {
    // Report + sealed description (+ data key) + intake log + timeline + vendor notifications + audit.
    name: 'vulnerability',
    email: 'researcher@bulwark.demo',
    path: '/api/vulnerabilities',
    body: (nonce, f) => ({
      productId: f.productId,
      affectedVersions: ['V2.1'],
      title: `崩溃测试漏洞 ${nonce}`,
      description: `${DESCRIPTION} ${nonce}`,
      cvss: ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'],
    }),
    idOf: (r) => field(r, 'report', 'id'),
    detailPath: (id) => `/api/vulnerabilities/${id}`,
    checkDetail: (d, nonce) => whole(d, nonce, 'intake'),
    table: 'vulnerability_reports',
    nonceColumn: 'title',
  },
  {
    // Incident + sealed description + timeline + regulator notifications + audit.
    name: 'incident',
    email: 'ent.gd1@bulwark.demo',
    path: '/api/incidents',
    body: (nonce) => ({
      title: `崩溃测试事件 ${nonce}`,
      description: `${DESCRIPTION} ${nonce}`,
      discoveredAt: new Date(Date.now() - 3_600_000).toISOString(),
      type: 'unavailability',
      sector: 'industry',
      outageHours: 1,
    }),
    idOf: (r) => field(r, 'id'),
    detailPath: (id) => `/api/incidents/${id}`,
    checkDetail: (d, nonce) => whole(d, nonce, 'reported'),
    table: 'incidents',
    nonceColumn: 'title',
  },
  {
    name: 'training',
    email: 'ent.gd2@bulwark.demo',
    path: '/api/training/sessions',
    body: (nonce) => ({
      heldOn: '2025-06-01',
      topic: `崩溃测试培训 ${nonce}`,
      trainer: '张讲师',
      hours: 2,
      attendees: ['甲', '乙', '丙'],
    }),
    idOf: (r) => field(r, 'id'),
    detailPath: (id) => `/api/training/sessions/${id}`,
    checkDetail: (d) => ((d as { personTimes?: number }).personTimes === 3 ? null : 'person-times not 3'),
    table: 'training_sessions',
    nonceColumn: 'topic',
  },
  {
    // Asset + re-filing obligation recomputed + audit.
    name: 'data-asset',
    email: 'ent.zj1@bulwark.demo',
    path: '/api/data-catalog/assets',
    body: (nonce, f) => ({
      name: `崩溃测试数据 ${nonce}`,
      category: '生产运行数据',
      scale: { records: 1000, volumeMb: 10 },
      purpose: '质量追溯',
      processingMethod: '采集、存储',
      scopeOfUse: '质量部',
      responsiblePerson: '质量部经理',
      externalSharing: false,
      crossBorder: false,
      securityMeasures: '访问控制、备份',
      answers: f.answers,
    }),
    idOf: (r) => field(r, 'asset', 'id'),
    detailPath: (id) => `/api/data-catalog/assets/${id}`,
    checkDetail: (d) => ((d as { level?: string }).level === 'important' ? null : 'level not important'),
    table: 'data_assets',
    nonceColumn: 'name',
  },
  {
    name: 'product',
    email: 'vendor.admin@bulwark.demo',
    path: '/api/products',
    body: (nonce) => ({ name: `崩溃测试产品 ${nonce}`, model: 'CT-1', versions: ['1.0', '1.1'] }),
    idOf: (r) => field(r, 'id'),
    detailPath: (id) => `/api/products/${id}`,
    checkDetail: (d) => ((d as { versions?: string[] }).versions?.length === 2 ? null : 'versions missing'),
    table: 'products',
    nonceColumn: 'name',
  },
];
