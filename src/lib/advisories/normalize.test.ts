import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { getEcosystem, matchesCompiled } from '../versions';
import { type AffectedPackage, loadAdvisories, normalizeAdvisory } from './index';
import { storedZip } from './zip.test-support';

const VECTORS = fileURLToPath(new URL('../../../../shared/vectors/', import.meta.url));

/** True when `version` lies in the package's compiled versions. */
function hits(pkg: AffectedPackage | undefined, version: string): boolean {
  if (pkg === undefined) throw new Error('no such package');
  const eco = getEcosystem(pkg.ecosystem);
  return matchesCompiled(pkg.compiled, eco.sortKey(version), eco.isPrerelease(version));
}

const only = (doc: unknown) => {
  const { advisories } = normalizeAdvisory(doc);
  expect(advisories).toHaveLength(1);
  return advisories[0]!;
};

describe('OSV records', () => {
  it('keeps GIT ranges, malformed ranges and invalid versions as unsupported without losing the rest', () => {
    const a = only({
      id: 'TEST-1',
      modified: '2024-01-01T00:00:00Z',
      aliases: ['CVE-2024-0001'],
      details: 'First line.\nMore.',
      severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
      affected: [
        {
          package: { ecosystem: 'PyPI', name: 'Django_Thing' },
          ranges: [
            { type: 'GIT', repo: 'https://example.com/r', events: [{ introduced: '0' }, { fixed: 'abc' }] },
            { type: 'ECOSYSTEM', events: [{ introduced: '1.0' }, { fixed: '1.4' }] },
            { type: 'ECOSYSTEM', events: [{ introduced: 'not a version!' }] },
          ],
          versions: ['2.0', 'bogus version'],
        },
        { package: { ecosystem: 'PyPI', name: 'django-thing' }, versions: ['3.0'] },
        { ranges: [{ type: 'GIT', repo: 'https://example.com/c', events: [{ introduced: '0' }] }] },
      ],
    });
    expect(a).toMatchObject({
      id: 'TEST-1',
      aliases: ['CVE-2024-0001'],
      summary: 'First line.',
      source: 'osv',
    });
    expect(a.affected).toHaveLength(1);
    const pkg = a.affected[0];
    expect(pkg?.name).toBe('django-thing');
    expect(pkg?.unsupported.map((u) => u.type)).toEqual(['GIT', 'ECOSYSTEM', 'versions']);
    expect(['1.0', '1.3.9', '2.0', '3.0'].map((v) => hits(pkg, v))).toEqual([true, true, true, true]);
    expect(['0.9', '1.4', '2.1'].map((v) => hits(pkg, v))).toEqual([false, false, false]);
    expect(a.unsupported).toEqual([{ type: 'GIT', reason: 'range of an affected entry without a package' }]);
  });

  it('flags withdrawn records and unknown ecosystems', () => {
    const a = only({
      id: 'TEST-2',
      modified: '2024-01-01T00:00:00Z',
      withdrawn: '2024-02-01T00:00:00Z',
      affected: [{ package: { ecosystem: 'OSS-Fuzz', name: 'x' }, versions: ['1'] }],
    });
    expect(a.withdrawn).toBe('2024-02-01T00:00:00Z');
    expect(a.affected[0]?.unsupported[0]?.reason).toContain('no version ordering');
  });
});

describe('Node.js Security WG npm advisories', () => {
  it('applies node-semver ranges with its pre-release rule', () => {
    const a = only({
      id: 7,
      module_name: 'qs',
      vulnerable_versions: '>=1.0.0 <1.0.5 || 2.0.0-rc.1',
      cves: [],
    });
    const pkg = a.affected[0];
    expect(a.id).toBe('NSWG-ECO-7');
    expect(['1.0.0', '1.0.4', '2.0.0-rc.1'].map((v) => hits(pkg, v))).toEqual([true, true, true]);
    // 1.0.3-beta is inside the interval but names another tuple than the range's comparators: excluded.
    expect(['1.0.5', '1.0.3-beta', '2.0.0'].map((v) => hits(pkg, v))).toEqual([false, false, false]);
  });

  it('agrees with node-semver satisfies() on every range of the WG corpus', () => {
    const dir = `${VECTORS}advisories/nodejs-security-wg/npm`;
    let probes = 0;
    const mismatches: string[] = [];
    for (const file of readdirSync(dir)) {
      const doc = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8'));
      if (typeof doc.vulnerable_versions !== 'string') continue;
      const pkg = only(doc).affected[0];
      const seen = new Set<string>();
      for (const m of doc.vulnerable_versions.matchAll(/(\d+)\.(\d+)\.(\d+)(-[0-9A-Za-z.-]+)?/g)) {
        const [, major, minor, patch] = m.map(Number);
        for (const v of [
          m[0],
          `${major}.${minor}.${patch! + 1}`,
          `${major}.${minor}.${Math.max(patch! - 1, 0)}`,
          `${major}.${minor}.${patch}-alpha`,
        ])
          seen.add(v as string);
      }
      for (const v of seen) {
        probes++;
        if (hits(pkg, v) !== semver.satisfies(v, doc.vulnerable_versions))
          mismatches.push(`${file} ${doc.vulnerable_versions} ${v}`);
      }
    }
    console.log(`node-semver agreement on the WG corpus: ${probes} probes`);
    expect(probes).toBeGreaterThan(1500);
    expect(mismatches).toEqual([]);
  });
});

