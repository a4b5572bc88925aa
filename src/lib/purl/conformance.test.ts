import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { PurlError } from './errors';
import { buildPurl, normalizePurl, type PurlParts, parsePurl } from './index';

/** purl-spec @ 16f3d0e (see ../shared/vectors/README.md, section 3). */
const VECTORS = new URL('../../../../shared/vectors/purl/', import.meta.url);

interface SpecTest {
  description: string;
  test_group: 'required' | 'recommended';
  test_type: 'parse' | 'build' | 'validate';
  input: string | PurlParts;
  expected_output?: unknown;
  expected_failure?: boolean;
}

interface LegacyTest {
  description: string;
  purl: string;
  canonical_purl: string | null;
  type: string | null;
  namespace: string | null;
  name: string | null;
  version: string | null;
  qualifiers: Record<string, string> | null;
  subpath: string | null;
  is_invalid: boolean;
}

/**
 * Legacy-suite checks that contradict the CURRENT spec, which the new test files encode. A case listed with
 * `skip: 'all'` is not run; otherwise only the named check is skipped and the rest still must pass.
 */
const LEGACY_EXCLUSIONS: readonly {
  purl: string;
  skip: 'all' | 'canonical' | 'components';
  reason: string;
}[] = [
  {
    purl: 'pkg:GOLANG/google.golang.org/genproto@abcdedf#/googleapis/%2E%2E/api/annotations/',
    skip: 'components',
    reason:
      'expects ".." kept in the parsed subpath; the current how-to-parse discards "." and ".." segments',
  },
  {
    purl: 'pkg:GOLANG/google.golang.org/genproto@abcdedf#/googleapis/%2E/api/annotations/',
    skip: 'components',
    reason: 'expects "." kept in the parsed subpath; the current how-to-parse discards "." and ".." segments',
  },
  ...[
    'pkg:Maven/org.apache.xmlgraphics/batik-anim@1.9.1?classifier=sources&repositorY_url=repo.spring.io/release',
    'pkg:Maven/org.apache.xmlgraphics/batik-anim@1.9.1?extension=pom&repositorY_url=repo.spring.io/release',
    'pkg:huggingface/microsoft/deberta-v3-base@559062ad13d311b87b2c455e67dcd5f1c8f65111?repository_url=https://hub-ci.huggingface.co',
    'pkg:mlflow/CreditFraud@3?repository_url=https://adb-5245952564735461.0.azuredatabricks.net/api/2.0/mlflow',
    'pkg:mlflow/CreditFraud@3?repository_url=https://westus2.api.azureml.ms/mlflow/v1.0/subscriptions/a50f2011-fab8-4164-af23-c62881ef8c95/resourceGroups/TestResourceGroup/providers/Microsoft.MachineLearningServices/workspaces/TestWorkspace',
    'pkg:mlflow/trafficsigns@10?model_uuid=36233173b22f4c89b451f1228d700d49&run_id=410a3121-2709-4f88-98dd-dba0ef056b0a&repository_url=https://adb-5245952564735461.0.azuredatabricks.net/api/2.0/mlflow',
  ].map((purl) => ({
    purl,
    skip: 'canonical' as const,
    reason: 'canonical form leaves "/" unencoded in a qualifier value; the current spec encodes it as %2F',
  })),
  {
    purl: 'pkg:conan/bincrafters/cctz@2.3',
    skip: 'all',
    reason: 'old rule "namespace needs a channel qualifier"; conan-definition.json now makes both optional',
  },
  {
    purl: 'pkg:conan/cctz@2.3?channel=stable',
    skip: 'all',
    reason: 'old rule "channel needs a namespace"; conan-definition.json now makes both optional',
  },
  {
    purl: 'pkg:cran/A3',
    skip: 'all',
    reason: 'old rule "cran version required"; cran-definition.json now makes the version optional',
  },
  {
    purl: 'pkg:swift/github.com/Alamofire/Alamofire',
    skip: 'all',
    reason: 'old rule "swift version required"; swift-definition.json now makes the version optional',
  },
  {
    purl: 'pkg:huggingface/distilbert-base-uncased@043235d6088ecd3dd5fb5ca3592b6913fd516027',
    skip: 'all',
    reason: 'valid without namespace in the old suite; huggingface-definition.json now requires a namespace',
  },
  {
    purl: 'pkg:cpan/URI::PackageURL@2.11',
    skip: 'all',
    reason:
      'old suite allowed a module name; cpan-definition.json now forbids "::" (cpan-test.json expects failure)',
  },
  {
    purl: 'pkg:cpan/Perl-Version@1.013',
    skip: 'all',
    reason: 'old suite rejected a distribution name without namespace; cpan-test.json now accepts it',
  },
];

