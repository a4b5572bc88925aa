import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidVersionError, UnknownEcosystemError } from '../errors';
import type { EcosystemName } from '../types';
import { getEcosystem, listEcosystems, resolveEcosystemName } from './registry';

describe('ecosystem registry', () => {
  it('resolves OSV names, release/CPE/URL suffixes, RPM and Debian family aliases, ignoring case', () => {
    const cases: [string, EcosystemName][] = [
      ['npm', 'npm'],
      ['pypi', 'PyPI'],
      ['Debian:12', 'Debian'],
      ['Ubuntu:22.04:LTS', 'Debian'],
      ['Alpine:v3.18', 'Alpine'],
      ['Wolfi', 'Alpine'],
      ['Red Hat:rhel_aus:8.4::appstream', 'Red Hat'],
      ['Rocky Linux:9', 'Red Hat'],
      ['AlmaLinux:8', 'Red Hat'],
      ['RPM', 'Red Hat'],
      ['Maven:https://maven.google.com', 'Maven'],
      ['Packagist:https://packages.drupal.org/8', 'Packagist'],
      ['crates.io', 'crates.io'],
      ['SemVer', 'semver'],
    ];
    for (const [input, name] of cases) {
      expect(resolveEcosystemName(input), input).toBe(name);
      expect(getEcosystem(input).name).toBe(name);
    }
  });

  it('throws UnknownEcosystemError for unsupported ecosystems', () => {
    expect(() => getEcosystem('conan')).toThrow(UnknownEcosystemError);
    expect(resolveEcosystemName('GIT')).toBeNull();
    expect(listEcosystems()).toHaveLength(18);
  });
});

describe('invalid versions', () => {
  it('raise InvalidVersionError carrying the ecosystem, the input and a reason', () => {
    const cases: [string, string][] = [
      ['npm', 'latest'],
      ['npm', ''],
      ['Go', 'v'],
      ['PyPI', '1.0 beta'],
      ['Debian', 'a:1.0'],
      ['CRAN', '1.0-beta'],
      ['Hackage', '1.0-beta'],
      ['Maven', '1.0\t'],
      ['datetime', '2024-02-30T00:00:00Z'],
      ['lexicographic', '\ud800'],
    ];
    for (const [ecosystem, input] of cases) {
      const eco = getEcosystem(ecosystem);
      expect(eco.isValid(input), `${ecosystem} ${input}`).toBe(false);
      try {
        eco.sortKey(input);
        expect.unreachable(`${ecosystem} accepted ${JSON.stringify(input)}`);
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidVersionError);
        const e = error as InvalidVersionError;
        expect([e.ecosystem, e.input, e.reason.length > 0]).toEqual([eco.name, input, true]);
      }
    }
  });
});

