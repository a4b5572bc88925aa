import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Advisory, AffectedPackage } from '../advisories';
import { affectedPackage } from '../advisories/compile';
import {
  type CompiledRange,
  compileNpmRange,
  compileOsvAffected,
  evaluateOsvAffected,
  type OsvEvent,
  satisfiesNpm,
} from '../versions';
import { AdvisoryIndex, ExposureIndex, matchAdvisory, matchPortfolio } from './index';

/** Version shapes per ecosystem, including each one's pre-release spelling. */
const VERSION: Record<string, fc.Arbitrary<string>> = {
  npm: fc
    .tuple(fc.nat(3), fc.nat(3), fc.nat(3), fc.constantFrom('', '-rc.1', '-alpha', '-0'))
    .map(([a, b, c, p]) => `${a}.${b}.${c}${p}`),
  PyPI: fc
    .tuple(fc.nat(3), fc.nat(3), fc.constantFrom('', '.0', 'rc1', '.dev2', '.post1'))
    .map(([a, b, p]) => `${a}.${b}${p}`),
  Go: fc
    .tuple(fc.nat(3), fc.nat(3), fc.nat(3), fc.constantFrom('', '-pre'))
    .map(([a, b, c, p]) => `${a}.${b}.${c}${p}`),
  'Debian:12': fc
    .tuple(fc.nat(2), fc.nat(3), fc.constantFrom('', '~rc1', '-1', '+deb12u1'))
    .map(([a, b, p]) => `${a}.${b}${p}`),
  Maven: fc
    .tuple(fc.nat(3), fc.nat(3), fc.constantFrom('', '-SNAPSHOT', '.Final', '-beta-1'))
    .map(([a, b, p]) => `${a}.${b}${p}`),
};
const ECOSYSTEMS = Object.keys(VERSION);
const NAMES = ['alpha', 'beta', 'Gamma_pkg'];

/** A random range of an ecosystem: OSV events over its versions, or (npm) a node-semver range. */
type RangeSpec =
  | { readonly kind: 'osv'; readonly events: OsvEvent[]; readonly versions: string[] }
  | { readonly kind: 'npm'; readonly text: string };

function rangeArb(eco: string): fc.Arbitrary<RangeSpec> {
  const v = VERSION[eco] as fc.Arbitrary<string>;
  const event = fc.oneof(
    v.map((x) => ({ introduced: x })),
    fc.constant({ introduced: '0' }),
    v.map((x) => ({ fixed: x })),
    v.map((x) => ({ last_affected: x })),
  );
  const osv = fc.tuple(v, fc.array(event, { maxLength: 4 }), fc.array(v, { maxLength: 2 })).map(
    ([first, events, versions]): RangeSpec => ({
      kind: 'osv',
      events: [{ introduced: first }, ...events],
      versions,
    }),
  );
  if (eco !== 'npm') return osv;
  const npm = fc
    .tuple(fc.constantFrom('>=', '<', '^', '~', '<=', ''), v, fc.constantFrom('', ' <', ' || '), v)
    .map(
      ([op, a, joiner, b]): RangeSpec => ({
        kind: 'npm',
        text: joiner === '' ? `${op}${a}` : `${op}${a}${joiner}${b}`,
      }),
    );
  return fc.oneof(osv, npm);
}

function compile(eco: string, r: RangeSpec): CompiledRange {
  return r.kind === 'npm'
    ? compileNpmRange(r.text)
    : compileOsvAffected({ ranges: [{ type: 'ECOSYSTEM', events: r.events }], versions: r.versions }, eco);
}

/** The reference answer, one version at a time: node-semver semantics or the OSV evaluation algorithm. */
function contains(eco: string, r: RangeSpec, version: string): boolean {
  return r.kind === 'npm'
    ? satisfiesNpm(version, r.text)
    : evaluateOsvAffected(
        version,
        { ranges: [{ type: 'ECOSYSTEM', events: r.events }], versions: r.versions },
        eco,
      ).affected;
}

const world = fc.constantFrom(...ECOSYSTEMS).chain((eco) =>
  fc.record({
    eco: fc.constant(eco),
    instances: fc.array(fc.tuple(fc.constantFrom(...NAMES), VERSION[eco] as fc.Arbitrary<string>), {
      maxLength: 60,
    }),
    ranges: fc.array(rangeArb(eco), { minLength: 1, maxLength: 4 }),
    removals: fc.array(fc.nat(59), { maxLength: 15 }),
  }),
);

