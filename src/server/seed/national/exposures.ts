import { createHash } from 'node:crypto';
import { type Advisory, normalizeAdvisory } from '../../../lib/advisories';
import { AdvisoryIndex } from '../../../lib/matching';
import { exposureRepository } from '../../modules/exposure/exposure.repository';
import { assets, components, exposures, matchAdvisories } from '../../modules/exposure/exposure.table';
import { advisorySeverity } from '../../modules/exposure/severity';
import { BulkWriter, insertAll } from './bulk';
import { type NationalRun, plusDays, tally } from './context';
import type { Rng } from './random';

/** Real open-source packages with their released versions, oldest first; `clean` ones get no advisory. */
const PACKAGES: {
  eco: 'npm' | 'PyPI' | 'Maven';
  name: string;
  purl: string;
  versions: string[];
  clean?: true;
}[] = [
  {
    eco: 'npm',
    name: 'lodash',
    purl: 'pkg:npm/lodash',
    versions: ['4.17.15', '4.17.19', '4.17.20', '4.17.21'],
  },
  {
    eco: 'npm',
    name: 'express',
    purl: 'pkg:npm/express',
    versions: ['4.16.4', '4.17.1', '4.18.2', '4.19.2'],
  },
  { eco: 'npm', name: 'axios', purl: 'pkg:npm/axios', versions: ['0.21.1', '0.27.2', '1.6.0', '1.7.4'] },
  { eco: 'npm', name: 'minimist', purl: 'pkg:npm/minimist', versions: ['1.2.5', '1.2.6', '1.2.8'] },
  { eco: 'npm', name: 'jsonwebtoken', purl: 'pkg:npm/jsonwebtoken', versions: ['8.5.1', '9.0.0', '9.0.2'] },
  { eco: 'npm', name: 'ws', purl: 'pkg:npm/ws', versions: ['7.4.6', '8.11.0', '8.17.1'] },
  { eco: 'npm', name: 'react', purl: 'pkg:npm/react', versions: ['17.0.2', '18.2.0', '18.3.1'], clean: true },
  { eco: 'npm', name: 'debug', purl: 'pkg:npm/debug', versions: ['4.3.4', '4.3.5'], clean: true },
  {
    eco: 'PyPI',
    name: 'requests',
    purl: 'pkg:pypi/requests',
    versions: ['2.25.1', '2.28.2', '2.31.0', '2.32.3'],
  },
  {
    eco: 'PyPI',
    name: 'urllib3',
    purl: 'pkg:pypi/urllib3',
    versions: ['1.26.5', '1.26.18', '2.0.7', '2.2.2'],
  },
  { eco: 'PyPI', name: 'pyyaml', purl: 'pkg:pypi/pyyaml', versions: ['5.3.1', '5.4.1', '6.0.1'] },
  { eco: 'PyPI', name: 'django', purl: 'pkg:pypi/django', versions: ['3.2.20', '4.2.7', '4.2.14', '5.0.7'] },
  { eco: 'PyPI', name: 'jinja2', purl: 'pkg:pypi/jinja2', versions: ['2.11.3', '3.1.2', '3.1.4'] },
  { eco: 'PyPI', name: 'pillow', purl: 'pkg:pypi/pillow', versions: ['9.0.1', '9.5.0', '10.3.0'] },
  { eco: 'PyPI', name: 'numpy', purl: 'pkg:pypi/numpy', versions: ['1.24.4', '1.26.4'], clean: true },
  { eco: 'PyPI', name: 'six', purl: 'pkg:pypi/six', versions: ['1.16.0'], clean: true },
  {
    eco: 'Maven',
    name: 'org.apache.logging.log4j:log4j-core',
    purl: 'pkg:maven/org.apache.logging.log4j/log4j-core',
    versions: ['2.14.1', '2.15.0', '2.17.1', '2.20.0'],
  },
  {
    eco: 'Maven',
    name: 'com.fasterxml.jackson.core:jackson-databind',
    purl: 'pkg:maven/com.fasterxml.jackson.core/jackson-databind',
    versions: ['2.9.10', '2.12.7', '2.13.4', '2.15.2'],
  },
  {
    eco: 'Maven',
    name: 'org.springframework:spring-web',
    purl: 'pkg:maven/org.springframework/spring-web',
    versions: ['5.3.18', '5.3.32', '6.0.19', '6.1.6'],
  },
  {
    eco: 'Maven',
    name: 'org.apache.tomcat.embed:tomcat-embed-core',
    purl: 'pkg:maven/org.apache.tomcat.embed/tomcat-embed-core',
    versions: ['9.0.54', '9.0.83', '10.1.18'],
  },
  {
    eco: 'Maven',
    name: 'commons-io:commons-io',
    purl: 'pkg:maven/commons-io/commons-io',
    versions: ['2.6', '2.11.0', '2.14.0'],
  },
  {
    eco: 'Maven',
    name: 'org.yaml:snakeyaml',
    purl: 'pkg:maven/org.yaml/snakeyaml',
    versions: ['1.26', '1.33', '2.0', '2.2'],
  },
  {
    eco: 'Maven',
    name: 'com.google.guava:guava',
    purl: 'pkg:maven/com.google.guava/guava',
    versions: ['31.1-jre', '32.1.3-jre', '33.2.1-jre'],
    clean: true,
  },
  {
    eco: 'Maven',
    name: 'org.slf4j:slf4j-api',
    purl: 'pkg:maven/org.slf4j/slf4j-api',
    versions: ['1.7.36', '2.0.13'],
    clean: true,
  },
];

