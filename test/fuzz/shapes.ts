import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The third-party vectors the purl and version tests read (../shared/vectors next to the repository). */
export const VECTORS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../shared/vectors',
);

const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));
const exists = (p: string) => fs.existsSync(p);

/** Hand-written purls beyond the suites: empty parts, encodings, huge and odd qualifiers. */
const EXTRA_PURLS = [
  'pkg:',
  'pkg:/',
  'pkg:npm/',
  'pkg:npm/@',
  'pkg:npm/%40scope%2Fname@1.0.0',
  'pkg:npm/name@',
  'pkg:npm/name@@1',
  'pkg:npm/name@1.0.0?',
  'pkg:npm/name@1.0.0?a=&b',
  'pkg:npm/name@1.0.0#',
  'pkg:npm/name@1.0.0#../../etc/passwd',
  'pkg:maven/g/a@1?classifier=%00',
  'pkg:generic/%ZZ@1',
  'pkg:generic/name@%ED%A0%80',
  'pkg:golang/github.com/a/b/v2@v2.0.0+incompatible',
  'pkg:deb/debian/curl@7.50.3-1?arch=i386&distro=jessie',
  'pkg:pypi/Django_Rest-Framework@3.0',
  `pkg:npm/${'a'.repeat(2000)}@1`,
  `pkg:npm/a@${'9'.repeat(400)}`,
  `pkg:npm/a@1?${Array.from({ length: 200 }, (_, i) => `k${i}=v`).join('&')}`,
  'PKG:NPM/LODASH@4.17.21',
  'pkg:npm/lodash@4.17.20',
  'pkg:generic/openssl@1.1.1k',
];

/** Versions outside any ecosystem's grammar or at its edges. */
const EXTRA_VERSIONS = [
  '',
  ' ',
  'v',
  'v1',
  '1.',
  '.1',
  '1..2',
  '1.0.0-',
  '1.0.0+',
  '1.0.0-0',
  '0.0.0-0.0',
  '1.2.3-alpha.01',
  '01.02.03',
  '1.0.0+build.1+dup',
  '*',
  '^1.2',
  '~>1',
  '>=1 <2 || 3',
  '[1.0,2.0)',
  'latest',
  'NaN',
  '-1',
  '1e999',
  '0x10',
  '9'.repeat(400),
  `1${'.0'.repeat(500)}`,
  '1.0.0\u0000',
  '1.0\u202E0',
  '１.２.３',
  '2:1.0-1',
  '1:',
  ':1',
  '1.0_rc1-r0',
  '1!2.0.post1.dev3',
];

let cache: { purls: string[]; versions: Map<string, string[]> } | undefined;

/** Purls from the purl-spec suites (spec, per-type and legacy) plus hand-written edge cases. */
export function purlShapes(): string[] {
  return load().purls;
}

/** Version strings per OSV ecosystem from the osv-scalibr comparison files, plus edge cases under `*`. */
export function versionShapes(): Map<string, string[]> {
  return load().versions;
}

function load() {
  if (cache) return cache;
  const purls = new Set<string>(EXTRA_PURLS);
  const purlDir = path.join(VECTORS_DIR, 'purl');
  const suites = [
    path.join(purlDir, 'tests/spec/specification-test.json'),
    ...(exists(path.join(purlDir, 'tests/types'))
      ? fs.readdirSync(path.join(purlDir, 'tests/types')).map((f) => path.join(purlDir, 'tests/types', f))
      : []),
  ].filter(exists);
  for (const file of suites) {
    const tests =
      (readJson(file) as { tests?: { input?: unknown; expected_output?: unknown }[] }).tests ?? [];
    for (const t of tests) {
      if (typeof t.input === 'string') purls.add(t.input);
      if (typeof t.expected_output === 'string') purls.add(t.expected_output);
    }
  }
  const legacy = path.join(purlDir, 'legacy/test-suite-data.json');
  if (exists(legacy)) {
    for (const t of readJson(legacy) as { purl?: string; canonical_purl?: string | null }[]) {
      if (t.purl) purls.add(t.purl);
      if (t.canonical_purl) purls.add(t.canonical_purl);
    }
  }
  const versions = new Map<string, string[]>([['*', EXTRA_VERSIONS]]);
  const files: Record<string, string> = {
    'semver-versions.txt': 'npm',
    'pypi-versions.txt': 'PyPI',
    'maven-versions.txt': 'Maven',
    'nuget-versions.txt': 'NuGet',
    'rubygems-versions.txt': 'RubyGems',
    'packagist-versions.txt': 'Packagist',
    'debian-versions.txt': 'Debian',
    'alpine-versions.txt': 'Alpine',
    'redhat-versions.txt': 'Red Hat',
    'cran-versions.txt': 'CRAN',
    'pub-versions.txt': 'Pub',
    'hackage-versions.txt': 'Hackage',
  };
  for (const [file, ecosystem] of Object.entries(files)) {
    const p = path.join(VECTORS_DIR, 'version-compare/osv-scalibr', file);
    if (!exists(p)) continue;
    const set = new Set<string>();
    for (const line of fs.readFileSync(p, 'utf8').split('\n')) {
      if (line.trim() === '' || line.startsWith('# ') || line.startsWith('// ')) continue;
      const [a, , b] = line.split(' ');
      if (a) set.add(a);
      if (b) set.add(b);
    }
    versions.set(ecosystem, [...set]);
  }
  cache = { purls: [...purls], versions };
  return cache;
}

/** Small real documents to upload as they are: SBOMs (CycloneDX/SPDX JSON and XML, tag-value) and OSV records. */
export function corpusFiles(kind: 'sbom' | 'osv', maxBytes = 256 * 1024): string[] {
  const root = path.join(VECTORS_DIR, kind);
  if (!exists(root)) return [];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.(json|xml|spdx|jsonl)$/i.test(e.name) && fs.statSync(full).size <= maxBytes) out.push(full);
    }
  };
  walk(root);
  return out;
}
