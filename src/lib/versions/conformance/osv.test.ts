import { describe, expect, it } from 'vitest';
import { getEcosystem } from '../ecosystems/registry';
import { intervalsContain } from '../interval';
import { compileOsvAffected, evaluateOsvAffected, type OsvAffected, type OsvRange } from '../osv-range';
import { readVector } from './vectors';

/**
 * OSV range evaluation on real advisories: the PyPA database (PyPI, ECOSYSTEM and GIT ranges, with osv.dev's
 * enumerated `versions`) and the Go vulnerability database (SEMVER ranges).
 */

interface Record {
  id: string;
  affected?: (OsvAffected & { package: { name: string; ecosystem: string } })[];
}

function records(path: string): Record[] {
  return readVector(path)
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record);
}

/** Listed versions that are outside their record's own ranges under the OSV algorithm, with the reason. */
const PYPA_EXCLUSIONS: readonly { id: string; version: string; reason: string }[] = [
  ...['3.2a1', '3.2b1', '3.2rc1', '4.2a1', '4.2b1', '4.2rc1'].map((version) => ({
    id: 'PYSEC-2023-61',
    version,
    reason:
      'the record lists a pre-release that sorts below its range\'s "introduced" (e.g. 3.2a1 < 3.2 in PEP 440)',
  })),
  {
    id: 'PYSEC-2021-114',
    version: '2.11.6',
    reason:
      'overlapping pairs in one range (introduced 0/fixed 2.11.6 and introduced 2.11/fixed 2.11.7): the ' +
      'sorted-event algorithm ends at fixed 2.11.6',
  },
];

describe('PyPA advisories (PyPI)', () => {
  it('puts osv.dev-enumerated versions inside their ECOSYSTEM ranges and reports every GIT range', () => {
    const pypi = getEcosystem('PyPI');
    let total = 0;
    let checked = 0;
    let git = 0;
    let reported = 0;
    const outside: string[] = [];
    const disagree: string[] = [];
    for (const r of records('advisories/pypa-advisory-database/pypa-osv.jsonl')) {
      for (const a of r.affected ?? []) {
        const ranges = (a.ranges ?? []) as OsvRange[];
        const compiled = compileOsvAffected({ ranges }, pypi);
        git += ranges.filter((x) => x.type === 'GIT').length;
        reported += compiled.unsupported.filter((u) => u.type === 'GIT').length;
        // Listed versions of records with GIT ranges may come from git tags, so only ECOSYSTEM-only records count.
        if (!a.versions?.length || ranges.length === 0 || ranges.some((x) => x.type !== 'ECOSYSTEM'))
          continue;
        a.versions.forEach((v, i) => {
          total++;
          const inside = intervalsContain(compiled.intervals, pypi.sortKey(v));
          if (!inside) outside.push(`${r.id} ${v}`);
          // Cross-check the compiled intervals against the direct algorithm on a sample.
          if (i % 40 === 0) {
            checked++;
            if (evaluateOsvAffected(v, { ranges }, pypi).affected !== inside) disagree.push(`${r.id} ${v}`);
          }
        });
      }
    }
    const expected = PYPA_EXCLUSIONS.map((e) => `${e.id} ${e.version}`);
    console.log(`osv: ${total - outside.length}/${total} PyPA listed versions inside their ECOSYSTEM ranges`);
    for (const e of PYPA_EXCLUSIONS) console.log(`  excluded: ${e.id} ${e.version} -- ${e.reason}`);
    console.log(`osv: ${checked - disagree.length}/${checked} PyPA compiled-vs-evaluated checks agree`);
    console.log(`osv: ${reported}/${git} PyPA GIT ranges reported as unsupported`);
    expect(outside.sort()).toEqual(expected.sort());
    expect(disagree).toEqual([]);
    expect(git).toBe(1391);
    expect(reported).toBe(git);
  });
});

describe('Go vulnerability database (SEMVER ranges)', () => {
  it('compiles every range and agrees with direct evaluation at event boundaries', () => {
    const go = getEcosystem('Go');
    let ranges = 0;
    let evaluations = 0;
    const disagree: string[] = [];
    const unsupported: string[] = [];
    for (const r of records('advisories/golang-vulndb/go-osv.jsonl')) {
      for (const a of r.affected ?? []) {
        for (const range of a.ranges ?? []) {
          ranges++;
          const compiled = compileOsvAffected({ ranges: [range] }, go);
          if (compiled.unsupported.length > 0) unsupported.push(r.id);
          // Direct evaluation is the slow path; every fifth range is enough to cross-check the compiler.
          if (ranges % 5 !== 0) continue;
          for (const e of range.events) {
            const v = e.introduced ?? e.fixed ?? e.last_affected ?? e.limit;
            if (v === undefined || v === '0') continue;
            for (const probe of [v, `${v}-0`, `${v}.1`]) {
              if (!go.isValid(probe)) continue;
              evaluations++;
              const inside = intervalsContain(compiled.intervals, go.sortKey(probe));
              if (evaluateOsvAffected(probe, { ranges: [range] }, go).affected !== inside)
                disagree.push(`${r.id} ${probe}`);
            }
          }
        }
      }
    }
    console.log(
      `osv: ${ranges - unsupported.length}/${ranges} Go SEMVER ranges compiled; ` +
        `${evaluations - disagree.length}/${evaluations} boundary evaluations agree with the direct algorithm`,
    );
    expect(ranges).toBe(6125);
    expect(unsupported).toEqual([]);
    expect(disagree).toEqual([]);
  });
});