describe('documented orderings', () => {
  const lt = (ecosystem: string, ...versions: string[]) => {
    const eco = getEcosystem(ecosystem);
    for (let i = 1; i < versions.length; i++) {
      const a = versions[i - 1] as string;
      const b = versions[i] as string;
      expect(eco.compare(a, b), `${ecosystem}: ${a} < ${b}`).toBe(-1);
      expect(eco.sortKey(a) < eco.sortKey(b)).toBe(true);
    }
  };
  const eq = (ecosystem: string, a: string, b: string) => {
    const eco = getEcosystem(ecosystem);
    expect(eco.compare(a, b), `${ecosystem}: ${a} = ${b}`).toBe(0);
    expect(eco.sortKey(a)).toBe(eco.sortKey(b));
  };

  it('orders each ecosystem by its native rules', () => {
    lt('npm', '1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0', '1.0.1', '2.0.0');
    eq('npm', '1.2.3+build', 'v1.2.3');
    lt('NuGet', '1.0.0-beta', '1.0.0-RC', '1.0.0', '1.0.0.1');
    eq('NuGet', '1.0.0-BETA', '1.0.0-beta');
    lt('Pub', '1.2.3', '1.2.3+1', '1.2.3+a');
    lt('PyPI', '0.1-bulbasaur', '1.0.dev0', '1.0a1', '1.0rc1', '1.0', '1.0+local', '1.0.post1', '1!0.1');
    eq('PyPI', '1.0', '1.0.0');
    lt('Maven', '1.0-alpha-1', '1.0-beta', '1.0-SNAPSHOT', '1.0', '1.0-sp', '1.0-foo', '1.0-1', '1.0.1');
    eq('Maven', '1.0.0', '1-ga');
    lt('RubyGems', '1.0.a', '1.0.b1', '1.0', '1.0.1');
    lt('Packagist', '1.0-dev', '1.0-alpha', '1.0-beta2', '1.0-RC1', '1.0', '1.0-p1');
    lt('Debian', '1.0~rc1', '1.0', '1.0-1', '1.0+b1', '1:0.5');
    eq('Debian', '1.0', '0:1.0-0');
    lt('Debian', '~0', '0~0', '0', '0a', '1');
    lt('Red Hat', '1.0~rc1', '1.0', '1.0^git1', '1.0.1', '1:0.1');
    lt('Alpine', '1.2_rc1', '1.2_blah', '1.2', '1.2-r1', '1.2_p1', '1.2a', '1.2.1');
    lt('CRAN', '1.0', '1.0-1', '1.0.2');
    lt('Hackage', '1', '1.0', '1.0.1');
    lt('datetime', '2023-12-31T23:00:00Z', '2024-01-01T00:00:00.5+00:00', '2024-01-01T00:00:01Z');
    eq('datetime', '2024-01-01T00:00:00Z', '2023-12-31T19:00:00-05:00');
    lt('lexicographic', 'A', 'a', 'aa', 'é');
  });

  it('flags pre-releases for the range pre-release rules', () => {
    expect(getEcosystem('npm').isPrerelease('1.0.0-rc.1')).toBe(true);
    expect(getEcosystem('npm').isPrerelease('1.0.0+build')).toBe(false);
    expect(getEcosystem('PyPI').isPrerelease('1.0.dev1')).toBe(true);
    expect(getEcosystem('PyPI').isPrerelease('1.0.post1')).toBe(false);
    expect(getEcosystem('Debian').isPrerelease('1.0~rc1')).toBe(false);
  });
});

/** Version-ish strings built from tokens that exercise each ecosystem's special cases. */
const TOKENS = [
  '0',
  '00',
  '1',
  '2',
  '10',
  '.',
  '.',
  '-',
  '_',
  '+',
  '~',
  '^',
  ':',
  'a',
  'b',
  'rc',
  'RC',
  'alpha',
  'beta',
  'sp',
  'ga',
  'final',
  'dev',
  'post',
  'r',
  'p',
  'pre',
  'cvs',
  'snapshot',
  'x',
  '#',
  'v',
];
const NUMERIC_TOKENS = ['0', '00', '1', '2', '10', '.', '-'];
const versionLike = (tokens: readonly string[]) =>
  fc.array(fc.constantFrom(...tokens), { minLength: 1, maxLength: 7 }).map((t) => t.join(''));

describe('every ordering is a total order and its sort key agrees with compare', () => {
  for (const name of listEcosystems().filter((n) => n !== 'datetime')) {
    it(name, () => {
      const eco = getEcosystem(name);
      const numeric = name === 'CRAN' || name === 'Hackage';
      const valid = versionLike(numeric ? NUMERIC_TOKENS : TOKENS)
        .map((v) => (numeric || eco.isValid(v) ? v : `1${v}`))
        .filter((v) => eco.isValid(v));
      fc.assert(
        fc.property(valid, valid, valid, (a, b, c) => {
          const ab = eco.compare(a, b);
          const bc = eco.compare(b, c);
          const ac = eco.compare(a, c);
          expect(eco.compare(b, a)).toBe(ab === 0 ? 0 : -ab);
          const ka = eco.sortKey(a);
          const kb = eco.sortKey(b);
          expect(ka < kb ? -1 : ka > kb ? 1 : 0).toBe(ab);
          if (ab <= 0 && bc <= 0) expect(ac).toBeLessThanOrEqual(0);
          if (ab === 0 && bc === 0) expect(ac).toBe(0);
        }),
        { numRuns: 150 },
      );
    });
  }
});
