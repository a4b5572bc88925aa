import { describe, expect, it } from 'vitest';
import { toCsaf } from './csaf';
import type { CsafDocument } from './csaf-types';
import { MANDATORY_TESTS, OPTIONAL_TESTS, referenceValidate } from './csaf-validator.test-support';
import { CSAF_OPTIONS, FIXTURES } from './fixtures.test-support';

/**
 * The documents against @secvisogram/csaf-validator-lib (the reference CSAF 2.0 validator, a dev dependency): the
 * strict schema test plus every mandatory test.
 */
describe('CSAF documents pass @secvisogram/csaf-validator-lib', () => {
  const documents: [string, CsafDocument][] = Object.entries(FIXTURES).flatMap(([name, advisory]) => [
    [name, toCsaf(advisory, CSAF_OPTIONS)] as [string, CsafDocument],
    ...(advisory.titleEn === undefined
      ? []
      : [[`${name} (en)`, toCsaf(advisory, { ...CSAF_OPTIONS, lang: 'en' })] as [string, CsafDocument]]),
  ]);

  it('passes the strict schema and every mandatory test', async () => {
    const tests = Object.keys(MANDATORY_TESTS);
    let passed = 0;
    for (const [name, doc] of documents) {
      const result = await referenceValidate(doc);
      const failed = result.tests.filter((t) => !t.isValid).map((t) => ({ test: t.name, errors: t.errors }));
      expect({ name, failed }).toEqual({ name, failed: [] });
      expect(result.tests.map((t) => t.name)).toContain('csaf_2_0_strict');
      expect(result.tests.length).toBe(tests.length + 1);
      if (result.isValid) passed++;
    }
    console.log(
      `csaf-validator-lib: ${passed}/${documents.length} generated documents pass csaf_2_0_strict + ` +
        `${tests.length} mandatory tests`,
    );
    expect(passed).toBe(documents.length);
  });

  /**
   * Optional tests (6.2) only warn. The warnings left are inherent to the input, never to the encoding:
   * 6.2.2 no remediation given (MINIMAL_PYPI); 6.2.3 no CVSS v3 score to attach (v4.0-only or unscored
   * advisories: CSAF 2.0 has no v4 slot); 6.2.16 ranges carry no identification helper (a versionless purl or
   * wildcard CPE would claim every version).
   */
  it('raises no optional-test warning besides the inherent ones', async () => {
    const inherent = new Set(['optionalTest_6_2_2', 'optionalTest_6_2_3', 'optionalTest_6_2_16']);
    const warned = new Set<string>();
    for (const advisory of Object.values(FIXTURES)) {
      const doc = toCsaf(advisory, {
        ...CSAF_OPTIONS,
        canonicalBaseUrl: 'https://bulwark.example.cn/csaf/white/2026',
      });
      const result = await referenceValidate(doc, OPTIONAL_TESTS);
      for (const t of result.tests) if (t.warnings.length > 0) warned.add(t.name);
    }
    console.log(`csaf-validator-lib optional tests warning: ${[...warned].sort().join(', ') || 'none'}`);
    expect([...warned].filter((name) => !inherent.has(name))).toEqual([]);
  });

  it('rejects a document breaking a mandatory test (6.1.6 contradicting status)', async () => {
    const doc = toCsaf(FIXTURES.ZH_ONLY_ICS, CSAF_OPTIONS);
    const [vuln] = doc.vulnerabilities;
    const broken = {
      ...doc,
      vulnerabilities: [{ ...vuln, product_status: { known_affected: ['P1-V1'], fixed: ['P1-V1'] } }],
    };
    const result = await referenceValidate(broken);
    expect(result.isValid).toBe(false);
    expect(result.tests.filter((t) => !t.isValid).map((t) => t.name)).toEqual(['mandatoryTest_6_1_6']);
  });
});