describe('CSAF 2.0 documents', () => {
  const csaf = (productTree: unknown, status: Record<string, string[]>) => ({
    document: {
      category: 'csaf_security_advisory',
      csaf_version: '2.0',
      title: 'Example',
      tracking: { id: 'EX-2024-1', current_release_date: '2024-03-01T00:00:00Z' },
    },
    product_tree: productTree,
    vulnerabilities: [
      {
        cve: 'CVE-2024-1111',
        title: 'Heap overflow',
        product_status: status,
        scores: [{ products: [], cvss_v3: { vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' } }],
      },
    ],
  });
  const product = (id: string, purl?: string) => ({
    name: id,
    product_id: id,
    ...(purl ? { product_identification_helper: { purl } } : {}),
  });

  it('reads known/first/last_affected products: purl versions, version branches, vers ranges, relationships', () => {
    const tree = {
      branches: [
        {
          category: 'vendor',
          name: 'Example',
          branches: [
            {
              category: 'product_name',
              name: 'lib',
              branches: [
                { category: 'product_version', name: '1.2.3', product: product('P1', 'pkg:npm/example-lib') },
                {
                  category: 'product_version_range',
                  name: 'vers:npm/>=2.0.0|<2.4.1',
                  product: product('P2', 'pkg:npm/example-lib'),
                },
                {
                  category: 'product_version_range',
                  name: '<= 3.0',
                  product: product('P3', 'pkg:npm/example-lib'),
                },
              ],
            },
          ],
        },
      ],
      full_product_names: [product('P4', 'pkg:maven/org.example/core@5.0.0'), product('P5')],
      relationships: [
        {
          category: 'default_component_of',
          product_reference: 'P4',
          relates_to_product_reference: 'P5',
          full_product_name: { name: 'core in platform', product_id: 'P5:P4' },
        },
      ],
    };
    const a = only(
      csaf(tree, { known_affected: ['P1', 'P2', 'P3', 'P5:P4'], last_affected: ['P5'], fixed: ['P9'] }),
    );
    expect(a).toMatchObject({
      id: 'CVE-2024-1111',
      aliases: ['EX-2024-1'],
      modified: '2024-03-01T00:00:00Z',
      summary: 'Heap overflow',
      source: 'csaf',
      severity: [{ type: 'CVSS_V3' }],
    });
    const npm = a.affected.find((p) => p.ecosystem === 'npm');
    expect(['1.2.3', '2.0.0', '2.4.0'].map((v) => hits(npm, v))).toEqual([true, true, true]);
    expect(['1.2.4', '2.4.1', '3.0.0'].map((v) => hits(npm, v))).toEqual([false, false, false]);
    expect(npm?.unsupported).toEqual([{ type: 'vers', reason: expect.stringContaining('<= 3.0') }]);
    const maven = a.affected.find((p) => p.ecosystem === 'Maven');
    expect(maven?.name).toBe('org.example:core');
    expect([hits(maven, '5.0.0'), hits(maven, '5.0.1')]).toEqual([true, false]);
    expect(a.unsupported).toEqual([{ type: 'csaf-product', reason: 'product P5 has no purl' }]);
  });

  it('treats an affected purl without any version as every version, and reads the grype CSAF VEX sample', async () => {
    const tree = { full_product_names: [product('P1', 'pkg:pypi/requests')] };
    const all = only(csaf(tree, { known_affected: ['P1'] })).affected[0];
    expect([hits(all, '0.1'), hits(all, '99.0')]).toEqual([true, true]);
    const set = await loadAdvisories(
      `${VECTORS}advisories/misc-osv/vex/grype-integration/csaf/affected.csaf.json`,
    );
    const alpine = set.advisories[0]?.affected[0];
    expect(alpine).toMatchObject({ ecosystem: 'Alpine:v3.12', name: 'libvncserver' });
    expect([hits(alpine, '0.9.9'), hits(alpine, '0.9.10')]).toEqual([true, false]);
  });
});

describe('advisory sources', () => {
  const record = (id: string) => ({ id, modified: '2024-01-01T00:00:00Z', affected: [] });

  it('reads zips (osv.dev all.zip layout), JSON Lines with bad lines, arrays and folders', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bulwark-advisories-'));
    writeFileSync(
      path.join(dir, 'all.zip'),
      storedZip({ 'A-1.json': JSON.stringify(record('A-1')), 'A-2.json': '{oops', 'README.txt': 'skip me' }),
    );
    writeFileSync(
      path.join(dir, 'feed.jsonl'),
      `${JSON.stringify(record('B-1'))}\n\nnot json\n${JSON.stringify(record('B-2'))}\n`,
    );
    writeFileSync(path.join(dir, 'list.json'), JSON.stringify([record('C-1'), { hello: 1 }]));
    const set = await loadAdvisories(dir);
    expect(set.advisories.map((a) => a.id)).toEqual(['A-1', 'B-1', 'B-2', 'C-1']);
    expect(set.counts).toMatchObject({ records: 4, problems: 3 });
    expect(set.problems.map((p) => p.source.slice(dir.length))).toEqual([
      '/all.zip!A-2.json',
      '/feed.jsonl:3',
      '/list.json',
    ]);
    const zipOnly = await loadAdvisories(path.join(dir, 'all.zip'));
    expect(zipOnly.counts.records).toBe(1);
  });
});
