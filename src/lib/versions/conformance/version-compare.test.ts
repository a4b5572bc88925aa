import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { getEcosystem } from '../ecosystems/registry';
import type { Ecosystem } from '../types';
import { type PairCase, readOpFile, readRpmvercmp, readSchemaCmp } from './vectors';

/**
 * Version ordering against ../shared/vectors/version-compare (osv-scalibr fixtures, univers and apk/rpm suites)
 * and the vers-spec comparison files. Every pair is checked in both directions, and the sort key must order
 * every pair exactly as compare() does.
 */

/** osv-scalibr semantic/testdata file -> ecosystems (as upstream compare_test.go runs them). */
const OSV_SCALIBR: readonly (readonly [string, readonly string[]])[] = [
  ['semver-versions.txt', ['npm', 'crates.io', 'Go', 'Hex']],
  ['pypi-versions.txt', ['PyPI']],
  ['pypi-versions-generated.txt', ['PyPI']],
  ['maven-versions.txt', ['Maven']],
  ['maven-versions-generated.txt', ['Maven']],
  ['nuget-versions.txt', ['NuGet']],
  ['rubygems-versions.txt', ['RubyGems']],
  ['rubygems-versions-generated.txt', ['RubyGems']],
  ['packagist-versions.txt', ['Packagist']],
  ['packagist-versions-generated.txt', ['Packagist']],
  ['debian-versions.txt', ['Debian']],
  ['debian-versions-generated.txt', ['Debian']],
  ['alpine-versions.txt', ['Alpine']],
  ['alpine-versions-generated.txt', ['Alpine']],
  ['redhat-versions.txt', ['Red Hat']],
  ['cran-versions.txt', ['CRAN']],
  ['cran-versions-generated.txt', ['CRAN']],
  ['pub-versions.txt', ['Pub']],
  ['hackage-versions.txt', ['Hackage']],
];

const MAVEN_CYCLE =
  'Maven 3 ComparableVersion (which generated this file) is not transitive: it answers 2.9.0.RC1 < 2.9.0 < ' +
  '2.9.0-1 < 2.9.0.RC1 (see the mvncmp test below), so no sort key can reproduce every pair. The key follows ' +
  'the end-of-version rule ("X.0.RC1" < "X"), as Maven 3.9+ does for this pair.';

/**
 * Pairs whose expected answer contradicts a transitive order (a key order is transitive by construction).
 * Each is printed; the test fails if any other pair fails or if one of these starts passing.
 */
const EXCLUSIONS: readonly { file: string; line: string; reason: string }[] = [
  { file: 'maven-versions-generated.txt', line: '2.9.0-1 < 2.9.0.RC1', reason: MAVEN_CYCLE },
  {
    file: 'maven-versions-generated.txt',
    line: '1.0.0-gradle-rework-beta3 < 1.0.0.RC7-3',
    reason: MAVEN_CYCLE,
  },
  { file: 'maven-versions-generated.txt', line: '1.1.0-01-glassfish < 1.1.0.Beta1', reason: MAVEN_CYCLE },
  {
    file: 'packagist-versions.txt',
    line: '1.2.3.# = 1.2.3.1',
    reason:
      'PHP version_compare treats "#" as equal both to the end of a version and to any number, so it is not ' +
      'transitive: the same file also has 1.2.3.# = 1.2.3, while 1.2.3 < 1.2.3.1. The key keeps 1.2.3.# = 1.2.3.',
  },
];

/** Univers / vers-spec version schemes we do not implement, with the reason. */
const UNSUPPORTED_SCHEMES: readonly { files: readonly string[]; reason: string }[] = [
  {
    files: ['version-compare/univers/schema/alpm_version_cmp.json', 'vers/tests/alpm_version_cmp_test.json'],
    reason: 'alpm (Arch Linux pacman) is not a supported ecosystem',
  },
  {
    files: [
      'version-compare/univers/schema/conan_version_cmp.json',
      'vers/tests/conan_version_cmp_test.json',
    ],
    reason: 'conan is not a supported ecosystem',
  },
  {
    files: [
      'version-compare/univers/schema/gentoo_version_cmp.json',
      'vers/tests/gentoo_version_cmp_test.json',
    ],
    reason: 'gentoo (portage) is not a supported ecosystem',
  },
  {
    files: [
      'version-compare/univers/schema/openssl_version_cmp.json',
      'vers/tests/openssl_version_cmp_test.json',
      'version-compare/univers/openssl/',
    ],
    reason: 'openssl release naming is not a supported ecosystem',
  },
];

