import { describe, expect, it } from 'vitest';
import type { PublishedAdvisory } from './advisory';
import { FIXTURES, MINIMAL_PYPI, MULTI_PRODUCT, NPM_WITH_CVE, ZH_ONLY_ICS } from './fixtures.test-support';
import { toOsv } from './osv';
import { validateOsv } from './validate';

describe('toOsv', () => {
  it.each(Object.entries(FIXTURES))('%s: valid OSV record', (_, advisory) => {
    expect(validateOsv(toOsv(advisory))).toEqual({ valid: true, errors: [] });
  });

  it('uses the x_ id prefix because BWK is not a registered OSV database prefix', () => {
    expect(toOsv(NPM_WITH_CVE).id).toBe('x_BWK-2026-00031');
    const bare = validateOsv(toOsv(NPM_WITH_CVE, { id: 'BWK-2026-00031' }));
    expect(bare.valid).toBe(false);
    expect(bare.errors.map((e) => e.path)).toEqual(['/id']);
  });

  it('lists CVE, CNVD, CNNVD and NVDB ids as aliases, and both CVSS vectors as severity', () => {
    expect(toOsv(ZH_ONLY_ICS).aliases).toEqual(['CNVD-2026-10234', 'CNNVD-202603-1187', 'NVDB-2026-003412']);
    const npm = toOsv(NPM_WITH_CVE);
    expect(npm.aliases).toEqual(['CVE-2026-21345', 'CNVD-2026-20567']);
    expect(npm.severity).toEqual([
      { type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N' },
      { type: 'CVSS_V4', score: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N' },
    ]);
    expect(toOsv(MINIMAL_PYPI)).not.toHaveProperty('severity');
    expect(toOsv(MINIMAL_PYPI)).not.toHaveProperty('aliases');
  });

  it('maps purls to OSV packages with ECOSYSTEM / SEMVER ranges and version lists', () => {
    expect(toOsv(NPM_WITH_CVE).affected).toEqual([
      {
        package: {
          ecosystem: 'npm',
          name: '@example/markdown-renderer',
          purl: 'pkg:npm/%40example/markdown-renderer',
        },
        ranges: [
          { type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.4.1' }] },
          { type: 'ECOSYSTEM', events: [{ introduced: '3.0.0' }, { fixed: '3.1.2' }] },
        ],
        database_specific: {
          vendor: 'Example Labs',
          product: 'markdown-renderer',
          fixedVersions: ['2.4.1', '3.1.2'],
        },
      },
    ]);
    const [maven, go, deb] = toOsv(MULTI_PRODUCT).affected;
    expect(maven?.versions).toEqual(['1.1.9-hotfix']);
    expect(go?.package).toEqual({
      ecosystem: 'Go',
      name: 'example.cn/data/bus-agent',
      purl: 'pkg:golang/example.cn/data/bus-agent',
    });
    expect(go?.ranges).toEqual([{ type: 'SEMVER', events: [{ introduced: '0.9.0' }, { fixed: '1.0.3' }] }]);
    expect(deb?.package?.ecosystem).toBe('Debian:12');
    expect(deb?.versions).toEqual(['1.4.6-1', '1.4.6-2']);
    expect(toOsv(MINIMAL_PYPI).affected).toEqual([
      {
        package: { ecosystem: 'PyPI', name: 'example-sync', purl: 'pkg:pypi/Example_Sync' },
        versions: ['0.9.1', '0.9.2'],
        database_specific: { vendor: 'Example Sync Project', product: 'Example_Sync' },
      },
    ]);
  });

  it('encodes lastAffected as a last_affected event', () => {
    const advisory: PublishedAdvisory = {
      ...NPM_WITH_CVE,
      products: [
        {
          name: 'markdown-renderer',
          purl: 'pkg:npm/%40example/markdown-renderer@2.0.0',
          affected: { ranges: [{ introduced: '1.0.0', lastAffected: '1.9.9' }] },
        },
      ],
    };
    const record = toOsv(advisory);
    expect(record.affected[0]?.ranges).toEqual([
      { type: 'ECOSYSTEM', events: [{ introduced: '1.0.0' }, { last_affected: '1.9.9' }] },
    ]);
    expect(record.affected[0]?.package?.purl).toBe('pkg:npm/%40example/markdown-renderer');
    expect(validateOsv(record).valid).toBe(true);
  });

  it('describes products outside OSV ecosystems in affected entries without package', () => {
    expect(toOsv(ZH_ONLY_ICS).affected).toEqual([
      {
        versions: ['V2.1.0', 'V2.1.3'],
        database_specific: {
          vendor: '示例智造科技有限公司',
          product: '工业网关 GW-3000',
          cpe: 'cpe:2.3:o:example-im:gw-3000_firmware:*:*:*:*:*:*:*:*',
          fixedVersions: ['V2.1.5'],
          ranges: ['vers:generic/>=V2.0.0|<=V2.1.4'],
        },
      },
    ]);
    const device = toOsv(MULTI_PRODUCT).affected[3];
    expect(device).not.toHaveProperty('package');
    expect(device).not.toHaveProperty('versions');
    expect(device?.database_specific).toMatchObject({ ranges: ['vers:generic/<=3.2'] });
  });

  it('writes English summary/details when available, keeping the original; escapes Markdown', () => {
    const multi = toOsv(MULTI_PRODUCT);
    expect(multi.summary).toBe(MULTI_PRODUCT.titleEn);
    expect(multi.details).toBe(MULTI_PRODUCT.descriptionEn);
    expect(multi.database_specific.original).toEqual({
      lang: 'zh-CN',
      title: MULTI_PRODUCT.title,
      description: MULTI_PRODUCT.description,
    });
    const zh = toOsv(ZH_ONLY_ICS);
    expect(zh.summary).toBe(ZH_ONLY_ICS.title);
    expect(zh.details).toBe(ZH_ONLY_ICS.description);
    expect(zh.database_specific).not.toHaveProperty('original');
    expect(toOsv(NPM_WITH_CVE).details).toBe(
      'The link sanitiser of @example/markdown-renderer accepted \\`javascript:\\` URLs written with HTML ' +
        'entities, so rendered \\<a\\> elements could run attacker-supplied script when clicked.',
    );
  });

  it('credits without exposing anonymous people, and references by type', () => {
    expect(toOsv(NPM_WITH_CVE).credits).toEqual([
      { name: 'Li Wei (Example University)', contact: ['https://liwei.example.org'], type: 'FINDER' },
      { name: 'Example Labs PSIRT', type: 'REMEDIATION_DEVELOPER' },
    ]);
    const zh = toOsv(ZH_ONLY_ICS);
    expect(zh.credits).toEqual([{ name: 'Anonymous researcher', type: 'FINDER' }]);
    expect(JSON.stringify(zh)).not.toMatch(/张三|zhangsan/);
    expect(zh.references).toEqual([
      { type: 'ADVISORY', url: 'https://bulwark.example.cn/advisories/BWK-2026-00012' },
      { type: 'ADVISORY', url: 'https://support.example-im.cn/security/%E5%85%AC%E5%91%8A-2026-003' },
      { type: 'FIX', url: 'https://support.example-im.cn/firmware/gw-3000' },
    ]);
  });

  it('keeps Bulwark and national data in database_specific', () => {
    const record = toOsv(ZH_ONLY_ICS);
    expect(record.database_specific).toEqual({
      source: 'Bulwark',
      bulwarkId: 'BWK-2026-00012',
      revision: 1,
      gbt30279Grade: '高危',
      cnvd: 'CNVD-2026-10234',
      cnnvd: 'CNNVD-202603-1187',
      nvdb: 'NVDB-2026-003412',
      cweIds: ['CWE-78'],
      remediations: [
        {
          category: 'fix',
          text: '升级固件至 V2.1.5 或更高版本。',
          url: 'https://support.example-im.cn/firmware/gw-3000',
        },
        { category: 'mitigation', text: '在升级前，限制对 Web 管理界面的网络访问，仅允许运维网段访问。' },
      ],
    });
    expect(record.modified).toBe('2026-03-02T00:00:00Z');
    expect(record.published).toBe('2026-03-02T00:00:00Z');
    expect(record.schema_version).toBe('1.7.4');
  });
});
