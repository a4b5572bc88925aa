import { describe, expect, it } from 'vitest';
import type { PublishedAdvisory } from './advisory';
import { toCve5 } from './cve5';
import { AdvisoryInputError, MissingCveIdError } from './errors';
import { CVE_OPTIONS, MINIMAL_PYPI, MULTI_PRODUCT, NPM_WITH_CVE, ZH_ONLY_ICS } from './fixtures.test-support';
import { validateCve5 } from './validate';

/** The Chinese-only ICS advisory once a CVE id has been assigned. */
const ZH_WITH_CVE: PublishedAdvisory = { ...ZH_ONLY_ICS, ids: { ...ZH_ONLY_ICS.ids, cve: 'CVE-2026-29001' } };

describe('toCve5', () => {
  it.each([
    ['NPM_WITH_CVE', NPM_WITH_CVE],
    ['MULTI_PRODUCT', MULTI_PRODUCT],
    ['ZH_WITH_CVE', ZH_WITH_CVE],
  ])('%s: valid CVE JSON 5.1.1 record', (_, advisory) => {
    const record = toCve5(advisory, CVE_OPTIONS);
    expect(validateCve5(record)).toEqual({ valid: true, errors: [] });
    expect(record.dataVersion).toBe('5.1');
    expect(record.cveMetadata).toMatchObject({ cveId: advisory.ids?.cve, state: 'PUBLISHED' });
  });

  it('throws MissingCveIdError without a CVE id', () => {
    expect(() => toCve5(ZH_ONLY_ICS, CVE_OPTIONS)).toThrow(MissingCveIdError);
    expect(() => toCve5(MINIMAL_PYPI, CVE_OPTIONS)).toThrow(/BWK-2026-00102 has no CVE id/);
  });

  it('provides the required English description for a Chinese-only advisory', () => {
    const { cna } = toCve5(ZH_WITH_CVE, CVE_OPTIONS).containers;
    expect(cna.descriptions).toEqual([
      {
        lang: 'en',
        value:
          "A vulnerability (CWE-78 Improper Neutralization of Special Elements used in an OS Command ('OS Command " +
          "Injection')) affects 示例智造科技有限公司 工业网关 GW-3000. No English description was provided; see the " +
          'zh-CN description (Bulwark advisory BWK-2026-00012).',
      },
      { lang: 'zh-CN', value: ZH_ONLY_ICS.description },
    ]);
    expect(cna.title).toBe(ZH_ONLY_ICS.title);
    const multi = toCve5(MULTI_PRODUCT, CVE_OPTIONS).containers.cna;
    expect(multi.descriptions.map((d) => d.lang)).toEqual(['en', 'zh-CN']);
    expect(multi.descriptions[0]?.value).toBe(MULTI_PRODUCT.descriptionEn);
    expect(multi.title).toBe(MULTI_PRODUCT.titleEn);
    // The schema is what demands the English entry.
    const noEnglish = { ...toCve5(ZH_WITH_CVE, CVE_OPTIONS) };
    const record = {
      ...noEnglish,
      containers: {
        cna: { ...noEnglish.containers.cna, descriptions: noEnglish.containers.cna.descriptions.slice(1) },
      },
    };
    expect(validateCve5(record).valid).toBe(false);
  });

  it('maps products to versions with status, ranges with versionType and lessThan(OrEqual)', () => {
    const [npm] = toCve5(NPM_WITH_CVE, CVE_OPTIONS).containers.cna.affected;
    expect(npm).toEqual({
      vendor: 'Example Labs',
      product: 'markdown-renderer',
      collectionURL: 'https://registry.npmjs.org',
      packageName: '@example/markdown-renderer',
      versions: [
        { version: '0', status: 'affected', versionType: 'semver', lessThan: '2.4.1' },
        { version: '3.0.0', status: 'affected', versionType: 'semver', lessThan: '3.1.2' },
        { version: '2.4.1', status: 'unaffected' },
        { version: '3.1.2', status: 'unaffected' },
      ],
      defaultStatus: 'unknown',
    });
    const [, go, deb, device] = toCve5(MULTI_PRODUCT, CVE_OPTIONS).containers.cna.affected;
    expect(go?.versions).toEqual([
      { version: '0.9.0', status: 'affected', versionType: 'semver', lessThan: '1.0.3' },
      { version: '1.0.3', status: 'unaffected' },
    ]);
    expect(go?.packageName).toBe('example.cn/data/bus-agent');
    expect(deb).not.toHaveProperty('collectionURL');
    expect(device).toEqual({
      vendor: '示例数据科技',
      product: '数据采集一体机 DC-100',
      cpes: ['cpe:/h:example-data:dc-100'],
      versions: [{ version: '0', status: 'affected', versionType: 'custom', lessThanOrEqual: '3.2' }],
      defaultStatus: 'unknown',
    });
  });

  it('carries CWE, CVSS v3.1 + v4.0 and the GB/T 30279 grade', () => {
    const { cna } = toCve5(NPM_WITH_CVE, CVE_OPTIONS).containers;
    expect(cna.problemTypes).toEqual([
      {
        descriptions: [
          {
            lang: 'en',
            type: 'CWE',
            cweId: 'CWE-79',
            description:
              "CWE-79 Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')",
          },
        ],
      },
    ]);
    expect(cna.metrics).toEqual([
      {
        format: 'CVSS',
        scenarios: [{ lang: 'en', value: 'GENERAL' }],
        cvssV3_1: {
          version: '3.1',
          vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N',
          baseScore: 6.1,
          baseSeverity: 'MEDIUM',
        },
        cvssV4_0: {
          version: '4.0',
          vectorString: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N',
          baseScore: 5.3,
          baseSeverity: 'MEDIUM',
        },
      },
      {
        format: 'GB/T 30279-2020',
        other: { type: 'GB/T 30279-2020', content: { grade: '中危', gradeEn: 'Medium' } },
      },
    ]);
  });

  it('merges references by URL, tags them, and splits solutions from workarounds', () => {
    const { cna } = toCve5(NPM_WITH_CVE, CVE_OPTIONS).containers;
    expect(cna.references).toEqual([
      { url: 'https://bulwark.example.cn/advisories/BWK-2026-00031', name: 'Bulwark BWK-2026-00031' },
      {
        url: 'https://github.com/example/markdown-renderer/commit/0a1b2c3d',
        name: 'Fix commit',
        tags: ['patch'],
      },
      { url: 'https://github.com/example/markdown-renderer/issues/812', tags: ['issue-tracking'] },
      { url: 'https://github.com/example/markdown-renderer/releases/tag/v3.1.2', tags: ['patch'] },
    ]);
    expect(cna.solutions).toEqual([{ lang: 'en', value: 'Upgrade to 2.4.1 or 3.1.2.' }]);
    expect(cna.workarounds).toEqual([
      { lang: 'en', value: 'Render untrusted Markdown with the `safeLinks: "strict"` option.' },
    ]);
    const multi = toCve5(MULTI_PRODUCT, CVE_OPTIONS).containers.cna;
    expect(multi.references).toEqual([
      { url: 'https://www.example-data.cn/security/BWK-2026-00047', tags: ['vendor-advisory', 'patch'] },
    ]);
    expect(multi.workarounds?.map((w) => w.lang)).toEqual(['en', 'zh-CN']);
  });

  it('credits people without exposing anonymous ones, and records Bulwark metadata', () => {
    expect(toCve5(NPM_WITH_CVE, CVE_OPTIONS).containers.cna.credits).toEqual([
      { lang: 'en', value: 'Li Wei (Example University)', type: 'finder' },
      { lang: 'en', value: 'Example Labs PSIRT', type: 'remediation developer' },
    ]);
    const { cna } = toCve5(ZH_WITH_CVE, CVE_OPTIONS).containers;
    expect(cna.credits).toEqual([{ lang: 'en', value: 'Anonymous researcher', type: 'finder' }]);
    expect(JSON.stringify(cna)).not.toMatch(/张三|zhangsan/);
    expect(cna.x_bulwark).toEqual({
      advisoryId: 'BWK-2026-00012',
      revision: 1,
      cnvd: 'CNVD-2026-10234',
      cnnvd: 'CNNVD-202603-1187',
      nvdb: 'NVDB-2026-003412',
    });
    expect(cna.timeline?.map((t) => [t.time, t.value])).toEqual([
      ['2026-01-20T01:30:00Z', 'Vulnerability discovered'],
      ['2026-01-21T02:00:00Z', 'Vulnerability reported'],
      ['2026-03-02T00:00:00Z', 'Advisory published'],
    ]);
    expect(cna.providerMetadata).toEqual({
      orgId: CVE_OPTIONS.cna.orgId,
      shortName: 'bulwark',
      dateUpdated: '2026-03-02T00:00:00Z',
    });
  });

  it('needs a reference URL and a version-4 UUID CNA id', () => {
    const minimal: PublishedAdvisory = { ...MINIMAL_PYPI, ids: { cve: 'CVE-2026-40001' } };
    expect(() => toCve5(minimal, CVE_OPTIONS)).toThrow(AdvisoryInputError);
    const record = toCve5(
      { ...minimal, url: 'https://bulwark.example.cn/advisories/BWK-2026-00102' },
      CVE_OPTIONS,
    );
    expect(validateCve5(record).valid).toBe(true);
    expect(() => toCve5(NPM_WITH_CVE, { cna: { orgId: 'org-bulwark' } })).toThrow(/version-4 UUID/);
    expect(() => toCve5(NPM_WITH_CVE, { cna: { ...CVE_OPTIONS.cna, shortName: 'b' } })).toThrow(/2–32/);
  });

  it('truncates descriptions to the schema limit of 4096 characters', () => {
    const long: PublishedAdvisory = { ...ZH_WITH_CVE, description: '漏洞𠀀'.repeat(3000) };
    const record = toCve5(long, CVE_OPTIONS);
    const zh = record.containers.cna.descriptions[1]?.value ?? '';
    expect(Array.from(zh)).toHaveLength(4096);
    expect(zh.endsWith('…')).toBe(true);
    expect(validateCve5(record).valid).toBe(true);
  });
});
