import { UnknownEcosystemError } from '../errors';
import type { Ecosystem, EcosystemName } from '../types';
import { alpine } from './alpine';
import { debian } from './debian';
import { datetime, lexicographic } from './generic';
import { maven } from './maven';
import { cran, hackage } from './numeric-list';
import { packagist } from './packagist';
import { pypi } from './pypi';
import { rpm } from './rpm';
import { rubygems } from './rubygems';
import { cratesIo, go, hex, npm, nuget, pub, semver } from './semver';

const BY_NAME: Record<EcosystemName, Ecosystem> = {
  npm,
  PyPI: pypi,
  Maven: maven,
  Go: go,
  'crates.io': cratesIo,
  RubyGems: rubygems,
  NuGet: nuget,
  Packagist: packagist,
  Debian: debian,
  Alpine: alpine,
  'Red Hat': rpm,
  Hex: hex,
  Pub: pub,
  CRAN: cran,
  Hackage: hackage,
  semver,
  lexicographic,
  datetime,
};

/** Other OSV ecosystems that share one of the orderings above. */
const ALIASES: Record<string, EcosystemName> = {
  rpm: 'Red Hat',
  'rocky linux': 'Red Hat',
  almalinux: 'Red Hat',
  opensuse: 'Red Hat',
  suse: 'Red Hat',
  'photon os': 'Red Hat',
  openeuler: 'Red Hat',
  mageia: 'Red Hat',
  'azure linux': 'Red Hat',
  ubuntu: 'Debian',
  chainguard: 'Alpine',
  wolfi: 'Alpine',
  minimos: 'Alpine',
  bitnami: 'semver',
  swifturl: 'semver',
};

const LOWER = new Map<string, EcosystemName>();
for (const name of Object.keys(BY_NAME) as EcosystemName[]) LOWER.set(name.toLowerCase(), name);
for (const [alias, name] of Object.entries(ALIASES)) LOWER.set(alias, name);

/**
 * Resolves an OSV ecosystem string to the canonical ordering name, or null. Matching ignores case, and a
 * ":<suffix>" (release, CPE or repository URL, e.g. "Debian:12", "Alpine:v3.18", "Red Hat:rhel_aus:8.4")
 * is ignored.
 */
export function resolveEcosystemName(ecosystem: string): EcosystemName | null {
  if (typeof ecosystem !== 'string') return null;
  const colon = ecosystem.indexOf(':');
  const base = (colon < 0 ? ecosystem : ecosystem.slice(0, colon)).trim().toLowerCase();
  return LOWER.get(base) ?? null;
}

/** Returns the version ordering for an OSV ecosystem string; throws UnknownEcosystemError if unsupported. */
export function getEcosystem(ecosystem: string): Ecosystem {
  const name = resolveEcosystemName(ecosystem);
  if (name === null) throw new UnknownEcosystemError(String(ecosystem));
  return BY_NAME[name];
}

/** Canonical names of every supported ordering. */
export function listEcosystems(): EcosystemName[] {
  return Object.keys(BY_NAME) as EcosystemName[];
}
