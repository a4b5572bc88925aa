import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { loadAdvisories } from '../lib/advisories';
import { ingestSbom } from '../lib/sbom';
import { evaluateOsvAffected } from '../lib/versions';

const BIN = path.resolve(import.meta.dirname, '../../bin/bulwark.js');
const VECTORS = path.resolve(import.meta.dirname, '../../../shared/vectors');
const KUBECTL = `${VECTORS}/sbom/guac-exampledata/oci-kubectl-linux-amd64-spdx-1.json`;
const JUICE_SHOP = `${VECTORS}/sbom/cyclonedx/bom-examples/SBOM/juice-shop/v11.1.2/bom.json`;
const GO_DB = `${VECTORS}/advisories/golang-vulndb/go-osv.jsonl`;

/** Runs the real `bulwark` binary (no database needed for these commands). */
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', timeout: 120_000 });

describe('bulwark version', () => {
  it('compares two versions, exiting 2 for an unknown ecosystem or an invalid version', () => {
    const r = run(['version', 'compare', 'npm', '1.2.3', '1.10.0']);
    expect([r.status, r.stdout]).toEqual([0, '-1\n']);
    const unknown = run(['version', 'compare', 'Cobol', '1', '2']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown ecosystem "Cobol"');
    const invalid = run(['version', 'compare', 'npm', '1.0.0', 'banana']);
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toContain('Invalid npm version "banana"');
  });

  it('sorts stdin ascending like node-semver and names invalid lines while still printing the valid ones', () => {
    const versions = ['1.10.0', '1.2.0', '1.2.0-rc.1', '0.9.9', '1.2.0-alpha.10', '1.2.0-alpha.2', '2.0.0'];
    const ok = run(['version', 'sort', 'npm'], `${versions.join('\n')}\n`);
    expect(ok.status).toBe(0);
    expect(ok.stdout.trim().split('\n')).toEqual(semver.sort([...versions]));
    const bad = run(['version', 'sort', 'Debian'], '1.0-1\nnot a version\n1:0.1\n0.9~rc1\n');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('line 2');
    expect(bad.stdout.trim().split('\n')).toEqual(['0.9~rc1', '1.0-1', '1:0.1']);
  });
});

describe('bulwark purl parse', () => {
  it('prints the components and the OSV package, and exits 2 on an invalid purl', () => {
    const r = run(['purl', 'parse', 'pkg:deb/debian/curl@7.50.3-1?arch=i386&distro=jessie']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      type: 'deb',
      namespace: 'debian',
      name: 'curl',
      version: '7.50.3-1',
      qualifiers: { arch: 'i386', distro: 'jessie' },
      subpath: null,
      osv: { ecosystem: 'Debian:8', name: 'curl' },
    });
    const bad = run(['purl', 'parse', 'npm/lodash@1.0.0']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('invalid purl');
  });
});

describe('bulwark scan', () => {
  it('finds what the OSV algorithm finds for a real SPDX SBOM against the Go vulnerability database', async () => {
    const r = run(['scan', KUBECTL, '--advisories', GO_DB, '--format', 'json']);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as {
      findings: { component: { name: string; version: string }; advisory: { id: string } }[];
    };
    const got = new Set(
      report.findings.map((f) => `${f.component.name}@${f.component.version} ${f.advisory.id}`),
    );
    // Reference: every Go component × every record, with the OSV evaluation algorithm.
    const sbom = await ingestSbom(KUBECTL);
    const { advisories } = await loadAdvisories(GO_DB);
    const records = fs
      .readFileSync(GO_DB, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    const withdrawn = new Set(advisories.filter((a) => a.withdrawn).map((a) => a.id));
    const want = new Set<string>();
    for (const c of sbom.components) {
      if (c.ecosystem !== 'Go' || c.version === null) continue;
      for (const rec of records) {
        if (withdrawn.has(rec.id)) continue;
        const entries = rec.affected.filter((a: { package: { name: string } }) => a.package.name === c.name);
        if (entries.some((e: object) => evaluateOsvAffected(c.version as string, e, 'Go').affected))
          want.add(`${c.name}@${c.version} ${rec.id}`);
      }
    }
    expect(want.size).toBeGreaterThan(20);
    expect(got).toEqual(want);
    expect(r.stderr).toContain('findings in');
  });

  it('agrees with node-semver satisfies() for juice-shop against the Node.js Security WG advisories (table)', async () => {
    const wg = `${VECTORS}/advisories/nodejs-security-wg`;
    const r = run(['scan', JUICE_SHOP, '--advisories', wg]);
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n')[0]).toMatch(
      /^SCORE\s+ADVISORY\s+ALIASES\s+ECOSYSTEM\s+PACKAGE\s+VERSION\s+SUMMARY$/,
    );
    const got = new Set(r.stdout.match(/NSWG-ECO-\d+/g));
    const sbom = await ingestSbom(JUICE_SHOP);
    const want = new Set<string>();
    for (const file of fs.readdirSync(`${wg}/npm`)) {
      const doc = JSON.parse(fs.readFileSync(`${wg}/npm/${file}`, 'utf8'));
      if (typeof doc.module_name !== 'string') continue;
      for (const c of sbom.components)
        if (c.name === doc.module_name && semver.satisfies(c.version as string, doc.vulnerable_versions))
          want.add(`NSWG-ECO-${doc.id}`);
    }
    expect(want.size).toBeGreaterThan(3);
    expect(got).toEqual(want);
    expect(r.stdout).toContain('840 components, 840 matchable by purl');
  });

  it('writes SARIF 2.1.0 for a crafted advisory and exits 0 on a clean SBOM', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-scan-'));
    const advisory = {
      id: 'TEST-2024-0001',
      modified: '2024-05-01T00:00:00Z',
      aliases: ['CVE-2024-99999'],
      summary: 'Arbitrary code execution when loading untrusted YAML',
      severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
      affected: [
        {
          package: { ecosystem: 'PyPI', name: 'ruamel.yaml' },
          ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0.15' }, { fixed: '0.17.22' }] }],
        },
      ],
    };
    fs.writeFileSync(path.join(dir, 'TEST-2024-0001.json'), JSON.stringify(advisory));
    const sbom = `${VECTORS}/sbom/guac-exampledata/cyclonedx-no-top-level.json`;
    const r = run(['scan', sbom, '--advisories', dir, '--format', 'sarif']);
    expect(r.status).toBe(1);
    const log = JSON.parse(r.stdout);
    // SARIF 2.1.0: §3.13.2 version, §3.14 run.tool.driver (§3.19.8 name), §3.49 rules, §3.27 results.
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    const [runLog] = log.runs;
    expect(runLog.tool.driver).toMatchObject({ name: 'bulwark', rules: [{ id: 'TEST-2024-0001' }] });
    expect(runLog.tool.driver.rules[0].properties['security-severity']).toBe('9.8');
    expect(runLog.results).toEqual([
      {
        ruleId: 'TEST-2024-0001',
        ruleIndex: 0,
        level: 'error',
        message: {
          text: expect.stringContaining('PyPI package ruamel-yaml@0.17.21 is affected by TEST-2024-0001'),
        },
        locations: [
          {
            physicalLocation: { artifactLocation: { uri: sbom } },
            logicalLocations: [
              { name: 'ruamel-yaml', fullyQualifiedName: 'pkg:pypi/ruamel.yaml@0.17.21', kind: 'package' },
            ],
          },
        ],
        partialFingerprints: { 'bulwark/package-advisory': 'PyPI/ruamel-yaml@0.17.21/TEST-2024-0001' },
      },
    ]);
    const clean = run([
      'scan',
      sbom,
      '--advisories',
      `${VECTORS}/advisories/pypa-advisory-database/pypa-osv.jsonl`,
    ]);
    expect(clean.status).toBe(0);
    expect(clean.stdout).toContain('0 findings in 0 components');
  });

  it('exits 2 with JSON paths on an invalid SBOM, and on missing or empty advisory sources', () => {
    const invalid = run([
      'scan',
      `${VECTORS}/sbom/cyclonedx/spec-tests/1.6/invalid-component-type-1.6.json`,
      '--advisories',
      GO_DB,
    ]);
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toContain('/components/0/type: must be equal to one of the allowed values');
    // syft's SPDX 2.2 output lacks copyrightText (rejected strictly: see src/lib/sbom); --lenient scans it.
    const syft = `${VECTORS}/sbom/guac-exampledata/oci-kubectl-linux-arm-v7-spdx.json`;
    const lenient = run(['scan', syft, '--advisories', GO_DB, '--format', 'json', '--lenient']);
    expect(lenient.status).toBe(1);
    expect(lenient.stderr).toContain('warning: ');
    expect(run(['scan', KUBECTL, '--advisories', '/nonexistent']).status).toBe(2);
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-empty-'));
    const none = run(['scan', KUBECTL, '--advisories', empty]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('no advisories found');
  });
});