const SIGN = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);

/** Parses each distinct version once; returns compare and key lookups for the ecosystem. */
function harness(eco: Ecosystem) {
  const parsed = new Map<string, unknown>();
  const keys = new Map<string, string>();
  const get = (v: string) => {
    if (!parsed.has(v)) parsed.set(v, eco.parse(v));
    return parsed.get(v);
  };
  return {
    compare: (a: string, b: string) => eco.compareParsed(get(a), get(b)),
    key: (v: string) => {
      let k = keys.get(v);
      if (k === undefined) {
        k = eco.sortKeyParsed(get(v));
        keys.set(v, k);
      }
      return k;
    },
  };
}

const lineOf = (c: PairCase) => `${c.a} ${c.expected < 0 ? '<' : c.expected > 0 ? '>' : '='} ${c.b}`;

interface Outcome {
  total: number;
  failed: string[];
  keyMismatches: string[];
}

function runPairs(ecosystem: string, cases: readonly PairCase[]): Outcome {
  const h = harness(getEcosystem(ecosystem));
  const failed: string[] = [];
  const keyMismatches: string[] = [];
  for (const c of cases) {
    const forward = h.compare(c.a, c.b);
    const backward = h.compare(c.b, c.a);
    if (forward !== c.expected || backward !== -c.expected) failed.push(lineOf(c));
    const ka = h.key(c.a);
    const kb = h.key(c.b);
    if (SIGN(ka < kb ? -1 : ka > kb ? 1 : 0) !== forward || (ka === kb) !== (forward === 0)) {
      keyMismatches.push(lineOf(c));
    }
  }
  return { total: cases.length, failed, keyMismatches };
}

function report(label: string, ecosystem: string, outcome: Outcome, excluded: readonly string[]): void {
  const passed = outcome.total - outcome.failed.length;
  const note = excluded.length > 0 ? ` (${excluded.length} excluded, listed below)` : '';
  console.log(`version-compare: ${passed}/${outcome.total} ${ecosystem} cases passed [${label}]${note}`);
  console.log(
    `sort-key: ${outcome.total - outcome.keyMismatches.length}/${outcome.total} ${ecosystem} pairs ordered as compare() [${label}]`,
  );
  for (const line of excluded) {
    const reason = EXCLUSIONS.find((e) => e.file === label && e.line === line)?.reason;
    console.log(`  excluded: ${line} -- ${reason}`);
  }
}

describe('osv-scalibr version-compare fixtures', () => {
  for (const [file, ecosystems] of OSV_SCALIBR) {
    for (const ecosystem of ecosystems) {
      it(`${file} as ${ecosystem}`, () => {
        const outcome = runPairs(ecosystem, readOpFile(`version-compare/osv-scalibr/${file}`));
        const excluded = EXCLUSIONS.filter((e) => e.file === file).map((e) => e.line);
        report(file, ecosystem, outcome, excluded);
        expect(outcome.failed.sort()).toEqual([...excluded].sort());
        expect(outcome.keyMismatches).toEqual([]);
      });
    }
  }
});

describe('apk-tools and rpm test suites (via univers)', () => {
  it('alpine_test.txt (apk-tools test/version.data) as Alpine', () => {
    const outcome = runPairs('Alpine', readOpFile('version-compare/univers/alpine_test.txt'));
    report('alpine_test.txt', 'Alpine', outcome, []);
    expect(outcome.failed).toEqual([]);
    expect(outcome.keyMismatches).toEqual([]);
  });

  it('rpmvercmp.at (rpm tests) as Red Hat', () => {
    const cases = readRpmvercmp('version-compare/univers/rpmvercmp.at');
    expect(cases.length).toBeGreaterThan(80);
    const outcome = runPairs('Red Hat', cases);
    report('rpmvercmp.at', 'Red Hat', outcome, []);
    expect(outcome.failed).toEqual([]);
    expect(outcome.keyMismatches).toEqual([]);
  });
});

