import * as aeModule from 'ae-cvss-calculator';
import { describe, expect, it } from 'vitest';
import type { PublishedAdvisory } from './advisory';
import { csafFilename, toCsaf } from './csaf';
import { csafMandatoryViolations } from './csaf-semantics.test-support';
import type { CsafBranch } from './csaf-types';
import { AdvisoryInputError } from './errors';
import {
  CSAF_OPTIONS,
  FIXTURES,
  MINIMAL_PYPI,
  MULTI_PRODUCT,
  NPM_WITH_CVE,
  ZH_ONLY_ICS,
} from './fixtures.test-support';
import { validateCsaf } from './validate';

const ae = (aeModule as unknown as { default?: typeof aeModule }).default ?? aeModule;

/** Leaf branches of the single vendor, keyed by product id. */
function leaves(doc: ReturnType<typeof toCsaf>): Map<string, CsafBranch> {
  const out = new Map<string, CsafBranch>();
  const walk = (bs: readonly CsafBranch[]) => {
    for (const b of bs) {
      if (b.product !== undefined) out.set(b.product.product_id, b);
      walk(b.branches ?? []);
    }
  };
  walk(doc.product_tree.branches);
  return out;
}

describe('toCsaf', () => {
  it('fixtures carry the CVSS scores ae-cvss-calculator computes (test 6.1.9 recomputes them)', () => {
    for (const a of Object.values(FIXTURES)) {
      if (a.cvss?.v3_1)
        expect(new ae.Cvss3P1(a.cvss.v3_1.vector).calculateScores().base).toBe(a.cvss.v3_1.baseScore);
      if (a.cvss?.v4_0)
        expect(new ae.Cvss4P0(a.cvss.v4_0.vector).calculateScores().base).toBe(a.cvss.v4_0.baseScore);
    }
  });

  it.each(Object.entries(FIXTURES))('%s: strict-schema valid, no mandatory-test violation', (_, advisory) => {
    const langs =
      advisory.language === 'en' ? ['en'] : advisory.titleEn === undefined ? ['zh-CN'] : ['zh-CN', 'en'];
    for (const lang of langs as ('zh-CN' | 'en')[]) {
      const doc = toCsaf(advisory, { ...CSAF_OPTIONS, lang });
      expect(validateCsaf(doc)).toEqual({ valid: true, errors: [] });
      expect(csafMandatoryViolations(doc)).toEqual([]);
    }
  });

  it('the mandatory-test re-reading does flag broken documents', () => {
    const doc = toCsaf(MULTI_PRODUCT, CSAF_OPTIONS);
    const [v] = doc.vulnerabilities;
    const broken = {
      ...doc,
      document: {
        ...doc.document,
        tracking: {
          ...doc.document.tracking,
          revision_history: doc.document.tracking.revision_history.slice(1),
        },
      },
      vulnerabilities: [
        {
          ...v,
          product_status: { known_affected: ['P1-V1', 'P9-V9'], fixed: ['P1-V1'] },
          remediations: [{ category: 'mitigation' as const, details: 'x', product_ids: [] }],
          scores: [
            {
              products: ['P1-V1'],
              cvss_v3: {
                version: '3.1' as const,
                vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
                baseScore: 9.1,
                baseSeverity: 'CRITICAL',
              },
            },
          ],
        },
      ],
    } as typeof doc;
    expect(csafMandatoryViolations(broken)).toEqual([
      '6.1.6 P1-V1 is both affected and fixed',
      '6.1.29 remediation without products',
      '6.1.9 CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H scores 9.8',
      '6.1.1 P9-V9 is not defined',
      '6.1.21 revision history has a gap',
    ]);
    expect(validateCsaf(broken).valid).toBe(false);
  });

  it('builds vendor → product → version / range / fixed branches with pinned identifiers', () => {
    const doc = toCsaf(ZH_ONLY_ICS, CSAF_OPTIONS);
    const [vendor] = doc.product_tree.branches;
    expect(vendor?.category).toBe('vendor');
    expect(vendor?.name).toBe('示例智造科技有限公司');
    expect(vendor?.branches?.map((b) => [b.category, b.name])).toEqual([
      ['product_name', '工业网关 GW-3000'],
    ]);
    const byId = leaves(doc);
    expect([...byId.keys()]).toEqual(['P1-V1', 'P1-V2', 'P1-R1', 'P1-F1']);
    expect(byId.get('P1-V1')).toEqual({
      category: 'product_version',
      name: 'V2.1.0',
      product: {
        name: '示例智造科技有限公司 工业网关 GW-3000 V2.1.0',
        product_id: 'P1-V1',
        product_identification_helper: { cpe: 'cpe:2.3:o:example-im:gw-3000_firmware:V2.1.0:*:*:*:*:*:*:*' },
      },
    });
    expect(byId.get('P1-R1')).toEqual({
      category: 'product_version_range',
      name: 'vers:generic/>=V2.0.0|<=V2.1.4',
      product: { name: '示例智造科技有限公司 工业网关 GW-3000 >=V2.0.0 <=V2.1.4', product_id: 'P1-R1' },
    });
    const npm = leaves(toCsaf(NPM_WITH_CVE, CSAF_OPTIONS));
    expect(npm.get('P1-R1')?.name).toBe('vers:npm/<2.4.1');
    expect(npm.get('P1-R2')?.name).toBe('vers:npm/>=3.0.0|<3.1.2');
    expect(npm.get('P1-F2')?.product?.product_identification_helper).toEqual({
      purl: 'pkg:npm/%40example/markdown-renderer@3.1.2',
    });
  });

  it('states product status, remediations per product and the v3.1 score', () => {
    const [v] = toCsaf(MULTI_PRODUCT, CSAF_OPTIONS).vulnerabilities;
    expect(v?.product_status).toEqual({
      known_affected: ['P1-V1', 'P1-R1', 'P2-R1', 'P3-V1', 'P3-V2', 'P4-R1'],
      fixed: ['P1-F1', 'P2-F1', 'P3-F1'],
    });
    expect(v?.remediations?.map((r) => [r.category, r.product_ids])).toEqual([
      ['vendor_fix', ['P1-V1', 'P1-R1', 'P2-R1', 'P3-V1', 'P3-V2']],
      ['mitigation', ['P4-R1']],
    ]);
    const [npm] = toCsaf(NPM_WITH_CVE, CSAF_OPTIONS).vulnerabilities;
    expect(npm?.scores).toEqual([
      {
        products: ['P1-R1', 'P1-R2'],
        cvss_v3: {
          version: '3.1',
          vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N',
          baseScore: 6.1,
          baseSeverity: 'MEDIUM',
        },
      },
    ]);
  });

  it('carries CVSS v4.0 as a note because CSAF 2.0 has no v4 score', () => {
    const [v] = toCsaf(MULTI_PRODUCT, CSAF_OPTIONS).vulnerabilities;
    expect(v?.scores).toBeUndefined();
    expect(v?.notes).toContainEqual({
      category: 'other',
      title: 'CVSS v4.0 评分',
      text: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N (9.3 CRITICAL)',
    });
  });

  it('emits the CVE only when present, and CNVD/CNNVD/NVDB as ids', () => {
    const [ics] = toCsaf(ZH_ONLY_ICS, CSAF_OPTIONS).vulnerabilities;
    expect(ics).not.toHaveProperty('cve');
    expect(ics?.ids).toEqual([
      { system_name: 'CNVD', text: 'CNVD-2026-10234' },
      { system_name: 'CNNVD', text: 'CNNVD-202603-1187' },
      { system_name: 'NVDB', text: 'NVDB-2026-003412' },
    ]);
    expect(ics?.cwe).toEqual(ZH_ONLY_ICS.cwe);
    const [npm] = toCsaf(NPM_WITH_CVE, CSAF_OPTIONS).vulnerabilities;
    expect(npm?.cve).toBe('CVE-2026-21345');
    expect(toCsaf(MINIMAL_PYPI, CSAF_OPTIONS).vulnerabilities[0]).not.toHaveProperty('ids');
  });

  it('moves a CWE without its catalogue name into a note', () => {
    const [v] = toCsaf({ ...ZH_ONLY_ICS, cwe: { id: 'CWE-78' } }, CSAF_OPTIONS).vulnerabilities;
    expect(v).not.toHaveProperty('cwe');
    expect(v?.notes).toContainEqual({ category: 'other', title: 'CWE', text: 'CWE-78' });
  });

  it('never publishes an anonymous finder’s name or contact', () => {
    const doc = toCsaf(ZH_ONLY_ICS, CSAF_OPTIONS);
    expect(doc.vulnerabilities[0]?.acknowledgments).toEqual([{ summary: '匿名研究人员' }]);
    expect(JSON.stringify(doc)).not.toMatch(/张三|zhangsan/);
    expect(toCsaf(NPM_WITH_CVE, CSAF_OPTIONS).vulnerabilities[0]?.acknowledgments).toEqual([
      { names: ['Li Wei'], organization: 'Example University' },
      { names: ['Example Labs PSIRT'] },
    ]);
  });

  it('fills document metadata: publisher, TLP, grade, tracking', () => {
    const { document } = toCsaf(NPM_WITH_CVE, CSAF_OPTIONS);
    expect(document.lang).toBe('en');
    expect(document).not.toHaveProperty('source_lang');
    expect(document.publisher).toEqual({
      category: 'coordinator',
      name: 'Bulwark 漏洞协调平台',
      namespace: 'https://bulwark.example.cn/',
      contact_details: 'psirt@bulwark.example.cn',
    });
    expect(document.distribution).toEqual({ tlp: { label: 'WHITE', url: 'https://www.first.org/tlp/' } });
    expect(document.aggregate_severity).toEqual({ text: 'Medium (GB/T 30279-2020: 中危)' });
    expect(document.references).toEqual([
      {
        category: 'self',
        summary: NPM_WITH_CVE.title,
        url: 'https://bulwark.example.cn/advisories/BWK-2026-00031',
      },
    ]);
    expect(document.tracking).toEqual({
      id: 'BWK-2026-00031',
      status: 'final',
      version: '2',
      revision_history: [
        { date: '2026-03-10T09:00:00Z', number: '1', summary: 'Initial release' },
        { date: '2026-03-18T15:30:00Z', number: '2', summary: 'Added the 3.x fix and CVSS v4.0 score' },
      ],
      initial_release_date: '2026-03-10T09:00:00Z',
      current_release_date: '2026-03-18T15:30:00Z',
      generator: { engine: { name: 'Bulwark', version: '0.1.0' }, date: '2026-05-21T00:00:00Z' },
    });
    const ics = toCsaf(ZH_ONLY_ICS, {
      publisher: { ...CSAF_OPTIONS.publisher, category: 'vendor' },
    }).document;
    expect(ics.aggregate_severity).toEqual({ text: '高危 (GB/T 30279-2020)' });
    expect(ics.tracking.revision_history).toEqual([
      { date: '2026-03-02T00:00:00Z', number: '1', summary: '首次发布' },
    ]);
    expect(ics.tracking.generator).toEqual({ engine: { name: 'Bulwark' } });
  });

  it('translates to English with source_lang when the English text exists', () => {
    const doc = toCsaf(MULTI_PRODUCT, { ...CSAF_OPTIONS, lang: 'en' });
    expect(doc.document.lang).toBe('en');
    expect(doc.document.source_lang).toBe('zh-CN');
    expect(doc.document.title).toBe(MULTI_PRODUCT.titleEn);
    expect(doc.vulnerabilities[0]?.notes[0]).toEqual({
      category: 'description',
      title: 'Vulnerability description',
      text: MULTI_PRODUCT.descriptionEn,
    });
    expect(doc.vulnerabilities[0]?.remediations?.[1]?.details).toBe(MULTI_PRODUCT.remediations?.[1]?.textEn);
    expect(() => toCsaf(ZH_ONLY_ICS, { ...CSAF_OPTIONS, lang: 'en' })).toThrow(AdvisoryInputError);
  });

  it('adds the canonical URL of the file and sorts keys alphabetically (optional tests 6.2.11, 6.2.13)', () => {
    expect(csafFilename('BWK-2026-00012')).toBe('bwk-2026-00012.json');
    expect(csafFilename('Example Co: SA/2026.1')).toBe('example_co_sa_2026_1.json');
    const doc = toCsaf(ZH_ONLY_ICS, {
      ...CSAF_OPTIONS,
      canonicalBaseUrl: 'https://bulwark.example.cn/csaf/white/2026/',
    });
    expect(doc.document.references?.[0]).toEqual({
      category: 'self',
      summary: 'Canonical URL',
      url: 'https://bulwark.example.cn/csaf/white/2026/bwk-2026-00012.json',
    });
    const unsorted: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (Array.isArray(node)) for (const [i, x] of node.entries()) walk(x, `${path}/${i}`);
      else if (node !== null && typeof node === 'object') {
        const keys = Object.keys(node);
        if (keys.join() !== [...keys].sort().join()) unsorted.push(path);
        for (const [k, v] of Object.entries(node)) walk(v, `${path}/${k}`);
      }
    };
    walk(doc, '');
    expect(unsorted).toEqual([]);
  });

  it('rejects unusable options', () => {
    try {
      toCsaf(ZH_ONLY_ICS, {
        publisher: { category: 'vendor', name: ' ', namespace: 'example.cn' },
        canonicalBaseUrl: '/csaf',
        generator: { date: 'yesterday' },
      });
      expect.unreachable();
    } catch (e) {
      expect((e as AdvisoryInputError).issues.map((i) => i.path)).toEqual([
        '/options/publisher/name',
        '/options/publisher/namespace',
        '/options/canonicalBaseUrl',
        '/options/generator/date',
      ]);
    }
  });

  it('is deterministic and leaves the input untouched', () => {
    const input: PublishedAdvisory = structuredClone(MULTI_PRODUCT);
    expect(toCsaf(input, CSAF_OPTIONS)).toEqual(toCsaf(MULTI_PRODUCT, CSAF_OPTIONS));
    expect(input).toEqual(MULTI_PRODUCT);
  });
});
