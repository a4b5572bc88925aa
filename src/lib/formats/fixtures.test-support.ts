import type { PublishedAdvisory } from './advisory';
import type { CsafOptions } from './csaf';
import type { Cve5Options } from './cve5';

/**
 * Realistic published advisories (fictional vendors). CVSS scores were computed with ae-cvss-calculator and
 * are re-checked in csaf.test.ts, because CSAF mandatory test 6.1.9 recomputes them. CWE names are the exact
 * catalogue names (test 6.1.11).
 */

/** Chinese only, no CVE: an industrial gateway with CNVD/CNNVD/NVDB ids, a wildcard CPE and an anonymous finder. */
export const ZH_ONLY_ICS: PublishedAdvisory = {
  id: 'BWK-2026-00012',
  title: '示例智造工业网关 Web 管理界面存在操作系统命令注入漏洞',
  description:
    '示例智造 GW-3000 工业网关固件的 Web 管理界面未对诊断功能中的“目标地址”参数进行过滤，' +
    '经过认证的相邻网络攻击者可注入操作系统命令并以 root 权限执行。\n受影响版本：V2.0.0 至 V2.1.4。',
  language: 'zh-CN',
  cwe: {
    id: 'CWE-78',
    name: "Improper Neutralization of Special Elements used in an OS Command ('OS Command Injection')",
  },
  cvss: {
    v3_1: { vector: 'CVSS:3.1/AV:A/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', baseScore: 8, baseSeverity: 'HIGH' },
  },
  gbt30279Grade: '高危',
  ids: { cnvd: 'CNVD-2026-10234', cnnvd: 'CNNVD-202603-1187', nvdb: 'NVDB-2026-003412' },
  vendor: { name: '示例智造科技有限公司', orgId: 'org-example-im' },
  products: [
    {
      name: '工业网关',
      model: 'GW-3000',
      cpe: 'cpe:2.3:o:example-im:gw-3000_firmware:*:*:*:*:*:*:*:*',
      affected: {
        versions: ['V2.1.0', 'V2.1.3'],
        ranges: [{ introduced: 'V2.0.0', lastAffected: 'V2.1.4' }],
      },
      fixedVersions: ['V2.1.5'],
    },
  ],
  remediations: [
    {
      category: 'fix',
      text: '升级固件至 V2.1.5 或更高版本。',
      url: 'https://support.example-im.cn/firmware/gw-3000',
    },
    { category: 'mitigation', text: '在升级前，限制对 Web 管理界面的网络访问，仅允许运维网段访问。' },
  ],
  references: [
    {
      url: 'https://support.example-im.cn/security/公告-2026-003',
      title: '厂商安全公告',
      kind: 'vendor-advisory',
    },
  ],
  credits: [{ anonymous: true, name: '张三', contact: ['mailto:zhangsan@example.cn'] }],
  dates: {
    discoveredAt: '2026-01-20T09:30:00+08:00',
    reportedAt: '2026-01-21T10:00:00+08:00',
    publishedAt: '2026-03-02T08:00:00+08:00',
    updatedAt: '2026-03-02T08:00:00+08:00',
  },
  revision: 1,
  url: 'https://bulwark.example.cn/advisories/BWK-2026-00012',
};