/**
 * Spec tests that contradict other spec tests. They are not counted as passes; each is instead checked in the
 * mode named here so that the behaviour stays pinned.
 */
const SPEC_EXCLUSIONS: readonly {
  file: string;
  input: string;
  group: string;
  type: string;
  reason: string;
}[] = [
  {
    file: 'tests/types/maven-test.json',
    input: 'pkg:Maven/org.apache.xmlgraphics/batik-anim@1.9.1?type=pom&repositorY_url=repo.spring.io/release',
    group: 'required',
    type: 'parse',
    reason:
      'a required parse that accepts the mixed-case key "repositorY_url", while the required must-fail parses in ' +
      'gem-test.json ("Platform") and rpm-test.json ("Arch", "Distro") reject mixed-case keys, as does ECMA-427 ' +
      '("the key shall be composed only of lowercase ASCII letters ..."). Strict parsing rejects it; it is checked ' +
      'with { lenient: true } instead',
  },
];

function listSpecFiles(): string[] {
  const out: string[] = [];
  for (const dir of ['tests/spec/', 'tests/types/']) {
    for (const file of readdirSync(new URL(dir, VECTORS)).sort()) {
      if (file.endsWith('.json')) out.push(dir + file);
    }
  }
  return out;
}

function readJson<T>(relative: string): T {
  return JSON.parse(readFileSync(new URL(relative, VECTORS), 'utf8')) as T;
}

function throwsPurlError(run: () => unknown): boolean {
  try {
    run();
    return false;
  } catch (error) {
    return error instanceof PurlError;
  }
}

/** Runs one spec test; returns a failure description or null. */
function runSpecTest(t: SpecTest): string | null {
  const lenient = t.test_group === 'recommended';
  const label = `[${t.test_group} ${t.test_type}${t.expected_failure ? ' must-fail' : ''}] ${t.description}`;
  try {
    if (t.expected_failure) {
      const ok =
        t.test_type === 'build'
          ? throwsPurlError(() => buildPurl(t.input as PurlParts))
          : throwsPurlError(() => parsePurl(t.input as string, { lenient }));
      return ok ? null : `${label}: accepted ${JSON.stringify(t.input)}`;
    }
    if (t.test_type === 'parse') {
      const got = parsePurl(t.input as string, { lenient });
      return JSON.stringify(sortKeys(got)) === JSON.stringify(sortKeys(t.expected_output))
        ? null
        : `${label}: ${JSON.stringify(got)} != ${JSON.stringify(t.expected_output)}`;
    }
    if (t.test_type === 'build') {
      const got = buildPurl(t.input as PurlParts);
      return got === t.expected_output ? null : `${label}: ${got} != ${t.expected_output}`;
    }
    const got = normalizePurl(t.input as string);
    if (got !== t.expected_output) return `${label}: ${got} != ${t.expected_output}`;
    // A required validate test must also pass through the strict parser.
    if (!lenient) {
      const strict = buildPurl(parsePurl(t.input as string));
      if (strict !== t.expected_output) return `${label}: strict ${strict} != ${t.expected_output}`;
    }
    return null;
  } catch (error) {
    return `${label}: threw ${(error as Error).message}`;
  }
}

/** Recursively sorts object keys so that qualifier order does not matter in comparisons. */
function sortKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => [k, sortKeys(v)]),
  );
}

const totals = new Map<string, { passed: number; total: number }>();
const summary: string[] = [];
const reclassified: string[] = [];

function category(t: SpecTest): string {
  return `${t.test_type}${t.expected_failure ? ' must-fail' : ''}`;
}

describe('purl-spec test suite (tests/spec + tests/types)', () => {
  it.each(listSpecFiles())('%s', (file) => {
    const { tests } = readJson<{ tests: SpecTest[] }>(file);
    const perCategory = new Map<string, { passed: number; total: number }>();
    const failures: string[] = [];
    for (const t of tests) {
      const excluded = SPEC_EXCLUSIONS.find(
        (e) => e.file === file && e.input === t.input && e.group === t.test_group && e.type === t.test_type,
      );
      if (excluded) {
        const strictRejects = throwsPurlError(() => parsePurl(t.input as string));
        const lenientFailure = runSpecTest({ ...t, test_group: 'recommended' });
        reclassified.push(
          `${file} [${t.test_group} ${t.test_type}] ${t.description}: strict ${strictRejects ? 'rejects' : 'ACCEPTS'}, ` +
            `lenient ${lenientFailure === null ? 'matches expected_output' : lenientFailure}`,
        );
        expect(strictRejects).toBe(true);
        expect(lenientFailure).toBeNull();
        continue;
      }
      const failure = runSpecTest(t);
      for (const map of [perCategory, totals]) {
        const entry = map.get(category(t)) ?? { passed: 0, total: 0 };
        entry.total += 1;
        if (failure === null) entry.passed += 1;
        map.set(category(t), entry);
      }
      if (failure !== null) failures.push(failure);
    }
    const counts = [...perCategory].map(([k, v]) => `${k} ${v.passed}/${v.total}`).join(', ');
    summary.push(`purl ${file}: ${counts}`);
    expect(failures).toEqual([]);
  });
});

