import { parsePurl } from './parse';
import type { Purl } from './types';

/** An OSV ecosystem (as listed in the OSV schema's ecosystems.json) and the package name OSV uses there. */
export interface OsvPackage {
  readonly ecosystem: string;
  readonly name: string;
}

/** Debian release names to numbers, per distro-info-data debian.csv; OSV scopes Debian as "Debian:<number>". */
const DEBIAN_RELEASES: Readonly<Record<string, string>> = {
  wheezy: '7',
  jessie: '8',
  stretch: '9',
  buster: '10',
  bullseye: '11',
  bookworm: '12',
  trixie: '13',
  forky: '14',
  sid: 'sid',
};

/** rpm vendors (purl namespace) with an OSV ecosystem; other vendors have none. */
const RPM_ECOSYSTEMS: Readonly<Record<string, string>> = {
  redhat: 'Red Hat',
  almalinux: 'AlmaLinux',
  rocky: 'Rocky Linux',
  'rocky-linux': 'Rocky Linux',
  opensuse: 'openSUSE',
  suse: 'SUSE',
  mageia: 'Mageia',
  openeuler: 'openEuler',
};

/** "debian-12", "12.5", "bookworm" → "12"; undefined when the distro names no known release. */
function debianRelease(distro: string | undefined): string | undefined {
  if (distro === undefined) return undefined;
  const value = distro.toLowerCase().replace(/^debian-/, '');
  const numeric = /^(\d+)(\.\d+)*$/.exec(value);
  if (numeric) return numeric[1];
  return Object.hasOwn(DEBIAN_RELEASES, value) ? DEBIAN_RELEASES[value] : undefined;
}

/** "alpine-3.18.4" or "3.18" → "v3.18" (OSV requires the "v" prefix on Alpine branches). */
function alpineBranch(distro: string | undefined): string | undefined {
  const match = distro === undefined ? null : /^(?:alpine-)?v?(\d+)\.(\d+)/i.exec(distro);
  return match ? `v${match[1]}.${match[2]}` : undefined;
}

/** PEP 503 normalised name: lowercase, runs of "-", "_" and "." become one "-". */
function pep503(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/**
 * The form of an OSV package name that purl-derived names are compared with: PyPI names are PEP 503
 * normalised (OSV records carry them as published, e.g. "Django"); other ecosystems' names are kept.
 */
export function normalizeOsvPackageName(ecosystem: string, name: string): string {
  return ecosystem === 'PyPI' ? pep503(name) : name;
}

const withRelease = (ecosystem: string, release: string | undefined) =>
  release === undefined ? ecosystem : `${ecosystem}:${release}`;

/** Maps a purl (a string is parsed leniently) to its OSV ecosystem and package name; null if OSV has none. */
export function purlToOsvEcosystem(input: Purl | string): OsvPackage | null {
  const purl = typeof input === 'string' ? parsePurl(input, { lenient: true }) : input;
  const { namespace, name } = purl;
  const distro = purl.qualifiers?.distro;
  const pkg = (ecosystem: string, osvName: string = name): OsvPackage => ({ ecosystem, name: osvName });

  switch (purl.type) {
    case 'npm':
      return pkg('npm', namespace === null ? name : `${namespace}/${name}`);
    case 'maven':
      return namespace === null ? null : pkg('Maven', `${namespace}:${name}`);
    case 'pypi':
      return pkg('PyPI', pep503(name));
    case 'golang':
      return namespace === null ? null : pkg('Go', `${namespace}/${name}`);
    case 'cargo':
      return pkg('crates.io');
    case 'gem':
      return pkg('RubyGems');
    case 'nuget':
      return pkg('NuGet');
    case 'composer':
      return namespace === null ? null : pkg('Packagist', `${namespace}/${name}`);
    case 'hex':
      return pkg('Hex');
    case 'pub':
      return pkg('Pub');
    case 'cran':
      return pkg('CRAN');
    case 'hackage':
      return pkg('Hackage');
    case 'bitnami':
      return pkg('Bitnami');
    case 'julia':
      return pkg('Julia');
    case 'opam':
      return pkg('opam');
    case 'vscode-extension':
      return namespace === null ? null : pkg('VSCode', `${namespace}.${name}`);
    case 'deb':
      if (namespace === 'debian') return pkg(withRelease('Debian', debianRelease(distro)));
      return namespace === 'ubuntu' ? pkg('Ubuntu') : null;
    case 'apk':
      if (namespace === 'alpine') return pkg(withRelease('Alpine', alpineBranch(distro)));
      if (namespace === 'wolfi') return pkg('Wolfi');
      return namespace === 'chainguard' ? pkg('Chainguard') : null;
    case 'rpm': {
      const ecosystem =
        namespace !== null && Object.hasOwn(RPM_ECOSYSTEMS, namespace) ? RPM_ECOSYSTEMS[namespace] : null;
      return ecosystem ? pkg(ecosystem) : null;
    }
    default:
      return null;
  }
}