describe('ExposureIndex', () => {
  it('query equals a brute-force filter with the reference evaluation (random data, adds and removals)', () => {
    fc.assert(
      fc.property(world, ({ eco, instances, ranges, removals }) => {
        const index = new ExposureIndex();
        const live = new Map<number, [string, string]>();
        instances.forEach(([name, version], id) => {
          index.add(id * 3, eco, name, version);
          live.set(id * 3, [name, version]);
        });
        for (const r of removals) {
          expect(index.remove(r * 3)).toBe(live.delete(r * 3));
        }
        expect(index.size).toBe(live.size);
        for (const r of ranges) {
          const compiled = compile(eco, r);
          for (const name of NAMES) {
            const got = [...index.query(compiled, eco, name)].sort((a, b) => a - b);
            const want = [...live]
              .filter(([, [n, v]]) => n === name && contains(eco, r, v))
              .map(([id]) => id)
              .sort((a, b) => a - b);
            expect(got).toEqual(want);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('moves an instance that is added again and keeps counts right', () => {
    const index = new ExposureIndex();
    index.add(7, 'npm', 'lodash', '4.17.20');
    index.add(7, 'npm', 'lodash', '4.17.21');
    index.add(8, 'npm', 'lodash', '4.17.20');
    const vulnerable = compileNpmRange('<4.17.21');
    expect([...index.query(vulnerable, 'npm', 'lodash')]).toEqual([8]);
    expect(index.size).toBe(2);
    expect(index.countInstances('npm', 'lodash')).toBe(2);
    expect(index.describeVersion(index.versionOf(7))).toEqual({
      ecosystem: 'npm',
      name: 'lodash',
      version: '4.17.21',
      instances: 1,
    });
    expect(index.remove(8)).toBe(true);
    expect(index.remove(8)).toBe(false);
    expect(index.forEachMatch(vulnerable, 'npm', 'lodash', () => {})).toBe(0);
    expect(() => index.add(-1, 'npm', 'x', '1.0.0')).toThrow(RangeError);
  });

  it('compares PyPI names in PEP 503 form and other names exactly', () => {
    const index = ExposureIndex.from([
      [0, 'PyPI', 'zope.interface', '5.0'],
      [1, 'Maven', 'org.example:Core', '1.0'],
    ]);
    const everything: CompiledRange = { intervals: [{ lower: null, upper: null }], stableIntervals: [] };
    expect([...index.query(everything, 'PyPI', 'Zope_Interface')]).toEqual([0]);
    expect([...index.query(everything, 'Maven', 'org.example:core')]).toEqual([]);
  });

  it('keeps versions it cannot order, and never matches them', () => {
    const index = new ExposureIndex();
    index.add(1, 'npm', 'x', 'not-a-version');
    index.add(2, 'Julia', 'Foo', '1.0.0');
    index.add(3, 'npm', 'x', '1.0.0');
    const everything: CompiledRange = { intervals: [{ lower: null, upper: null }], stableIntervals: [] };
    expect([...index.query(everything, 'npm', 'x')]).toEqual([3]);
    expect([...index.query(everything, 'Julia', 'Foo')]).toEqual([]);
    expect(index.stats()).toMatchObject({ instances: 3, packages: 2, versions: 3, unorderableVersions: 2 });
  });
});

describe('portfolio and incremental matching', () => {
  const advisory = (id: string, affected: AffectedPackage[], withdrawn?: string): Advisory => ({
    id,
    aliases: [],
    modified: null,
    summary: id,
    severity: [],
    affected,
    unsupported: [],
    source: 'osv',
    ...(withdrawn ? { withdrawn } : {}),
  });

  it('full portfolio, one new advisory and one new SBOM give the same (advisory, instance) pairs', () => {
    fc.assert(
      fc.property(world, ({ eco, instances, ranges }) => {
        const index = new ExposureIndex();
        instances.forEach(([name, version], id) => {
          index.add(id, eco, name, version);
        });
        const advisories = ranges.map((r, i) =>
          advisory(`ADV-${i}`, [
            affectedPackage(eco, NAMES[i % NAMES.length] as string, compile(eco, r), []),
          ]),
        );
        const full = new Set<string>();
        matchPortfolio(index, advisories, (a, _p, id) => full.add(`${a.id}/${id}`));
        const incremental = new Set<string>();
        for (const a of advisories) matchAdvisory(index, a, (x, _p, id) => incremental.add(`${x.id}/${id}`));
        const bySbom = new Set<string>();
        const hits = AdvisoryIndex.from(advisories).matchComponents(
          instances.map(([name, version]) => ({ ecosystem: eco, name, version })),
        );
        for (const h of hits) bySbom.add(`${h.advisory.id}/${h.component}`);
        expect(incremental).toEqual(full);
        expect(bySbom).toEqual(full);
      }),
      { numRuns: 200 },
    );
  });

  it('skips withdrawn advisories and replaces an advisory re-added with the same id', () => {
    const index = ExposureIndex.from([[0, 'PyPI', 'django', '3.2']]);
    const range = compileOsvAffected({ versions: ['3.2'] }, 'PyPI');
    const live = advisory('PYSEC-1', [affectedPackage('PyPI', 'Django', range, [])]);
    const gone = advisory('PYSEC-2', [affectedPackage('PyPI', 'Django', range, [])], '2024-01-01T00:00:00Z');
    expect(matchPortfolio(index, [live, gone], () => {})).toEqual({ advisories: 1, packages: 1, hits: 1 });
    const advisories = AdvisoryIndex.from([live, gone]);
    expect(advisories.match('PyPI', 'django', '3.2').map((h) => h.advisory.id)).toEqual(['PYSEC-1']);
    advisories.add(advisory('PYSEC-1', []));
    expect(advisories.match('PyPI', 'django', '3.2')).toEqual([]);
    expect(advisories.size).toBe(2);
    expect(advisories.remove('PYSEC-2')).toBe(true);
    expect(advisories.match('PyPI', 'django', 'not a version')).toEqual([]);
  });
});