/** univers/vers-spec schema files: scheme -> ecosystem. */
const SCHEMA_FILES: readonly (readonly [string, string])[] = [
  ['version-compare/univers/schema/maven_version_cmp.json', 'Maven'],
  ['version-compare/univers/schema/nuget_version_cmp.json', 'NuGet'],
  ['version-compare/univers/schema/deb_version_python_pkg_test.json', 'Debian'],
  ['version-compare/univers/schema/alpine_version_cmp.json', 'Alpine'],
  ['vers/tests/maven_version_cmp_test.json', 'Maven'],
  ['vers/tests/nuget_version_cmp_test.json', 'NuGet'],
  ['vers/tests/alpine_version_cmp_test.json', 'Alpine'],
  ['vers/tests/lexicographic-test.json', 'lexicographic'],
  ['vers/tests/datetime_version_cmp_test.json', 'datetime'],
];

describe('univers and vers-spec comparison/equality tests', () => {
  for (const [file, ecosystem] of SCHEMA_FILES) {
    it(`${file} as ${ecosystem}`, () => {
      const eco = getEcosystem(ecosystem);
      const h = harness(eco);
      const tests = readSchemaCmp(file);
      const failed: string[] = [];
      for (const t of tests) {
        if (t.type === 'equality') {
          const [a, b] = t.versions as [string, string];
          const same = h.compare(a, b) === 0 && h.key(a) === h.key(b);
          const differ = h.compare(a, b) !== 0 && h.key(a) !== h.key(b);
          if (!(t.expected === true ? same : differ)) failed.push(`${a} vs ${b}`);
        } else {
          const expected = t.expected as readonly string[];
          // Expected lists may spell versions in a normalised form (univers lowercases NuGet), so positions are
          // compared by version equality, for both the compare() sort and the key sort.
          const byCompare = [...t.versions].sort(h.compare);
          const byKey = [...t.versions].sort((x, y) =>
            h.key(x) < h.key(y) ? -1 : h.key(x) > h.key(y) ? 1 : 0,
          );
          const ok = expected.every(
            (v, i) => h.compare(byCompare[i] as string, v) === 0 && h.compare(byKey[i] as string, v) === 0,
          );
          if (!ok || expected.length !== t.versions.length) failed.push(t.versions.join(', '));
        }
      }
      console.log(
        `version-compare: ${tests.length - failed.length}/${tests.length} ${ecosystem} cases passed [${file}]`,
      );
      expect(failed).toEqual([]);
    });
  }

  it('lists the univers and vers-spec schemes that are out of scope', () => {
    for (const { files, reason } of UNSUPPORTED_SCHEMES) {
      for (const file of files) console.log(`version-compare: excluded ${file} -- ${reason}`);
    }
    const unsupportedNames = ['alpm', 'conan', 'gentoo', 'openssl'];
    for (const name of unsupportedNames) expect(() => getEcosystem(name)).toThrow(/Unsupported ecosystem/);
  });
});

describe('why the Maven exclusions cannot be satisfied', () => {
  it('Maven 3 ComparableVersion (mvncmp oracle) is cyclic on the excluded versions', () => {
    const { compare } = createRequire(import.meta.url)('mvncmp') as {
      compare: (a: string, b: string) => number;
    };
    expect(SIGN(compare('2.9.0.RC1', '2.9.0'))).toBe(-1);
    expect(SIGN(compare('2.9.0', '2.9.0-1'))).toBe(-1);
    expect(SIGN(compare('2.9.0-1', '2.9.0.RC1'))).toBe(-1);
    // The library keeps a total order: 2.9.0.RC1 < 2.9.0 < 2.9.0-1.
    const maven = getEcosystem('Maven');
    expect(maven.compare('2.9.0.RC1', '2.9.0')).toBe(-1);
    expect(maven.compare('2.9.0', '2.9.0-1')).toBe(-1);
    expect(maven.compare('2.9.0.RC1', '2.9.0-1')).toBe(-1);
  });
});