const SEVERITY_VECTORS: Record<string, string | null> = {
  critical: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
  high: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H',
  medium: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N',
  low: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N',
  none: null,
};

const SYSTEMS = [
  'MES 制造执行系统',
  'ERP 系统',
  '工业互联网平台',
  'SCADA 监控系统',
  '设备远程运维网关',
  'WMS 仓储系统',
];
const JUSTIFICATIONS = ['code_not_reachable', 'requires_configuration', 'protected_at_perimeter'];

/**
 * Synthetic OSV advisories (ids `SIM-OSV-…`, marked 模拟 so nobody mistakes them for real ones) against the
 * vulnerable packages: each fixes at a later release, so older versions fall in range.
 */
function advisories(run: NationalRun, rng: Rng) {
  const docs: Record<string, unknown>[] = [];
  let n = 0;
  for (const p of PACKAGES) {
    if (p.clean) continue;
    for (let k = rng.int(1, 2); k > 0; k--) {
      const fixed = p.versions[rng.int(1, p.versions.length - 1)]!;
      const vector =
        SEVERITY_VECTORS[rng.weighted({ critical: 15, high: 35, medium: 30, low: 10, none: 10 })];
      const id = `SIM-OSV-${String(++n).padStart(4, '0')}`;
      const published = rng.between(plusDays(run.from, -365), plusDays(run.now, -30)).toISOString();
      docs.push({
        schema_version: '1.6.0',
        id,
        modified: published,
        published,
        summary: `（模拟）${p.name} ${fixed} 之前版本存在安全漏洞`,
        details: 'Synthetic advisory generated by the national seed; not a real vulnerability record.',
        ...(vector ? { severity: [{ type: 'CVSS_V3', score: vector }] } : {}),
        affected: [
          {
            package: { ecosystem: p.eco, name: p.name },
            ranges: [
              { type: p.eco === 'npm' ? 'SEMVER' : 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] },
            ],
          },
        ],
      });
    }
  }
  return docs;
}

/**
 * SBOM-backed exposures: enterprises' systems and devices with component sets, matched against the synthetic
 * advisories by the matcher's own index (so the exposures are exactly what an upload would have found), triaged in
 * part; some assets were re-uploaded after upgrades, which resolved the older versions' exposures.
 */