/** An exclusion is only honest if the legacy expectation really fails for the skipped check. */
function legacyConflictConfirmed(c: LegacyTest, skip: 'all' | 'canonical' | 'components'): boolean {
  if (skip === 'canonical') {
    const normalized = normalizePurl(c.purl);
    return normalized !== c.canonical_purl && normalized.replaceAll('%2F', '/') === c.canonical_purl;
  }
  if (c.is_invalid) return !throwsPurlError(() => parsePurl(c.purl, { lenient: true }));
  try {
    const got = parsePurl(c.purl, { lenient: true });
    return got.subpath !== c.subpath || got.name !== c.name || got.namespace !== c.namespace;
  } catch {
    return true;
  }
}

describe('purl legacy test-suite-data.json', () => {
  it('matches every case that the current spec still agrees with', () => {
    const cases = readJson<LegacyTest[]>('legacy/test-suite-data.json');
    const failures: string[] = [];
    let full = 0;
    let partial = 0;
    for (const c of cases) {
      const exclusion = LEGACY_EXCLUSIONS.find((e) => e.purl === c.purl);
      const label = `${c.description} (${c.purl})`;
      if (exclusion !== undefined && !legacyConflictConfirmed(c, exclusion.skip)) {
        failures.push(`${label}: excluded, but the current behaviour agrees with the legacy expectation`);
      }
      if (exclusion?.skip === 'all') continue;
      if (c.is_invalid) {
        if (!throwsPurlError(() => parsePurl(c.purl))) failures.push(`${label}: accepted`);
        else full += 1;
        continue;
      }
      const expected = {
        type: c.type,
        namespace: c.namespace,
        name: c.name,
        version: c.version,
        qualifiers: c.qualifiers,
        subpath: c.subpath,
      };
      const before = failures.length;
      try {
        if (exclusion?.skip !== 'components') {
          const got = parsePurl(c.purl, { lenient: true });
          if (JSON.stringify(sortKeys(got)) !== JSON.stringify(sortKeys(expected))) {
            failures.push(`${label}: parsed ${JSON.stringify(got)}`);
          }
        }
        if (exclusion?.skip !== 'canonical') {
          const normalized = normalizePurl(c.purl);
          if (normalized !== c.canonical_purl) failures.push(`${label}: normalized ${normalized}`);
          const built = buildPurl(expected as PurlParts);
          if (built !== c.canonical_purl) {
            failures.push(`${label}: built ${built}`);
          }
        }
      } catch (error) {
        failures.push(`${label}: threw ${(error as Error).message}`);
      }
      if (failures.length === before) {
        if (exclusion) partial += 1;
        else full += 1;
      }
    }
    const excluded = LEGACY_EXCLUSIONS.filter((e) => e.skip === 'all').length;
    summary.push(
      `purl legacy/test-suite-data.json: ${full}/${cases.length - excluded - partial} fully checked passed, ` +
        `${partial} partially checked passed, ${excluded} excluded (of ${cases.length})`,
    );
    expect(failures).toEqual([]);
    expect(full + partial + excluded).toBe(cases.length);
  });
});

afterAll(() => {
  const total = [...totals].map(([k, v]) => `${k} ${v.passed}/${v.total}`).join(', ');
  console.log([...summary, `purl spec totals: ${total}`].join('\n'));
  console.log(
    [
      'purl spec exclusions (not counted above):',
      ...SPEC_EXCLUSIONS.map((e) => `  - ${e.file} [${e.group} ${e.type}] ${e.input}: ${e.reason}`),
      ...reclassified.map((r) => `    result: ${r}`),
    ].join('\n'),
  );
  console.log(
    [
      'purl legacy exclusions:',
      ...LEGACY_EXCLUSIONS.map((e) => `  - [skip ${e.skip}] ${e.purl}: ${e.reason}`),
    ].join('\n'),
  );
});