/** English, with CVE, CVSS v3.1 + v4.0, a scoped npm package with two ranges, and two revisions. */
export const NPM_WITH_CVE: PublishedAdvisory = {
  id: 'BWK-2026-00031',
  title: 'Stored cross-site scripting in @example/markdown-renderer',
  description:
    'The link sanitiser of @example/markdown-renderer accepted `javascript:` URLs written with HTML entities, ' +
    'so rendered <a> elements could run attacker-supplied script when clicked.',
  language: 'en',
  cwe: {
    id: 'CWE-79',
    name: "Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')",
  },
  cvss: {
    v3_1: { vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', baseScore: 6.1, baseSeverity: 'MEDIUM' },
    v4_0: {
      vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N',
      baseScore: 5.3,
      baseSeverity: 'MEDIUM',
    },
  },
  gbt30279Grade: '中危',
  ids: { cve: 'CVE-2026-21345', cnvd: 'CNVD-2026-20567' },
  vendor: { name: 'Example Labs', orgId: 'org-example-labs' },
  products: [
    {
      name: 'markdown-renderer',
      purl: 'pkg:npm/%40example/markdown-renderer',
      affected: { ranges: [{ fixed: '2.4.1' }, { introduced: '3.0.0', fixed: '3.1.2' }] },
      fixedVersions: ['2.4.1', '3.1.2'],
    },
  ],
  remediations: [
    {
      category: 'fix',
      text: 'Upgrade to 2.4.1 or 3.1.2.',
      url: 'https://github.com/example/markdown-renderer/releases/tag/v3.1.2',
    },
    { category: 'workaround', text: 'Render untrusted Markdown with the `safeLinks: "strict"` option.' },
  ],
  references: [
    { url: 'https://github.com/example/markdown-renderer/commit/0a1b2c3d', title: 'Fix commit', kind: 'fix' },
    { url: 'https://github.com/example/markdown-renderer/issues/812', kind: 'report' },
  ],
  credits: [
    {
      name: 'Li Wei',
      organization: 'Example University',
      role: 'finder',
      contact: ['https://liwei.example.org'],
    },
    { name: 'Example Labs PSIRT', role: 'remediation_developer' },
  ],
  dates: {
    discoveredAt: '2026-02-03T00:00:00Z',
    reportedAt: '2026-02-04T12:00:00Z',
    publishedAt: '2026-03-10T09:00:00Z',
    updatedAt: '2026-03-18T15:30:00Z',
  },
  revision: 2,
  revisionHistory: [
    { revision: 1, date: '2026-03-10T09:00:00Z', summary: 'Initial release' },
    { revision: 2, date: '2026-03-18T15:30:00Z', summary: 'Added the 3.x fix and CVSS v4.0 score' },
  ],
  url: 'https://bulwark.example.cn/advisories/BWK-2026-00031',
};

/** Chinese with English text, CVE, CVSS v4.0 only, four products (Maven, Go, Debian, hardware without purl). */
export const MULTI_PRODUCT: PublishedAdvisory = {
  id: 'BWK-2026-00047',
  title: '示例数据平台组件存在不可信数据反序列化漏洞',
  description:
    '示例数据平台的消息总线组件在处理集群间同步消息时对不可信数据进行反序列化，' +
    '未经身份验证的远程攻击者可构造恶意消息在服务器上执行任意代码。',
  titleEn: 'Deserialization of untrusted data in Example Data Platform components',
  descriptionEn:
    'The message-bus component of Example Data Platform deserialises cluster synchronisation messages without ' +
    'validation, so an unauthenticated remote attacker can execute arbitrary code with a crafted message.',
  language: 'zh-CN',
  cwe: { id: 'CWE-502', name: 'Deserialization of Untrusted Data' },
  cvss: {
    v4_0: {
      vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
      baseScore: 9.3,
      baseSeverity: 'CRITICAL',
    },
  },
  gbt30279Grade: '超危',
  ids: { cve: 'CVE-2026-30111', cnnvd: 'CNNVD-202604-0456' },
  vendor: { name: '示例数据科技', orgId: 'org-example-data' },
  products: [
    {
      name: 'bus-core',
      purl: 'pkg:maven/cn.example.data/bus-core',
      affected: { ranges: [{ introduced: '1.2.0', fixed: '1.4.7' }], versions: ['1.1.9-hotfix'] },
      fixedVersions: ['1.4.7'],
    },
    {
      name: 'bus-agent',
      purl: 'pkg:golang/example.cn/data/bus-agent',
      affected: { ranges: [{ introduced: 'v0.9.0', fixed: 'v1.0.3' }] },
      fixedVersions: ['v1.0.3'],
    },
    {
      name: 'example-bus',
      purl: 'pkg:deb/debian/example-bus?distro=debian-12',
      affected: { versions: ['1.4.6-1', '1.4.6-2'] },
      fixedVersions: ['1.4.7-1'],
    },
    {
      name: '数据采集一体机',
      model: 'DC-100',
      cpe: 'cpe:/h:example-data:dc-100',
      affected: { ranges: [{ lastAffected: '3.2' }] },
    },
  ],
  remediations: [
    {
      category: 'fix',
      text: '将 bus-core 升级至 1.4.7，bus-agent 升级至 v1.0.3。',
      textEn: 'Upgrade bus-core to 1.4.7 and bus-agent to v1.0.3.',
      url: 'https://www.example-data.cn/security/BWK-2026-00047',
      products: ['bus-core', 'bus-agent', 'example-bus'],
    },
    {
      category: 'mitigation',
      text: '数据采集一体机暂无补丁，请在防火墙上阻断 9092 端口的外部访问。',
      textEn: 'No patch exists for the DC-100 yet; block external access to port 9092.',
      products: ['数据采集一体机 DC-100'],
    },
  ],
  references: [{ url: 'https://www.example-data.cn/security/BWK-2026-00047', kind: 'vendor-advisory' }],
  credits: [{ name: '王芳', organization: '示例网络安全实验室', role: 'reporter' }],
  dates: {
    reportedAt: '2026-03-01T02:00:00Z',
    publishedAt: '2026-04-08T01:00:00Z',
    updatedAt: '2026-04-20T06:00:00Z',
  },
  revision: 3,
  revisionHistory: [
    { revision: 1, date: '2026-04-08T01:00:00Z', summary: '首次发布' },
    { revision: 2, date: '2026-04-12T03:00:00Z', summary: '补充 bus-agent 受影响版本' },
    { revision: 3, date: '2026-04-20T06:00:00Z', summary: '补充数据采集一体机缓解措施' },
  ],
};

/** Minimal English advisory: no CVE, CVSS, CWE, credits or URLs; one PyPI package with enumerated versions. */
export const MINIMAL_PYPI: PublishedAdvisory = {
  id: 'BWK-2026-00102',
  title: 'Path traversal in Example_Sync archive extraction',
  description: 'Archive members named with ../ were written outside the target directory.',
  language: 'en',
  vendor: { name: 'Example Sync Project', orgId: 'org-example-sync' },
  products: [
    { name: 'Example_Sync', purl: 'pkg:pypi/Example_Sync', affected: { versions: ['0.9.1', '0.9.2'] } },
  ],
  dates: {
    reportedAt: '2026-05-01T00:00:00Z',
    publishedAt: '2026-05-20T00:00:00Z',
    updatedAt: '2026-05-20T00:00:00Z',
  },
  revision: 1,
};

/** Every fixture, by name. */
export const FIXTURES = { ZH_ONLY_ICS, NPM_WITH_CVE, MULTI_PRODUCT, MINIMAL_PYPI } as const;

/** Options a Bulwark deployment acting as coordinator would pass. */
export const CSAF_OPTIONS: CsafOptions = {
  publisher: {
    category: 'coordinator',
    name: 'Bulwark 漏洞协调平台',
    namespace: 'https://bulwark.example.cn',
    contactDetails: 'psirt@bulwark.example.cn',
  },
  generator: { version: '0.1.0', date: '2026-05-21T00:00:00Z' },
};

/** A CNA identity (random version-4 UUID). */
export const CVE_OPTIONS: Cve5Options = {
  cna: { orgId: '5f3c9a1e-8d2b-4c7a-9e1f-2a6b8c0d4e73', shortName: 'bulwark' },
  generator: { version: '0.1.0' },
};
