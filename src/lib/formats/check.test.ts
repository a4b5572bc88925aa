import { describe, expect, it } from 'vitest';
import type { PublishedAdvisory } from './advisory';
import { advisoryIssues, assertValidAdvisory } from './check';
import { AdvisoryInputError } from './errors';
import { CSAF_OPTIONS, FIXTURES, MINIMAL_PYPI, NPM_WITH_CVE, ZH_ONLY_ICS } from './fixtures.test-support';
import { toCsaf, toOsv } from './index';

const paths = (advisory: PublishedAdvisory) => advisoryIssues(advisory).map((i) => i.path);

describe('advisory input checks', () => {
  it('accepts every fixture', () => {
    for (const advisory of Object.values(FIXTURES)) expect(advisoryIssues(advisory)).toEqual([]);
  });

  it('rejects malformed identifiers', () => {
    const bad: PublishedAdvisory = {
      ...NPM_WITH_CVE,
      id: 'BWK-26-1',
      ids: { cve: 'CVE-2026-1', cnvd: 'CNVD-2026-1', cnnvd: 'CNNVD-2026-123', nvdb: 'NVDB 1' },
      cwe: { id: 'CWE-079', name: 'x' },
    };
    expect(paths(bad)).toEqual(['/id', '/cwe/id', '/ids/cve', '/ids/cnvd', '/ids/cnnvd', '/ids/nvdb']);
  });

  it('checks CVSS vector syntax, score range and severity band', () => {
    const bad: PublishedAdvisory = {
      ...NPM_WITH_CVE,
      cvss: {
        v3_1: {
          vector: 'CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N',
          baseScore: 6.1,
          baseSeverity: 'HIGH',
        },
        v4_0: { vector: 'CVSS:4.0/AV:N/AC:L', baseScore: 5.35, baseSeverity: 'MEDIUM' },
      },
    };
    expect(advisoryIssues(bad)).toEqual([
      { path: '/cvss/v3_1/vector', message: 'is not a valid vector of this CVSS version' },
      { path: '/cvss/v3_1/baseSeverity', message: 'must be MEDIUM for score 6.1' },
      { path: '/cvss/v4_0/vector', message: 'is not a valid vector of this CVSS version' },
      { path: '/cvss/v4_0/baseScore', message: 'must have one decimal' },
    ]);
  });

  it('rejects products without affected versions, range-like version names and contradictions', () => {
    const bad: PublishedAdvisory = {
      ...MINIMAL_PYPI,
      products: [
        { name: 'a', affected: {} },
        {
          name: 'b',
          purl: 'npm/left-pad',
          cpe: 'cpe:2.3:a:x',
          affected: { versions: ['<= 1.0', '1.1'], ranges: [{ fixed: '2', lastAffected: '1.9' }] },
          fixedVersions: ['1.1', 'all versions'],
        },
      ],
    };
    expect(paths(bad)).toEqual([
      '/products/0/affected',
      '/products/1/purl',
      '/products/1/cpe',
      '/products/1/affected/versions/0',
      '/products/1/affected/ranges/0',
      '/products/1/fixedVersions/0',
      '/products/1/fixedVersions/1',
    ]);
  });

  it('requires consistent dates and a complete revision history', () => {
    const bad: PublishedAdvisory = {
      ...NPM_WITH_CVE,
      dates: { ...NPM_WITH_CVE.dates, discoveredAt: '2026-02-05T00:00:00Z', updatedAt: '2026-03-01' },
      revision: 3,
    };
    expect(paths(bad)).toEqual(['/dates/updatedAt', '/dates/discoveredAt', '/revisionHistory']);
    expect(paths({ ...NPM_WITH_CVE, revisionHistory: undefined })).toEqual(['/revisionHistory']);
    expect(
      paths({
        ...NPM_WITH_CVE,
        revisionHistory: [
          { revision: 1, date: '2026-03-11T09:00:00Z', summary: 'Initial release' },
          { revision: 3, date: '2026-03-10T09:00:00Z', summary: ' ' },
        ],
      }),
    ).toEqual([
      '/revisionHistory/0/date',
      '/revisionHistory/1/revision',
      '/revisionHistory/1/summary',
      '/revisionHistory/1/date',
    ]);
  });

  it('checks URLs, remediation targets and English text pairs', () => {
    const bad: PublishedAdvisory = {
      ...ZH_ONLY_ICS,
      titleEn: 'Only a title',
      url: 'ftp://example.cn/a',
      references: [{ url: 'example.cn/advisory' }],
      remediations: [{ category: 'fix', text: '升级', products: ['不存在的产品'] }],
    };
    expect(paths(bad)).toEqual(['/titleEn', '/remediations/0/products', '/references/0/url', '/url']);
  });

  it('makes every builder throw AdvisoryInputError listing all issues', () => {
    const bad: PublishedAdvisory = { ...MINIMAL_PYPI, title: ' ', products: [] };
    expect(() => assertValidAdvisory(bad)).toThrow(AdvisoryInputError);
    expect(() => toOsv(bad)).toThrow(AdvisoryInputError);
    try {
      toCsaf(bad, CSAF_OPTIONS);
      expect.unreachable();
    } catch (e) {
      expect((e as AdvisoryInputError).issues.map((i) => i.path)).toEqual(['/title', '/products']);
    }
  });
});