export async function seedExposures(run: NationalRun): Promise<void> {
  const rng = run.rng.fork('exposures');
  const docs = advisories(run, rng);
  const list: Advisory[] = docs.flatMap((d) => normalizeAdvisory(d).advisories);
  const index = AdvisoryIndex.from(list);
  await insertAll(
    run.tx,
    matchAdvisories,
    list.map((a, i) => ({
      id: a.id,
      source: 'osv',
      modified: new Date(a.modified!),
      summary: a.summary,
      aliases: [],
      severity: advisorySeverity(a.severity).label,
      record: docs[i]!,
      importedAt: new Date(a.modified!),
    })),
  );
  const assetRows = new BulkWriter(run.tx, assets);
  const componentRows = new BulkWriter(run.tx, components, [assetRows]);
  const exposureRows = new BulkWriter(run.tx, exposures, [assetRows]);
  const weights = run.enterprises.map((e) => (e.cataloged ? 0.3 + 2 * e.size : 0.05));
  const n = Math.max(3, Math.round(0.1 * run.enterprises.length));
  const pickEnterprise = rng.picker(run.enterprises, weights);
  for (let i = 0; i < n; i++) {
    const e = pickEnterprise();
    const id = rng.uuid();
    const uploadedAt = rng.between(plusDays(run.from, 30), run.now);
    const upgraded = rng.chance(0.2);
    const previousAt = plusDays(uploadedAt, -rng.int(20, 200));
    const picked = rng.sample(PACKAGES, rng.int(6, PACKAGES.length)).map((p) => {
      // Newer releases are likelier; an upgraded asset moved some packages to the latest.
      const before = p.versions[Math.floor(p.versions.length * rng.float() ** 0.7)]!;
      const now = upgraded && rng.chance(0.5) ? p.versions.at(-1)! : before;
      return { p, before, version: now };
    });
    const kind = rng.chance(0.7) ? 'system' : 'device';
    await assetRows.add({
      id,
      orgId: e.orgId,
      kind,
      name: `${rng.pick(SYSTEMS)}${kind === 'device' ? ` #${rng.int(1, 40)}` : ''}`,
      sbomFormat: 'CycloneDX',
      sbomSpecVersion: '1.5',
      sbomSha256: createHash('sha256').update(id).digest('hex'),
      sbomUploadedAt: uploadedAt,
      componentCount: picked.length,
      unsupportedCount: 0,
      createdAt: upgraded ? previousAt : uploadedAt,
      updatedAt: uploadedAt,
    });
    for (const c of picked) {
      await componentRows.add({
        assetId: id,
        orgId: e.orgId,
        ecosystem: c.p.eco,
        name: c.p.name,
        version: c.version,
        purl: `${c.p.purl}@${c.version}`,
      });
    }
    const hit = (list: { p: (typeof PACKAGES)[number]; version: string }[]) =>
      index.matchComponents(list.map((c) => ({ ecosystem: c.p.eco, name: c.p.name, version: c.version })));
    const open = hit(picked);
    const openKeys = new Set(open.map((h) => `${h.advisory.id}|${picked[h.component]!.p.name}`));
    for (const h of open) {
      const c = picked[h.component]!;
      const sev = advisorySeverity(h.advisory.severity);
      const state = rng.weighted({ affected: 80, 'not-affected': 10, fixed: 7, 'false-positive': 3 });
      const triaged = state !== 'affected';
      await exposureRows.add({
        id: rng.uuid(),
        orgId: e.orgId,
        assetId: id,
        advisoryId: h.advisory.id,
        ecosystem: c.p.eco,
        name: c.p.name,
        version: c.version,
        severity: sev.label,
        severityRank: sev.rank,
        state,
        justification: state === 'not-affected' ? rng.pick(JUSTIFICATIONS) : null,
        triagedBy: triaged ? e.adminUserId : null,
        triagedAt: triaged ? plusDays(uploadedAt, rng.int(0, 20)) : null,
        firstSeenAt: upgraded && c.before === c.version ? previousAt : uploadedAt,
        lastSeenAt: uploadedAt,
        resolvedAt: null,
      });
    }
    if (!upgraded) continue;
    // What the earlier upload exposed and the upgrade took out of range: resolved at the re-upload.
    for (const h of hit(picked.map((c) => ({ p: c.p, version: c.before })))) {
      const c = picked[h.component]!;
      if (openKeys.has(`${h.advisory.id}|${c.p.name}`)) continue;
      const sev = advisorySeverity(h.advisory.severity);
      await exposureRows.add({
        id: rng.uuid(),
        orgId: e.orgId,
        assetId: id,
        advisoryId: h.advisory.id,
        ecosystem: c.p.eco,
        name: c.p.name,
        version: c.before,
        severity: sev.label,
        severityRank: sev.rank,
        state: 'affected',
        firstSeenAt: previousAt,
        lastSeenAt: previousAt,
        resolvedAt: uploadedAt,
      });
    }
  }
  await assetRows.flush();
  await componentRows.flush();
  await exposureRows.flush();
  // Components and advisories changed: app nodes rebuild their in-memory matcher.
  await exposureRepository.bumpGeneration(run.tx);
  tally(run, 'match_advisories', list.length);
  tally(run, 'assets', assetRows.count);
  tally(run, 'components', componentRows.count);
  tally(run, 'exposures', exposureRows.count);
}
