import { describe, expect, it } from 'vitest';
import { toCsaf } from './csaf';
import type { CsafDocument } from './csaf-types';
import { CSAF_OPTIONS, FIXTURES } from './fixtures.test-support';

/**
 * The documents against @secvisogram/csaf-validator-lib (the reference CSAF 2.0 validator): the strict schema
 * test plus every mandatory test. Informative tests are not run (6.3.6/6.3.7 make HTTP requests, 6.3.8
 * spawns hunspell). Should the dev dependency be missing, the suite is skipped and says so.
 */
interface ValidatorResult {
  isValid: boolean;
  tests: { name: string; isValid: boolean; errors: { instancePath: string; message: string }[] }[];
}
interface ValidatorLib {
  validate: (
    tests: unknown[],
    doc: unknown,
  ) => Promise<ValidatorResult & { tests: { warnings: unknown[] }[] }>;
  mandatory: Record<string, unknown>;
  optional: Record<string, unknown>;
  strict: unknown;
}

const PACKAGE = '@secvisogram/csaf-validator-lib';

async function loadValidatorLib(): Promise<ValidatorLib | undefined> {
  const load = async (path: string) => import(/* @vite-ignore */ `${PACKAGE}/${path}`);
  try {
    const [validate, mandatory, optional, schemaTests] = await Promise.all([
      load('validate.js'),
      load('mandatoryTests.js'),
      load('optionalTests.js'),
      load('schemaTests.js'),
    ]);
    return {
      validate: validate.default,
      mandatory: { ...mandatory },
      optional: { ...optional },
      strict: schemaTests.csaf_2_0_strict,
    };
  } catch {
    return undefined;
  }
}

const lib = await loadValidatorLib();
if (lib === undefined)
  console.log(`csaf-validator-lib: SKIPPED — ${PACKAGE} is not installed (add it as a devDependency)`);

describe.skipIf(lib === undefined)('CSAF documents pass @secvisogram/csaf-validator-lib', () => {
  const documents: [string, CsafDocument][] = Object.entries(FIXTURES).flatMap(([name, advisory]) => [
    [name, toCsaf(advisory, CSAF_OPTIONS)] as [string, CsafDocument],
    ...(advisory.titleEn === undefined
      ? []
      : [[`${name} (en)`, toCsaf(advisory, { ...CSAF_OPTIONS, lang: 'en' })] as [string, CsafDocument]]),
  ]);

  it('passes the strict schema and every mandatory test', async () => {
    const v = lib as ValidatorLib;
    const tests = [v.strict, ...Object.values(v.mandatory)];
    expect(v.strict).toBeDefined();
    let passed = 0;
    for (const [name, doc] of documents) {
      const result = await v.validate(tests, doc);
      const failed = result.tests.filter((t) => !t.isValid).map((t) => ({ test: t.name, errors: t.errors }));
      expect({ name, failed }).toEqual({ name, failed: [] });
      expect(result.tests.map((t) => t.name)).toContain('csaf_2_0_strict');
      expect(result.tests.length).toBe(tests.length);
      if (result.isValid) passed++;
    }
    console.log(
      `csaf-validator-lib: ${passed}/${documents.length} generated documents pass csaf_2_0_strict + ` +
        `${tests.length - 1} mandatory tests`,
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
    const v = lib as ValidatorLib;
    const inherent = new Set(['optionalTest_6_2_2', 'optionalTest_6_2_3', 'optionalTest_6_2_16']);
    const warned = new Set<string>();
    for (const advisory of Object.values(FIXTURES)) {
      const doc = toCsaf(advisory, {
        ...CSAF_OPTIONS,
        canonicalBaseUrl: 'https://bulwark.example.cn/csaf/white/2026',
      });
      const result = await v.validate(Object.values(v.optional), doc);
      for (const t of result.tests) if (t.warnings.length > 0) warned.add(t.name);
    }
    console.log(`csaf-validator-lib optional tests warning: ${[...warned].sort().join(', ') || 'none'}`);
    expect([...warned].filter((name) => !inherent.has(name))).toEqual([]);
  });

  it('rejects a document breaking a mandatory test (6.1.6 contradicting status)', async () => {
    const v = lib as ValidatorLib;
    const doc = toCsaf(FIXTURES.ZH_ONLY_ICS, CSAF_OPTIONS);
    const [vuln] = doc.vulnerabilities;
    const broken = {
      ...doc,
      vulnerabilities: [{ ...vuln, product_status: { known_affected: ['P1-V1'], fixed: ['P1-V1'] } }],
    };
    const result = await v.validate(Object.values(v.mandatory), broken);
    expect(result.isValid).toBe(false);
    expect(result.tests.filter((t) => !t.isValid).map((t) => t.name)).toEqual(['mandatoryTest_6_1_6']);
  });
});
