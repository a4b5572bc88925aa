import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalizeOsvPackageName } from '../purl';
import { evaluateOsvAffected, getEcosystem, matchesCompiled, type OsvAffected } from '../versions';
import { type AdvisorySet, loadAdvisories, normalizeAdvisory } from './index';
import { readSource } from './sources';

/** Real advisory corpora (../shared/vectors/README.md §9) and OSV edge cases (§7). */
const VECTORS = fileURLToPath(new URL('../../../../shared/vectors/', import.meta.url));

const summary = (name: string, set: AdvisorySet) => console.log(`${name}: ${JSON.stringify(set.counts)}`);

/**
 * Probes every event version (and the first listed versions) of each package against the compiled form and the OSV evaluation
 * algorithm (evaluateOsvAffected) over all of the record's entries for that package (entries are merged).
 */
async function agreesWithOsvEvaluation(
  file: string,
): Promise<{ probes: number; records: number; mismatches: string[] }> {
  const mismatches: string[] = [];
  let probes = 0;
  let records = 0;
  for await (const item of readSource(file)) {
    if (!('doc' in item)) throw new Error(item.problem);
    type Entry = OsvAffected & { package?: { ecosystem: string; name: string } };
    const record = item.doc as { id: string; affected?: Entry[] };
    const [advisory] = normalizeAdvisory(record).advisories;
    records++;
    for (const pkg of advisory?.affected ?? []) {
      const entries = (record.affected ?? []).filter(
        (e) =>
          e.package?.ecosystem === pkg.ecosystem &&
          normalizeOsvPackageName(pkg.ecosystem, e.package.name) === pkg.name,
      );
      const eco = getEcosystem(pkg.ecosystem);
      const versions = new Set<string>();
      for (const e of entries) {
        // Listed versions are evaluated by plain equality; three per entry keep the run short (the OSV
        // algorithm re-parses the whole list for every probe).
        for (const v of (e.versions ?? []).slice(0, 3)) versions.add(v);
        for (const r of e.ranges ?? [])
          for (const ev of r.events) for (const v of Object.values(ev)) versions.add(v);
      }
      for (const v of versions) {
        if (v === '0' || !eco.isValid(v)) continue;
        const expected = entries.some((e) => evaluateOsvAffected(v, e, eco).affected);
        const got = matchesCompiled(pkg.compiled, eco.sortKey(v), eco.isPrerelease(v));
        if (got !== expected) mismatches.push(`${record.id} ${pkg.name}@${v}: ${got} vs ${expected}`);
        probes++;
      }
    }
  }
  return { probes, records, mismatches };
}

describe('real advisory corpora', () => {
  it('Go vulnerability database: 4,291 OSV records, every range compiled', async () => {
    const set = await loadAdvisories(`${VECTORS}advisories/golang-vulndb/go-osv.jsonl`);
    summary('golang/vulndb', set);
    expect(set.counts).toMatchObject({ records: 4291, unsupported: 0, problems: 0, bySource: { osv: 4291 } });
    expect(set.counts.packages).toBeGreaterThan(4291);
    const stdlib = set.advisories.find((a) => a.id === 'GO-2022-0969');
    expect(stdlib?.affected.map((p) => p.name)).toContain('stdlib');
  });

  it('PyPA advisory database: 2,661 records, the 1,391 GIT ranges counted as unsupported', async () => {
    const set = await loadAdvisories(`${VECTORS}advisories/pypa-advisory-database/pypa-osv.jsonl`);
    summary('pypa/advisory-database', set);
    expect(set.counts).toMatchObject({ records: 2661, unsupported: 1391, unsupportedByType: { GIT: 1391 } });
    // OSV keeps PyPI names as published; they are PEP 503-normalised to meet purl-derived names.
    expect(set.advisories.flatMap((a) => a.affected).every((p) => p.name === p.name.toLowerCase())).toBe(
      true,
    );
  });

  it('Node.js Security WG: 467 npm advisories; core advisories and the index file reported', async () => {
    const set = await loadAdvisories(`${VECTORS}advisories/nodejs-security-wg`);
    summary('nodejs/security-wg', set);
    expect(set.counts).toMatchObject({ records: 467, ranges: 467, unsupported: 0, problems: 173 });
    const reasons = new Set(set.problems.map((p) => p.reason));
    expect(reasons).toContain('Node.js core advisory: Node.js itself is not a package ecosystem');
    expect(set.advisories.find((a) => a.id === 'NSWG-ECO-1')).toMatchObject({
      aliases: ['CVE-2014-7205'],
      affected: [{ ecosystem: 'npm', name: 'bassmaster' }],
      severity: [{ type: 'CVSS_V3', score: 'CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:N' }],
    });
  });

  it('other OSV sources, OSV edge cases and CSAF advisories load with every gap accounted for', async () => {
    const misc = await loadAdvisories(`${VECTORS}advisories/misc-osv`);
    summary('misc-osv (grype, Dependency-Track, GHSA-format Go, VEX samples)', misc);
    // Root.io's "Root:*", OSS-Fuzz and "JavaScript" ecosystems have no known ordering: reported per package.
    expect(misc.counts.unsupportedByType).toEqual({ package: 7 });
    // OpenVEX statements are not advisories.
    expect(misc.problems.every((p) => p.source.includes('openvex'))).toBe(true);
    const linter = await loadAdvisories(`${VECTORS}osv/osv-linter-testdata`);
    summary('osv-linter testdata', linter);
    expect(linter.counts.unsupportedByType.GIT).toBeGreaterThan(0);
    const csaf = await loadAdvisories(`${VECTORS}csaf/csaf_2.0/examples/csaf`);
    summary('CSAF 2.0 examples', csaf);
    // The OASIS examples identify products by CPE or name only: nothing to match by purl, all counted.
    expect(csaf.counts).toMatchObject({ packages: 0, unsupportedByType: { 'csaf-product': 290 } });
  });

  it('compiled ranges agree with the OSV evaluation algorithm on the event versions of the Go and PyPI corpora', async () => {
    const go = await agreesWithOsvEvaluation(`${VECTORS}advisories/golang-vulndb/go-osv.jsonl`);
    const pypi = await agreesWithOsvEvaluation(`${VECTORS}advisories/pypa-advisory-database/pypa-osv.jsonl`);
    console.log(`OSV evaluation agreement: Go ${go.probes} probes, PyPI ${pypi.probes} probes`);
    expect(go.records).toBe(4291);
    expect([...go.mismatches, ...pypi.mismatches]).toEqual([]);
    expect(pypi.probes).toBeGreaterThan(10_000);
  });
});
